/**
 * Idempotency-Key on the routes that rotate or issue a secret, on the webhook actions (test,
 * recover, redeliver) and on the admin routes. A retried rotation must not rotate again: that would
 * drop the pre-rotation secret the overlap keeps. Answers that showed a secret replay as 409
 * `secret_already_shown`; admin keys live in the operator's own scope, apart from every tenant's.
 */
import { describe, expect, inject, it } from 'vitest';
import { ADMIN, body, call, createTenant, expectProblem, type TestTenant } from '../helpers/api';
import { hmac, newBucket, target, toBase64 } from '../helpers/webhooks';

async function push(sourceId: string, secret: string, id: string): Promise<Response> {
  const raw = JSON.stringify({ id, title: `Pushed ${id}` });
  return call(`/v1/inbound/${sourceId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': toBase64(await hmac(secret, raw)) }, body: raw });
}

async function twice(path: string, headers: Record<string, string>, json?: unknown): Promise<[Response, Response]> {
  const first = await call(path, { method: 'POST', headers, ...(json === undefined ? {} : { json }) });
  const retry = await call(path, { method: 'POST', headers, ...(json === undefined ? {} : { json }) });
  return [first, retry];
}

async function expectShownOnce(first: Response, retry: Response, status = 200): Promise<void> {
  expect(first.status).toBe(status);
  await expectProblem(retry, 409, 'secret_already_shown');
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(retry.headers.get('cache-control')).toBe('no-store');
}

const keyed = (t: TestTenant, key: string) => ({ ...t.headers, 'idempotency-key': key });

describe('rotate-secret with a repeated Idempotency-Key rotates once', () => {
  it('inbound source: the retry answers 409, and the pre-rotation secret still verifies', async () => {
    const t = await createTenant();
    const src = await body(await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'ERP' } }));
    const [first, retry] = await twice(`/v1/inbound-sources/${src.id}/rotate-secret`, keyed(t, 'rotate-once'));
    await expectShownOnce(first, retry);
    const rotated = await body(first);
    expect((await push(src.id, src.secret, 'old')).status).toBe(202);
    expect((await push(src.id, rotated.secret, 'new')).status).toBe(202);
  });

  it('webhook and processor: the retry answers 409 secret_already_shown', async () => {
    const t = await createTenant();
    const wh = await body(await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(newBucket()) } }));
    await expectShownOnce(...(await twice(`/v1/webhooks/${wh.id}/rotate-secret`, keyed(t, 'rotate-once'))));
    const url = `${inject('receiverUrl')}/r/${newBucket()}/ok`;
    expect((await call('/v1/processors/tryOn', { method: 'PUT', headers: t.headers, json: { url, config: {} } })).status).toBe(201);
    await expectShownOnce(...(await twice('/v1/processors/tryOn/rotate-secret', keyed(t, 'rotate-once'))));
  });
});

describe('webhook actions replay their first answer', () => {
  it('test sends one event; recover with another `since` under the same key is 422', async () => {
    const t = await createTenant();
    const wh = await body(await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(newBucket()) } }));
    const [first, retry] = await twice(`/v1/webhooks/${wh.id}/test`, keyed(t, 'test-once'));
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await body(retry)).eventId).toBe((await body(first)).eventId);

    const recover = (since: string) => call(`/v1/webhooks/${wh.id}/recover?since=${since}`, { method: 'POST', headers: keyed(t, 'recover') });
    expect((await recover('2020-01-01T00:00:00Z')).status).toBe(202);
    expect((await recover('2020-01-01T00:00:00Z')).headers.get('idempotent-replayed')).toBe('true');
    await expectProblem(await recover('2021-01-01T00:00:00Z'), 422, 'idempotency_key_reused');
  });
});

describe('admin routes honour Idempotency-Key in the operator scope', () => {
  it('key creation with a repeated key creates one key', async () => {
    const t = await createTenant();
    const [first, retry] = await twice(`/v1/admin/tenants/${t.id}/keys`, { ...ADMIN, 'idempotency-key': 'one-key' }, { name: 'ci' });
    await expectShownOnce(first, retry, 201);
    const keys = await body(await call(`/v1/admin/tenants/${t.id}/keys`, { headers: ADMIN }));
    expect(keys.data.filter((k: { name: string }) => k.name === 'ci')).toHaveLength(1);
  });

  it('tenant creation with a repeated key creates one tenant; another body under that key is 422', async () => {
    const headers = { ...ADMIN, 'idempotency-key': `tenant-${newBucket()}` };
    const json = { name: 'Once', defaultCurrency: 'USD', defaultLocale: 'en-US' };
    await expectShownOnce(...(await twice('/v1/admin/tenants', headers, json)), 201);
    await expectProblem(await call('/v1/admin/tenants', { method: 'POST', headers, json: { ...json, name: 'Twice' } }), 422, 'idempotency_key_reused');
  });

});
