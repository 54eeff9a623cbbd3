/**
 * GET /v1/stats (per tenant) and GET /v1/admin/stats (every tenant): counts by status, job durations,
 * queue lag read from D1's pending rows, delivery health per endpoint, and the optional Analytics
 * Engine data point.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ADMIN, body, call, createTenant, expectProblem, product, putProduct } from '../helpers/api';
import { createWebhook, newBucket, target, waitDeliveries } from '../helpers/webhooks';
import { computeStats, statsDataPoint, recordStats } from '../../src/stats/stats.service';
import { percentiles, rate } from '../../src/stats/summarize';

describe('GET /v1/stats', () => {
  it('counts the tenant’s products, images and jobs by status, and nothing of another tenant', async () => {
    const t = await createTenant();
    const other = await createTenant();
    for (const id of ['a', 'b', 'c']) expect((await putProduct(t, id)).status).toBe(201);
    expect((await putProduct(other, 'x')).status).toBe(201);

    const res = await call('/v1/stats', { headers: t.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const stats = await body(res);
    expect(stats.scope).toBe('tenant');
    expect(stats.products).toEqual({ total: 3, byStatus: { pending: 0, processing: 0, done: 3, error: 0 } });
    expect(stats.images.total).toBe(0);
    expect(stats.jobs.byStatus.completed).toBe(3);
    expect(stats.jobs.durationMs.count).toBe(3);
    expect(stats.queues.map((q: { queue: string }) => q.queue).sort()).toEqual(['deliveries', 'events', 'imports', 'inbound', 'ingest']);
    expect(stats.tenants).toBeUndefined();
  });

  it('reads queue lag from the pending rows: an image due a minute ago is a minute of ingest lag', async () => {
    const t = await createTenant();
    const res = await putProduct(t, 'p1', product('p1', { images: [{ id: 'front', source: { url: 'https://example.com/never.png' } }] }));
    expect(res.status).toBe(201);
    const now = Date.now();
    // Hold the image as pending and overdue, as a queue that fell behind would leave it.
    await env.DB.prepare("UPDATE images SET status = 'pending', next_attempt_at = ?2 WHERE tenant_id = ?1").bind(t.id, now - 60_000).run();

    const stats = await computeStats(env.DB, { tenantId: t.id }, now);
    const ingest = stats.queues.find((q) => q.queue === 'ingest')!;
    expect(ingest).toMatchObject({ pending: 1, due: 1, lagSeconds: 60, oldestDueAt: new Date(now - 60_000).toISOString() });
    expect(stats.images.byStatus.pending).toBe(1);

    // Work waiting for a later retry is pending but not late.
    await env.DB.prepare('UPDATE images SET next_attempt_at = ?2 WHERE tenant_id = ?1').bind(t.id, now + 60_000).run();
    const later = (await computeStats(env.DB, { tenantId: t.id }, now)).queues.find((q) => q.queue === 'ingest')!;
    expect(later).toMatchObject({ pending: 1, due: 0, lagSeconds: 0, oldestDueAt: null });
  });

  it('reports delivery success rate and latency per endpoint', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const good = await createWebhook(t, { url: target(bucket, 'ok'), eventTypes: ['product.*'] });
    const bad = await createWebhook(t, { url: target(bucket, 'fail'), eventTypes: ['product.*'] });
    expect((await putProduct(t, 'w1')).status).toBe(201);
    await waitDeliveries(t, good.id, (list) => list.some((d) => d.attempts.length > 0), 'a delivery to the good endpoint', 15_000);
    await waitDeliveries(t, bad.id, (list) => list.some((d) => d.attempts.length > 0), 'an attempt at the failing endpoint', 15_000);

    const stats = await body(await call('/v1/stats', { headers: t.headers }));
    const byId = new Map(stats.deliveries.endpoints.map((e: { id: string }) => [e.id, e]));
    const g = byId.get(good.id) as any;
    const b = byId.get(bad.id) as any;
    expect(g.successRate).toBe(1);
    expect(g.latencyMs.count).toBe(g.attempts);
    expect(g.latencyMs.p50).toBeGreaterThanOrEqual(0);
    expect(b.succeeded).toBe(0);
    expect(b.successRate).toBe(0);
    expect(stats.deliveries.attempts).toBe(g.attempts + b.attempts);
    expect(stats.deliveries.successRate).toBeGreaterThan(0);
    expect(stats.deliveries.successRate).toBeLessThan(1);
  });

  it('needs an API key', async () => {
    await expectProblem(await call('/v1/stats'), 401, 'unauthorized');
  });
});

describe('GET /v1/admin/stats', () => {
  it('sums every tenant and adds tenants and dead letters; needs the admin token', async () => {
    const t1 = await createTenant();
    const t2 = await createTenant();
    expect((await putProduct(t1, 'one')).status).toBe(201);
    expect((await putProduct(t2, 'two')).status).toBe(201);

    await expectProblem(await call('/v1/admin/stats', { headers: t1.headers }), 401, 'unauthorized');
    const res = await call('/v1/admin/stats', { headers: ADMIN });
    expect(res.status).toBe(200);
    const all = await body(res);
    expect(all.scope).toBe('all');
    expect(all.tenants).toBeGreaterThanOrEqual(2);
    expect(all.deadLetters).toBeGreaterThanOrEqual(0);
    const one = await body(await call('/v1/stats', { headers: t1.headers }));
    expect(all.products.total).toBeGreaterThanOrEqual(one.products.total + 1);
  });
});

describe('Analytics Engine', () => {
  it('writes one data point per view when a dataset is bound, and nothing breaks when none is', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'ae')).status).toBe(201);
    const stats = await computeStats(env.DB, { tenantId: t.id });
    const written: AnalyticsEngineDataPoint[] = [];
    recordStats({ writeDataPoint: (p) => void written.push(p!) }, stats, t.id);
    expect(written).toEqual([statsDataPoint(stats, t.id)]);
    expect(written[0]!.indexes).toEqual([t.id]);
    expect(written[0]!.doubles![0]).toBe(1);
    expect(() => recordStats(undefined, stats, t.id)).not.toThrow();
    expect(() => recordStats({ writeDataPoint: () => { throw new Error('sink down'); } }, stats, t.id)).not.toThrow();
  });
});

describe('summaries', () => {
  it('nearest-rank percentiles and rates', () => {
    expect(percentiles([])).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null });
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(hundred)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles([7])).toEqual({ count: 1, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(rate(0, 0)).toBeNull();
    expect(rate(2, 3)).toBe(0.6667);
  });
});
