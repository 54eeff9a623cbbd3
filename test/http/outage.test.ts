/**
 * An outage of a binding is a 503 with Retry-After, in each mounted app's own error shape, never a
 * bare 500; D1 errors a client's input can provoke (too many parameters, a statement or value too
 * large) are 4xx. The outage is simulated by bindings that throw what the runtime throws.
 */
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Env } from '../../src/env';
import { createTenant, expectProblem, product } from '../helpers/api';
import { failingBucket, failingDb, failingDbWith, failingQueue, fetchWith } from '../helpers/bindings';

const jsonInit = (method: string, headers: Record<string, string>, body: unknown): RequestInit => ({
  method,
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('binding outages', () => {
  it('answers 503 with Retry-After on /v1 when D1 is down', async () => {
    const t = await createTenant();
    const down = { ...env, DB: failingDb('D1_ERROR: Network connection lost.') } as Env;
    for (const [path, init] of [
      ['/v1/products/p1', { headers: t.headers }],
      ['/v1/products/p1', jsonInit('PUT', t.headers, product('p1'))],
      ['/v1/products/batch', jsonInit('POST', { ...t.headers, 'idempotency-key': 'k1' }, { products: [product('p1')] })],
    ] as const) {
      const res = await fetchWith(down, path, init);
      await expectProblem(res, 503, 'service_unavailable');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('answers 503 with Retry-After in each dialect’s own shape when D1 is down', async () => {
    const t = await createTenant();
    const down = { ...env, DB: failingDb('D1_ERROR: Network connection lost.') } as Env;
    const bearer = { authorization: `Bearer ${t.key}` };
    for (const [path, init] of [
      ['/compat/sizebay/products', jsonInit('PATCH', { 'x-api-key': t.key }, { id: 'x' })],
      ['/compat/tryon/products/x', { headers: bearer }],
      [`/compat/robosize/api/v1/product/?api_key=${t.key}`, { headers: {} }],
      ['/compat/genera/v1/brand/catalog/sync', jsonInit('POST', bearer, { products: [] })],
      ['/compat/gesmart/api/auth/login', jsonInit('POST', {}, { apiKey: t.key })],
    ] as const) {
      const res = await fetchWith(down, path, init);
      const text = await res.text();
      expect(res.status, `${path}: ${text}`).toBe(503);
      expect(Number(res.headers.get('retry-after')), path).toBeGreaterThan(0);
      expect(res.headers.get('content-type') ?? '', path).not.toMatch(/problem\+json/);
      expect(() => JSON.parse(text), path).not.toThrow();
    }
  });

  it('answers 503 when R2 is down during an upload, and writes through a queue outage', async () => {
    const t = await createTenant();
    const r2Down = { ...env, IMAGES: failingBucket() } as Env;
    const upload = product('up-1', { images: [{ source: { base64: btoa('not really an image'), fileName: 'a.jpg' } }] });
    const res = await fetchWith(r2Down, '/v1/products/up-1', jsonInit('PUT', t.headers, upload));
    await expectProblem(res, 503, 'service_unavailable');
    expect(res.headers.get('retry-after')).toBeTruthy();

    // Queue messages are wake-ups (D1 holds the work; the cron re-sends): a queue outage fails nothing.
    const queue = failingQueue();
    const queuesDown = { ...env, EVENTS_QUEUE: queue, INGEST_QUEUE: queue, DELIVERIES_QUEUE: queue, IMPORTS_QUEUE: queue, INBOUND_QUEUE: queue } as Env;
    const written = await fetchWith(queuesDown, '/v1/products/q-1', jsonInit('PUT', t.headers, product('q-1', { images: [{ source: { url: 'https://cdn.example/a.jpg' } }] })));
    expect(written.status).toBe(201);
  });

  it('answers 413, not 500, for a D1 error that the size of the input provokes', async () => {
    const t = await createTenant();
    for (const message of ['D1_ERROR: too many SQL variables at offset 312: SQLITE_ERROR', 'D1_ERROR: string or blob too big: SQLITE_TOOBIG']) {
      // Auth reads D1 too: only the write fails, as a statement built from a large input would.
      // Requests read and write through a D1 session (read replicas): its batch fails the same way.
      const failingBatch = <T extends object>(db: T): T =>
        new Proxy(db, {
          get: (target, name) => {
            if (name === 'batch') return () => Promise.reject(new Error(message));
            if (name === 'withSession') return (...args: unknown[]) => failingBatch((target as unknown as D1Database).withSession(...(args as [string])));
            return (Reflect.get(target, name) as (...args: unknown[]) => unknown).bind(target);
          },
        });
      const tooBig = { ...env, DB: failingBatch(env.DB) } as Env;
      const res = await fetchWith(tooBig, '/v1/products/big', jsonInit('PUT', t.headers, product('big')));
      await expectProblem(res, 413, 'payload_too_large');
    }
  });
});

describe('internal_error: a failure nobody anticipated (a bug, not a binding)', () => {
  afterEach(() => vi.restoreAllMocks());

  /** D1 calls that throw a TypeError, as code reading a missing field would: never mapped to 503/413. */
  const buggy = () => failingDbWith(new TypeError("Cannot read properties of undefined (reading 'secret-ish detail')"));

  function captureErrors(): string[] {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    return lines;
  }

  it('is a 500 internal_error envelope on /v1 with the request id, logged with the cause, the cause never answered', async () => {
    const t = await createTenant();
    const logged = captureErrors();
    const res = await fetchWith({ ...env, DB: buggy() } as Env, '/v1/products/p1', { headers: t.headers });
    const problem = await expectProblem(res, 500, 'internal_error');
    expect(JSON.stringify(problem)).not.toContain('secret-ish detail');
    expect(problem.requestId).toEqual(expect.any(String));
    const line = logged.find((l) => l.includes(problem.requestId));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 'error', message: 'request failed', error: expect.stringContaining('secret-ish detail') });
  });

  it("is a 500 in each dialect's own shape, logged with the dialect, the cause never answered", async () => {
    const t = await createTenant();
    const logged = captureErrors();
    const bearer = { authorization: `Bearer ${t.key}` };
    for (const [dialect, path, init] of [
      ['sizebay', '/compat/sizebay/products', jsonInit('PATCH', { 'x-api-key': t.key }, { id: 'x' })],
      ['tryon', '/compat/tryon/products/x', { headers: bearer }],
      ['robosize', `/compat/robosize/api/v1/product/?api_key=${t.key}`, { headers: {} }],
      ['genera', '/compat/genera/v1/brand/catalog/sync', jsonInit('POST', bearer, { products: [] })],
      ['gesmart', '/compat/gesmart/api/auth/login', jsonInit('POST', {}, { apiKey: t.key })],
    ] as const) {
      const before = logged.length;
      const res = await fetchWith({ ...env, DB: buggy() } as Env, path, init);
      const text = await res.text();
      expect(res.status, `${path}: ${text}`).toBe(500);
      expect(res.headers.get('content-type') ?? '', path).not.toMatch(/problem\+json/);
      expect(() => JSON.parse(text), path).not.toThrow();
      expect(text, path).not.toContain('secret-ish detail');
      const lines = logged.slice(before).map((l) => JSON.parse(l));
      expect(lines, path).toContainEqual(expect.objectContaining({ level: 'error', dialect, message: 'request failed' }));
    }
  });
});
