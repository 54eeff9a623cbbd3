/**
 * Answers that show a secret: `Cache-Control: no-store`, never kept for Idempotency-Key replay (a
 * replay answers 409 `secret_already_shown`); and rotating inbound-source and processor secrets
 * with a 24 h overlap, as webhook secrets rotate.
 */
import { env } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN, body, call, createTenant, expectProblem, type TestTenant } from '../helpers/api';
import { hmac, newBucket, target, toBase64 } from '../helpers/webhooks';

const processorUrl = () => `${inject('receiverUrl')}/r/${newBucket()}/ok`;

async function push(sourceId: string, secret: string, id: string): Promise<Response> {
  const raw = JSON.stringify({ id, title: `Pushed ${id}` });
  return call(`/v1/inbound/${sourceId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': toBase64(await hmac(secret, raw)) }, body: raw });
}

async function callback(tenantId: string, name: string, secret: string): Promise<Response> {
  const raw = JSON.stringify({ sha256: '0'.repeat(64), status: 'done' });
  return call(`/v1/processor-callbacks/${tenantId}/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_1', new Date(), raw),
    },
    body: raw,
  });
}

function expectNoStore(res: Response, what: string): void {
  expect(res.headers.get('cache-control'), what).toBe('no-store');
}

describe('answers that show a secret', () => {
  it('are Cache-Control: no-store, on every route that shows one', async () => {
    const t = await createTenant();
    const tenant = await call('/v1/admin/tenants', { method: 'POST', headers: ADMIN, json: { name: 'NoStore', defaultCurrency: 'USD', defaultLocale: 'en-US' } });
    expect(tenant.status).toBe(201);
    expectNoStore(tenant, 'admin tenant creation (shows an API key)');
    const key = await call(`/v1/admin/tenants/${t.id}/keys`, { method: 'POST', headers: ADMIN, json: { name: 'ci' } });
    expect(key.status).toBe(201);
    expectNoStore(key, 'admin key issue');

    const wh = await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(newBucket()) } });
    expectNoStore(wh, 'webhook creation');
    const whId = (await body(wh)).id;
    expectNoStore(await call(`/v1/webhooks/${whId}/rotate-secret`, { method: 'POST', headers: t.headers }), 'webhook rotation');
    expect((await call(`/v1/webhooks/${whId}`, { headers: t.headers })).headers.get('cache-control')).toBeNull();

    const src = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'ERP' } });
    expectNoStore(src, 'inbound source creation (generated secret)');
    expectNoStore(await call(`/v1/inbound-sources/${(await body(src)).id}/rotate-secret`, { method: 'POST', headers: t.headers }), 'inbound rotation');
    const given = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'ERP', secret: 'given-secret-0123456789' } });
    expect(given.status).toBe(201);
    expect((await body(given)).secret).toBeNull();

    const proc = await call('/v1/processors/tryOn', { method: 'PUT', headers: t.headers, json: { url: processorUrl(), config: {} } });
    expect(proc.status).toBe(201);
    expectNoStore(proc, 'processor creation');
    const updated = await call('/v1/processors/tryOn', { method: 'PUT', headers: t.headers, json: { url: processorUrl(), config: { a: 1 } } });
    expect(updated.status).toBe(200);
    expect((await body(updated)).secret).toBeUndefined();
    expectNoStore(await call('/v1/processors/tryOn/rotate-secret', { method: 'POST', headers: t.headers }), 'processor rotation');
  });

  it('the GeSmart login answer (a bearer JWT) is no-store too', async () => {
    const t = await createTenant();
    const res = await call('/compat/gesmart/api/auth/login', { method: 'POST', json: { apiKey: t.key } });
    expect(res.status).toBe(200);
    expectNoStore(res, 'GeSmart login');
  });

  it('are not replayed for an Idempotency-Key: the replay says the secret was shown, and writes nothing', async () => {
    const t = await createTenant();
    const cases: Array<{ path: string; method: string; json: unknown; count: string }> = [
      { path: '/v1/webhooks', method: 'POST', json: { url: target(newBucket()) }, count: 'SELECT count(*) AS n FROM webhook_endpoints WHERE tenant_id = ?1' },
      { path: '/v1/inbound-sources', method: 'POST', json: { name: 'ERP' }, count: 'SELECT count(*) AS n FROM inbound_sources WHERE tenant_id = ?1' },
      { path: '/v1/processors/tryOn', method: 'PUT', json: { url: processorUrl(), config: {} }, count: 'SELECT count(*) AS n FROM processors WHERE tenant_id = ?1' },
    ];
    for (const c of cases) {
      const headers = { ...t.headers, 'idempotency-key': `k-${crypto.randomUUID()}` };
      const first = await call(c.path, { method: c.method, headers, json: c.json });
      expect(first.status, c.path).toBe(201);
      const secret = (await body(first)).secret as string;
      expect(secret.length).toBeGreaterThan(20);

      const replay = await call(c.path, { method: c.method, headers, json: c.json });
      const text = await replay.clone().text();
      const problem = await expectProblem(replay, 409, 'secret_already_shown');
      expect(problem.detail).toContain('(201)');
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expectNoStore(replay, `${c.path} replay`);
      expect(text).not.toContain(secret);
      expect((await env.DB.prepare(c.count).bind(t.id).first<{ n: number }>())!.n, c.path).toBe(1);

      const kept = await env.DB.prepare('SELECT body FROM idempotency_keys WHERE tenant_id = ?1 AND key = ?2').bind(t.id, headers['idempotency-key']).first<{ body: string }>();
      expect(kept!.body).not.toContain(secret);
    }
  });

  it('an answer without a secret is still replayed as it was', async () => {
    const t = await createTenant();
    const headers = { ...t.headers, 'idempotency-key': `k-${crypto.randomUUID()}` };
    const json = { name: 'ERP', secret: 'given-secret-0123456789' };
    const first = await call('/v1/inbound-sources', { method: 'POST', headers, json });
    const replay = await call('/v1/inbound-sources', { method: 'POST', headers, json });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(await first.text());
  });
});

describe('rotating an inbound source secret', () => {
  async function source(t: TestTenant): Promise<{ id: string; secret: string }> {
    const created = await body(await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'ERP' } }));
    return { id: created.id, secret: created.secret };
  }

  it('shows a new secret; pushes signed with either are accepted for 24 h, then only the new one', async () => {
    const t = await createTenant();
    const src = await source(t);
    const res = await call(`/v1/inbound-sources/${src.id}/rotate-secret`, { method: 'POST', headers: t.headers });
    expect(res.status).toBe(200);
    const rotated = await body(res);
    expect(rotated).toMatchObject({ id: src.id, name: 'ERP', secret: expect.any(String) });
    expect(rotated.secret).not.toBe(src.secret);

    expect((await push(src.id, rotated.secret, 'new-1')).status).toBe(202);
    expect((await push(src.id, src.secret, 'old-1')).status).toBe(202);
    const row = await env.DB.prepare('SELECT previous_secret_expires_at - updated_at AS overlap, previous_secret FROM inbound_sources WHERE id = ?1').bind(src.id).first<{ overlap: number; previous_secret: string }>();
    expect(row!.overlap).toBe(24 * 3600 * 1000);
    expect(row!.previous_secret).toMatch(/^enc:/);

    await env.DB.prepare('UPDATE inbound_sources SET previous_secret_expires_at = ?2 WHERE id = ?1').bind(src.id, Date.now() - 1).run();
    await expectProblem(await push(src.id, src.secret, 'old-2'), 401);
    expect((await push(src.id, rotated.secret, 'new-2')).status).toBe(202);
  });

  it('is 404 for another tenant and 409 for a source whose secret comes from the environment', async () => {
    // GESMART_TENANT's tenant (vitest.config.ts): the only one that may name GESMART_WEBHOOK_SECRET.
    const t = await createTenant({ aliases: ['gesmart-erp'] });
    const other = await createTenant();
    const src = await source(t);
    await expectProblem(await call(`/v1/inbound-sources/${src.id}/rotate-secret`, { method: 'POST', headers: other.headers }), 404, 'not_found');
    const fromEnv = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'GeSmart', secretEnv: 'GESMART_WEBHOOK_SECRET' } });
    expect(fromEnv.status).toBe(201);
    await expectProblem(await call(`/v1/inbound-sources/${(await body(fromEnv)).id}/rotate-secret`, { method: 'POST', headers: t.headers }), 409, 'conflict');
  });
});

describe('rotating a processor secret', () => {
  it('shows a new secret; callbacks signed with either verify for 24 h, then only the new one', async () => {
    const t = await createTenant();
    const created = await body(await call('/v1/processors/tryOn', { method: 'PUT', headers: t.headers, json: { url: processorUrl(), config: {} } }));
    const res = await call('/v1/processors/tryOn/rotate-secret', { method: 'POST', headers: t.headers });
    expect(res.status).toBe(200);
    const rotated = await body(res);
    expect(rotated).toMatchObject({ name: 'tryOn', secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.secret).not.toBe(created.secret);

    expect((await callback(t.id, 'tryOn', rotated.secret)).status).toBe(200);
    expect((await callback(t.id, 'tryOn', created.secret)).status).toBe(200);
    await env.DB.prepare('UPDATE processors SET previous_secret_expires_at = ?3 WHERE tenant_id = ?1 AND name = ?2').bind(t.id, 'tryOn', Date.now() - 1).run();
    await expectProblem(await callback(t.id, 'tryOn', created.secret), 401);
    expect((await callback(t.id, 'tryOn', rotated.secret)).status).toBe(200);
  });

  it('is 404 for a processor that does not exist (or is another tenant\'s)', async () => {
    const t = await createTenant();
    const other = await createTenant();
    await call('/v1/processors/tryOn', { method: 'PUT', headers: t.headers, json: { url: processorUrl(), config: {} } });
    await expectProblem(await call('/v1/processors/tryOn/rotate-secret', { method: 'POST', headers: other.headers }), 404, 'not_found');
  });
});
