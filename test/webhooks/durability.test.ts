/**
 * No event lost: delivery rows exist before any attempt, the cron re-enqueues what is due, and the
 * queue consumers, driven directly with `createMessageBatch`, ack only what they finished.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { runCron } from '../../src/cron/scheduled';
import { eventStatements } from '../../src/events/outbox';
import worker from '../../src/index';
import { fanOutTenant } from '../../src/webhooks/fanout';
import { newId } from '../../src/lib/ulid';
import { createTenant, type TestTenant } from '../helpers/api';
import { createWebhook, deliveries, newBucket, received, target, waitDeliveries, waitReceived, type Webhook as Endpoint } from '../helpers/webhooks';

/** The Worker's queue handler, called as the runtime calls it. */
function queue(batch: MessageBatch<unknown>, ctx: ExecutionContext): Promise<void> {
  return (worker as ExportedHandler<Cloudflare.Env>).queue!(batch, env, ctx) as Promise<void>;
}

/**
 * An event in the outbox with no wake-up sent: exactly the state after a write whose queue message
 * was lost, or an isolate that died right after the commit.
 */
async function silentEvent(t: TestTenant, productId: string): Promise<string> {
  const id = newId('evt', Date.now());
  await env.DB.batch(eventStatements(env.DB, t.id, 'product.updated', { productId, number: 1, version: 2 }, Date.now(), id));
  return id;
}

async function subscribed(): Promise<{ t: TestTenant; bucket: string; wh: Endpoint }> {
  const t = await createTenant();
  const bucket = newBucket();
  const wh = await createWebhook(t, { url: target(bucket), eventTypes: ['product.*'] });
  return { t, bucket, wh };
}

async function rowsFor(endpointId: string) {
  const { results } = await env.DB.prepare('SELECT id, event_id, status, attempts FROM deliveries WHERE endpoint_id = ?1').bind(endpointId).all<{
    id: string;
    event_id: string;
    status: string;
    attempts: number;
  }>();
  return results;
}

describe('crash between fan-out and send', () => {
  it('fan-out writes the rows and sends nothing; the cron re-enqueues them and they arrive', async () => {
    const { t, bucket, wh } = await subscribed();
    const eventId = await silentEvent(t, 'c1');

    const result = await fanOutTenant(env.DB, t.id);
    expect(result.deliveryIds).toHaveLength(1);
    expect(result.more).toBe(false);
    // The "crash": nobody makes the first attempt. The row is there, pending, and nothing was sent.
    expect(await rowsFor(wh.id)).toEqual([{ id: result.deliveryIds[0], event_id: eventId, status: 'pending', attempts: 0 }]);
    expect(await received(bucket)).toEqual([]);
    // Fan-out is idempotent: running it again makes no second row.
    expect((await fanOutTenant(env.DB, t.id)).deliveryIds).toEqual([]);
    expect(await rowsFor(wh.id)).toHaveLength(1);

    await runCron(env, Date.now());
    const got = await waitReceived(bucket, 1);
    expect(got).toHaveLength(1);
    expect(got[0]!.headers['webhook-id']).toBe(eventId);
    expect(new Webhook(wh.secret).verify(got[0]!.body, got[0]!.headers)).toMatchObject({ type: 'product.updated', data: { productId: 'c1' } });
    const [d] = await waitDeliveries(t, wh.id, (l) => l[0]?.status === 'succeeded', 'the delivery recorded');
    expect(d).toMatchObject({ id: result.deliveryIds[0], attemptCount: 1 });
  });

  it('a lost wake-up: the scheduled handler fans the tenant out and delivers', async () => {
    const { t, bucket, wh } = await subscribed();
    const eventId = await silentEvent(t, 'c2');
    expect(await rowsFor(wh.id)).toEqual([]);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const got = await waitReceived(bucket, 1);
    expect(got[0]!.headers['webhook-id']).toBe(eventId);
    const [d] = await waitDeliveries(t, wh.id, (l) => l.length === 1 && l[0]!.status === 'succeeded', 'the delivery recorded');
    expect(d).toMatchObject({ eventId, status: 'succeeded', attemptCount: 1, attempts: [{ statusCode: 200 }] });
    expect(got).toHaveLength(1);
  });

  it('a claim left behind by a crashed attempt is retried by the cron once its lease expires', async () => {
    const { t, bucket, wh } = await subscribed();
    await silentEvent(t, 'c3');
    const { deliveryIds } = await fanOutTenant(env.DB, t.id);
    // A consumer claimed the row and died before recording anything.
    await env.DB.prepare("UPDATE deliveries SET status = 'delivering', lease_until = ?2 WHERE id = ?1").bind(deliveryIds[0], Date.now() - 1).run();
    await runCron(env, Date.now());
    await waitReceived(bucket, 1);
    await waitDeliveries(t, wh.id, (l) => l[0]?.status === 'succeeded', 'the delivery recorded');
  });
});

describe('queue consumers driven directly', () => {
  it('the events consumer fans out, makes the first attempt itself, and acks', async () => {
    const { t, bucket, wh } = await subscribed();
    const eventId = await silentEvent(t, 'q1');
    const batch = createMessageBatch('shelfsync-events', [
      { id: 'm1', timestamp: new Date(), attempts: 1, body: { kind: 'events', tenantId: t.id } },
      { id: 'm2', timestamp: new Date(), attempts: 1, body: { kind: 'events', tenantId: t.id } },
    ]);
    const ctx = createExecutionContext();
    await queue(batch, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.outcome).toBe('ok');
    expect(result.retryMessages).toEqual([]);
    expect(result.ackAll || ['m1', 'm2'].every((id) => result.explicitAcks.includes(id))).toBe(true);

    // The first attempt was made inside that handler: it already arrived, and only once.
    const got = await received(bucket);
    expect(got).toHaveLength(1);
    expect(got[0]!.headers['webhook-id']).toBe(eventId);
    const [d] = await deliveries(t, wh.id);
    expect(d).toMatchObject({ status: 'succeeded', attemptCount: 1, attempts: [{ statusCode: 200 }] });
  });

  it('the deliveries consumer attempts due rows once, even when ids repeat, and never resends a finished one', async () => {
    const { t, bucket, wh } = await subscribed();
    await silentEvent(t, 'q2');
    const { deliveryIds } = await fanOutTenant(env.DB, t.id);
    const id = deliveryIds[0]!;
    const run = async (messageIds: string[]) => {
      const batch = createMessageBatch(
        'shelfsync-deliveries',
        messageIds.map((mid) => ({ id: mid, timestamp: new Date(), attempts: 1, body: { kind: 'deliver', ids: [id] } })),
      );
      const ctx = createExecutionContext();
      await queue(batch, ctx);
      return getQueueResult(batch, ctx);
    };
    const first = await run(['d1', 'd2']);
    expect(first.ackAll).toBe(true);
    expect(await received(bucket)).toHaveLength(1);
    const second = await run(['d3']);
    expect(second.ackAll).toBe(true);
    expect(await received(bucket)).toHaveLength(1);
    expect((await deliveries(t, wh.id))[0]).toMatchObject({ status: 'succeeded', attemptCount: 1 });
  });

  it('a message from an unknown queue is retried, not dropped', async () => {
    const batch = createMessageBatch('shelfsync-nonexistent', [{ id: 'u1', timestamp: new Date(), attempts: 1, body: { kind: 'events', tenantId: 'ten_x' } }]);
    const ctx = createExecutionContext();
    await queue(batch, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.ackAll).toBe(false);
    expect(result.retryBatch.retry).toBe(true);
  });

  it('the dead-letter consumer writes dead_letters rows and acks', async () => {
    const marker = `dl-${crypto.randomUUID()}`;
    const messages = [
      { id: 'x1', timestamp: new Date(), attempts: 11, body: { kind: 'deliver', ids: [`dlv_${marker}`] } },
      { id: 'x2', timestamp: new Date(), attempts: 6, body: { kind: 'inbound', tenantId: 'ten_x', jobId: `job_${marker}` } },
    ];
    const batch = createMessageBatch<unknown>('shelfsync-dead-letter', messages);
    const ctx = createExecutionContext();
    await queue(batch, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.ackAll || result.explicitAcks.length === 2).toBe(true);
    expect(result.retryMessages).toEqual([]);
    const { results } = await env.DB.prepare('SELECT queue, body, attempts, created_at FROM dead_letters WHERE body LIKE ?1 ORDER BY attempts DESC')
      .bind(`%${marker}%`)
      .all<{ queue: string; body: string; attempts: number; created_at: number }>();
    expect(results).toHaveLength(2);
    expect(results.map((r) => JSON.parse(r.body))).toEqual([messages[0]!.body, messages[1]!.body]);
    expect(results.map((r) => r.attempts)).toEqual([11, 6]);
    // Each row names the queue the message came from (a message carries no origin; its kind decides).
    expect(results.map((r) => r.queue)).toEqual(['shelfsync-deliveries', 'shelfsync-inbound']);
    for (const r of results) expect(Math.abs(r.created_at - Date.now())).toBeLessThan(60_000);
  });
});
