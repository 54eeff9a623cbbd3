/** Small builders for route definitions, so every route documents its errors the same way. */
import type { z } from '@hono/zod-openapi';
import { ProblemSchema } from './problem';

const descriptions: Record<number, string> = {
  400: 'The body is not parseable',
  401: 'Missing or invalid credentials',
  403: 'Forbidden',
  404: 'Not found (also for another tenant\'s resources)',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'The If-Match version is not the current one',
  413: 'Body too large',
  415: 'Wrong content type',
  416: 'Range not satisfiable',
  422: 'Validation failed; `errors` names each field by JSON Pointer',
  429: 'Rate limited; see Retry-After',
  503: 'Temporarily unavailable; see Retry-After',
};

const RETRY_AFTER = { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const, minimum: 0, maximum: 86400 } };

export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'Error',
        ...(status === 429 || status === 503 ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } };
}

/** The errors every authenticated /v1 route can answer. */
export const authProblems = [401, 429] as const;
export const writeProblems = [400, 401, 409, 413, 415, 422, 429] as const;

export const bearerSecurity: Array<Record<string, string[]>> = [{ apiKey: [] }, { bearer: [] }];

// ---- examples ------------------------------------------------------------------------------------

/**
 * The documented example of one operation: what a client sends and what it gets back. Ids in these
 * examples are consistent across operations (the webhook a create answers is the one a read names),
 * so the contract test can follow them as a client would: create, then read, update, delete.
 */
export interface OperationExample {
  /** Path, query and header parameter values, by name. */
  params?: Record<string, string>;
  /** The request body (JSON unless `requestType` says otherwise; a string is sent as it is). */
  request?: unknown;
  requestType?: string;
  /**
   * Headers the example needs that are not parameters (a signature a security scheme names), written
   * to the operation as `x-example-headers`.
   */
  headers?: Record<string, string>;
  /** Answer bodies by status; `null` for an answer without a body (204, 304). */
  responses: Record<number, unknown>;
}

/** Keyed by `METHOD /path` as the document spells it, e.g. `PUT /v1/products/{id}`. */
export type OperationExamples = Record<string, OperationExample>;

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/**
 * Writes examples into a generated OpenAPI document (in place): parameter `example`s, and media-type
 * `example`s on the request body and on each answer. Swagger UI's "Try it out" starts from these,
 * so a default body is one the server accepts. Pure: no I/O.
 */
export function applyExamples<T extends Json>(doc: T, examples: OperationExamples): T {
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      const example = op && examples[`${method.toUpperCase()} ${path}`];
      if (!op || !example) continue;
      for (const param of (op.parameters ?? []) as Json[]) {
        const value = example.params?.[param.name];
        if (value === undefined) continue;
        // An integer parameter's example is a number (Swagger UI and linters check it against the schema).
        const types = [param.schema?.type].flat();
        param.example = types.includes('integer') && /^-?\d+$/.test(value) ? Number(value) : value;
      }
      if (example.headers) op['x-example-headers'] = example.headers;
      const body = op.requestBody?.content as Json | undefined;
      if (body && example.request !== undefined) {
        const type = example.requestType ?? (body['application/json'] ? 'application/json' : Object.keys(body)[0]!);
        if (body[type]) body[type].example = example.request;
      }
      for (const [status, value] of Object.entries(example.responses)) {
        const content = op.responses?.[status]?.content as Json | undefined;
        if (!content || value === null) continue;
        const type = Object.keys(content)[0]!;
        content[type].example = value;
      }
    }
  }
  return doc;
}

/**
 * OpenAPI 3.1 `propertyNames` for a map (a zod record's key rule does not reach the document, and the
 * metadata type predates 3.1): spread into `.openapi({...})`.
 */
export function mapKeys(propertyNames: Record<string, unknown>): object {
  return { propertyNames };
}

/**
 * What every served document states besides its routes (pure, in place): an `operationId` per
 * operation (from method and path, for generated clients), the tags it uses as declared tags, and for
 * integers without them the bounds zod's `.int()` enforces (safe integers) and `format: int64`.
 */
export function finishDocument<T extends Json>(doc: T, tagDescriptions: Record<string, string> = {}): T {
  const tags = new Set<string>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      op.operationId ??= operationId(method, path);
      for (const tag of op.tags ?? []) tags.add(tag);
    }
  }
  const declared = new Map<string, Json>(((doc.tags ?? []) as Json[]).map((t) => [t.name, t]));
  for (const tag of tags) if (!declared.has(tag)) declared.set(tag, { name: tag, ...(tagDescriptions[tag] ? { description: tagDescriptions[tag] } : {}) });
  (doc as Json).tags = [...declared.values()];
  boundIntegers(doc);
  return doc;
}

/** `GET /v1/webhooks/{id}/deliveries` -> `getV1WebhooksByIdDeliveries`. */
function operationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith('{') ? ['by', segment.slice(1, -1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** In place: `format: int64` and safe-integer bounds on every integer schema that lacks them. */
export function boundIntegers(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(boundIntegers);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'))) {
    schema.format ??= 'int64';
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined) schema.minimum = -Number.MAX_SAFE_INTEGER;
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined) schema.maximum = Number.MAX_SAFE_INTEGER;
  }
  for (const [key, value] of Object.entries(schema)) if (key !== 'example' && key !== 'examples') boundIntegers(value);
}

/** Declares a header on every answer of every operation (one the app sets on all of them). */
export function headerOnEveryAnswer<T extends Json>(doc: T, name: string, header: Json): T {
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      for (const response of Object.values<Json>(item[method]?.responses ?? {})) {
        response.headers = { ...response.headers, [name]: header };
      }
    }
  }
  return doc;
}
