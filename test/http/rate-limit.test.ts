/**
 * Per-key rate limit: the binding in wrangler.toml allows 600 requests per 60 s per key. Local
 * windows are aligned to the wall clock: a run that straddles a boundary is repeated once.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';
import { call, createTenant, expectProblem, issueKey } from '../helpers/api';

const LIMIT = 600;
const POLICY = '"per-key";q=600;w=60';

const windowOf = (ms: number) => Math.floor(ms / 60_000);

/**
 * Spends a key's whole quota and asks once more. Returns null when a window boundary passed meanwhile
 * (the count restarted, so the outcome says nothing): the caller retries with a fresh key.
 */
async function exhaust(headers: Record<string, string>): Promise<Response | null> {
  const startWindow = windowOf(Date.now());
  const CONCURRENCY = 6;
  const statuses: number[] = [];
  for (let sent = 0; sent < LIMIT; sent += CONCURRENCY) {
    const batch = await Promise.all(Array.from({ length: Math.min(CONCURRENCY, LIMIT - sent) }, () => call('/v1/jobs?limit=1', { headers })));
    for (const r of batch) {
      expect(r.headers.get('ratelimit-policy')).toBe(POLICY);
      statuses.push(r.status);
      await r.body?.cancel();
    }
  }
  const last = await call('/v1/jobs?limit=1', { headers });
  if (windowOf(Date.now()) !== startWindow) return null;
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(statuses).toHaveLength(LIMIT);
  return last;
}

describe('rate limit', () => {
  it('states RateLimit-Policy on every /v1 response, errors included', async () => {
    const t = await createTenant();
    const responses = [
      await call('/v1/jobs?limit=1', { headers: t.headers }),
      await call('/v1/products/nope', { headers: t.headers }),
      await call('/v1/products'),
      await call('/v1/products?limit=999', { headers: t.headers }),
      await call('/v1/products/x', { method: 'PUT', headers: t.headers, json: { gender: 'x' } }),
      await call('/v1/admin/tenants', { method: 'POST', json: {} }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 404, 401, 422, 422, 401]);
    for (const r of responses) expect(r.headers.get('ratelimit-policy')).toBe(POLICY);
  });

  it('refuses request 601 of a key with 429 problem+json and Retry-After; other keys are unaffected', { timeout: 90_000 }, async () => {
    const t = await createTenant();
    const otherTenant = await createTenant();
    let spent = await issueKey(t.id, 'spent');
    let refused = await exhaust(spent.headers);
    if (refused === null) {
      // A window boundary passed mid-run; a fresh key now starts near the beginning of a window.
      spent = await issueKey(t.id, 'spent-again');
      refused = await exhaust(spent.headers);
    }
    expect(refused, 'two window boundaries in a row: the run is far too slow').not.toBeNull();
    if (refused === null) return;
    await expectProblem(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-policy')).toBe(POLICY);
    // Writes are refused too, before doing anything.
    const write = await call('/v1/products/p', { method: 'PUT', headers: spent.headers, json: { title: 'x' } });
    await expectProblem(write, 429, 'rate_limited');

    // Per key: the tenant's other key and another tenant still pass.
    expect((await call('/v1/jobs?limit=1', { headers: t.headers })).status).toBe(200);
    expect((await call('/v1/jobs?limit=1', { headers: otherTenant.headers })).status).toBe(200);
    expect((await call('/v1/products/p', { headers: t.headers })).status).toBe(404);
  });
});

/**
 * The per-IP limit on routes without an API key. The suite's IP_RATE_LIMITER is set very high (the
 * suite sends no CF-Connecting-IP, so all of it is one key); these tests swap in LOW_IP_RATE_LIMITER,
 * a real binding of the test configuration allowing 5 requests per 60 s.
 */
describe('per-IP rate limit (IP_RATE_LIMITER, keyed by CF-Connecting-IP)', () => {
  const LOW = 5;
  const app = createApp();
  const lowEnv = (swap: 'IP_RATE_LIMITER' | 'RATE_LIMITER') => ({ ...env, [swap]: (env as unknown as Record<string, RateLimit>).LOW_IP_RATE_LIMITER }) as Env;

  async function send(bindings: Env, path: string, init: RequestInit & { ip?: string; json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.ip) headers.set('cf-connecting-ip', init.ip);
    let payload = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      payload = JSON.stringify(init.json);
    }
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`http://shelfsync.test${path}`, { ...init, headers, body: payload }), bindings, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }

  const address = () => `2001:db8::${crypto.randomUUID().slice(0, 4)}:${crypto.randomUUID().slice(0, 4)}`;

  /** Runs `scenario` inside one 60 s window of the local limiter (retried once if a boundary passed). */
  async function inOneWindow(scenario: () => Promise<void>): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const start = windowOf(Date.now());
      try {
        await scenario();
        return;
      } catch (err) {
        if (windowOf(Date.now()) === start || attempt === 1) throw err;
      }
    }
  }

  it('answers 429 past the limit on every keyless route, per address, in each API\'s own error shape', async () => {
    const bindings = lowEnv('IP_RATE_LIMITER');
    await inOneWindow(async () => {
      const a = address();
      const b = address();
      const admin = (ip?: string) => send(bindings, '/v1/admin/tenants', { method: 'POST', ip, json: { name: 'x' } });
      for (let i = 0; i < LOW; i++) expect((await admin(a)).status).toBe(401);
      const refused = await expectProblem(await admin(a), 429, 'rate_limited');
      expect(refused.detail).toContain(`more than 600 requests in 60 s`);
      const again = await admin(a);
      expect(again.headers.get('retry-after')).toBe('60');
      expect(again.headers.get('ratelimit-policy')).toBe('"per-ip";q=600;w=60');

      // The same address is refused on every other keyless route, before any body is read or checked.
      const raw = JSON.stringify({ id: 'x' });
      await expectProblem(await send(bindings, '/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E', { method: 'POST', ip: a, headers: { 'content-type': 'application/json', 'x-signature': 'AAAA' }, body: raw }), 429, 'rate_limited');
      await expectProblem(await send(bindings, '/v1/processor-callbacks/ten_x/svc', { method: 'POST', ip: a, json: {} }), 429, 'rate_limited');
      await expectProblem(await send(bindings, '/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7E/content?v=abc&exp=1&sig=abc', { ip: a }), 429, 'rate_limited');
      await expectProblem(await send(bindings, '/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7E/content', { ip: a }), 429, 'rate_limited');
      for (const [path, json] of [['/compat/gesmart/api/auth/login', { apiKey: 'ssk_x' }], ['/compat/gesmart/api/webhooks/gesmart/products', { reference: 'x' }]] as const) {
        const res = await send(bindings, path, { method: 'POST', ip: a, json });
        expect(res.status, path).toBe(429);
        expect(res.headers.get('retry-after'), path).toBe('60');
        const shape = (await res.json()) as Record<string, unknown>;
        expect(shape, path).toMatchObject({ success: false, error: expect.stringContaining('more than 600 requests') });
      }

      // Another address is unaffected.
      expect((await admin(b)).status).toBe(401);
      // Requests without the header share one key, `unknown`.
      for (let i = 0; i < LOW; i++) expect((await admin()).status).toBe(401);
      await expectProblem(await admin(), 429, 'rate_limited');
    });
  });

  it('limits the image content route with an API key per key, like the rest of /v1', async () => {
    const t = await createTenant();
    const bindings = lowEnv('RATE_LIMITER');
    await inOneWindow(async () => {
      const key = await issueKey(t.id, `content-${crypto.randomUUID()}`);
      const content = () => send(bindings, '/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7E/content', { headers: key.headers, ip: address() });
      for (let i = 0; i < LOW; i++) expect((await content()).status).toBe(404);
      await expectProblem(await content(), 429, 'rate_limited');
    });
  });
});
