/**
 * An OpenAPI 3.1 document -> a Postman collection (v2.1), as a pure function: one folder per tag,
 * one request per operation, the document's request-body and parameter examples as the requests'
 * contents, `{{base_url}}` in front of every path, the bearer token from a variable, and optional
 * scripts (store a token from a login answer; sign a body). Written for the dialects' own documents,
 * which use nothing beyond that; a missing example gives an empty body, never a guess.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  description?: string;
  example?: Json;
  schema?: { example?: Json; description?: string };
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { example?: Json }> };
}

export interface OpenApiDocument {
  info: { title: string; description?: string };
  paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Operation>>>;
  components?: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
}

export interface PostmanOptions {
  /** Variables of the collection, in order (the seed's `base_url` and `jwt_token`, ...). */
  variables: Array<{ key: string; value: string; description: string }>;
  /** The variable holding the bearer token sent to operations with an http bearer security scheme. */
  tokenVariable: string;
  /** `METHOD /path` -> a body to send instead of the document's example (e.g. with `{{variables}}`). */
  bodies?: Record<string, Json>;
  /** `METHOD /path` -> where its JSON answer holds a token (`data.token`) to store in `tokenVariable`. */
  storesToken?: Record<string, string>;
  /** `METHOD /path` -> an HMAC-SHA256 (base64) of the raw body, keyed by a variable, sent in a header. */
  signs?: Record<string, { header: string; secretVariable: string }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function exampleOf(parameter: Parameter): string {
  const value = parameter.example ?? parameter.schema?.example;
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

function usesBearer(document: OpenApiDocument, operation: Operation): boolean {
  const schemes = document.components?.securitySchemes ?? {};
  return (operation.security ?? []).some((requirement) => Object.keys(requirement).some((name) => schemes[name]?.type === 'http' && schemes[name]?.scheme === 'bearer'));
}

function tokenScript(path: string, variable: string): string[] {
  return [
    `// Stores the token of a successful answer in "${variable}" (the collection's, and the active environment's if one is selected).`,
    `const token = ${JSON.stringify(path.split('.'))}.reduce((value, key) => (value == null ? undefined : value[key]), pm.response.json());`,
    'if (pm.response.code === 200 && typeof token === "string") {',
    `  pm.collectionVariables.set(${JSON.stringify(variable)}, token);`,
    `  if (pm.environment.name) pm.environment.set(${JSON.stringify(variable)}, token);`,
    '}',
  ];
}

function signScript(header: string, secretVariable: string): string[] {
  return [
    `// ${header}: base64(HMAC-SHA256(${secretVariable}, raw body)), computed over the body as it will be sent.`,
    'const body = pm.variables.replaceIn(pm.request.body ? pm.request.body.raw : "");',
    `const signature = CryptoJS.HmacSHA256(body, pm.variables.get(${JSON.stringify(secretVariable)}) || "").toString(CryptoJS.enc.Base64);`,
    `pm.request.headers.upsert({ key: ${JSON.stringify(header)}, value: signature });`,
  ];
}

export function toPostmanCollection(document: OpenApiDocument, options: PostmanOptions): Record<string, unknown> {
  const folders = new Map<string, unknown[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const parameters = operation.parameters ?? [];
      const query = parameters.filter((p) => p.in === 'query').map((p) => ({ key: p.name, value: exampleOf(p), ...(p.description ? { description: p.description } : {}) }));
      const segments = path.split('/').filter(Boolean).map((segment) => segment.replace(/^\{(.+)\}$/, ':$1'));
      const queryText = query.length > 0 ? `?${query.map((q) => `${q.key}=${q.value}`).join('&')}` : '';
      const content = operation.requestBody?.content ?? {};
      const mediaType = Object.keys(content)[0];
      const bodyValue = options.bodies?.[key] ?? (mediaType ? content[mediaType]?.example : undefined);
      const signed = options.signs?.[key];
      const header = [
        ...(mediaType ? [{ key: 'Content-Type', value: mediaType }] : []),
        ...parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() !== signed?.header.toLowerCase()).map((p) => ({ key: p.name, value: exampleOf(p) })),
      ];
      const events = [
        ...(options.storesToken?.[key] ? [{ listen: 'test', script: { type: 'text/javascript', exec: tokenScript(options.storesToken[key]!, options.tokenVariable) } }] : []),
        ...(signed ? [{ listen: 'prerequest', script: { type: 'text/javascript', exec: signScript(signed.header, signed.secretVariable) } }] : []),
      ];
      const request = {
        name: operation.summary ?? key,
        ...(events.length > 0 ? { event: events } : {}),
        request: {
          method: method.toUpperCase(),
          ...(usesBearer(document, operation)
            ? { auth: { type: 'bearer', bearer: [{ key: 'token', value: `{{${options.tokenVariable}}}`, type: 'string' }] } }
            : { auth: { type: 'noauth' } }),
          header,
          ...(mediaType ? { body: { mode: 'raw', raw: JSON.stringify(bodyValue ?? {}, null, 2), options: { raw: { language: 'json' } } } } : {}),
          url: { raw: `{{base_url}}${path}${queryText}`, host: ['{{base_url}}'], path: segments, ...(query.length > 0 ? { query } : {}) },
          ...(operation.description ? { description: operation.description } : {}),
        },
      };
      const tag = operation.tags?.[0] ?? 'Requests';
      folders.set(tag, [...(folders.get(tag) ?? []), request]);
    }
  }
  return {
    info: {
      name: document.info.title,
      ...(document.info.description ? { description: document.info.description } : {}),
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [...folders].map(([name, item]) => ({ name, item })),
    variable: options.variables.map((v) => ({ key: v.key, value: v.value, type: 'string', description: v.description })),
  };
}
