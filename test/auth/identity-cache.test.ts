/**
 * The identity cache (auth/tenant-lookup.ts): what a key resolves to is remembered in the isolate for
 * `keyCacheTtlSeconds`, revocation through the same isolate drops it at once, and a miss is never
 * remembered. The suite's own Worker runs with KEY_CACHE_TTL_SECONDS=0, so these tests drive a
 * Worker of their own with the cache on (30 s), through its fetch handler against the real D1.
 * "Another isolate" is simulated by revoking the key row in D1 directly, behind this Worker's back.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import type { Env } from '../../src/env';
import { LruTtlCache } from '../../src/lib/lru-ttl-cache';
import { ADMIN, createTenant, product, type TestTenant } from '../helpers/api';

const worker = createWorker();
const cached = { ...env, KEY_CACHE_TTL_SECONDS: '30' } as unknown as Env;
const uncached = env as unknown as Env;

async function fetchVia(bindings: Env, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const ctx = createExecutionContext();
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  const res = await worker.fetch(new Request(`http://worker.test${path}`, { ...init, headers, body }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Revokes (or restores) a key row directly, as another isolate's admin call would leave it. */
const setRevokedInD1 = (keyId: string, revokedAt: number | null) =>
  env.DB.prepare('UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1').bind(keyId, revokedAt).run();

const getProduct = (bindings: Env, t: TestTenant, id = 'nothing-here') => fetchVia(bindings, `/v1/products/${id}`, { headers: t.headers });

describe('identity cache', () => {
  it('serves a key it has seen without reading the row again, until the key is revoked through this isolate', async () => {
    const t = await createTenant();
    expect((await getProduct(cached, t)).status).toBe(404);
    await setRevokedInD1(t.keyId, Date.now());
    // Within the TTL another isolate's revocation is not seen yet (README "Limits").
    expect((await getProduct(cached, t)).status).toBe(404);
    // Revoked through this isolate: refused at once.
    expect((await fetchVia(cached, `/v1/admin/tenants/${t.id}/keys/${t.keyId}`, { method: 'DELETE', headers: ADMIN })).status).toBe(204);
    expect((await getProduct(cached, t)).status).toBe(401);
  });

  it('never remembers a miss: a key that becomes valid works on the next request', async () => {
    const t = await createTenant();
    await setRevokedInD1(t.keyId, Date.now());
    expect((await getProduct(cached, t)).status).toBe(401);
    await setRevokedInD1(t.keyId, null);
    expect((await getProduct(cached, t)).status).toBe(404);
  });

  it('is off when the TTL is 0 (the suite default): a revoked row is refused at once', async () => {
    const t = await createTenant();
    expect((await getProduct(uncached, t)).status).toBe(404);
    await setRevokedInD1(t.keyId, Date.now());
    expect((await getProduct(uncached, t)).status).toBe(401);
  });

  it('a tenant changed through this isolate is read again at once', async () => {
    const t = await createTenant();
    const put = await fetchVia(cached, '/v1/products/loc', {
      method: 'PUT',
      headers: t.headers,
      json: product('loc', { title: undefined, localizations: { 'en-US': { title: 'English' }, 'pt-BR': { title: 'Português' } } }),
    });
    expect(put.status).toBe(201);
    expect(((await (await getProduct(cached, t, 'loc')).json()) as { title?: string }).title).toBe('English');
    const patched = await fetchVia(cached, `/v1/admin/tenants/${t.id}`, { method: 'PATCH', headers: ADMIN, json: { defaultLocale: 'pt-BR' } });
    expect(patched.status).toBe(200);
    expect(((await (await getProduct(cached, t, 'loc')).json()) as { title?: string }).title).toBe('Português');
  });

  it("GeSmart's per-request key check goes through it: a revoked key's token ends at once in this isolate", async () => {
    const t = await createTenant();
    const login = await fetchVia(cached, '/compat/gesmart/api/auth/login', { method: 'POST', json: { apiKey: t.key } });
    expect(login.status).toBe(200);
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const status = () => fetchVia(cached, '/compat/gesmart/api/products/sync?syncId=job_nothing', { headers: { authorization: `Bearer ${token}` } });
    expect((await status()).status).toBe(404);
    await setRevokedInD1(t.keyId, Date.now());
    expect((await status()).status).toBe(404);
    expect((await fetchVia(cached, `/v1/admin/tenants/${t.id}/keys/${t.keyId}`, { method: 'DELETE', headers: ADMIN })).status).toBe(204);
    expect((await status()).status).toBe(401);
  });
});

describe('LruTtlCache', () => {
  it('serves an entry until its TTL, drops the least recently used past the cap, and stores nothing with TTL 0', () => {
    const cache = new LruTtlCache<string, number>(2);
    cache.set('a', 1, 1_000, 0);
    cache.set('b', 2, 1_000, 0);
    expect(cache.get('a', 999)).toBe(1);
    expect(cache.get('a', 1_000)).toBeUndefined();
    cache.set('a', 1, 1_000, 0);
    cache.get('b', 10); // b is now the most recently used
    cache.set('c', 3, 1_000, 10);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 10)).toBeUndefined();
    expect(cache.get('b', 10)).toBe(2);
    cache.set('z', 9, 0, 10);
    expect(cache.get('z', 10)).toBeUndefined();
    cache.deleteWhere((v) => v === 2);
    expect(cache.get('b', 10)).toBeUndefined();
    expect(cache.get('c', 10)).toBe(3);
  });
});
