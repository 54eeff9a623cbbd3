/** Jobs for every write, and the ordered per-tenant events feed. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem, feed, patchProduct, postBatch, product, putProduct } from '../helpers/api';

describe('jobs', () => {
  it('every write creates a job named by the Job-Id header', async () => {
    const t = await createTenant();
    const writes = [
      ['products.put', await putProduct(t, 'p1')],
      ['products.put', await putProduct(t, 'p1', product('p1', { title: 'two' }))],
      ['products.put', await putProduct(t, 'p1', product('p1', { title: 'two' }))],
      ['products.patch', await patchProduct(t, 'p1', { title: 'three' })],
      ['products.batch', await postBatch(t, [product('p2')])],
      ['products.delete', await call('/v1/products/p2', { method: 'DELETE', headers: t.headers })],
    ] as const;
    const expectedCounts = [{ created: 1 }, { updated: 1 }, { unchanged: 1 }, { updated: 1 }, { created: 1 }, { deleted: 1 }];
    const ids: string[] = [];
    for (const [i, [kind, res]] of writes.entries()) {
      expect(res.status).toBeLessThan(300);
      const id = res.headers.get('job-id');
      expect(id, kind).toMatch(/^job_[0-9A-HJKMNP-TV-Z]{26}$/);
      ids.push(id!);
      const job = await body(await call(`/v1/jobs/${id}`, { headers: t.headers }));
      expect(job, kind).toMatchObject({ id, kind, status: 'completed', counts: { total: 1, succeeded: 1, failed: 0, ...expectedCounts[i] } });
      expect(Date.parse(job.createdAt)).not.toBeNaN();
      expect(Date.parse(job.completedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));
      expect(job.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(ids).size).toBe(ids.length);

    const listed = await body(await call('/v1/jobs?limit=200', { headers: t.headers }));
    expect(listed.data.map((j: { id: string }) => j.id)).toEqual([...ids].reverse());
  });

  it('lists jobs newest first, with a cursor and a status filter', async () => {
    const t = await createTenant();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await putProduct(t, `p${i}`)).headers.get('job-id')!);
    ids.push((await postBatch(t, [product('ok'), product('bad', { gender: 'x' })])).headers.get('job-id')!);
    const newestFirst = [...ids].reverse();

    const first = await body(await call('/v1/jobs?limit=2', { headers: t.headers }));
    expect(first.data.map((j: { id: string }) => j.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await body(await call(`/v1/jobs?limit=2&cursor=${first.nextCursor}`, { headers: t.headers }));
    expect(second.data.map((j: { id: string }) => j.id)).toEqual(newestFirst.slice(2, 4));
    const third = await body(await call(`/v1/jobs?limit=2&cursor=${second.nextCursor}`, { headers: t.headers }));
    expect(third.data.map((j: { id: string }) => j.id)).toEqual(newestFirst.slice(4));
    expect(third.nextCursor).toBeNull();

    const partial = await body(await call('/v1/jobs?status=partial', { headers: t.headers }));
    expect(partial.data.map((j: { id: string }) => j.id)).toEqual([ids[4]]);
    await expectProblem(await call('/v1/jobs?status=weird', { headers: t.headers }), 422, 'validation_failed');
    await expectProblem(await call('/v1/jobs?limit=201', { headers: t.headers }), 422, 'validation_failed');
  });

  it('answers 404 for an unknown job and its errors', async () => {
    const t = await createTenant();
    await expectProblem(await call('/v1/jobs/job_01JD7Z8Q6V7N9K3M2X4B5C6D7E', { headers: t.headers }), 404, 'not_found');
    await expectProblem(await call('/v1/jobs/job_01JD7Z8Q6V7N9K3M2X4B5C6D7E/errors', { headers: t.headers }), 404, 'not_found');
  });
});

describe('GET /v1/events', () => {
  it('is an ordered feed with a contiguous per-tenant sequence', async () => {
    const t = await createTenant();
    const j1 = (await putProduct(t, 'a')).headers.get('job-id');
    const j2 = (await patchProduct(t, 'a', { title: 'A2' })).headers.get('job-id');
    const j3 = (await postBatch(t, [product('b'), product('c')])).headers.get('job-id');
    const j4 = (await call('/v1/products/b', { method: 'DELETE', headers: t.headers })).headers.get('job-id');

    const events = await feed(t);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['product.created', { productId: 'a', number: 1, version: 1 }],
      ['job.completed', { jobId: j1, status: 'completed' }],
      ['product.updated', { productId: 'a', number: 1, version: 2 }],
      ['job.completed', { jobId: j2, status: 'completed' }],
      ['product.created', { productId: 'b', number: 2, version: 1 }],
      ['product.created', { productId: 'c', number: 3, version: 1 }],
      ['job.completed', { jobId: j3, status: 'completed' }],
      ['product.deleted', expect.objectContaining({ productId: 'b', number: 2, version: 1 })],
      ['job.completed', { jobId: j4, status: 'completed' }],
    ]);
    for (const e of events) {
      expect(e.id).toMatch(/^evt_/);
      expect(e.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    // The event is in D1 with the change (same batch): every product row has its event.
    const { results } = await env.DB.prepare('SELECT id, version FROM products WHERE tenant_id = ?1').bind(t.id).all<{ id: string; version: number }>();
    for (const row of results) {
      expect(events.some((e) => e.data.productId === row.id && e.data.version === row.version && e.type !== 'product.deleted')).toBe(true);
    }
  });

  it('pages with after and limit; nextCursor is the last sequence, or after when nothing is new', async () => {
    const t = await createTenant();
    for (const id of ['a', 'b', 'c']) await putProduct(t, id); // 6 events
    const page1 = await body(await call('/v1/events?limit=4', { headers: t.headers }));
    expect(page1.data.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(page1.nextCursor).toBe('4');
    const page2 = await body(await call(`/v1/events?after=${page1.nextCursor}&limit=4`, { headers: t.headers }));
    expect(page2.data.map((e: { seq: number }) => e.seq)).toEqual([5, 6]);
    expect(page2.nextCursor).toBe('6');
    const empty = await body(await call('/v1/events?after=6', { headers: t.headers }));
    expect(empty).toEqual({ data: [], nextCursor: '6' });
    const middle = await body(await call('/v1/events?after=2&limit=2', { headers: t.headers }));
    expect(middle.data.map((e: { seq: number }) => e.seq)).toEqual([3, 4]);

    for (const q of ['limit=0', 'limit=1001', 'after=-1', 'after=x']) {
      await expectProblem(await call(`/v1/events?${q}`, { headers: t.headers }), 422, 'validation_failed');
    }
  });

  it('keeps the sequence gapless and unique under concurrent writes', async () => {
    const t = await createTenant();
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => putProduct(t, `c${i}`)),
      postBatch(t, [product('b1'), product('b2')]),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201, 201, 201, 201, 201, 201, 201, 201]);
    const events = await feed(t);
    // 8 x (created + job) + batch (2 created + job)
    expect(events).toHaveLength(19);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const numbers = events.filter((e) => e.type === 'product.created').map((e) => e.data.number as number);
    expect(new Set(numbers).size).toBe(10);
  });

  it('keeps tenants\' sequences independent', async () => {
    const a = await createTenant();
    const b = await createTenant();
    await putProduct(a, 'a1');
    await putProduct(a, 'a2');
    await putProduct(b, 'b1');
    await putProduct(a, 'a3');
    const ea = await feed(a);
    const eb = await feed(b);
    expect(ea.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(eb.map((e) => e.seq)).toEqual([1, 2]);
    expect(eb.map((e) => e.data.productId ?? null)).toEqual(['b1', null]);
    expect(ea.filter((e) => e.type.startsWith('product.')).map((e) => e.data.productId)).toEqual(['a1', 'a2', 'a3']);
  });
});
