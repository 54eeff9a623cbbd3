/**
 * Nothing a client sends answers 5xx: a seeded fast-check property sends random and malformed
 * bodies, query strings, path parameters and headers to every operation of /openapi.json and of
 * each dialect's own document, with valid credentials most of the time so that requests reach the
 * handlers, and asserts the status is below 500. Kept lean (a few hundred runs in all): CPU is shared.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, call, createTenant, product, type TestTenant } from '../helpers/api';

interface Operation {
  method: string;
  /** Path template with {params}, including the mount prefix. */
  path: string;
  /** How the operation authenticates, from its document. */
  auth: 'tenant' | 'admin' | 'query' | 'jwt' | 'none';
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const DOCUMENTS = ['/openapi.json', ...['genera', 'sizebay', 'gesmart', 'tryon', 'robosize'].map((d) => `/compat/${d}/openapi.json`)];

function authOf(doc: string, security: Array<Record<string, unknown>> | undefined): Operation['auth'] {
  const schemes = (security ?? []).flatMap((s) => Object.keys(s));
  if (schemes.includes('adminToken')) return 'admin';
  if (doc.includes('robosize') && schemes.length > 0) return 'query';
  if (doc.includes('gesmart') && schemes.length > 0) return 'jwt';
  return schemes.length > 0 ? 'tenant' : 'none';
}

async function operations(): Promise<Operation[]> {
  const out: Operation[] = [];
  for (const url of DOCUMENTS) {
    const doc = (await (await call(url)).json()) as { servers?: Array<{ url: string }>; paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>> };
    const base = (doc.servers?.[0]?.url ?? '').replace(/\/$/, '');
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (METHODS.includes(method)) out.push({ method: method.toUpperCase(), path: base + path, auth: authOf(url, op.security) });
      }
    }
  }
  return out;
}

// ---- generators -------------------------------------------------------------------------------

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', 'p1', '..', '%00', '%zz', 'a'.repeat(300), '-1', '1e309', 'null', '__proto__', '💥'),
);
const json = fc.jsonValue({ maxDepth: 4 });
/** A valid product with one field replaced by anything: reaches the deeper rules (money, dates, images). */
const mutatedProduct = fc
  .record({
    field: fc.constantFrom('id', 'title', 'prices', 'images', 'localizations', 'attributes', 'metadata', 'gtin', 'validForDays', 'sizes', 'quantity', 'weight', 'products', 'productItem', 'externalId', 'store_id'),
    value: fc.oneof(json, fc.constant({ USD: { amount: '1e400', sale: { amount: 'x', start: '2024-13-40T00:00:00Z' } } }), fc.constant([{ source: { url: 'http://[::1' } }])),
  })
  .map(({ field, value }) => ({ ...product('prop-1'), [field]: value }));
/** A product whose metadata nests `n` arrays deep (5,000 levels is ~10 KB). */
const deepProduct = (n: number) => `{"title":"x","metadata":{"a":${'['.repeat(n)}${']'.repeat(n)}}}`;
const body = fc.oneof(
  { weight: 3, arbitrary: json.map((v) => JSON.stringify(v)) },
  { weight: 3, arbitrary: mutatedProduct.map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: mutatedProduct.map((v) => JSON.stringify({ products: [v, v] })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
  { weight: 2, arbitrary: fc.integer({ min: 60, max: 5000 }).map(deepProduct) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', '\u0000', '{"products":null}', '{"products":[null]}', '[]') },
);
const contentType = fc.constantFrom('application/json', 'application/json', 'application/json', 'application/merge-patch+json', 'text/plain', 'multipart/form-data; boundary=xyz', 'application/json; charset=latin1', '');
const headerValue = fc.string({ unit: fc.constantFrom(...'abcXYZ019 "*/-_.:;=,W'.split('')), maxLength: 40 });
const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'after', 'updated_since', 'status', 'refresh', 'variant', 'mode', 'since', 'page', 'api_key', 'sig', 'exp'), text, { maxKeys: 3 });

const request = fc.record({
  op: fc.nat(),
  // Mostly the id of a product that exists, so PATCH and reads get past the lookup.
  params: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant('prop-1') }, { weight: 2, arbitrary: text }), { minLength: 4, maxLength: 4 }),
  query,
  body,
  contentType,
  withCredentials: fc.nat({ max: 9 }).map((n) => n < 8),
  ifMatch: fc.option(headerValue),
  idempotencyKey: fc.option(headerValue),
  method: fc.option(fc.constantFrom('GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), { freq: 8 }),
});

type Sent = typeof request extends fc.Arbitrary<infer T> ? T : never;

// ---- the property -----------------------------------------------------------------------------

describe('no 5xx for anything a client sends', () => {
  let ops: Operation[] = [];
  let t: TestTenant;
  let jwt = '';

  beforeAll(async () => {
    ops = await operations();
    const alias = `prop-${crypto.randomUUID().slice(0, 8)}`;
    t = await createTenant({ aliases: [alias] });
    expect((await call('/v1/products/prop-1', { method: 'PUT', headers: t.headers, json: product('prop-1') })).status).toBe(201);
    const login = await call('/compat/gesmart/api/auth/login', { method: 'POST', json: { apiKey: t.key } });
    jwt = ((await login.json()) as { data: { token: string } }).data.token;
  });

  it('covers every public operation of every document', () => {
    expect(ops.length).toBeGreaterThan(40);
    for (const prefix of ['/v1/', '/compat/genera', '/compat/sizebay', '/compat/gesmart', '/compat/tryon', '/compat/robosize']) {
      expect(ops.some((o) => o.path.startsWith(prefix)), prefix).toBe(true);
    }
  });

  /** One random request to an operation of `pool` (chosen by the run's number). */
  async function check(r: Sent, pool: Operation[]): Promise<void> {
        const op = pool[r.op % pool.length]!;
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => {
          const value = r.params[i++ % r.params.length]!;
          return /^%/.test(value) ? value : encodeURIComponent(value);
        });
        const params = new URLSearchParams(r.query);
        const headers: Record<string, string> = {};
        if (r.withCredentials) {
          if (op.auth === 'tenant') headers.authorization = `Bearer ${t.key}`;
          if (op.auth === 'admin') Object.assign(headers, ADMIN);
          if (op.auth === 'jwt') headers.authorization = `Bearer ${jwt}`;
          if (op.auth === 'query') params.set('api_key', t.key);
        }
        if (r.ifMatch !== null) headers['if-match'] = r.ifMatch;
        if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
        const method = r.method ?? op.method;
        const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
        if (hasBody && r.contentType) headers['content-type'] = r.contentType;
        const qs = params.toString();
        const res = await call(`${path}${qs ? `?${qs}` : ''}`, { method, headers, ...(hasBody ? { body: r.body } : {}) });
        const answer = await res.text();
        expect(res.status, `${method} ${path}?${qs} ${JSON.stringify(headers)} body=${r.body.slice(0, 200)} -> ${answer.slice(0, 300)}`).toBeLessThan(500);
  }

  it('answers every random request below 500', async () => {
    await fc.assert(fc.asyncProperty(request, (r) => check(r, ops)), { seed: 20261205, numRuns: 200, endOnFailure: true });
  }, 180_000);

  it('answers every random write below 500', async () => {
    const writes = ops.filter((o) => o.method !== 'GET' && o.method !== 'DELETE');
    // Known hostile shapes first (fast-check runs `examples` before the random ones): a deep body on
    // every write operation.
    const examples: Array<[Sent]> = writes.map((_, op) => [
      { op, params: ['prop-1', 'prop-1', 'prop-1', 'prop-1'], query: {}, body: deepProduct(5000), contentType: 'application/json', withCredentials: true, ifMatch: null, idempotencyKey: null, method: null },
    ]);
    await fc.assert(fc.asyncProperty(request, (r) => check(r, writes)), { seed: 20261206, numRuns: 150 + examples.length, examples, endOnFailure: true });
  }, 180_000);
});
