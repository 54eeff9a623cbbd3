/**
 * The inbound consumer driven directly (createMessageBatch + the Worker's queue handler): an accepted
 * push stored in R2 with its job row, as POST /v1/inbound/{source} leaves it, is applied once however
 * often its message arrives; a push whose wake-up was lost is found by the cron's routine sweep once
 * it is a minute old, and applied from that message.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env, InboundMessage } from '../../src/env';
import worker from '../../src/index';
import { newId } from '../../src/lib/ulid';
import { ROUTINE_SWEEP } from '../../src/lib/sweep-mode';
import { sweepWebhooks } from '../../src/webhooks/sweep';
import { body, call, createTenant, feed, product, type TestTenant } from '../helpers/api';

/** A push as the receiver route stores it (payload in R2, a pending job), without its wake-up. */
async function stagePush(t: TestTenant, products: unknown[], createdAt = Date.now()): Promise<string> {
  const jobId = newId('job', createdAt);
  await env.IMAGES.put(`inbound/${t.id}/${jobId}.json`, JSON.stringify({ format: 'canonical', stored: products }));
  await env.DB.prepare("INSERT INTO jobs (id, tenant_id, kind, status, total, created_at) VALUES (?1, ?2, 'inbound', 'pending', ?3, ?4)")
    .bind(jobId, t.id, products.length, createdAt)
    .run();
  return jobId;
}

async function consume(messages: InboundMessage[]) {
  const batch = createMessageBatch<InboundMessage>(
    'shelfsync-inbound',
    messages.map((body, i) => ({ id: `m${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await (worker as ExportedHandler<Cloudflare.Env>).queue!(batch as MessageBatch<unknown>, env, ctx);
  return getQueueResult(batch, ctx);
}

describe('the inbound consumer', () => {
  it('applies a push once when its message is delivered twice in a batch and again later', async () => {
    const t = await createTenant();
    const jobId = await stagePush(t, [product('dup-1'), product('dup-2')]);
    const message: InboundMessage = { kind: 'inbound', tenantId: t.id, jobId };

    const first = await consume([message, message]);
    expect(first.retryMessages).toEqual([]);
    const again = await consume([message]);
    expect(again.retryMessages).toEqual([]);

    const job = await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }));
    expect(job).toMatchObject({ status: 'completed', counts: { total: 2, succeeded: 2, failed: 0, created: 2, updated: 0 } });
    for (const id of ['dup-1', 'dup-2']) expect(await body(await call(`/v1/products/${id}`, { headers: t.headers }))).toMatchObject({ id, version: 1 });
    const types = (await feed(t)).map((e) => e.type);
    expect(types.filter((x) => x === 'product.created')).toHaveLength(2);
    expect(types.filter((x) => x === 'product.updated')).toHaveLength(0);
    expect(types.filter((x) => x === 'job.completed')).toHaveLength(1);
  });

  it('a lost wake-up: the routine sweep leaves a young push alone, re-enqueues one a minute old, and that message applies it', async () => {
    const t = await createTenant();
    const young = await stagePush(t, [product('young')]);
    const stuck = await stagePush(t, [product('stuck')], Date.now() - 61_000);
    const sent: InboundMessage[] = [];
    const recorder = { send: async (b: InboundMessage) => void sent.push(b), sendBatch: async (batch: Array<{ body: InboundMessage }>) => void sent.push(...batch.map((m) => m.body)) };

    await sweepWebhooks({ ...env, INBOUND_QUEUE: recorder } as unknown as Env, Date.now(), ROUTINE_SWEEP);
    const mine = sent.filter((m) => m.tenantId === t.id);
    expect(mine).toEqual([{ kind: 'inbound', tenantId: t.id, jobId: stuck }]);

    expect((await consume(mine)).retryMessages).toEqual([]);
    expect(await body(await call(`/v1/jobs/${stuck}`, { headers: t.headers }))).toMatchObject({ status: 'completed', counts: { created: 1 } });
    expect((await call('/v1/products/stuck', { headers: t.headers })).status).toBe(200);
    // The young one waits for its own wake-up (this test sends it now).
    expect((await body(await call(`/v1/jobs/${young}`, { headers: t.headers }))).status).toBe('pending');
    expect((await consume([{ kind: 'inbound', tenantId: t.id, jobId: young }])).retryMessages).toEqual([]);
    expect((await body(await call(`/v1/jobs/${young}`, { headers: t.headers }))).status).toBe('completed');
  });
});
