/**
 * createWorker(options): one options object reaches every handler (HTTP, the imports and inbound
 * queue consumers, the cron), and the bindings are checked before anything runs. Each worker here is
 * driven through its own fetch / queue / scheduled with the real local bindings; queue producers are
 * recorders, so no other consumer (the test Worker's own, with default options) races the one under test.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import { defaultOptions } from '../../src/config';
import { EnvError, type Env } from '../../src/env';
import { newId } from '../../src/lib/ulid';
import { body, createTenant, errorPaths, expectProblem, product, type TestTenant } from '../helpers/api';
import { importRow, stageImport } from '../helpers/imports';

const DAY_MS = 86_400_000;
const QUEUES = ['EVENTS_QUEUE', 'DELIVERIES_QUEUE', 'INBOUND_QUEUE', 'INGEST_QUEUE', 'IMPORTS_QUEUE', 'MAINTENANCE_QUEUE', 'RECS_QUEUE', 'DEAD_LETTER_QUEUE'] as const;

/** The real D1 and R2, with every queue producer replaced by a recorder. */
function quietEnv(overrides: Record<string, unknown> = {}): { env: Env; sent: unknown[] } {
  const sent: unknown[] = [];
  const recorder = { send: async (m: unknown) => void sent.push(m), sendBatch: async (ms: Array<{ body: unknown }>) => void sent.push(...ms.map((m) => m.body)) };
  return { env: { ...env, ...Object.fromEntries(QUEUES.map((q) => [q, recorder])), ...overrides } as unknown as Env, sent };
}

/** `n` images whose sources are never fetched here (the ingest wake-up goes to a recorder). */
const images = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}`, source: { url: `http://127.0.0.1:9/${i}.jpg` } }));

async function fetchVia(worker: { fetch: (r: Request, e: Env, c: ExecutionContext) => Response | Promise<Response> }, bindings: Env, path: string, init: RequestInit & { json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://worker.test${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function runQueue(worker: { queue: (b: MessageBatch<unknown>, e: Env) => Promise<void> }, bindings: Env, queue: string, message: unknown) {
  const batch = createMessageBatch(queue, [{ id: `m-${Math.random()}`, timestamp: new Date(), attempts: 1, body: message }]);
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, bindings);
  return getQueueResult(batch, ctx);
}

async function jobErrorPaths(jobId: string): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT errors FROM job_errors WHERE job_id = ?1 ORDER BY idx').bind(jobId).all<{ errors: string }>();
  return results.flatMap((r) => (JSON.parse(r.errors) as Array<{ path: string }>).map((e) => e.path));
}

const productRow = (t: TestTenant, id: string) => env.DB.prepare('SELECT id FROM products WHERE tenant_id = ?1 AND id = ?2').bind(t.id, id).first();

describe('createWorker({ maxImagesPerProduct: 10 })', () => {
  const worker = createWorker({ maxImagesPerProduct: 10 });
  const defaults = createWorker();

  it('resolves one options object and exposes it with fetch, queue, scheduled and a mountable app', () => {
    expect(worker.options.maxImagesPerProduct).toBe(10);
    expect(worker.options.maxBatchItems).toBe(defaultOptions.maxBatchItems);
    expect(typeof worker.fetch).toBe('function');
    expect(typeof worker.queue).toBe('function');
    expect(typeof worker.scheduled).toBe('function');
    expect(typeof worker.app.route).toBe('function');
  });

  it('enforces the limit on /v1', async () => {
    const t = await createTenant();
    const { env: bindings } = quietEnv();
    const over = await fetchVia(worker, bindings, '/v1/products/p11', { method: 'PUT', headers: t.headers, json: product('p11', { images: images(11) }) });
    expect(errorPaths(await expectProblem(over, 422, 'validation_failed'))).toContain('/images');
    const at = await fetchVia(worker, bindings, '/v1/products/p10', { method: 'PUT', headers: t.headers, json: product('p10', { images: images(10) }) });
    expect(at.status).toBe(201);
    // The default worker takes 11.
    expect((await fetchVia(defaults, bindings, '/v1/products/p11', { method: 'PUT', headers: t.headers, json: product('p11', { images: images(11) }) })).status).toBe(201);
  });

  it('enforces the limit on imports (the imports queue consumer)', async () => {
    const t = await createTenant();
    const { env: bindings } = quietEnv();
    const feed = new TextEncoder().encode(`${JSON.stringify(product('imp11', { images: images(11) }))}\n${JSON.stringify(product('imp10', { images: images(10) }))}\n`);

    const mine = await stageImport(t.id, feed, 'jsonl');
    expect((await runQueue(worker, bindings, 'shelfsync-imports', { kind: 'import', tenantId: t.id, jobId: mine })).retryMessages).toEqual([]);
    expect(await importRow(mine)).toMatchObject({ status: 'partial', rows_done: 1, rows_failed: 1 });
    expect(await jobErrorPaths(mine)).toContain('/images');

    const theirs = await stageImport(t.id, feed, 'jsonl');
    await runQueue(defaults, bindings, 'shelfsync-imports', { kind: 'import', tenantId: t.id, jobId: theirs });
    expect(await importRow(theirs)).toMatchObject({ rows_done: 2, rows_failed: 0 });
  });

  it('enforces the limit on inbound pushes, when received and when applied by the inbound consumer', async () => {
    const t = await createTenant();
    const { env: bindings, sent } = quietEnv();
    const created = await fetchVia(worker, bindings, '/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'ERP' } });
    expect(created.status).toBe(201);
    const source = await body(created);
    const push = async (payload: unknown) => {
      const text = JSON.stringify(payload);
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(source.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const sig = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)))));
      return fetchVia(worker, bindings, `/v1/inbound/${source.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': sig }, body: text });
    };
    expect(errorPaths(await expectProblem(await push(product('in11', { images: images(11) })), 422, 'validation_failed'))).toContain('/images');
    expect((await push(product('in10', { images: images(10) }))).status).toBe(202);
    expect(sent).toContainEqual(expect.objectContaining({ kind: 'inbound', tenantId: t.id }));

    // A push stored before the limit was lowered (accepted then, as the default worker would): the
    // consumer applies it under the worker's limit, not the defaults.
    const stage = async () => {
      const jobId = newId('job');
      await env.IMAGES.put(`inbound/${t.id}/${jobId}.json`, JSON.stringify({ format: 'canonical', stored: [product('late11', { images: images(11) })] }));
      await env.DB.prepare("INSERT INTO jobs (id, tenant_id, kind, status, total, created_at) VALUES (?1, ?2, 'inbound', 'pending', 1, ?3)").bind(jobId, t.id, Date.now()).run();
      return jobId;
    };
    const mine = await stage();
    expect((await runQueue(worker, bindings, 'shelfsync-inbound', { kind: 'inbound', tenantId: t.id, jobId: mine })).retryMessages).toEqual([]);
    expect(await jobErrorPaths(mine)).toContain('/images');
    expect(await productRow(t, 'late11')).toBeNull();

    const theirs = await stage();
    await runQueue(defaults, bindings, 'shelfsync-inbound', { kind: 'inbound', tenantId: t.id, jobId: theirs });
    expect(await productRow(t, 'late11')).not.toBeNull();
  });

  it('runs the cron with the same options (retention)', async () => {
    const t = await createTenant();
    const { env: bindings } = quietEnv();
    const at = Date.now() - 2 * DAY_MS;
    const insert = (id: string, seq: number) =>
      env.DB.prepare("INSERT INTO events (id, tenant_id, seq, type, data, created_at) VALUES (?1, ?2, ?3, 'webhook.test', '{}', ?4)").bind(id, t.id, seq, at).run();
    await insert('evt_two_days_old', 900_001);
    const cron = async (w: typeof worker) => {
      const ctx = createExecutionContext();
      await w.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), bindings, ctx);
      await waitOnExecutionContext(ctx);
    };
    const exists = async () => (await env.DB.prepare("SELECT 1 AS x FROM events WHERE id = 'evt_two_days_old'").first()) !== null;

    await cron(defaults); // 30 days: kept
    expect(await exists()).toBe(true);
    await cron(createWorker({ maxImagesPerProduct: 10, retentionDays: 1 }));
    expect(await exists()).toBe(false);
  });
});

describe('createWorker(): bindings checked before anything runs', () => {
  const worker = createWorker();

  it.each([
    ['IMAGE_URL_SECRET', { IMAGE_URL_SECRET: undefined }, /IMAGE_URL_SECRET must be set/],
    ['a short IMAGE_URL_SECRET', { IMAGE_URL_SECRET: 'short' }, /IMAGE_URL_SECRET must be at least 16 characters/],
    ['DB', { DB: undefined }, /DB must be a D1 binding/],
    ['the R2 bucket', { IMAGES: 'not a bucket' }, /IMAGES must be a R2 binding/],
    ['a queue producer', { INGEST_QUEUE: undefined }, /INGEST_QUEUE must be a Queue producer binding/],
  ])('missing or malformed %s: the first request is a 500 naming it, never its value', async (_name, overrides, named) => {
    const { env: bindings } = quietEnv(overrides);
    const res = await fetchVia(worker, bindings, '/health');
    const problem = await expectProblem(res, 500, 'internal_error');
    expect(problem.detail).toMatch(named);
    expect(problem.detail).not.toContain('short');
    expect(problem.detail).not.toContain(env.IMAGE_URL_SECRET!);
  });

  it('still serves the documentation, which is built from code alone', async () => {
    const { env: bindings } = quietEnv({ DB: undefined, IMAGE_URL_SECRET: undefined });
    expect((await fetchVia(worker, bindings, '/openapi.json')).status).toBe(200);
    expect((await fetchVia(worker, bindings, '/compat/genera/openapi.json')).status).toBe(200);
    await expectProblem(await fetchVia(worker, bindings, '/v1/products'), 500, 'internal_error');
  });

  it('fails a queue batch and a cron run loudly too', async () => {
    const { env: bindings } = quietEnv({ DB: undefined });
    const batch = createMessageBatch('shelfsync-events', [{ id: 'm1', timestamp: new Date(), attempts: 1, body: { kind: 'events', tenantId: 'ten_x' } }]);
    await expect(worker.queue(batch as MessageBatch<unknown>, bindings)).rejects.toThrow(EnvError);
    await expect(worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), bindings, createExecutionContext())).rejects.toThrow(/DB must be a D1 binding/);
  });

  it('runs without the optional settings, each feature off', async () => {
    const t = await createTenant();
    const { env: bindings } = quietEnv({
      ADMIN_TOKEN: undefined, JWT_SECRET: undefined, GESMART_TENANT: undefined, GESMART_WEBHOOK_SECRET: undefined,
      RATE_LIMITER: undefined, IMAGE_TRANSFORMS: undefined, SECRETS_KEYS: undefined, DEAD_LETTER_QUEUE: undefined,
    });
    expect((await fetchVia(worker, bindings, '/health')).status).toBe(200);
    expect((await fetchVia(worker, bindings, '/v1/products', { headers: t.headers })).status).toBe(200);
    const admin = await fetchVia(worker, bindings, '/v1/admin/tenants', { method: 'POST', headers: { authorization: 'Bearer test-admin-token' }, json: { name: 'x', defaultCurrency: 'USD', defaultLocale: 'en-US' } });
    expect(admin.status).toBeGreaterThanOrEqual(401);
    expect(admin.status).toBeLessThanOrEqual(403);
  });
});
