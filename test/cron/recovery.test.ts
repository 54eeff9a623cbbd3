/**
 * The first sweep after a restart: work a dead process left (its queue messages lost with it, its
 * claims held by nobody) is woken at once, instead of after the routine "untouched for a minute" mark
 * or the end of a lease. Work touched by the live isolate keeps the routine rules.
 */
import { env } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { isolateSweepClock, ROUTINE_SWEEP, type SweepMode } from '../../src/lib/sweep-mode';
import { runCron } from '../../src/cron/scheduled';
import type { Env } from '../../src/env';
import { eventStatements } from '../../src/events/outbox';
import { sweepImages } from '../../src/images/sweep';
import { sweepImports } from '../../src/imports/consumer';
import { newId } from '../../src/lib/ulid';
import { fanOutTenant } from '../../src/webhooks/fanout';
import { sweepWebhooks } from '../../src/webhooks/sweep';
import { writeProducts } from '../../src/catalog/write/write-products';
import { createTenant } from '../helpers/api';
import { img, imageRows, waitProduct } from '../helpers/images';
import { drainImport, stageImport, utf8 } from '../helpers/imports';
import { createWebhook, newBucket, target, waitReceived } from '../helpers/webhooks';

/** The env with one queue replaced by a recorder: what a sweep wakes, without anything running it. */
function recording(queue: 'INGEST_QUEUE' | 'IMPORTS_QUEUE' | 'DELIVERIES_QUEUE' | 'INBOUND_QUEUE' | 'EVENTS_QUEUE') {
  const sent: any[] = [];
  const fake = { send: async (body: unknown) => void sent.push(body), sendBatch: async (batch: Array<{ body: unknown }>) => void sent.push(...batch.map((m) => m.body)) };
  return { env: { ...env, [queue]: fake } as unknown as Env, sent };
}

/** A restart: this isolate started now, so everything touched before it belongs to a dead process. */
const restartedNow = (): SweepMode => ({ recovery: true, deadBefore: Date.now() + 1 });

describe('the first sweep after a restart', () => {
  it('is a recovery sweep once per isolate, releasing dead claims only in local development', () => {
    const dev = isolateSweepClock();
    dev.noteActive(1000);
    expect(dev.take({ ENVIRONMENT: 'development' }, 5000)).toEqual({ recovery: true, deadBefore: 1000 });
    expect(dev.take({ ENVIRONMENT: 'development' }, 65_000)).toEqual(ROUTINE_SWEEP);

    // Production: queues are durable and other isolates may hold claims; only the caps grow.
    const prod = isolateSweepClock();
    expect(prod.take({}, 5000)).toEqual({ recovery: true, deadBefore: null });
    expect(prod.take({}, 65_000)).toEqual(ROUTINE_SWEEP);
  });

  it('wakes pending images a dead process left, and releases the images it had claimed', async () => {
    const t = await createTenant();
    // Written with no wake-up (the message died with the process), a second ago.
    await writeProducts(env.DB, {
      tenantId: t.id,
      kind: 'products.put',
      items: [
        { index: 0, id: 'waiting', doc: { title: 'W', images: [{ id: 'a', source: { url: img('photo.jpg') }, pipelines: {} }] } },
        { index: 1, id: 'claimed', doc: { title: 'C', images: [{ id: 'a', source: { url: img('graphic.png') }, pipelines: {} }] } },
      ],
      failures: [],
    });
    // The dead process had claimed one image: a lease five minutes out.
    const now = Date.now();
    await env.DB.prepare("UPDATE images SET status = 'processing', attempts = 1, next_attempt_at = ?2, updated_at = ?3 WHERE tenant_id = ?1 AND product_id = 'claimed'")
      .bind(t.id, now + 300_000, now - 1000)
      .run();

    const routine = recording('INGEST_QUEUE');
    await sweepImages(routine.env, Date.now(), ROUTINE_SWEEP);
    expect(routine.sent.filter((m) => m.tenantId === t.id)).toEqual([]);
    expect((await imageRows(t.id, 'claimed'))[0]).toMatchObject({ status: 'processing' });

    const recovery = recording('INGEST_QUEUE');
    await sweepImages(recovery.env, Date.now(), restartedNow());
    const woken = recovery.sent.filter((m) => m.tenantId === t.id).flatMap((m) => m.productIds);
    expect(woken.sort()).toEqual(['claimed', 'waiting']);

    // And with the real queue, both finish.
    await sweepImages(env, Date.now(), restartedNow());
    expect((await waitProduct(t, 'waiting')).images[0].status).toBe('done');
    expect((await waitProduct(t, 'claimed')).images[0].status).toBe('done');
  }, 40_000);

  it('leaves a claim taken after the restart to its holder', async () => {
    const t = await createTenant();
    await writeProducts(env.DB, {
      tenantId: t.id,
      kind: 'products.put',
      items: [{ index: 0, id: 'live', doc: { title: 'L', images: [{ id: 'a', source: { url: img('photo.jpg') }, pipelines: {} }] } }],
      failures: [],
    });
    const mode = restartedNow();
    const lease = Date.now() + 300_000;
    // Claimed by the live isolate after it started.
    await env.DB.prepare("UPDATE images SET status = 'processing', attempts = 1, next_attempt_at = ?2, updated_at = ?3 WHERE tenant_id = ?1")
      .bind(t.id, lease, mode.deadBefore! + 10)
      .run();
    const recovery = recording('INGEST_QUEUE');
    await sweepImages(recovery.env, Date.now(), mode);
    expect(recovery.sent.filter((m) => m.tenantId === t.id)).toEqual([]);
    expect((await imageRows(t.id, 'live'))[0]).toMatchObject({ status: 'processing' });
    const row = await env.DB.prepare('SELECT next_attempt_at FROM images WHERE tenant_id = ?1').bind(t.id).first<{ next_attempt_at: number }>();
    expect(row!.next_attempt_at).toBe(lease);
  });

  it('wakes an import a dead process was reading, at once', async () => {
    const t = await createTenant();
    const jobId = await stageImport(t.id, utf8('{"id":"i1","title":"One"}\n{"id":"i2","title":"Two"}\n'), 'jsonl', 'upsert', Date.now() - 1000);

    const routine = recording('IMPORTS_QUEUE');
    await sweepImports(routine.env, Date.now(), ROUTINE_SWEEP);
    expect(routine.sent.filter((m) => m.jobId === jobId)).toEqual([]);

    const recovery = recording('IMPORTS_QUEUE');
    await sweepImports(recovery.env, Date.now(), restartedNow());
    expect(recovery.sent.filter((m) => m.jobId === jobId)).toEqual([{ kind: 'import', tenantId: t.id, jobId }]);
    expect((await drainImport(t.id, jobId)).status).toBe('completed');
  });

  it('wakes an accepted inbound push whose message was lost, at once', async () => {
    const t = await createTenant();
    const jobId = newId('job', Date.now());
    await env.DB.prepare("INSERT INTO jobs (id, tenant_id, kind, status, total, created_at, started_at) VALUES (?1, ?2, 'inbound', 'pending', 1, ?3, ?3)")
      .bind(jobId, t.id, Date.now() - 1000)
      .run();
    const routine = recording('INBOUND_QUEUE');
    await sweepWebhooks(routine.env, Date.now(), ROUTINE_SWEEP);
    expect(routine.sent.filter((m) => m.jobId === jobId)).toEqual([]);
    const recovery = recording('INBOUND_QUEUE');
    await sweepWebhooks(recovery.env, Date.now(), restartedNow());
    expect(recovery.sent.filter((m) => m.jobId === jobId)).toEqual([{ kind: 'inbound', tenantId: t.id, jobId }]);
    // Nothing to apply (no stored payload): the consumer fails the job instead of looping.
    await env.DB.prepare("UPDATE jobs SET status = 'failed' WHERE id = ?1").bind(jobId).run();
  });

  it('releases a delivery a dead process was sending; it arrives once, under its webhook-id', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const wh = await createWebhook(t, { url: target(bucket), eventTypes: ['product.*'] });
    const eventId = newId('evt', Date.now());
    await env.DB.batch(eventStatements(env.DB, t.id, 'product.updated', { productId: 'd1', number: 1, version: 2 }, Date.now(), eventId));
    const { deliveryIds } = await fanOutTenant(env.DB, t.id);
    const now = Date.now();
    await env.DB.prepare("UPDATE deliveries SET status = 'delivering', lease_until = ?2, updated_at = ?3 WHERE id = ?1").bind(deliveryIds[0], now + 60_000, now - 1000).run();

    const routine = recording('DELIVERIES_QUEUE');
    await sweepWebhooks(routine.env, Date.now(), ROUTINE_SWEEP);
    expect(routine.sent.flatMap((m) => m.ids)).not.toContain(deliveryIds[0]);

    await runCron(env, Date.now(), undefined, restartedNow());
    const got = await waitReceived(bucket, 1);
    expect(got).toHaveLength(1);
    expect(got[0]!.headers['webhook-id']).toBe(eventId);
    expect(new Webhook(wh.secret).verify(got[0]!.body, got[0]!.headers)).toMatchObject({ data: { productId: 'd1' } });
  });
});
