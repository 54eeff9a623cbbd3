/**
 * Scoped keys. Every tenant-key operation is read from /openapi.json: a key holding only an unrelated
 * scope gets 403 naming the operation's scope, a key holding exactly that scope does not. Dialects:
 * `dialect:<name>` alone opens that dialect and nothing else, each refusal in the dialect's own shape;
 * GeSmart's token carries its key's scopes. Expired keys are refused like revoked ones.
 */
import { env } from 'cloudflare:workers';
import { sign } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_SCOPES } from '../../src/auth/scopes';
import { ADMIN, bearer, body, call, createTenant, expectProblem, type TestTenant } from '../helpers/api';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

const spec = (await (await call('/openapi.json')).json()) as {
  paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
};
/** The operations a tenant key opens (declared `apiKey` / `bearer`), as `METHOD /path` below /v1. */
const operations = Object.entries(spec.paths)
  .filter(([path]) => path.startsWith('/v1/'))
  .flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m, op]) => METHODS.includes(m) && (op.security ?? []).some((r) => 'apiKey' in r || 'bearer' in r))
      .map(([m]) => ({ method: m.toUpperCase(), path, name: `${m.toUpperCase()} ${path.slice(3)}` })),
  );

async function keyWith(tenantId: string, grant: Record<string, unknown>): Promise<{ id: string; key: string; scopes: string[]; expiresAt: string | null }> {
  const res = await call(`/v1/admin/tenants/${tenantId}/keys`, { method: 'POST', headers: ADMIN, json: { name: 'scoped', ...grant } });
  expect(res.status, await res.clone().text()).toBe(201);
  return body(res);
}

function request(op: { method: string; path: string }, headers: Record<string, string>): Promise<Response> {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => `${name}-scopes-nope`);
  const hasBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
  return call(path, { method: op.method, headers, ...(hasBody ? { json: {} } : {}) });
}

let tenant: TestTenant;
const keys = new Map<string, string>();

beforeAll(async () => {
  tenant = await createTenant();
  const needed = new Set(Object.values(ROUTE_SCOPES));
  for (const scope of needed) keys.set(scope, (await keyWith(tenant.id, { scopes: [scope] })).key);
  // A key with only a dialect scope: it must open no /v1 operation at all.
  keys.set('dialect:genera', (await keyWith(tenant.id, { scopes: ['dialect:genera'] })).key);
});

describe('every /v1 operation declares its scope', () => {
  it('each tenant-key operation in /openapi.json has an entry in ROUTE_SCOPES', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((op) => !(op.name in ROUTE_SCOPES)).map((op) => op.name)).toEqual([]);
  });
});

describe.each(operations)('$method $path', (op) => {
  it('403 naming the scope without it, not 403 with it', async () => {
    const needed = ROUTE_SCOPES[op.name]!;
    const other = needed === 'events:read' ? 'jobs:read' : 'events:read';
    for (const without of [keys.get(other)!, keys.get('dialect:genera')!]) {
      const res = await request(op, bearer(without));
      const problem = await expectProblem(res, 403, 'forbidden');
      expect(problem.detail).toContain(`"${needed}"`);
      expect(res.headers.get('www-authenticate')).toBe(`Bearer error="insufficient_scope", scope="${needed}"`);
    }
    const res = await request(op, bearer(keys.get(needed)!));
    expect(res.status, `${op.name} with ${needed}: ${await res.clone().text()}`).not.toBe(403);
    expect(res.status).not.toBe(401);
    expect(res.status).toBeLessThan(500);
  });
});

describe('issuing scoped keys', () => {
  it('shows the scopes; a key without scopes (and every older key) holds "*"', async () => {
    const scoped = await keyWith(tenant.id, { scopes: ['products:write', 'products:read', 'products:read'] });
    expect(scoped.scopes).toEqual(['products:read', 'products:write']);
    const full = await keyWith(tenant.id, {});
    expect(full.scopes).toEqual(['*']);
    const list = await body(await call(`/v1/admin/tenants/${tenant.id}/keys`, { headers: ADMIN }));
    const first = list.data.find((k: { id: string }) => k.id === tenant.keyId);
    expect(first).toMatchObject({ scopes: ['*'], expiresAt: null });
  });

  it('refuses an unknown scope and an expiry in the past, at the field', async () => {
    const unknown = await call(`/v1/admin/tenants/${tenant.id}/keys`, { method: 'POST', headers: ADMIN, json: { scopes: ['products:destroy'] } });
    expect((await expectProblem(unknown, 422, 'validation_failed')).errors?.[0]?.path).toBe('/scopes/0');
    const past = await call(`/v1/admin/tenants/${tenant.id}/keys`, { method: 'POST', headers: ADMIN, json: { expiresAt: '2020-01-01T00:00:00Z' } });
    expect((await expectProblem(past, 422, 'validation_failed')).errors).toEqual([{ path: '/expiresAt', message: 'Must be in the future' }]);
    const garbled = await call(`/v1/admin/tenants/${tenant.id}/keys`, { method: 'POST', headers: ADMIN, json: { expiresAt: 'tomorrow' } });
    expect((await expectProblem(garbled, 422, 'validation_failed')).errors?.[0]?.path).toBe('/expiresAt');
  });

  it('an expired key is refused like a revoked one, on /v1 and on a dialect', async () => {
    const key = await keyWith(tenant.id, { expiresAt: '2099-01-01T00:00:00Z' });
    expect(key.expiresAt).toBe('2099-01-01T00:00:00.000Z');
    expect((await call('/v1/events?after=0', { headers: bearer(key.key) })).status).toBe(200);
    // Its expiry passes (set in the row, as time passing would).
    await env.DB.prepare('UPDATE api_keys SET expires_at = ?2 WHERE id = ?1').bind(key.id, Date.now() - 1).run();
    await expectProblem(await call('/v1/events?after=0', { headers: bearer(key.key) }), 401, 'unauthorized');
    const robosize = await call(`/compat/robosize/api/v1/product/?api_key=${key.key}`);
    expect(robosize.status).toBe(403);
    expect(await robosize.json()).toEqual({ detail: 'Incorrect authentication credentials.' });
  });
});

describe('dialect scopes', () => {
  it('dialect:<name> alone opens that dialect, and each refusal is in the dialect shape', async () => {
    const generaOnly = keys.get('dialect:genera')!;
    const readOnly = keys.get('products:read')!;
    // Genera: past auth the brand is unknown (404); without the scope a 403 in Genera's shape.
    const genera = (key: string) => call('/compat/genera/v1/no-brand/webhook', { headers: bearer(key) });
    expect((await genera(generaOnly)).status).toBe(404);
    const refused = await genera(readOnly);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ success: false, error: expect.stringContaining('"dialect:genera"') });
    // Robosize with the Genera-only key: DRF's shape naming its own scope.
    const robosize = await call(`/compat/robosize/api/v1/product/?api_key=${generaOnly}`);
    expect(robosize.status).toBe(403);
    expect(((await robosize.json()) as { detail: string }).detail).toContain('"dialect:robosize"');
    // Try-on and Sizebay likewise.
    const tryon = await call('/compat/tryon/products/nope', { headers: bearer(generaOnly) });
    expect(tryon.status).toBe(403);
    expect(await tryon.text()).toContain('dialect:tryon');
    const sizebay = await call('/compat/sizebay/products', { method: 'POST', headers: { 'x-api-key': generaOnly }, json: {} });
    expect(sizebay.status).toBe(403);
    expect(await sizebay.text()).toContain('dialect:sizebay');
    // With the scope, the same requests get past authorization.
    const robosizeKey = (await keyWith(tenant.id, { scopes: ['dialect:robosize'] })).key;
    expect((await call(`/compat/robosize/api/v1/product/?api_key=${robosizeKey}`)).status).toBe(200);
  });

  it("GeSmart: login needs dialect:gesmart, and a token carries its key's scopes", async () => {
    const login = (apiKey: string) => call('/compat/gesmart/api/auth/login', { method: 'POST', json: { apiKey } });
    const withScope = await keyWith(tenant.id, { scopes: ['dialect:gesmart'] });
    const without = await keyWith(tenant.id, { scopes: ['products:write'] });
    const ok = await login(withScope.key);
    expect(ok.status).toBe(200);
    const refused = await login(without.key);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('dialect:gesmart');
    // A token minted for the unscoped key (as one minted before its scopes were narrowed would be).
    const now = Math.floor(Date.now() / 1000);
    const token = await sign({ sub: tenant.id, kid: without.id, aud: 'shelfsync:gesmart', iat: now, exp: now + 600 }, String(env.JWT_SECRET), 'HS256');
    const sync = await call('/compat/gesmart/api/products/sync?syncId=job_x', { headers: bearer(token) });
    expect(sync.status).toBe(403);
    expect(await sync.text()).toContain('dialect:gesmart');
  });
});
