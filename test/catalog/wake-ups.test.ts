/**
 * The post-commit wake-ups belong to the catalog service: every entry point that writes products
 * (/v1, the dialects, the imports consumer) wakes the fan-out and, for products with images to
 * process, the ingest queue, without the cron. Each request runs through its own worker with the real
 * D1 and R2 and every queue producer replaced by a recorder, so the wake-ups a write sent are exactly
 * what the recorder holds once the execution context settled.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import type { Env } from '../../src/env';
import { body, createTenant, product, type TestTenant } from '../helpers/api';
import { stageImport } from '../helpers/imports';

const QUEUES = ['EVENTS_QUEUE', 'DELIVERIES_QUEUE', 'INBOUND_QUEUE', 'INGEST_QUEUE', 'IMPORTS_QUEUE', 'MAINTENANCE_QUEUE', 'RECS_QUEUE', 'DEAD_LETTER_QUEUE'] as const;
const worker = createWorker();

/** The real D1 and R2; each queue producer records what it was sent. */
function recordingEnv(): { bindings: Env; sent: Array<{ kind: string; tenantId: string; productIds?: string[]; refresh?: boolean }> } {
  const sent: any[] = [];
  const recorder = { send: async (m: unknown) => void sent.push(m), sendBatch: async (ms: Array<{ body: unknown }>) => void sent.push(...ms.map((m) => m.body)) };
  return { bindings: { ...env, ...Object.fromEntries(QUEUES.map((q) => [q, recorder])) } as unknown as Env, sent };
}

async function fetchVia(bindings: Env, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://shelfsync.test${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** A source never fetched here: the ingest wake-up goes to the recorder. */
const image = (n: number) => ({ id: `i${n}`, source: { url: `http://127.0.0.1:9/${n}.jpg` } });
const robosize = (t: TestTenant) => `/compat/robosize/api/v1/product/?api_key=${encodeURIComponent(t.key)}`;

const ingestOf = (sent: ReturnType<typeof recordingEnv>['sent']) => sent.filter((m) => m.kind === 'ingest');
const eventsOf = (sent: ReturnType<typeof recordingEnv>['sent']) => sent.filter((m) => m.kind === 'events');


/** Messages sent once a request is routed carry its shard and epoch (one database: shard 0, epoch 1). */
const ROUTE = { shard: 0, epoch: 1 };
describe('post-commit wake-ups, scheduled by the catalog service', () => {
  it('/v1 PUT wakes the fan-out and the ingest queue; an unchanged PUT sends no ingest wake-up; ?refresh=true does', async () => {
    const t = await createTenant();
    const put = () => fetchVia(first.bindings, '/v1/products/w1', { method: 'PUT', headers: t.headers, json: product('w1', { images: [image(1)] }) });
    const first = recordingEnv();
    expect((await put()).status).toBe(201);
    expect(ingestOf(first.sent)).toEqual([{ kind: 'ingest', tenantId: t.id, ...ROUTE, productIds: ['w1'] }]);
    expect(eventsOf(first.sent)).toEqual([{ kind: 'events', tenantId: t.id, ...ROUTE }]);

    first.sent.length = 0;
    expect((await put()).status).toBe(200);
    expect(ingestOf(first.sent)).toEqual([]);

    // As if the image had failed for good: only a settled image is fetched again on refresh.
    await env.DB.prepare("UPDATE images SET status = 'error' WHERE tenant_id = ?1 AND product_id = 'w1'").bind(t.id).run();
    const refreshed = await fetchVia(first.bindings, '/v1/products/w1?refresh=true', { method: 'PUT', headers: t.headers, json: product('w1', { images: [image(1)] }) });
    expect(refreshed.status).toBe(200);
    expect(ingestOf(first.sent)).toEqual([{ kind: 'ingest', tenantId: t.id, ...ROUTE, productIds: ['w1'], refresh: true }]);
  });

  it('/v1 DELETE wakes the fan-out and the recommendations consumer', async () => {
    const t = await createTenant();
    const { bindings, sent } = recordingEnv();
    expect((await fetchVia(bindings, '/v1/products/d1', { method: 'PUT', headers: t.headers, json: product('d1') })).status).toBe(201);
    sent.length = 0;
    expect((await fetchVia(bindings, '/v1/products/d1', { method: 'DELETE', headers: t.headers })).status).toBe(204);
    expect(sent).toEqual([{ kind: 'events', tenantId: t.id, ...ROUTE }, { kind: 'recs', tenantId: t.id, ...ROUTE }]);
  });

  it('a Robosize create wakes both queues, and a rename sends the ingest wake-up under the new id', async () => {
    const t = await createTenant();
    const { bindings, sent } = recordingEnv();
    const created = await fetchVia(bindings, robosize(t), { method: 'POST', json: { name: 'Tee', store_id: 'rs-1', image_url: 'http://127.0.0.1:9/a.jpg' } });
    expect(created.status).toBe(201);
    const number = Number((await body(created)).id);
    expect(ingestOf(sent)).toEqual([{ kind: 'ingest', tenantId: t.id, ...ROUTE, productIds: ['rs-1'] }]);
    expect(eventsOf(sent)).toHaveLength(1);

    sent.length = 0;
    const renamed = await fetchVia(bindings, robosize(t), { method: 'PATCH', json: { products: [number], store_id: 'rs-2', image_url: 'http://127.0.0.1:9/b.jpg' } });
    expect(renamed.status).toBe(200);
    expect(ingestOf(sent)).toEqual([{ kind: 'ingest', tenantId: t.id, ...ROUTE, productIds: ['rs-2'] }]);
    expect(eventsOf(sent).length).toBeGreaterThan(0);

    sent.length = 0;
    const removed = await fetchVia(bindings, `${robosize(t)}&hash=${number}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(sent).toEqual([{ kind: 'events', tenantId: t.id, ...ROUTE }, { kind: 'recs', tenantId: t.id, ...ROUTE }]);
  });

  it('an import chunk wakes both queues before its message is acknowledged', async () => {
    const t = await createTenant();
    const { bindings, sent } = recordingEnv();
    const jobId = await stageImport(t.id, new TextEncoder().encode(`${JSON.stringify(product('im1', { images: [image(1)] }))}\n`), 'jsonl');
    const batch = createMessageBatch('shelfsync-imports', [{ id: `m-${jobId}`, timestamp: new Date(), attempts: 1, body: { kind: 'import', tenantId: t.id, jobId } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch<any>, bindings);
    expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([]);
    // A consumer with one database runs unrouted: what it sends carries no route.
    expect(ingestOf(sent)).toEqual([{ kind: 'ingest', tenantId: t.id, productIds: ['im1'] }]);
    expect(eventsOf(sent).length).toBeGreaterThan(0);
  });
});
