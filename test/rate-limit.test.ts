/**
 * Per-key rate limit: the binding in wrangler.toml allows 600 requests per 60 s per key. Local
 * windows are aligned to the wall clock: a run that straddles a boundary is repeated once.
 */
import { describe, expect, it } from 'vitest';
import { call, createTenant, expectProblem, issueKey } from './helpers/api';

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
