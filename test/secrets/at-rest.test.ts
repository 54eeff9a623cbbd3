/**
 * Secrets at rest: webhook, inbound and processor secrets are sealed in D1 (AES-256-GCM, key id in
 * the value, the row's identity as additional data); a resumable backfill seals plaintext rows left
 * from before and re-seals rows under a retired key; without a usable keyring the routes answer 503.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app';
import worker from '../../src/index';
import { openSecret, parseKeyring, sealSecret, type Keyring } from '../../src/lib/secret-box';
import { sealSecretsAtRest } from '../../src/secrets/backfill';
import { newId } from '../../src/lib/ulid';
import { body, call, createTenant, expectProblem, putProduct, type TestTenant } from '../helpers/api';
import { createWebhook, hmac, newBucket, target, toBase64, waitReceived } from '../helpers/webhooks';

const TEST_KEY = 'test1:x6x/C34TQXGuMZrK+G8TJlRkY4c85g2qrr6G+vCfdkM=';
const NEW_KEY = 'test2:oJwbSb1GQt22YBw2zmR/5W6AMCPImlOx9yFUWmGxndw=';

async function ring(text: string): Promise<Keyring> {
  const parsed = await parseKeyring(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ring;
}

async function runScheduled(bindings: Cloudflare.Env = env): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), bindings, ctx);
  await waitOnExecutionContext(ctx);
}

function stored(sql: string, ...params: unknown[]): Promise<Record<string, any> | null> {
  return env.DB.prepare(sql).bind(...params).first();
}

async function inboundSource(t: TestTenant, json: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const res = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'ERP', ...json } });
  expect(res.status).toBe(201);
  const created = await body(res);
  return { id: created.id, secret: created.secret ?? json.secret };
}

async function push(sourceId: string, secret: string, id: string): Promise<Response> {
  const raw = JSON.stringify({ id, title: `Pushed ${id}` });
  return call(`/v1/inbound/${sourceId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': toBase64(await hmac(secret, raw)) }, body: raw });
}

async function callback(tenantId: string, name: string, secret: string): Promise<Response> {
  const raw = JSON.stringify({ sha256: '0'.repeat(64), status: 'done' });
  const signature = new Webhook(secret).sign('msg_1', new Date(), raw);
  return call(`/v1/processor-callbacks/${tenantId}/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': signature },
    body: raw,
  });
}

describe('sealing (pure)', () => {
  it('seals with a fresh IV and the key id, and opens only in the same row', async () => {
    const keys = await ring(TEST_KEY);
    const a = await sealSecret(keys, 'whsec_abc', 'webhook_endpoints/wh_1');
    const b = await sealSecret(keys, 'whsec_abc', 'webhook_endpoints/wh_1');
    expect(a).toMatch(/^enc:test1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('whsec_abc');
    expect(await openSecret(keys, a, 'webhook_endpoints/wh_1')).toBe('whsec_abc');
    await expect(openSecret(keys, a, 'webhook_endpoints/wh_2')).rejects.toMatchObject({ reason: 'tampered' });
    const flipped = a.slice(0, -2) + (a.at(-2) === 'A' ? 'B' : 'A') + a.at(-1);
    await expect(openSecret(keys, flipped, 'webhook_endpoints/wh_1')).rejects.toMatchObject({ reason: 'tampered' });
  });

  it('after rotation the new key seals and the old one still opens; a retired key is named', async () => {
    const old = await sealSecret(await ring(TEST_KEY), 'secret-1', 'row');
    const rotated = await ring(`${NEW_KEY},${TEST_KEY}`);
    expect(await sealSecret(rotated, 'secret-2', 'row')).toMatch(/^enc:test2:/);
    expect(await openSecret(rotated, old, 'row')).toBe('secret-1');
    await expect(openSecret(await ring(NEW_KEY), old, 'row')).rejects.toMatchObject({ reason: 'unknown_key', keyId: 'test1' });
  });

  it('refuses keyrings it cannot use, naming why without the key', async () => {
    for (const bad of ['', 'nocolon', 'v1:c2hvcnQ=', `${TEST_KEY},${TEST_KEY}`, 'bad id:x6x/C34TQXGuMZrK+G8TJlRkY4c85g2qrr6G+vCfdkM=']) {
      const parsed = await parseKeyring(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.reason).not.toContain('x6x/C34');
    }
  });
});

describe('stored sealed', () => {
  it('webhook secrets are sealed in D1 and deliveries are still signed with them', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const wh = await createWebhook(t, { url: target(bucket), eventTypes: ['product.created'] });
    const row = await stored('SELECT secret FROM webhook_endpoints WHERE id = ?1', wh.id);
    expect(row!.secret).toMatch(/^enc:test1:/);
    expect(row!.secret).not.toContain(wh.secret.slice(6, 20));

    const rotated = await body(await call(`/v1/webhooks/${wh.id}/rotate-secret`, { method: 'POST', headers: t.headers }));
    const after = await stored('SELECT secret, previous_secret FROM webhook_endpoints WHERE id = ?1', wh.id);
    expect(after!.secret).toMatch(/^enc:test1:/);
    expect(after!.previous_secret).toMatch(/^enc:test1:/);

    await putProduct(t, 'sealed-1');
    const [got] = await waitReceived(bucket, 1);
    expect(new Webhook(rotated.secret).verify(got!.body, got!.headers)).toMatchObject({ type: 'product.created' });
    expect(new Webhook(wh.secret).verify(got!.body, got!.headers)).toMatchObject({ type: 'product.created' });
  });

  it('inbound secrets, generated or given, are sealed and still verify pushes', async () => {
    const t = await createTenant();
    const generated = await inboundSource(t);
    const given = await inboundSource(t, { secret: 'given-secret-0123456789' });
    for (const src of [generated, given]) {
      const row = await stored('SELECT secret FROM inbound_sources WHERE id = ?1', src.id);
      expect(row!.secret).toMatch(/^enc:test1:/);
      expect(row!.secret).not.toContain(src.secret);
      expect((await push(src.id, src.secret, `in-${src.id}`)).status).toBe(202);
    }
  });

  it('processor secrets are sealed and still verify callbacks', async () => {
    const t = await createTenant();
    const res = await call('/v1/processors/tryOn', { method: 'PUT', headers: t.headers, json: { url: `${inject('receiverUrl')}/r/${newBucket()}/ok`, config: {} } });
    const created = await body(res);
    const row = await stored('SELECT secret FROM processors WHERE tenant_id = ?1 AND name = ?2', t.id, 'tryOn');
    expect(row!.secret).toMatch(/^enc:test1:/);
    expect(row!.secret).not.toContain(created.secret.slice(6, 20));
    expect((await callback(t.id, 'tryOn', created.secret)).status).toBe(200);
  });

  it('a sealed secret copied into another row does not open there', async () => {
    const t = await createTenant();
    const a = await inboundSource(t);
    const b = await inboundSource(t);
    const sealedA = (await stored('SELECT secret FROM inbound_sources WHERE id = ?1', a.id))!.secret;
    await env.DB.prepare('UPDATE inbound_sources SET secret = ?2 WHERE id = ?1').bind(b.id, sealedA).run();
    // B now holds A's ciphertext: it opens for nobody, so A's secret does not sign B's pushes.
    expect((await push(b.id, a.secret, 'swap-1')).status).not.toBe(202);
    expect((await push(a.id, a.secret, 'swap-2')).status).toBe(202);
  });
});

describe('backfill', () => {
  it('seals plaintext rows left from before, and they keep working', async () => {
    const t = await createTenant();
    // As on the first run after the upgrade: no pass has started yet.
    await env.DB.prepare('DELETE FROM secret_backfill').run();
    const now = Date.now();
    const bucket = newBucket();
    const whId = newId('wh', now);
    const whSecret = `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
    const srcId = newId('src', now);
    const srcSecret = `legacy-inbound-${crypto.randomUUID()}`;
    const procSecret = `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, headers, format, enabled, secret, previous_secret, previous_secret_expires_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, '["product.created"]', '{}', 'standard', 1, ?4, ?4, ?5, ?6, ?6)`,
      ).bind(whId, t.id, target(bucket), whSecret, now + 3_600_000, now),
      env.DB.prepare(
        `INSERT INTO inbound_sources (id, tenant_id, name, secret, secret_encoding, signature_header, signature_encoding, signature_prefix, signed_payload, tolerance_seconds, format, created_at, updated_at)
         VALUES (?1, ?2, 'legacy', ?3, 'utf8', 'x-signature', 'base64', '', '{body}', 300, 'canonical', ?4, ?4)`,
      ).bind(srcId, t.id, srcSecret, now),
      env.DB.prepare(`INSERT INTO processors (tenant_id, name, url, secret, config, created_at, updated_at) VALUES (?1, 'legacy', 'https://example.com/p', ?2, '{}', ?3, ?3)`).bind(t.id, procSecret, now),
    ]);
    await runScheduled();

    const wh = await stored('SELECT secret, previous_secret FROM webhook_endpoints WHERE id = ?1', whId);
    expect(wh!.secret).toMatch(/^enc:test1:/);
    expect(wh!.previous_secret).toMatch(/^enc:test1:/);
    expect((await stored('SELECT secret FROM inbound_sources WHERE id = ?1', srcId))!.secret).toMatch(/^enc:test1:/);
    expect((await stored('SELECT secret FROM processors WHERE tenant_id = ?1 AND name = ?2', t.id, 'legacy'))!.secret).toMatch(/^enc:test1:/);

    // The same secrets still sign and verify.
    expect((await push(srcId, srcSecret, 'legacy-1')).status).toBe(202);
    expect((await callback(t.id, 'legacy', procSecret)).status).toBe(200);
    await putProduct(t, 'legacy-2');
    const [got] = await waitReceived(bucket, 1);
    expect(new Webhook(whSecret).verify(got!.body, got!.headers)).toMatchObject({ type: 'product.created' });
  });

  it('re-seals rows under a retired key once the keyring rotates', async () => {
    const t = await createTenant();
    const src = await inboundSource(t);
    expect((await stored('SELECT secret FROM inbound_sources WHERE id = ?1', src.id))!.secret).toMatch(/^enc:test1:/);

    const rotated = { ...env, SECRETS_KEYS: `${NEW_KEY},${TEST_KEY}` };
    await runScheduled(rotated);
    const resealed = (await stored('SELECT secret FROM inbound_sources WHERE id = ?1', src.id))!.secret as string;
    expect(resealed).toMatch(/^enc:test2:/);
    expect(await openSecret(await ring(`${NEW_KEY},${TEST_KEY}`), resealed, `inbound_sources/${src.id}`)).toBe(src.secret);
    const state = await env.DB.prepare('SELECT table_name, key_id, completed_at IS NOT NULL AS done FROM secret_backfill ORDER BY table_name').all();
    expect(state.results).toEqual([
      { table_name: 'inbound_sources', key_id: 'test2', done: 1 },
      { table_name: 'processors', key_id: 'test2', done: 1 },
      { table_name: 'webhook_endpoints', key_id: 'test2', done: 1 },
    ]);
    // The old key can now be removed: the push verifies under the new key alone.
    const app = createApp();
    const raw = JSON.stringify({ id: 'after-rotation', title: 'x' });
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request(`http://shelfsync.test/v1/inbound/${src.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': toBase64(await hmac(src.secret, raw)) }, body: raw }),
      { ...env, SECRETS_KEYS: NEW_KEY },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(202);
  });

  it('resumes where it stopped: one page per run, the cursor committed with each page', async () => {
    const t = await createTenant();
    // Only this test's rows, so pages and counts are exact.
    await env.DB.batch(['webhook_endpoints', 'inbound_sources', 'processors', 'secret_backfill'].map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
    const now = Date.now();
    const ids = [0, 1, 2].map((i) => newId('src', now + i));
    await env.DB.batch(
      ids.map((id, i) =>
        env.DB.prepare(
          `INSERT INTO inbound_sources (id, tenant_id, name, secret, secret_encoding, signature_header, signature_encoding, signature_prefix, signed_payload, tolerance_seconds, format, created_at, updated_at)
           VALUES (?1, ?2, 'legacy', ?3, 'utf8', 'x-signature', 'base64', '', '{body}', 300, 'canonical', ?4, ?4)`,
        ).bind(id, t.id, `legacy-secret-${i}-0123456789`, now),
      ),
    );
    const sealedCount = async () =>
      (await stored(`SELECT count(*) AS n FROM inbound_sources WHERE id IN (?1, ?2, ?3) AND secret LIKE 'enc:test1:%'`, ...ids))!.n as number;
    const limits = { pageSize: 2, maxPages: 1 };
    expect(await sealSecretsAtRest(env, now, limits)).toBe(2);
    expect(await sealedCount()).toBe(2);
    expect(await stored("SELECT completed_at FROM secret_backfill WHERE table_name = 'inbound_sources'")).toEqual({ completed_at: null });
    expect(await sealSecretsAtRest(env, now, limits)).toBe(1);
    expect(await sealedCount()).toBe(3);
    expect((await stored("SELECT completed_at FROM secret_backfill WHERE table_name = 'inbound_sources'"))!.completed_at).toBe(now);
    // A finished pass is not repeated within the day.
    await env.DB.prepare('UPDATE inbound_sources SET secret = ?2 WHERE id = ?1').bind(ids[0], 'plain-again-0123456789').run();
    expect(await sealSecretsAtRest(env, now + 60_000, limits)).toBe(0);
    expect(await sealSecretsAtRest(env, now + 86_400_001, { pageSize: 50, maxPages: 1 })).toBe(1);
  });

  it('clears previous secrets whose overlap is over', async () => {
    const t = await createTenant();
    const wh = await createWebhook(t, { url: target(newBucket()) });
    await call(`/v1/webhooks/${wh.id}/rotate-secret`, { method: 'POST', headers: t.headers });
    await env.DB.prepare('UPDATE webhook_endpoints SET previous_secret_expires_at = ?2 WHERE id = ?1').bind(wh.id, Date.now() - 1).run();
    await runScheduled();
    expect(await stored('SELECT previous_secret, previous_secret_expires_at FROM webhook_endpoints WHERE id = ?1', wh.id)).toEqual({
      previous_secret: null,
      previous_secret_expires_at: null,
    });
  });
});

describe('without a usable keyring', () => {
  const app = createApp();
  async function withBindings(bindings: Partial<Cloudflare.Env>, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request(`http://shelfsync.test${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body }),
      { ...env, ...bindings },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return res;
  }

  it('answers 503 with Retry-After instead of storing or reading a secret in the clear', async () => {
    const t = await createTenant();
    const src = await inboundSource(t);
    for (const keys of [undefined, 'garbage']) {
      const created = await withBindings({ SECRETS_KEYS: keys }, '/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(newBucket()) } });
      await expectProblem(created, 503, 'service_unavailable');
      expect(created.headers.get('retry-after')).toBe('60');
      await expectProblem(await withBindings({ SECRETS_KEYS: keys }, '/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x' } }), 503, 'service_unavailable');
      await expectProblem(await withBindings({ SECRETS_KEYS: keys }, `/v1/inbound/${src.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': 'x' }, body: '{}' }), 503);
    }
    // The development key from .dev.vars.example is refused outside local development.
    const prod = { SECRETS_KEYS: 'dev1:tBkccECQwEpvxEMt2VUdajFvKtx5m01VsRDiIxA8yg4=', ENVIRONMENT: undefined };
    const problem = await expectProblem(await withBindings(prod, '/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x' } }), 503, 'service_unavailable');
    expect(problem.detail).not.toContain('tBkcc');
    const count = await stored('SELECT (SELECT count(*) FROM webhook_endpoints WHERE tenant_id = ?1) + (SELECT count(*) FROM inbound_sources WHERE tenant_id = ?1) AS n', t.id);
    expect(count!.n).toBe(1);
  });

  it('accepts the development key in local development', async () => {
    const t = await createTenant();
    const res = await withBindings({ SECRETS_KEYS: 'dev1:tBkccECQwEpvxEMt2VUdajFvKtx5m01VsRDiIxA8yg4=', ENVIRONMENT: 'development' }, '/v1/webhooks', {
      method: 'POST', headers: t.headers, json: { url: target(newBucket()) },
    });
    expect(res.status).toBe(201);
  });
});
