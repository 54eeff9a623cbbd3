/**
 * The cron's housekeeping (runHousekeeping): rows past the retention window are pruned (events,
 * job errors, finished deliveries and their attempts, expired idempotency keys) and younger ones,
 * or unfinished deliveries, are kept; a feed cursor into the pruned range is then 410 `gone`.
 * Rows are made old by moving their timestamps back, so the run uses the real clock.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/config';
import { runHousekeeping } from '../../src/cron/scheduled';
import { body, call, createTenant, expectProblem, postBatch, product, putProduct } from '../helpers/api';
import { createWebhook, newBucket, target, waitDeliveries } from '../helpers/webhooks';

const DAY_MS = 86_400_000;
const retentionMs = resolveOptions().retentionDays * DAY_MS;

async function column<T>(sql: string, ...binds: unknown[]): Promise<T[]> {
  const rows = await env.DB.prepare(sql).bind(...binds).raw<[T]>();
  return rows.map(([value]) => value);
}

describe('runHousekeeping', () => {
  it('prunes events past retention, keeps the younger ones, and a cursor into the pruned range is 410 gone', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'p1')).status).toBe(201);
    expect((await putProduct(t, 'p2')).status).toBe(201);
    const seqs = await column<number>('SELECT seq FROM events WHERE tenant_id = ?1 ORDER BY seq', t.id);
    expect(seqs).toEqual([1, 2, 3, 4]);
    const now = Date.now();
    await env.DB.prepare('UPDATE events SET created_at = ?2 WHERE tenant_id = ?1 AND seq <= 2').bind(t.id, now - retentionMs - 1).run();
    await env.DB.prepare('UPDATE events SET created_at = ?2 WHERE tenant_id = ?1 AND seq > 2').bind(t.id, now - retentionMs + 60_000).run();

    await runHousekeeping(env, now);
    expect(await column<number>('SELECT seq FROM events WHERE tenant_id = ?1 ORDER BY seq', t.id)).toEqual([3, 4]);

    for (const after of [0, 1]) {
      const problem = await expectProblem(await call(`/v1/events?after=${after}`, { headers: t.headers }), 410, 'gone');
      expect(problem.detail).toMatch(/pruned/);
    }
    const page = await body(await call('/v1/events?after=2', { headers: t.headers }));
    expect(page.data.map((e: { seq: number }) => e.seq)).toEqual([3, 4]);
    expect(page.nextCursor).toBe('4');
  });

  it('prunes old job errors and expired idempotency keys, and keeps the rest', async () => {
    const t = await createTenant();
    const batch = await postBatch(t, [product('ok'), { id: 'bad', title: 42 }], { 'idempotency-key': 'old-key' });
    expect(batch.status).toBeLessThan(300);
    const jobId = batch.headers.get('job-id')!;
    expect(jobId).toMatch(/^job_/);
    expect((await postBatch(t, [product('ok2')], { 'idempotency-key': 'live-key' })).status).toBeLessThan(300);
    expect(await column<number>('SELECT COUNT(*) FROM job_errors WHERE job_id = ?1', jobId)).toEqual([1]);

    const now = Date.now();
    await env.DB.prepare('UPDATE job_errors SET created_at = ?2 WHERE job_id = ?1').bind(jobId, now - retentionMs - 1).run();
    await env.DB.prepare("UPDATE idempotency_keys SET expires_at = ?2 WHERE tenant_id = ?1 AND key = 'old-key'").bind(t.id, now - 1).run();

    await runHousekeeping(env, now);
    expect(await column<number>('SELECT COUNT(*) FROM job_errors WHERE job_id = ?1', jobId)).toEqual([0]);
    expect(await column<string>('SELECT key FROM idempotency_keys WHERE tenant_id = ?1 ORDER BY key', t.id)).toEqual(['live-key']);
  });

  it('prunes finished deliveries and old attempts past retention; an unfinished delivery stays', async () => {
    const t = await createTenant();
    const wh = await createWebhook(t, { url: target(newBucket()), eventTypes: ['*'] });
    expect((await putProduct(t, 'p1')).status).toBe(201); // product.created + job.completed: two deliveries
    const list = await waitDeliveries(t, wh.id, (l) => l.length === 2 && l.every((d) => d.status === 'succeeded'), 'both delivered');
    const [finished, unfinished] = list.map((d) => d.id) as [string, string];

    const old = Date.now() - retentionMs - 1;
    await env.DB.prepare('UPDATE deliveries SET created_at = ?2 WHERE endpoint_id = ?1').bind(wh.id, old).run();
    await env.DB.prepare("UPDATE deliveries SET status = 'retrying', next_attempt_at = ?2 WHERE id = ?1").bind(unfinished, Date.now() + DAY_MS).run();
    await env.DB.prepare('UPDATE delivery_attempts SET attempted_at = ?2 WHERE delivery_id IN (?1, ?3)').bind(finished, old, unfinished).run();

    await runHousekeeping(env, Date.now());
    expect(await column<string>('SELECT id FROM deliveries WHERE endpoint_id = ?1', wh.id)).toEqual([unfinished]);
    expect(await column<number>('SELECT COUNT(*) FROM delivery_attempts WHERE delivery_id IN (?1, ?2)', finished, unfinished)).toEqual([0]);
  });
});
