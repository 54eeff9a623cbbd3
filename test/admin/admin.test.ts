/** /v1/admin: tenants and API keys behind ADMIN_TOKEN. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';
import { ADMIN, bearer, body, call, createTenant, expectProblem, issueKey, revokeKey } from '../helpers/api';

const unique = () => crypto.randomUUID().slice(0, 8);

describe('POST /v1/admin/tenants', () => {
  it('creates a tenant and returns its first API key once', async () => {
    const alias = `brand_${unique()}`;
    const res = await call('/v1/admin/tenants', {
      method: 'POST',
      headers: ADMIN,
      json: { name: 'Acme Brands', aliases: [alias], defaultCurrency: 'BRL', defaultLocale: 'pt-br' },
    });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created.tenant).toMatchObject({
      id: expect.stringMatching(/^ten_[0-9A-HJKMNP-TV-Z]{26}$/),
      name: 'Acme Brands',
      aliases: [alias],
      defaultCurrency: 'BRL',
      defaultLocale: 'pt-BR',
    });
    expect(Date.parse(created.tenant.createdAt)).not.toBeNaN();
    expect(created.apiKey).toMatchObject({ id: expect.stringMatching(/^key_/), key: expect.stringMatching(/^ssk_.{40,}$/), revokedAt: null });
    expect(created.apiKey.key.startsWith(created.apiKey.prefix)).toBe(true);
    expect(created.apiKey.prefix.length).toBeLessThan(created.apiKey.key.length);

    // The key works and decides the tenant.
    const jobs = await call('/v1/jobs', { headers: bearer(created.apiKey.key) });
    expect(jobs.status).toBe(200);

    // Readable again, but never the key itself.
    const read = await call(`/v1/admin/tenants/${created.tenant.id}`, { headers: ADMIN });
    expect(read.status).toBe(200);
    const readText = await read.text();
    expect(JSON.parse(readText)).toEqual(created.tenant);
    expect(readText).not.toContain(created.apiKey.key);
    const keys = await call(`/v1/admin/tenants/${created.tenant.id}/keys`, { headers: ADMIN });
    const listed = await keys.text();
    expect(keys.status).toBe(200);
    expect(listed).not.toContain(created.apiKey.key);
    expect(JSON.parse(listed).data).toEqual([
      expect.objectContaining({ id: created.apiKey.id, prefix: created.apiKey.prefix, revokedAt: null }),
    ]);
    expect(JSON.parse(listed).data[0]).not.toHaveProperty('key');
  });

  it('refuses an alias another tenant holds (409), on create and on edit', async () => {
    const alias = `shared_${unique()}`;
    const first = await createTenant({ aliases: [alias] });

    const clash = await call('/v1/admin/tenants', {
      method: 'POST',
      headers: ADMIN,
      json: { name: 'Second', aliases: [`other_${unique()}`, alias], defaultCurrency: 'USD', defaultLocale: 'en-US' },
    });
    const problem = await expectProblem(clash, 409, 'conflict');
    expect(JSON.stringify(problem)).toContain(alias);

    const second = await createTenant({ aliases: [`mine_${unique()}`] });
    const editClash = await call(`/v1/admin/tenants/${second.id}`, { method: 'PATCH', headers: ADMIN, json: { aliases: [alias] } });
    await expectProblem(editClash, 409, 'conflict');

    // The holder keeps it; re-sending its own aliases is no clash.
    const own = await call(`/v1/admin/tenants/${first.id}`, { method: 'PATCH', headers: ADMIN, json: { aliases: [alias] } });
    expect(own.status).toBe(200);
    expect((await body(own)).aliases).toEqual([alias]);
  });

  it('caps the admin body (413) and checks its media type (415)', async () => {
    const big = await call('/v1/admin/tenants', {
      method: 'POST',
      headers: ADMIN,
      json: { name: 'x'.repeat(70 * 1024), defaultCurrency: 'USD', defaultLocale: 'en-US' },
    });
    await expectProblem(big, 413, 'payload_too_large');
    const form = await call('/v1/admin/tenants', { method: 'POST', headers: { ...ADMIN, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
    await expectProblem(form, 415, 'unsupported_media_type');
  });

  it('validates the body (422 with JSON Pointers)', async () => {
    const res = await call('/v1/admin/tenants', {
      method: 'POST',
      headers: ADMIN,
      json: { name: 'Bad', defaultCurrency: 'EURO', defaultLocale: 'en_US!', aliases: ['has space'], extra: 1 },
    });
    const problem = await expectProblem(res, 422, 'validation_failed');
    const paths = (problem.errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/defaultCurrency', '/defaultLocale', '/aliases/0', '/extra']));
  });
});

describe('PATCH /v1/admin/tenants/{id}', () => {
  it('edits name, aliases, default currency and locale', async () => {
    const oldAlias = `old_${unique()}`;
    const t = await createTenant({ aliases: [oldAlias] });
    const alias = `new_${unique()}`;
    const res = await call(`/v1/admin/tenants/${t.id}`, {
      method: 'PATCH',
      headers: ADMIN,
      json: { name: 'Renamed', aliases: [alias], defaultCurrency: 'JPY', defaultLocale: 'ja-JP' },
    });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ id: t.id, name: 'Renamed', aliases: [alias], defaultCurrency: 'JPY', defaultLocale: 'ja-JP' });

    // Partial edit leaves the rest.
    const partial = await call(`/v1/admin/tenants/${t.id}`, { method: 'PATCH', headers: ADMIN, json: { name: 'Again' } });
    expect(await body(partial)).toMatchObject({ name: 'Again', aliases: [alias], defaultCurrency: 'JPY', defaultLocale: 'ja-JP' });

    const read = await body(await call(`/v1/admin/tenants/${t.id}`, { headers: ADMIN }));
    expect(read).toMatchObject({ name: 'Again', aliases: [alias] });

    // The replaced alias is free again.
    await createTenant({ aliases: [oldAlias] });
  });

  it('answers 404 for an unknown tenant', async () => {
    const res = await call('/v1/admin/tenants/ten_00000000000000000000000000', { method: 'PATCH', headers: ADMIN, json: { name: 'x' } });
    await expectProblem(res, 404, 'not_found');
  });
});

describe('API keys', () => {
  it('issues, lists and revokes keys; a revoked key stops working at once', async () => {
    const t = await createTenant();
    const issued = await call(`/v1/admin/tenants/${t.id}/keys`, { method: 'POST', headers: ADMIN, json: { name: 'ci' } });
    expect(issued.status).toBe(201);
    const second = await body(issued);
    expect(second).toMatchObject({ id: expect.stringMatching(/^key_/), name: 'ci', key: expect.stringMatching(/^ssk_/), revokedAt: null });
    expect(second.key).not.toBe(t.key);

    // Both keys work for the same tenant.
    await call('/v1/products/k1', { method: 'PUT', headers: bearer(second.key), json: { title: 'via second key' } });
    const viaFirst = await call('/v1/products/k1', { headers: t.headers });
    expect(viaFirst.status).toBe(200);
    expect((await body(viaFirst)).title).toBe('via second key');

    const list = await body(await call(`/v1/admin/tenants/${t.id}/keys`, { headers: ADMIN }));
    expect(list.data.map((k: { id: string }) => k.id).sort()).toEqual([t.keyId, second.id].sort());

    const revoke = await call(`/v1/admin/tenants/${t.id}/keys/${second.id}`, { method: 'DELETE', headers: ADMIN });
    expect(revoke.status).toBe(204);

    const refused = await call('/v1/products/k1', { headers: bearer(second.key) });
    await expectProblem(refused, 401, 'unauthorized');
    const refusedHeader = await call('/v1/products/k1', { headers: { 'x-api-key': second.key } });
    await expectProblem(refusedHeader, 401, 'unauthorized');

    // The other key is untouched.
    expect((await call('/v1/products/k1', { headers: t.headers })).status).toBe(200);

    const after = await body(await call(`/v1/admin/tenants/${t.id}/keys`, { headers: ADMIN }));
    const revoked = after.data.find((k: { id: string }) => k.id === second.id);
    expect(Date.parse(revoked.revokedAt)).not.toBeNaN();
    expect(after.data.find((k: { id: string }) => k.id === t.keyId).revokedAt).toBeNull();
  });

  it('issues a key with no body at all', async () => {
    const t = await createTenant();
    const res = await call(`/v1/admin/tenants/${t.id}/keys`, { method: 'POST', headers: ADMIN });
    expect(res.status).toBe(201);
    const key = await body(res);
    expect((await call('/v1/jobs', { headers: bearer(key.key) })).status).toBe(200);
  });

  it('answers 404 for an unknown tenant or key, and for another tenant\'s key', async () => {
    const a = await createTenant();
    const b = await createTenant();
    await expectProblem(await call('/v1/admin/tenants/ten_nope/keys', { method: 'POST', headers: ADMIN, json: {} }), 404, 'not_found');
    await expectProblem(await call('/v1/admin/tenants/ten_nope/keys', { headers: ADMIN }), 404, 'not_found');
    await expectProblem(await call(`/v1/admin/tenants/${a.id}/keys/key_nope`, { method: 'DELETE', headers: ADMIN }), 404, 'not_found');
    // A's key addressed under B: not found, and still working.
    await expectProblem(await call(`/v1/admin/tenants/${b.id}/keys/${a.keyId}`, { method: 'DELETE', headers: ADMIN }), 404, 'not_found');
    expect((await call('/v1/jobs', { headers: a.headers })).status).toBe(200);
  });

  it('stores keys only as hashes: no column of any table holds a key', async () => {
    const t = await createTenant();
    const extra = await issueKey(t.id, 'hash-check');
    await call('/v1/products/h1', { method: 'PUT', headers: t.headers, json: { title: 'x' } });
    await revokeKey(t.id, extra.id);

    const { results: tables } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
    ).all<{ name: string }>();
    expect(tables.map((r) => r.name)).toContain('api_keys');
    for (const { name } of tables) {
      const { results } = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
      const dump = JSON.stringify(results);
      for (const key of [t.key, extra.key]) {
        expect(dump, `table ${name} holds a key`).not.toContain(key);
        expect(dump, `table ${name} holds a key's secret part`).not.toContain(key.slice(4));
      }
    }
    const row = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?1').bind(t.keyId).first<Record<string, unknown>>();
    expect(row).not.toBeNull();
    expect(Object.values(row!)).not.toContain(t.key);
  });

  it('tracks last_used_at', async () => {
    const t = await createTenant();
    const before = await body(await call(`/v1/admin/tenants/${t.id}/keys`, { headers: ADMIN }));
    expect(before.data[0].lastUsedAt).toBeNull();
    const start = Date.now();
    expect((await call('/v1/jobs', { headers: t.headers })).status).toBe(200);

    // Written after the response (waitUntil): poll briefly.
    let lastUsedAt: string | null = null;
    for (let i = 0; i < 50 && lastUsedAt === null; i++) {
      const keys = await body(await call(`/v1/admin/tenants/${t.id}/keys`, { headers: ADMIN }));
      lastUsedAt = keys.data.find((k: { id: string }) => k.id === t.keyId).lastUsedAt;
      if (lastUsedAt === null) await new Promise((r) => setTimeout(r, 20));
    }
    expect(lastUsedAt).not.toBeNull();
    expect(Date.parse(lastUsedAt!)).toBeGreaterThanOrEqual(start - 1000);
    const row = await env.DB.prepare('SELECT last_used_at FROM api_keys WHERE id = ?1').bind(t.keyId).first<{ last_used_at: number }>();
    expect(row!.last_used_at).toBe(Date.parse(lastUsedAt!));
  });
});

describe('the admin token', () => {
  const tenantBody = { name: 'x', defaultCurrency: 'USD', defaultLocale: 'en-US' };

  it('is required: missing or wrong -> 401 with WWW-Authenticate', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-token' },
      { authorization: 'Bearer test-admin-toke' },
      { authorization: 'Bearer test-admin-token-0123456789abcdef0123X' },
      { authorization: 'Basic dGVzdC1hZG1pbi10b2tlbg==' },
      { 'x-api-key': 'test-admin-token-0123456789abcdef0123' },
    ];
    for (const headers of attempts) {
      const res = await call('/v1/admin/tenants', { method: 'POST', headers, json: tenantBody });
      await expectProblem(res, 401, 'unauthorized');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }
  });

  it('is not a tenant key, and a tenant key is not an admin token', async () => {
    const t = await createTenant();
    const asTenant = await call('/v1/admin/tenants', { method: 'POST', headers: t.headers, json: tenantBody });
    expect([401, 403]).toContain(asTenant.status);
    await expectProblem(asTenant, asTenant.status);
    const asTenantHeader = await call(`/v1/admin/tenants/${t.id}/keys`, { headers: { 'x-api-key': t.key } });
    expect([401, 403]).toContain(asTenantHeader.status);

    const adminOnTenantRoute = await call('/v1/jobs', { headers: ADMIN });
    await expectProblem(adminOnTenantRoute, 401, 'unauthorized');
  });
});

describe('ADMIN_TOKEN strength', () => {
  const app = createApp();
  async function create(bindings: Partial<Env>, token: string): Promise<Response> {
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request('http://shelfsync.test/v1/admin/tenants', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Strength', defaultCurrency: 'USD', defaultLocale: 'en-US' }),
      }),
      { ...env, ...bindings } as Env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return res;
  }

  it('outside local development a token under 32 characters counts as none: admin disabled, with a logged warning', async () => {
    const errors = vi.spyOn(console, 'error');
    const short = 'short-admin-token-0123456789abc'; // 31 characters
    expect(short).toHaveLength(31);
    for (const environment of [undefined, 'production', 'test']) {
      await expectProblem(await create({ ADMIN_TOKEN: short, ENVIRONMENT: environment }, short), 403, 'forbidden');
    }
    expect(errors.mock.calls.some(([line]) => String(line).includes('ADMIN_TOKEN is shorter than 32 characters'))).toBe(true);
    expect(errors.mock.calls.some(([line]) => String(line).includes(short))).toBe(false);
    errors.mockRestore();
    // Local development keeps working with a short one (.dev.vars.example); 32 characters work anywhere.
    expect((await create({ ADMIN_TOKEN: short, ENVIRONMENT: 'development' }, short)).status).toBe(201);
    const long = `${short}X`;
    expect((await create({ ADMIN_TOKEN: long, ENVIRONMENT: undefined }, long)).status).toBe(201);
  });
});
