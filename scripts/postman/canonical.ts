/**
 * The canonical API's Postman collection, generated from `/openapi.json`: every operation with its
 * documented request example, in the order a client meets them (creates before reads, updates and
 * deletes), so "Run collection" works against `npm start` without edits.
 *
 *   npm run docs:postman     writes docs/postman/shelfsync.postman_collection.json (and GeSmart's)
 *
 * Server-made values the examples show (ids, secrets shown once) become collection variables whose
 * initial value is the example; each request's test script replaces the example with the real value
 * the first time an answer carries it (the same walk of documented vs real answer the contract test
 * does), and later requests use the variable. The processor callback is signed by its pre-request
 * script with the secret the processor's PUT answered (Standard Webhooks).
 *
 * test/node/postman-canonical.test.ts fails when the committed file differs from what this generates;
 * test/node/postman-run.test.ts runs it with newman against wrangler dev.
 */
import { createApp } from '../../src/app';

type Json = any;

export const CANONICAL_COLLECTION_PATH = 'docs/postman/shelfsync.postman_collection.json';

/** Every operation, in the order a client meets them (that of test/http/docs.contract.test.ts, plus stats, dead letters and recommendations). */
export const CANONICAL_ORDER = [
  'POST /v1/admin/tenants',
  'GET /v1/admin/tenants/{id}',
  'PATCH /v1/admin/tenants/{id}',
  'POST /v1/admin/tenants/{id}/keys',
  'GET /v1/admin/tenants/{id}/keys',
  'POST /v1/admin/tenants/{id}/move',
  'GET /v1/admin/tenants/{id}/moves',
  'GET /v1/admin/tenants/{id}/moves/{moveId}',
  'PUT /v1/processors/{name}',
  'GET /v1/processors',
  'POST /v1/processors/{name}/rotate-secret',
  'POST /v1/processor-callbacks/{tenantId}/{name}',
  'POST /v1/webhooks',
  'GET /v1/webhooks',
  'GET /v1/webhooks/{id}',
  'PATCH /v1/webhooks/{id}',
  'POST /v1/webhooks/{id}/rotate-secret',
  'PUT /v1/products/{id}',
  'PATCH /v1/products/{id}',
  'GET /v1/products/{id}',
  'POST /v1/products',
  'POST /v1/products/batch',
  'GET /v1/jobs/{id}',
  'GET /v1/jobs',
  'GET /v1/jobs/{id}/errors',
  'GET /v1/events',
  'GET /v1/event-types',
  'GET /v1/products/{id}/images',
  'GET /v1/images/{id}',
  'GET /v1/images/{id}/content',
  'GET /v1/images/{id}/similar',
  'GET /v1/products',
  'GET /v1/recommendation-rules',
  'PUT /v1/recommendation-rules',
  'POST /v1/recommendations/rebuild',
  'GET /v1/products/{id}/similar',
  'GET /v1/products/{id}/complementary',
  'GET /v1/products/{id}/variants',
  'GET /v1/stats',
  'GET /v1/admin/stats',
  'GET /v1/admin/dead-letters',
  'POST /v1/admin/dead-letters/{id}/replay',
  'POST /v1/webhooks/{id}/test',
  'GET /v1/webhooks/{id}/deliveries',
  'POST /v1/deliveries/{id}/redeliver',
  'POST /v1/webhooks/{id}/recover',
  'POST /v1/inbound-sources',
  'GET /v1/inbound-sources',
  'GET /v1/inbound-sources/{id}',
  'PATCH /v1/inbound-sources/{id}',
  'POST /v1/inbound/{id}',
  'POST /v1/inbound-sources/{id}/rotate-secret',
  'POST /v1/imports',
  'GET /v1/imports/{id}',
  'DELETE /v1/inbound-sources/{id}',
  'DELETE /v1/webhooks/{id}',
  'DELETE /v1/processors/{name}',
  'DELETE /v1/products/{id}',
  'DELETE /v1/admin/tenants/{id}/keys/{keyId}',
];

/** The processor's callback: signed with the secret its PUT answered, which no document can hold. */
const SIGNED_CALLBACK = 'POST /v1/processor-callbacks/{tenantId}/{name}';
const PROCESSOR_PUT = 'PUT /v1/processors/{name}';

/** Server-made values an example shows and a real answer replaces (as the contract runner defines them). */
const SERVER_VALUE = /^(ten|key|job|wh|dlv|evt|src|img|dl)_[0-9A-Z]{26}(_\d+)?$|^(ssk|whsec)_[A-Za-z0-9_+/=-]{20,}$/;
const KIND: Record<string, string> = {
  ten: 'tenantId', key: 'keyId', job: 'jobId', wh: 'webhookId', dlv: 'deliveryId', evt: 'eventId', src: 'inboundSourceId', img: 'imageId', dl: 'deadLetterId', ssk: 'tenantKey', whsec: 'secret',
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Requests that wait for work the server finishes after answering (queues): each repeats itself
 * (every half second, at most a minute) until its answer satisfies the condition, as the contract
 * test polls before these reads.
 */
const WAITS: Record<string, string> = {
  'GET /v1/products/{id}/images': 'answer.data.length > 0 && answer.data.every((image) => image.status === "done" || image.status === "failed")',
  'GET /v1/webhooks/{id}/deliveries': 'answer.data.some((delivery) => delivery.attemptCount > 0)',
};

/** The first request: the tenant it creates is the one the run works in, unless apiKey was given. */
const TENANT_CREATE = 'POST /v1/admin/tenants';

function operations(doc: Json): Map<string, { path: string; method: string; op: Json }> {
  const out = new Map<string, { path: string; method: string; op: Json }>();
  for (const [path, item] of Object.entries<Json>(doc.paths)) for (const method of METHODS) if (item[method]) out.set(`${method.toUpperCase()} ${path}`, { path, method, op: item[method] });
  return out;
}

/** The 2xx JSON answer example of an operation (the first documented). */
function answerExample(op: Json): unknown {
  for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    for (const [type, media] of Object.entries<Json>(response.content ?? {})) if (type.includes('json') && media.example !== undefined) return media.example;
  }
  return undefined;
}

/** Every server-made string in an example, with its path: [path, value]. */
function serverValues(example: unknown, path: Array<string | number> = []): Array<[Array<string | number>, string]> {
  if (typeof example === 'string') return SERVER_VALUE.test(example) ? [[path, example]] : [];
  if (Array.isArray(example)) return example.flatMap((v, i) => serverValues(v, [...path, i]));
  if (example && typeof example === 'object') return Object.entries(example).flatMap(([k, v]) => serverValues(v, [...path, k]));
  return [];
}

function learnScript(learnt: Array<[Array<string | number>, string, string]>): string[] {
  return [
    '// Replaces each example value still held by a variable with the real one this answer carries (first answer wins).',
    'if (pm.response.code >= 200 && pm.response.code < 300) {',
    '  const answer = pm.response.json();',
    `  const learnt = ${JSON.stringify(learnt)};`,
    '  for (const [path, example, name] of learnt) {',
    '    const value = path.reduce((v, k) => (v == null ? undefined : v[k]), answer);',
    '    if (typeof value === "string" && pm.collectionVariables.get(name) === example) pm.collectionVariables.set(name, value);',
    '  }',
    '}',
  ];
}

function waitScript(condition: string): string[] {
  return [
    '// Repeats this request until the server has finished the work it depends on (at most a minute).',
    `const ready = (answer) => ${condition};`,
    'const tries = Number(pm.collectionVariables.get("waitTries") || 0);',
    'if (!(pm.response.code === 200 && ready(pm.response.json())) && tries < 120) {',
    '  pm.collectionVariables.set("waitTries", tries + 1);',
    '  setTimeout(() => {}, 500);',
    '  postman.setNextRequest(pm.info.requestName);',
    '} else pm.collectionVariables.unset("waitTries");',
  ];
}

function keepScript(variable: string): string[] {
  return [
    `// Keeps this answer in "${variable}": the PUT of the same resource sends it back (the document gives no request example for it).`,
    `if (pm.response.code === 200) pm.collectionVariables.set(${JSON.stringify(variable)}, pm.response.text());`,
  ];
}

const TENANT_KEY_SCRIPT = [
  '// Runs the rest of the collection in this new tenant unless an apiKey was given.',
  'if (pm.response.code === 201 && !pm.variables.get("apiKey")) pm.collectionVariables.set("apiKey", pm.response.json().apiKey.key);',
];

function signScript(secretVariable: string): string[] {
  return [
    '// Standard Webhooks: webhook-signature = v1,base64(HMAC-SHA256(base64-decoded secret after "whsec_", "{id}.{timestamp}.{body}")).',
    'const id = "msg_" + Date.now();',
    'const timestamp = String(Math.floor(Date.now() / 1000));',
    'const body = pm.variables.replaceIn(pm.request.body ? pm.request.body.raw : "");',
    `const secret = (pm.collectionVariables.get(${JSON.stringify(secretVariable)}) || "").replace(/^whsec_/, "");`,
    'const signature = CryptoJS.HmacSHA256(id + "." + timestamp + "." + body, CryptoJS.enc.Base64.parse(secret)).toString(CryptoJS.enc.Base64);',
    'pm.request.headers.upsert({ key: "webhook-id", value: id });',
    'pm.request.headers.upsert({ key: "webhook-timestamp", value: timestamp });',
    'pm.request.headers.upsert({ key: "webhook-signature", value: "v1," + signature });',
  ];
}

export function toCanonicalCollection(doc: Json): Record<string, unknown> {
  const ops = operations(doc);
  const missing = [...ops.keys()].filter((k) => !CANONICAL_ORDER.includes(k));
  if (missing.length > 0) throw new Error(`operations without a place in CANONICAL_ORDER: ${missing.join(', ')}`);
  const base = doc.servers?.[0]?.url === '/' ? '' : (doc.servers?.[0]?.url ?? '');

  // Example value -> variable name, for every server-made value a documented answer shows.
  const variables = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const key of CANONICAL_ORDER) {
    for (const [, value] of serverValues(answerExample(ops.get(key)?.op ?? {}))) {
      if (variables.has(value)) continue;
      const kind = KIND[value.split('_')[0]!]!;
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      variables.set(value, n === 1 ? kind : `${kind}${n}`);
    }
  }
  const swap = (text: string) => {
    for (const [example, name] of variables) text = text.split(example).join(`{{${name}}}`);
    return text;
  };
  // A PUT whose body has no example sends back what the GET of the same path answered.
  const kept = new Map<string, string>();
  for (const [key, { path, op }] of ops) {
    const content = (op.requestBody?.content ?? {}) as Json;
    if (key.startsWith('PUT ') && op.requestBody && !Object.values<Json>(content).some((m) => m.example !== undefined) && ops.has(`GET ${path}`)) {
      kept.set(`GET ${path}`, `current:${path}`);
      kept.set(key, `current:${path}`);
    }
  }
  const processorSecret = serverValues(answerExample(ops.get(PROCESSOR_PUT)?.op ?? {})).find(([path]) => path.join('.') === 'secret')?.[1];

  const item = CANONICAL_ORDER.filter((key) => ops.has(key)).map((key) => {
    const { path, method, op } = ops.get(key)!;
    const security: Array<Record<string, string[]>> = op.security ?? doc.security ?? [];
    const token = security.some((s) => 'adminToken' in s) ? '{{adminToken}}' : security.some((s) => 'bearer' in s) ? '{{apiKey}}' : null;
    let url = path;
    const query: Array<{ key: string; value: string }> = [];
    const header: Array<{ key: string; value: string }> = Object.entries<string>(op['x-example-headers'] ?? {}).map(([k, v]) => ({ key: k, value: swap(String(v)) }));
    for (const p of (op.parameters ?? []) as Json[]) {
      const example = p.example ?? p.schema?.example;
      if (example === undefined) continue;
      const value = swap(String(example));
      if (p.in === 'path') url = url.replace(`{${p.name}}`, value);
      else if (p.in === 'query') query.push({ key: p.name, value });
      else if (p.in === 'header') header.push({ key: p.name, value });
    }
    const content = (op.requestBody?.content ?? {}) as Json;
    const media = Object.entries<Json>(content).find(([, m]) => m.example !== undefined) ?? (kept.has(key) && content['application/json'] ? (['application/json', { example: `{{${kept.get(key)}}}` }] as [string, Json]) : undefined);
    if (media) header.push({ key: 'Content-Type', value: media[0] });
    // A documented signature header covers the body's bytes: send them exactly as they were signed.
    const exact = op['x-example-headers'] !== undefined;
    const learnt = serverValues(answerExample(op)).map(([p, v]) => [p, v, variables.get(v)!] as [Array<string | number>, string, string]);
    const events = [
      ...(learnt.length > 0 ? [{ listen: 'test', script: { type: 'text/javascript', exec: learnScript(learnt) } }] : []),
      ...(key === TENANT_CREATE ? [{ listen: 'test', script: { type: 'text/javascript', exec: TENANT_KEY_SCRIPT } }] : []),
      ...(WAITS[key] ? [{ listen: 'test', script: { type: 'text/javascript', exec: waitScript(WAITS[key]) } }] : []),
      ...(kept.has(key) && method === 'get' ? [{ listen: 'test', script: { type: 'text/javascript', exec: keepScript(kept.get(key)!) } }] : []),
      ...(key === SIGNED_CALLBACK && processorSecret ? [{ listen: 'prerequest', script: { type: 'text/javascript', exec: signScript(variables.get(processorSecret)!) } }] : []),
    ];
    const raw = `{{baseUrl}}${base}${url}${query.length > 0 ? `?${query.map((q) => `${q.key}=${q.value}`).join('&')}` : ''}`;
    return {
      name: op.summary ?? key,
      ...(events.length > 0 ? { event: events } : {}),
      request: {
        method: method.toUpperCase(),
        auth: token ? { type: 'bearer', bearer: [{ key: 'token', value: token, type: 'string' }] } : { type: 'noauth' },
        header,
        ...(media
          ? { body: { mode: 'raw', raw: swap(typeof media[1].example === 'string' ? media[1].example : JSON.stringify(media[1].example, null, exact ? 0 : 2)), ...(media[0].includes('json') ? { options: { raw: { language: 'json' } } } : {}) } }
          : {}),
        url: {
          raw,
          host: ['{{baseUrl}}'],
          path: `${base}${url}`.split('/').filter(Boolean),
          ...(query.length > 0 ? { query } : {}),
        },
        ...(op.description ? { description: op.description } : {}),
      },
    };
  });

  return {
    info: {
      name: doc.info.title,
      ...(doc.info.description ? { description: doc.info.description } : {}),
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item,
    variable: [
      { key: 'baseUrl', value: 'http://127.0.0.1:8787', type: 'string', description: 'Your Shelfsync host (`npm start` serves http://127.0.0.1:8787)' },
      { key: 'apiKey', value: '', type: 'string', description: 'A tenant API key (ssk_...), the bearer token of /v1 requests; left empty, the first request (POST /v1/admin/tenants) sets it to the key of the tenant it creates' },
      { key: 'adminToken', value: '', type: 'string', description: 'ADMIN_TOKEN of the deployment (.dev.vars locally), for /v1/admin requests' },
      ...[...variables].map(([example, name]) => ({ key: name, value: example, type: 'string', description: `Set from the first answer that carries it (the example value until then)` })),
    ],
  };
}

export async function canonicalCollectionText(): Promise<string> {
  const res = await createApp().request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return `${JSON.stringify(toCanonicalCollection(await res.json()), null, 2)}\n`;
}
