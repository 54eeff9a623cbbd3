/**
 * The gesmart dialect (seed 002) under /compat/gesmart.
 *
 * The seed's example requests are fixtures copied verbatim (fixtures/gesmart/requests.json) and sent
 * after substituting the placeholders in SUBSTITUTIONS; answers are checked against the documented
 * ones (fixtures/gesmart/responses.json) for key sets and types, and for every value the request
 * decides. Webhook signatures are known-answer vectors made outside the Worker with the seed's
 * openssl recipe, so what an ERP following that recipe sends is what is proven to verify.
 *
 * The single-tenant webhook writes to GESMART_TENANT = 'gesmart-erp' (vitest.config.ts): that tenant
 * is created once here, in beforeAll, with that alias (aliases are global; no other file uses it).
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { decode, sign, verify } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';
import { body, call, createTenant, issueKey, revokeKey, type TestTenant } from '../helpers/api';
import requests from './fixtures/gesmart/requests.json';
import documented from './fixtures/gesmart/responses.json';

const BASE = '/compat/gesmart';
/** The values vitest.config.ts binds. */
const WEBHOOK_SECRET = 'gesmart-test-secret-0123456789abcdef';
const JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123456789';

/**
 * Known-answer signatures: base64 HMAC-SHA256 with the secret's UTF-8 bytes, made with the seed's recipe
 *   WEBHOOK_SECRET='gesmart-test-secret-0123456789abcdef'
 *   echo -n "$PAYLOAD" | openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" -binary | base64
 * for each PAYLOAD below.
 */
const SIGNED = {
  /** requests.webhook.payload, the seed's cURL PAYLOAD, byte for byte. */
  seedPayload: {
    payload: '{"operation":"update","reference":"PROD001","name":"Updated Product","price":1499.99,"quantity":75}',
    signature: 'eiQUevjVl3yIp9f2ZSQqqk6v+YgIQA58aMSbB2+IOq0=',
  },
  /** requests.webhookRequestBody.body as JSON.stringify writes it. */
  requestBodyExample: {
    payload: '{"operation":"update","reference":"PROD001","name":"Updated Product Name","price":1499.99,"quantity":75,"active":true}',
    signature: 'EloLsinYGLw14sDsB5l/+CYhH3kQuo4uRzuWvGRIoQc=',
  },
  missingFields: { payload: '{"operation":"update","reference":"PROD001"}', signature: 'Ij2g/w0W2z7GlxvGJ162gPO2CDiwPftZEBJKPaKCdus=' },
  negativePrice: {
    payload: '{"operation":"update","reference":"PROD001","name":"Updated Product","price":-1,"quantity":75}',
    signature: 'QcG1ZRansrXsK6zb8FFOK/Q5YugfeW191UqvvTVP8fE=',
  },
  createExisting: {
    payload: '{"operation":"create","reference":"PROD001","name":"Updated Product","price":1499.99,"quantity":75}',
    signature: 'm7uWmHxdwmWy+FJLsxl5ynTeyswrYxXS8HDlPIBVAUs=',
  },
  updateMissing: {
    payload: '{"operation":"update","reference":"GS-MISSING","name":"Nobody","price":1,"quantity":1}',
    signature: 'QdWhdG6WXoK93X2cyI2PEHSS01xNcidr3WqrV7g9NDg=',
  },
  notJson: { payload: 'not json', signature: 'ChJbT2iODYX3k0uF3eY88oEkbqVGTw8k8zc8Dw9DSxw=' },
} as const;

/** A 1x1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The PNG with `extra` zero bytes after it: different bytes, so a different image. */
function pngVariant(extra: number): string {
  const bytes = Uint8Array.from(atob(PNG), (ch) => ch.charCodeAt(0));
  return btoa(String.fromCharCode(...bytes, ...new Array<number>(extra).fill(0)));
}

// ---- helpers -----------------------------------------------------------------------------------

interface SeedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Placeholder -> value; the base URL becomes the dialect's mount path on the test host. */
function substitute(text: string, table: Record<string, string>): string {
  let out = text;
  for (const [placeholder, value] of Object.entries(table)) out = out.replaceAll(placeholder, value);
  return out;
}

function sendSeed(example: SeedRequest, table: Record<string, string>, raw?: string): Promise<Response> {
  const full = { 'https://your-domain.com': BASE, ...table };
  const headers = Object.fromEntries(Object.entries(example.headers).map(([name, value]) => [name, substitute(value, full)]));
  const payload = raw ?? (example.body !== undefined ? JSON.stringify(example.body) : undefined);
  return call(substitute(example.url, full), { method: example.method, headers, ...(payload !== undefined ? { body: payload } : {}) });
}

async function login(key: string): Promise<string> {
  const res = await call(`${BASE}/api/auth/login`, { method: 'POST', json: { apiKey: key } });
  expect(res.status).toBe(200);
  return (await body(res)).data.token;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

function sync(token: string, product: unknown): Promise<Response> {
  return call(`${BASE}/api/products/sync`, { method: 'POST', headers: auth(token), json: product });
}

function batch(token: string, payload: unknown): Promise<Response> {
  return call(`${BASE}/api/products/sync/batch`, { method: 'POST', headers: auth(token), json: payload });
}

function status(token: string, syncId: string): Promise<Response> {
  return call(`${BASE}/api/products/sync?syncId=${encodeURIComponent(syncId)}`, { headers: auth(token) });
}

function webhook(raw: string, signature: string | null): Promise<Response> {
  return call(`${BASE}/api/webhooks/gesmart/products`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature !== null ? { 'x-gesmart-signature': signature } : {}) },
    body: raw,
  });
}

/** The seed's own polling client: stop on `completed` or `failed`, on nothing else. */
async function waitForSync(token: string, syncId: string, maxAttempts = 200): Promise<any> {
  for (let i = 0; i < maxAttempts; i++) {
    const answer = await body(await status(token, syncId));
    if (answer.data.status === 'completed' || answer.data.status === 'failed') return answer;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`sync ${syncId} did not end`);
}

async function v1Product(t: TestTenant, id: string): Promise<any> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}`, { headers: t.headers });
  expect(res.status).toBe(200);
  return body(res);
}

/** Key set and JSON types, recursively for objects (arrays: by their first element). */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]));
  }
  return value === null ? 'null' : typeof value;
}

/** A GeSmart error answer with this status, naming these fields. */
async function expectError(res: Response, statusCode: number, fields: string[] = []): Promise<any> {
  const text = await res.clone().text();
  expect(res.status, text.slice(0, 500)).toBe(statusCode);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const answer = JSON.parse(text);
  expect(Object.keys(answer).sort()).toEqual(['details', 'error', 'success']);
  expect(answer.success).toBe(false);
  expect(answer.error).toEqual(expect.any(String));
  expect(answer.error.length).toBeGreaterThan(0);
  for (const d of answer.details) expect(shapeOf(d)).toEqual(shapeOf(documented.error.details[0]));
  const named = answer.details.map((d: { field: string }) => d.field);
  for (const field of fields) expect(named, text.slice(0, 500)).toContain(field);
  return answer;
}

/** The whole app with other bindings (createApp mounted on its own, as an embedding app would). */
async function fetchWith(bindings: Partial<Env>, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  let payload = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(init.json);
  }
  const ctx = createExecutionContext();
  const res = await createApp().fetch(new Request(`http://host.test${path}`, { ...init, headers, body: payload }), { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function tenantWithToken(overrides: Record<string, unknown> = {}): Promise<{ t: TestTenant; token: string }> {
  const t = await createTenant({ defaultCurrency: 'EUR', defaultLocale: 'it-IT', ...overrides });
  return { t, token: await login(t.key) };
}

const valid = (extra: Record<string, unknown> = {}) => ({ operation: 'create', reference: 'V1', name: 'Valid', price: 10, quantity: 1, ...extra });

// ---- the GeSmart tenant (GESMART_TENANT = 'gesmart-erp') ------------------------------------------

let erp: TestTenant;
let erpToken: string;

beforeAll(async () => {
  erp = await createTenant({ name: 'GeSmart ERP', aliases: ['gesmart-erp'], defaultCurrency: 'EUR', defaultLocale: 'it-IT' });
  erpToken = await login(erp.key);
});

describe('the seed examples, verbatim (GESMART_TENANT tenant)', () => {
  let createSyncId: string;
  let productNumber: number;

  it('POST /api/products/sync (seed cURL body) creates PROD001 and answers the documented body', async () => {
    const res = await sendSeed(requests.sync, { YOUR_JWT_TOKEN: erpToken });
    expect(res.status).toBe(200);
    const answer = await body(res);
    expect(shapeOf(answer)).toEqual(shapeOf(documented.sync));
    expect(answer).toMatchObject({
      success: true,
      message: documented.sync.message,
      data: { reference: 'PROD001', operation: 'create', imagesProcessed: 0, technicalDataProcessed: 0 },
    });
    expect(answer.data.syncId).toMatch(/^job_/);
    expect(Number.isInteger(answer.data.productId) && answer.data.productId > 0).toBe(true);
    expect(answer.data.presta_id).toBe(answer.data.productId);
    createSyncId = answer.data.syncId;
    productNumber = answer.data.productId;

    const p = await v1Product(erp, 'PROD001');
    expect(p).toMatchObject({
      number: productNumber,
      title: 'Professional Coffee Machine',
      description: 'High-end espresso machine',
      prices: { EUR: { amount: '1299.99' } },
      quantity: 50,
      active: true,
      brand: 'CoffeePro',
      extensions: { gesmart: { categories: [5, 12] } },
      version: 1,
    });
  });

  it('GET /api/products/sync?syncId= (seed cURL, sync_abc123xyz = the create syncId) reports completed', async () => {
    const res = await sendSeed(requests.status, { YOUR_JWT_TOKEN: erpToken, sync_abc123xyz: createSyncId });
    expect(res.status).toBe(200);
    const answer = await body(res);
    expect(shapeOf(answer)).toEqual(shapeOf(documented.status));
    expect(answer.data).toMatchObject({ syncId: createSyncId, reference: 'PROD001', status: 'completed', operation: 'create', productId: productNumber, presta_id: productNumber });
    expect(new Date(answer.data.startedAt).toISOString()).toBe(answer.data.startedAt);
    expect(new Date(answer.data.completedAt).toISOString()).toBe(answer.data.completedAt);
    expect(answer.data.duration).toBe(Date.parse(answer.data.completedAt) - Date.parse(answer.data.startedAt));
    // The same job, seen canonically.
    const job = await body(await call(`/v1/jobs/${createSyncId}`, { headers: erp.headers }));
    expect(job).toMatchObject({ id: createSyncId, kind: 'gesmart.create:PROD001', status: 'completed', counts: { total: 1, created: 1 } });
  });

  it('POST /api/webhooks/gesmart/products (seed cURL payload, openssl signature) is queued, applied, and merges', async () => {
    expect(requests.webhook.payload).toBe(SIGNED.seedPayload.payload);
    const res = await sendSeed(requests.webhook, { $SIGNATURE: SIGNED.seedPayload.signature }, requests.webhook.payload);
    expect(res.status).toBe(200);
    const answer = await body(res);
    expect(shapeOf(answer)).toEqual(shapeOf(documented.webhook));
    expect(answer).toMatchObject({ success: true, message: documented.webhook.message, data: { reference: 'PROD001', queued: true } });
    expect(answer.data.syncId).toMatch(/^job_/);

    const done = await waitForSync(erpToken, answer.data.syncId);
    expect(done.data).toMatchObject({ syncId: answer.data.syncId, status: 'completed', reference: 'PROD001', operation: 'update', productId: productNumber, presta_id: productNumber });
    expect(done.data.duration).toEqual(expect.any(Number));

    const p = await v1Product(erp, 'PROD001');
    expect(p).toMatchObject({
      number: productNumber,
      title: 'Updated Product',
      prices: { EUR: { amount: '1499.99' } },
      quantity: 75,
      // Not in the push, so kept: dialect writes merge.
      description: 'High-end espresso machine',
      brand: 'CoffeePro',
      active: true,
      extensions: { gesmart: { categories: [5, 12] } },
      version: 2,
    });

    // The same signed push again within 5 minutes: the first syncId, not applied twice.
    const replay = await webhook(SIGNED.seedPayload.payload, SIGNED.seedPayload.signature);
    expect(replay.status).toBe(200);
    expect(await body(replay)).toEqual(answer);
    expect((await v1Product(erp, 'PROD001')).version).toBe(2);
  });

  it("the webhook section's Request Body example is applied too", async () => {
    expect(JSON.stringify(requests.webhookRequestBody.body)).toBe(SIGNED.requestBodyExample.payload);
    const res = await webhook(SIGNED.requestBodyExample.payload, SIGNED.requestBodyExample.signature);
    expect(res.status).toBe(200);
    const answer = await body(res);
    expect(answer.data).toMatchObject({ reference: 'PROD001', queued: true });
    expect((await waitForSync(erpToken, answer.data.syncId)).data).toMatchObject({ status: 'completed', operation: 'update' });
    expect(await v1Product(erp, 'PROD001')).toMatchObject({ title: 'Updated Product Name', active: true, version: 3 });
  });

  it('DELETE /api/products/sync?reference=PROD001 (seed cURL) deletes, then answers 404', async () => {
    const res = await sendSeed(requests.delete, { YOUR_JWT_TOKEN: erpToken });
    expect(res.status).toBe(200);
    const answer = await body(res);
    // The documented body, plus the delete's syncId.
    expect(shapeOf(answer)).toEqual(shapeOf({ ...documented.delete, data: { ...documented.delete.data, syncId: 'job_x' } }));
    expect(answer).toMatchObject({ success: true, message: documented.delete.message, data: { reference: 'PROD001', presta_id: productNumber } });
    expect((await body(await status(erpToken, answer.data.syncId))).data).toMatchObject({ status: 'completed', operation: 'delete', reference: 'PROD001', productId: null });
    expect((await call('/v1/products/PROD001', { headers: erp.headers })).status).toBe(404);

    await expectError(await sendSeed(requests.delete, { YOUR_JWT_TOKEN: erpToken }), 404, ['reference']);
  });

  it('POST /api/products/sync/batch (seed cURL body) creates both; sent again, both are refused per item', async () => {
    const res = await sendSeed(requests.batch, { YOUR_JWT_TOKEN: erpToken });
    expect(res.status).toBe(200);
    const answer = await body(res);
    // The documented example says total 10 for its 2 products: only its shape can be compared.
    expect(Object.keys(answer).sort()).toEqual(Object.keys(documented.batch).sort());
    expect(Object.keys(answer.data).sort()).toEqual([...Object.keys(documented.batch.data), 'syncId'].sort());
    expect(shapeOf(answer.data.results[0])).toEqual(shapeOf(documented.batch.data.results[0]));
    expect(answer).toMatchObject({ success: true, message: documented.batch.message, data: { total: 2, successful: 2, failed: 0 } });
    expect(answer.data.results.map((r: { reference: string; success: boolean }) => [r.reference, r.success])).toEqual([
      ['PROD001', true],
      ['PROD002', true],
    ]);
    for (const r of answer.data.results) expect(r.presta_id).toBe(r.productId);
    // PROD001 was deleted: it comes back with a new number (numbers are never reused).
    expect(answer.data.results[0].productId).toBeGreaterThan(productNumber);
    expect(await v1Product(erp, 'PROD002')).toMatchObject({ title: 'Coffee Grinder', prices: { EUR: { amount: '199.99' } }, quantity: 100, active: true });

    const again = await body(await sendSeed(requests.batch, { YOUR_JWT_TOKEN: erpToken }));
    expect(again.data).toMatchObject({ total: 2, successful: 0, failed: 2 });
    for (const r of again.data.results) {
      expect(shapeOf({ reference: r.reference, success: r.success, error: r.error })).toEqual(shapeOf(documented.batch.data.results[1]));
      expect(r.error).toContain('already exists');
    }
    expect((await body(await status(erpToken, again.data.syncId))).data.status).toBe('failed');
  });
});

describe('the single-tenant webhook', () => {
  it('refuses a changed body, a missing signature and a hex signature (401, GeSmart shape)', async () => {
    await expectError(await webhook(SIGNED.seedPayload.payload.replace('1499.99', '1499.98'), SIGNED.seedPayload.signature), 401);
    await expectError(await webhook(SIGNED.seedPayload.payload, null), 401);
    const hex = [...atob(SIGNED.seedPayload.signature)].map((ch) => ch.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    await expectError(await webhook(SIGNED.seedPayload.payload, hex), 401);
  });

  it('a signed push with missing fields is 400, with a broken rule 422, with a body that is not JSON 400', async () => {
    await expectError(await webhook(SIGNED.missingFields.payload, SIGNED.missingFields.signature), 400, ['name', 'price', 'quantity']);
    await expectError(await webhook(SIGNED.negativePrice.payload, SIGNED.negativePrice.signature), 422, ['price']);
    await expectError(await webhook(SIGNED.notJson.payload, SIGNED.notJson.signature), 400);
  });

  it('a create of an existing reference, or an update of a missing one, is queued and ends failed with the reason', async () => {
    expect((await call('/v1/products/PROD001', { headers: erp.headers })).status).toBe(200);
    const create = await body(await webhook(SIGNED.createExisting.payload, SIGNED.createExisting.signature));
    expect(create.data).toMatchObject({ reference: 'PROD001', queued: true });
    const failed = await waitForSync(erpToken, create.data.syncId);
    expect(failed.data).toMatchObject({ status: 'failed', reference: 'PROD001', operation: 'create', completedAt: expect.any(String) });
    expect(failed.data.error).toContain('already exists');

    const update = await body(await webhook(SIGNED.updateMissing.payload, SIGNED.updateMissing.signature));
    const missing = await waitForSync(erpToken, update.data.syncId);
    expect(missing.data).toMatchObject({ status: 'failed', reference: 'GS-MISSING', operation: 'update', productId: null });
    expect((await call('/v1/products/GS-MISSING', { headers: erp.headers })).status).toBe(404);
  });

  it('refuses every push (401) when GESMART_TENANT is unset or names no tenant', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json', 'x-gesmart-signature': SIGNED.seedPayload.signature }, body: SIGNED.seedPayload.payload };
    await expectError(await fetchWith({ GESMART_TENANT: undefined }, `${BASE}/api/webhooks/gesmart/products`, init), 401);
    await expectError(await fetchWith({ GESMART_TENANT: 'no-such-tenant' }, `${BASE}/api/webhooks/gesmart/products`, init), 401);
    await expectError(await fetchWith({ GESMART_WEBHOOK_SECRET: undefined }, `${BASE}/api/webhooks/gesmart/products`, init), 401);
  });

  it('GESMART_TENANT may be the tenant id as well as its alias', async () => {
    const { t, token } = await tenantWithToken();
    expect((await sync(token, { operation: 'create', reference: 'PROD001', name: 'Before', price: 1, quantity: 1 })).status).toBe(200);
    const res = await fetchWith({ GESMART_TENANT: t.id }, `${BASE}/api/webhooks/gesmart/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gesmart-signature': SIGNED.seedPayload.signature },
      body: SIGNED.seedPayload.payload,
    });
    expect(res.status).toBe(200);
    const done = await waitForSync(token, (await body(res)).data.syncId);
    expect(done.data).toMatchObject({ status: 'completed', reference: 'PROD001' });
    expect(await v1Product(t, 'PROD001')).toMatchObject({ title: 'Updated Product', quantity: 75 });
  });

  it('while a push waits for the queue its sync is pending, named by the stored push', async () => {
    const { t, token } = await tenantWithToken();
    const dropped = { send: async () => undefined, sendBatch: async () => undefined } as unknown as Env['INBOUND_QUEUE'];
    const res = await fetchWith({ GESMART_TENANT: t.id, INBOUND_QUEUE: dropped }, `${BASE}/api/webhooks/gesmart/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gesmart-signature': SIGNED.seedPayload.signature },
      body: SIGNED.seedPayload.payload,
    });
    expect(res.status).toBe(200);
    const { data } = await body(res);
    expect((await body(await status(token, data.syncId))).data).toEqual({
      syncId: data.syncId,
      reference: 'PROD001',
      status: 'pending',
      operation: 'update',
      startedAt: null,
      completedAt: null,
      duration: null,
      productId: null,
      presta_id: null,
    });
  });

  it('multi-tenant: a `format: "gesmart"` inbound source takes the same signed push at /v1/inbound/{sourceId}', async () => {
    const { t, token } = await tenantWithToken();
    expect((await sync(token, { operation: 'create', reference: 'PROD001', name: 'Before', price: 1, quantity: 1, description: 'kept' })).status).toBe(200);
    const created = await call('/v1/inbound-sources', {
      method: 'POST',
      headers: t.headers,
      // The tenant's own secret (GESMART_WEBHOOK_SECRET belongs to GESMART_TENANT alone), the seed's value.
      json: { name: 'GeSmart ERP', secret: WEBHOOK_SECRET, secretEncoding: 'utf8', signatureHeader: 'x-gesmart-signature', signatureEncoding: 'base64', format: 'gesmart' },
    });
    expect(created.status).toBe(201);
    const source = await body(created);
    expect(source.format).toBe('gesmart');
    const push = (raw: string, signature: string) =>
      call(`/v1/inbound/${source.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gesmart-signature': signature }, body: raw });

    const res = await push(SIGNED.seedPayload.payload, SIGNED.seedPayload.signature);
    expect(res.status).toBe(202);
    const ack = await body(res);
    const done = await waitForSync(token, ack.jobId);
    expect(done.data).toMatchObject({ status: 'completed', reference: 'PROD001', operation: 'update' });
    expect(await v1Product(t, 'PROD001')).toMatchObject({ title: 'Updated Product', description: 'kept', prices: { EUR: { amount: '1499.99' } } });

    // Refusals there are canonical problems with JSON Pointers into the GeSmart body.
    const refused = await push(SIGNED.negativePrice.payload, SIGNED.negativePrice.signature);
    expect(refused.status).toBe(422);
    expect((await body(refused)).errors.map((e: { path: string }) => e.path)).toContain('/price');
  });
});

describe('login and tokens', () => {
  it('trades a tenant API key for an HS256 JWT (sub = tenant, kid = the key id) that expires in expiresIn seconds', async () => {
    const t = await createTenant();
    const res = await call(`${BASE}/api/auth/login`, { method: 'POST', json: { apiKey: t.key } });
    expect(res.status).toBe(200);
    const answer = await body(res);
    expect(shapeOf(answer)).toEqual({ data: { expiresIn: 'number', token: 'string' }, success: 'boolean' });
    expect(answer.success).toBe(true);
    const { header, payload } = decode(answer.data.token);
    expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ sub: t.id, kid: t.keyId });
    expect(payload.exp! - payload.iat!).toBe(answer.data.expiresIn);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(60);
    // Signed with JWT_SECRET.
    await expect(verify(answer.data.token, JWT_SECRET, 'HS256')).resolves.toMatchObject({ sub: t.id });
  });

  it('refuses a wrong API key (401) and a missing or mistyped apiKey (400)', async () => {
    const url = `${BASE}/api/auth/login`;
    await expectError(await call(url, { method: 'POST', json: { apiKey: 'ssk_not-a-key' } }), 401);
    await expectError(await call(url, { method: 'POST', json: {} }), 400, ['apiKey']);
    await expectError(await call(url, { method: 'POST', json: { apiKey: 42 } }), 400, ['apiKey']);
    await expectError(await call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"apiKey":' }), 400);
  });

  it('is disabled when JWT_SECRET is unset (or too short to be safe), and then no token is accepted', async () => {
    const t = await createTenant();
    const token = await login(t.key);
    for (const secret of [undefined, 'short-secret']) {
      const refused = await expectError(await fetchWith({ JWT_SECRET: secret }, `${BASE}/api/auth/login`, { method: 'POST', json: { apiKey: t.key } }), 401);
      expect(refused.error).toMatch(/disabled/i);
      await expectError(await fetchWith({ JWT_SECRET: secret }, `${BASE}/api/products/sync?syncId=job_x`, { headers: auth(token) }), 401);
    }
    // The same request with the secret set works (the token was good all along).
    expect((await fetchWith({}, `${BASE}/api/products/sync?syncId=job_x`, { headers: auth(token) })).status).toBe(404);
  });

  it("a token stops working once its API key is revoked; the tenant's other keys' tokens keep working", async () => {
    const t = await createTenant();
    const other = await issueKey(t.id, 'erp');
    const token = await login(other.key);
    const keep = await login(t.key);
    expect((await status(token, 'job_nothing')).status).toBe(404);
    await revokeKey(t.id, other.id);
    await expectError(await status(token, 'job_nothing'), 401);
    await expectError(await call(`${BASE}/api/auth/login`, { method: 'POST', json: { apiKey: other.key } }), 401);
    expect((await status(keep, 'job_nothing')).status).toBe(404);
  });

  it('every product route needs a valid token (401 with a Bearer challenge)', async () => {
    const t = await createTenant();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: t.id, kid: t.keyId, aud: 'shelfsync:gesmart', iat: now, exp: now + 600 };
    const good = await sign(claims, JWT_SECRET, 'HS256');
    const tokens: Record<string, string | null> = {
      none: null,
      garbage: 'not-a-jwt',
      'API key instead of a token': t.key,
      'another secret': await sign(claims, 'another-secret-0123456789abcdef0123456789', 'HS256'),
      expired: await sign({ ...claims, iat: now - 7200, exp: now - 3600 }, JWT_SECRET, 'HS256'),
      'no audience': await sign({ sub: t.id, kid: t.keyId, exp: now + 600 }, JWT_SECRET, 'HS256'),
      'no expiry': await sign({ sub: t.id, kid: t.keyId, aud: 'shelfsync:gesmart' }, JWT_SECRET, 'HS256'),
      "another tenant's sub": await sign({ ...claims, sub: 'ten_someone_else' }, JWT_SECRET, 'HS256'),
      'HS512': await sign(claims, JWT_SECRET, 'HS512'),
    };
    const routes: Array<[string, string, unknown?]> = [
      ['POST', '/api/products/sync', valid()],
      ['POST', '/api/products/sync/batch', { products: [valid()] }],
      ['DELETE', '/api/products/sync?reference=V1'],
      ['GET', '/api/products/sync?syncId=job_x'],
    ];
    for (const [method, path, json] of routes) {
      for (const [name, token] of Object.entries(tokens)) {
        const res = await call(`${BASE}${path}`, { method, headers: token ? auth(token) : {}, ...(json !== undefined ? { json } : {}) });
        expect(res.status, `${method} ${path} with ${name}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        await expectError(res, 401);
      }
    }
    // The well-formed token is accepted: the refusals above were about the tokens.
    expect((await status(good, 'job_x')).status).toBe(404);
    expect((await call('/v1/products/V1', { headers: t.headers })).status).toBe(404);
  });
});

describe('POST /api/products/sync: validation (400 shape, 422 rules)', () => {
  let token: string;
  let t: TestTenant;
  beforeAll(async () => {
    ({ t, token } = await tenantWithToken());
  });

  const shape: Array<[string, unknown, string]> = [
    ['operation missing', { ...valid(), operation: undefined }, 'operation'],
    ['reference missing', { ...valid(), reference: undefined }, 'reference'],
    ['name missing', { ...valid(), name: undefined }, 'name'],
    ['price missing', { ...valid(), price: undefined }, 'price'],
    ['quantity missing', { ...valid(), quantity: undefined }, 'quantity'],
    ['price as a string', valid({ price: '10' }), 'price'],
    ['quantity as a string', valid({ quantity: '1' }), 'quantity'],
    ['reference as a number', valid({ reference: 1 }), 'reference'],
    ['active as a string', valid({ active: 'yes' }), 'active'],
    ['categories not an array', valid({ categories: '5,12' }), 'categories'],
    ['a category as a string', valid({ categories: ['5'] }), 'categories[0]'],
    ['ean13 as a number', valid({ ean13: 4006381333931 }), 'ean13'],
    ['weight as a string', valid({ weight: '1.5' }), 'weight'],
    ['brand as a string', valid({ brand: 'CoffeePro' }), 'brand'],
    ['brand without a name', valid({ brand: { description: 'x' } }), 'brand.name'],
    ['images not an array', valid({ images: { fileName: 'a.png', base64: PNG } }), 'images'],
    ['an image without fileName', valid({ images: [{ base64: PNG }] }), 'images[0].fileName'],
    ['an image without base64', valid({ images: [{ fileName: 'a.png' }] }), 'images[0].base64'],
    ['technical data without Valore', valid({ technical_data: [{ Gruppo: 'Dimensioni', Descrizione: 'Larghezza' }] }), 'technical_data[0].Valore'],
    ['technical data Valore as a number', valid({ technical_data: [{ Gruppo: 'Dimensioni', Descrizione: 'Larghezza', Valore: 30 }] }), 'technical_data[0].Valore'],
    ['the body an array', [valid()], 'body'],
  ];
  it.each(shape)('400: %s', async (_name, product, field) => {
    await expectError(await sync(token, product), 400, [field]);
  });

  const rules: Array<[string, Record<string, unknown>, string]> = [
    ['operation neither create nor update', { operation: 'upsert' }, 'operation'],
    ['reference of 65 characters', { reference: 'R'.repeat(65) }, 'reference'],
    ['empty reference', { reference: '' }, 'reference'],
    ['reference with a space', { reference: 'PROD 001' }, 'reference'],
    ['reserved reference prefix', { reference: '_anon_1' }, 'reference'],
    ['empty name', { name: '' }, 'name'],
    ['name of 256 characters', { name: 'n'.repeat(256) }, 'name'],
    ['description of 10001 characters', { description: 'd'.repeat(10_001) }, 'description'],
    ['negative price', { price: -0.01 }, 'price'],
    ['price with a 7th decimal', { price: 12.3456789 }, 'price'],
    ['negative quantity', { quantity: -1 }, 'quantity'],
    ['fractional quantity', { quantity: 1.5 }, 'quantity'],
    ['negative weight', { weight: -0.5 }, 'weight'],
    ['ean13 not 13 digits', { ean13: '400638133393' }, 'ean13'],
    ['ean13 with letters', { ean13: '400638133393A' }, 'ean13'],
    ['ean13 with a wrong check digit', { ean13: '4006381333932' }, 'ean13'],
    ['negative category id', { categories: [5, -1] }, 'categories[1]'],
    ['empty brand name', { brand: { name: '' } }, 'brand.name'],
    ['11 images', { images: Array.from({ length: 11 }, (_, i) => ({ fileName: `${i}.png`, base64: PNG })) }, 'images'],
    ['an image extension outside jpg/jpeg/png/gif/webp', { images: [{ fileName: 'photo.bmp', base64: PNG }] }, 'images[0].fileName'],
    ['an image without extension', { images: [{ fileName: 'photo', base64: PNG }] }, 'images[0].fileName'],
    ['an image that is not base64', { images: [{ fileName: 'a.png', base64: '***' }] }, 'images[0].base64'],
    ['101 technical data rows', { technical_data: Array.from({ length: 101 }, (_, i) => ({ Gruppo: 'G', Descrizione: `D${i}`, Valore: 'v' })) }, 'technical_data'],
    ['empty Descrizione', { technical_data: [{ Gruppo: 'G', Descrizione: '', Valore: 'v' }] }, 'technical_data[0].Descrizione'],
    ['fractional PrintOrder', { technical_data: [{ Gruppo: 'G', Descrizione: 'D', Valore: 'v', PrintOrder: 1.5 }] }, 'technical_data[0].PrintOrder'],
    ['Suffisso of 65 characters', { technical_data: [{ Gruppo: 'G', Descrizione: 'D', Valore: 'v', Suffisso: 's'.repeat(65) }] }, 'technical_data[0].Suffisso'],
  ];
  it.each(rules)('422: %s', async (_name, change, field) => {
    const answer = await expectError(await sync(token, valid(change)), 422, [field]);
    expect(answer.error).toBe('Validation failed');
  });

  it('the documented limits themselves pass: reference 64, name 255, description 10000, 10 images, 100 rows, ean13 ""', async () => {
    const res = await sync(token, {
      operation: 'create',
      reference: 'R'.repeat(64),
      name: 'n'.repeat(255),
      description: 'd'.repeat(10_000),
      price: 0,
      quantity: 0,
      ean13: '',
      weight: 0,
      // Ten different images (distinct bytes), every accepted extension, and a data: URL prefix.
      images: Array.from({ length: 10 }, (_, i) => ({ fileName: `${i}.${['jpg', 'jpeg', 'PNG', 'gif', 'webp'][i % 5]}`, base64: (i === 0 ? 'data:image/png;base64,' : '') + pngVariant(i) })),
      technical_data: Array.from({ length: 100 }, (_, i) => ({ Gruppo: 'G', Descrizione: `D${i}`, Valore: 'v' })),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await body(res)).data).toMatchObject({ imagesProcessed: 10, technicalDataProcessed: 100 });
  });

  it('a body over the single-product cap (an image of 10.5 MB as base64) is 413 in GeSmart\'s shape', async () => {
    const big = 'A'.repeat(14_000_004); // 10.5 MB decoded: over the 4 MB body cap (src/config.ts), so over the image cap too
    const res = await sync(token, valid({ images: [{ fileName: 'big.jpg', base64: big }] }));
    expect(res.status).toBe(413);
    expect(await body(res)).toMatchObject({ success: false, error: expect.stringContaining('at most') });
  });

  it('an ERP net price (tax excluded) with up to 6 decimals is kept exactly, in any currency; a 7th is a 422', async () => {
    const eur = await tenantWithToken();
    expect((await sync(eur.token, valid({ reference: 'NET', price: 12.345678 }))).status).toBe(200);
    expect((await v1Product(eur.t, 'NET')).prices).toEqual({ EUR: { amount: '12.345678', amountMicros: '12345678' } });
    const refused = await expectError(await sync(eur.token, valid({ reference: 'NET7', price: 12.3456789 })), 422, ['price']);
    expect(refused.details[0].message).toBe('Invalid price value: At most 6 decimal places: the amount is never rounded');
    const jpy = await tenantWithToken({ defaultCurrency: 'JPY', defaultLocale: 'ja-JP' });
    expect((await sync(jpy.token, valid({ price: 1299.99 }))).status).toBe(200);
    expect((await v1Product(jpy.t, 'V1')).prices).toEqual({ JPY: { amount: '1299.99', amountMicros: '1299990000' } });
  });

  it('a price number longer than 15 significant digits is read through its source text, single and batch', async () => {
    const { t, token } = await tenantWithToken();
    const raw = (path: string, json: string) => call(`${BASE}${path}`, { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: json });
    const product = (reference: string, price: string) => `{"operation":"create","reference":"${reference}","name":"N","price":${price},"quantity":1}`;
    // JSON.parse alone would read 1299.9900000000000001 as 1299.99: refused instead of rounded.
    await expectError(await raw('/api/products/sync', product('LONG', '1299.9900000000000001')), 422, ['price']);
    expect((await raw('/api/products/sync', product('MAX', '9007199254.740991'))).status).toBe(200);
    expect((await v1Product(t, 'MAX')).prices.EUR).toEqual({ amount: '9007199254.740991', amountMicros: '9007199254740991' });
    const res = await raw('/api/products/sync/batch', `{"products":[${product('B1', '1299.9900000000000001')},${product('B2', '100.000000000000000')}]}`);
    const answer = await body(res);
    expect(answer.data.results.map((r: { reference: string; success: boolean }) => [r.reference, r.success])).toEqual([['B1', false], ['B2', true]]);
    // A price sent as a string is still the seed's "number" rule: 400.
    await expectError(await sync(token, valid({ reference: 'STR', price: '10.00' })), 400, ['price']);
  });

  it('shape and rule problems together: 400, naming both', async () => {
    await expectError(await sync(token, { operation: 'create', reference: 'R'.repeat(65), name: 'x', quantity: 1 }), 400, ['reference', 'price']);
  });

  it('malformed JSON and non-JSON bodies are 400; unknown fields are ignored', async () => {
    await expectError(await call(`${BASE}/api/products/sync`, { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: '{"operation":' }), 400);
    await expectError(await call(`${BASE}/api/products/sync`, { method: 'POST', headers: { ...auth(token), 'content-type': 'text/plain' }, body: JSON.stringify(valid()) }), 400);
    expect((await sync(token, valid({ reference: 'UNKNOWN-FIELDS', id_shop: 1, meta_title: 'x' }))).status).toBe(200);
  });

  it('nothing refused was written', async () => {
    const list = await body(await call('/v1/products?limit=100', { headers: t.headers }));
    const ids = list.data.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual(['R'.repeat(64), 'UNKNOWN-FIELDS']);
  });
});

describe('POST /api/products/sync: writes', () => {
  it('maps every field: ean13 -> gtin, weight (kg), brand, images, technical_data -> attributes, extensions.gesmart', async () => {
    const { t, token } = await tenantWithToken();
    const res = await sync(token, {
      operation: 'create',
      reference: 'FULL-1',
      name: 'Macchina da caffè',
      description: 'Espresso',
      price: 1299.9,
      quantity: 5,
      active: false,
      categories: [5, 12],
      ean13: '4006381333931',
      weight: 7.25,
      brand: { name: 'CoffeePro', description: 'Italian espresso machines' },
      images: [{ fileName: 'front.png', base64: PNG }],
      technical_data: [
        { Gruppo: 'Dimensioni', Descrizione: 'Larghezza', Valore: '30', Suffisso: 'cm', PrintOrder: 2 },
        { Gruppo: 'Elettrico', Descrizione: 'Potenza', Valore: '1500' },
      ],
    });
    expect(res.status).toBe(200);
    const answer = await body(res);
    expect(answer.data).toMatchObject({ reference: 'FULL-1', operation: 'create', imagesProcessed: 1, technicalDataProcessed: 2 });
    const p = await v1Product(t, 'FULL-1');
    expect(p).toMatchObject({
      number: answer.data.productId,
      title: 'Macchina da caffè',
      description: 'Espresso',
      prices: { EUR: { amount: '1299.90' } },
      quantity: 5,
      active: false,
      gtin: '4006381333931',
      weight: 7.25,
      brand: 'CoffeePro',
      attributes: [
        { group: 'Dimensioni', name: 'Larghezza', value: '30', unit: 'cm', order: 2 },
        { group: 'Elettrico', name: 'Potenza', value: '1500', order: 0 },
      ],
      extensions: { gesmart: { categories: [5, 12], brandDescription: 'Italian espresso machines' } },
    });
    expect(p.categories).toBeUndefined();
    expect(p.images).toHaveLength(1);
    expect(p.images[0].source).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), fileName: 'front.png' });
  });

  it('create twice is 409; update of a missing reference is 404; neither writes', async () => {
    const { t, token } = await tenantWithToken();
    expect((await sync(token, valid({ reference: 'DUP' }))).status).toBe(200);
    const conflict = await expectError(await sync(token, valid({ reference: 'DUP', name: 'Second' })), 409, ['reference']);
    expect(conflict.error).toContain('already exists');
    await expectError(await sync(token, valid({ operation: 'update', reference: 'NOPE' })), 404, ['reference']);
    expect((await v1Product(t, 'DUP')).title).toBe('Valid');
    expect((await call('/v1/products/NOPE', { headers: t.headers })).status).toBe(404);
    const jobs = await body(await call('/v1/jobs?limit=10', { headers: t.headers }));
    expect(jobs.data).toHaveLength(1);
  });

  it('update merges: what it does not send is kept; ean13 "" removes the GTIN; a given list replaces the list', async () => {
    const { t, token } = await tenantWithToken();
    const created = await body(
      await sync(token, {
        operation: 'create',
        reference: 'M1',
        name: 'First',
        description: 'kept',
        price: 10,
        quantity: 1,
        active: false,
        categories: [7],
        ean13: '4006381333931',
        weight: 2,
        brand: { name: 'B', description: 'bd' },
        images: [{ fileName: 'a.png', base64: PNG }],
        technical_data: [{ Gruppo: 'G', Descrizione: 'D', Valore: 'v' }],
      }),
    );
    // A sync that started image work is `processing` until the images are done, then `completed`.
    expect((await body(await status(token, created.data.syncId))).data.status).toMatch(/^(processing|completed)$/);
    expect((await waitForSync(token, created.data.syncId)).data.status).toBe('completed');
    const updated = await body(await sync(token, { operation: 'update', reference: 'M1', name: 'Second', price: 12.5, quantity: 3 }));
    expect(updated.data).toMatchObject({ operation: 'update', productId: created.data.productId, presta_id: created.data.productId, imagesProcessed: 0, technicalDataProcessed: 0 });
    expect(updated.data.syncId).not.toBe(created.data.syncId);
    let p = await v1Product(t, 'M1');
    expect(p).toMatchObject({
      title: 'Second',
      prices: { EUR: { amount: '12.50' } },
      quantity: 3,
      description: 'kept',
      active: false,
      gtin: '4006381333931',
      weight: 2,
      brand: 'B',
      attributes: [{ group: 'G', name: 'D', value: 'v', order: 0 }],
      extensions: { gesmart: { categories: [7], brandDescription: 'bd' } },
      version: 2,
    });
    expect(p.images).toHaveLength(1);

    await sync(token, { operation: 'update', reference: 'M1', name: 'Second', price: 12.5, quantity: 3, ean13: '', images: [], technical_data: [], categories: [] });
    p = await v1Product(t, 'M1');
    expect(p.gtin).toBeUndefined();
    expect(p.images).toEqual([]);
    expect(p.attributes).toEqual([]);
    expect(p.extensions.gesmart.categories).toEqual([]);
    expect(p.version).toBe(3);

    // The same update again changes nothing: same version, still a completed sync.
    const same = await body(await sync(token, { operation: 'update', reference: 'M1', name: 'Second', price: 12.5, quantity: 3 }));
    expect((await v1Product(t, 'M1')).version).toBe(3);
    expect((await body(await status(token, same.data.syncId))).data).toMatchObject({ status: 'completed', operation: 'update', reference: 'M1' });
    // An earlier sync still names its product after later ones.
    expect((await body(await status(token, created.data.syncId))).data).toMatchObject({ status: 'completed', operation: 'create', reference: 'M1', productId: created.data.productId });
  });
});

describe('POST /api/products/sync/batch', () => {
  it('reports each product: written, refused by a rule, by shape, as a duplicate, or as an existing create', async () => {
    const { t, token } = await tenantWithToken();
    expect((await sync(token, valid({ reference: 'EXISTS' }))).status).toBe(200);
    expect((await sync(token, valid({ reference: 'EXISTS-2' }))).status).toBe(200);
    const res = await batch(token, {
      products: [
        valid({ reference: 'B1' }),
        valid({ reference: 'B2', price: -5 }),
        { operation: 'create', reference: 'B3', price: 1, quantity: 1 },
        valid({ reference: 'B1', name: 'Again' }),
        'not a product',
        valid({ reference: 'EXISTS' }),
        valid({ operation: 'update', reference: 'EXISTS-2', name: 'Renamed' }),
        valid({ operation: 'update', reference: 'NOT-THERE' }),
      ],
    });
    expect(res.status).toBe(200);
    const answer = await body(res);
    expect(answer.data).toMatchObject({ total: 8, successful: 2, failed: 6, syncId: expect.stringMatching(/^job_/) });
    const r = answer.data.results;
    expect(r.map((x: { reference: string | null; success: boolean }) => [x.reference, x.success])).toEqual([
      ['B1', true],
      ['B2', false],
      ['B3', false],
      ['B1', false],
      [null, false],
      ['EXISTS', false],
      ['EXISTS-2', true],
      ['NOT-THERE', false],
    ]);
    expect(r[1]).toMatchObject({ error: 'Price must be a positive number', details: [{ field: 'price' }] });
    expect(r[2].details.map((d: { field: string }) => d.field)).toEqual(['name']);
    expect(r[3].error).toContain('appears earlier');
    expect(r[5].error).toContain('already exists');
    expect(r[7]).toMatchObject({ error: 'Product not found', details: [{ field: 'reference' }] });
    expect(r[0].productId).toEqual(expect.any(Number));
    expect(r[0].presta_id).toBe(r[0].productId);
    expect(await v1Product(t, 'EXISTS-2')).toMatchObject({ title: 'Renamed' });
    expect(await v1Product(t, 'EXISTS')).toMatchObject({ title: 'Valid', version: 1 });
    expect((await call('/v1/products/B2', { headers: t.headers })).status).toBe(404);
    // The batch's job finished with some items refused: a GeSmart sync still ends `completed` or `failed`.
    expect((await body(await status(token, answer.data.syncId))).data).toMatchObject({ status: 'completed', reference: null });
  });

  it('a batch envelope without products is 400, an empty one 422; nothing valid means no job', async () => {
    const { token } = await tenantWithToken();
    await expectError(await batch(token, {}), 400, ['products']);
    await expectError(await batch(token, { products: 'PROD001' }), 400, ['products']);
    await expectError(await batch(token, { products: [] }), 422, ['products']);
    const none = await body(await batch(token, { products: [valid({ price: 'x' })] }));
    expect(none.data).toMatchObject({ syncId: null, total: 1, successful: 0, failed: 1 });
  });
});

describe('DELETE and GET /api/products/sync', () => {
  it('need their query parameter (400) and answer 404 for unknown ones', async () => {
    const { token } = await tenantWithToken();
    await expectError(await call(`${BASE}/api/products/sync`, { method: 'DELETE', headers: auth(token) }), 400, ['reference']);
    await expectError(await call(`${BASE}/api/products/sync`, { headers: auth(token) }), 400, ['syncId']);
    await expectError(await call(`${BASE}/api/products/sync?reference=NOPE`, { method: 'DELETE', headers: auth(token) }), 404, ['reference']);
    await expectError(await status(token, 'job_01ARZ3NDEKTSV4RRFFQ69G5FAV'), 404, ['syncId']);
  });

  it("a tenant cannot read another tenant's sync (404), nor delete its product", async () => {
    const a = await tenantWithToken();
    const b = await tenantWithToken();
    const synced = await body(await sync(a.token, valid({ reference: 'MINE' })));
    expect((await status(a.token, synced.data.syncId)).status).toBe(200);
    await expectError(await status(b.token, synced.data.syncId), 404);
    await expectError(await call(`${BASE}/api/products/sync?reference=MINE`, { method: 'DELETE', headers: auth(b.token) }), 404);
    expect((await v1Product(a.t, 'MINE')).id).toBe('MINE');
  });
});

describe('the dialect around the routes', () => {
  it('unknown paths are 404 and wrong methods 405 with Allow, in GeSmart error shape', async () => {
    const { token } = await tenantWithToken();
    await expectError(await call(`${BASE}/api/nothing-here`), 404);
    const res = await call(`${BASE}/api/products/sync`, { method: 'PUT', headers: auth(token), json: valid() });
    await expectError(res, 405);
    expect(res.headers.get('allow')).toEqual(expect.stringContaining('POST'));
  });

  it('over the per-key rate limit: 429 with Retry-After', async () => {
    const { token } = await tenantWithToken();
    const refuse = { limit: async () => ({ success: false }) } as unknown as RateLimit;
    const res = await fetchWith({ RATE_LIMITER: refuse }, `${BASE}/api/products/sync?syncId=job_x`, { headers: auth(token) });
    await expectError(res, 429);
    expect(res.headers.get('retry-after')).toEqual(expect.any(String));
  });

  it('GET /compat/gesmart/openapi.json documents every route, with the JWT on the product routes', async () => {
    const res = await call(`${BASE}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await body(res);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers[0].url).toBe(BASE);
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/auth/login', '/api/products/sync', '/api/products/sync/batch', '/api/webhooks/gesmart/products']);
    expect(Object.keys(doc.paths['/api/products/sync']).sort()).toEqual(['delete', 'get', 'post']);
    expect(doc.components.securitySchemes.gesmartJwt).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    for (const op of [doc.paths['/api/products/sync'].post, doc.paths['/api/products/sync'].get, doc.paths['/api/products/sync'].delete, doc.paths['/api/products/sync/batch'].post]) {
      expect(op.security).toEqual([{ gesmartJwt: [] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    }
    expect(doc.paths['/api/auth/login'].post.security).toBeUndefined();
    expect(doc.paths['/api/webhooks/gesmart/products'].post.security).toBeUndefined();
    const product = doc.components.schemas.GesmartProduct;
    expect(product.required.sort()).toEqual(['name', 'operation', 'price', 'quantity', 'reference']);
    expect(product.properties.images.maxItems).toBe(10);
    expect(product.properties.technical_data.maxItems).toBe(100);
  });
});
