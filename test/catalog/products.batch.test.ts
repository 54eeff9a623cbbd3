/** POST /v1/products/batch: per-item results, partial commits, the job and its errors. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem, feed, postBatch, product, putProduct } from '../helpers/api';

describe('POST /v1/products/batch', () => {
  it('reports each item in input order and commits the valid ones when others fail', async () => {
    const t = await createTenant();
    await putProduct(t, 'existing', product('existing', { title: 'before' }));
    await putProduct(t, 'same', product('same'));

    const res = await postBatch(t, [
      product('n1'),
      product('bad1', { gtin: '123' }),
      product('existing', { title: 'after' }),
      product('n1', { title: 'duplicate' }),
      { title: 'no id' },
      product('same'),
      product('n2', { prices: { JPY: { amount: '1.5000001' } } }),
      product('n3'),
    ]);
    expect(res.status).toBe(200);
    const jobId = res.headers.get('job-id');
    expect(jobId).toMatch(/^job_/);
    const out = await body(res);
    expect(out.job.id).toBe(jobId);

    expect(out.results.map((r: Record<string, unknown>) => [r.index, r.id, r.ok, r.status])).toEqual([
      [0, 'n1', true, 'created'],
      [1, 'bad1', false, 'failed'],
      [2, 'existing', true, 'updated'],
      [3, 'n1', false, 'failed'],
      [4, null, false, 'failed'],
      [5, 'same', true, 'unchanged'],
      [6, 'n2', false, 'failed'],
      [7, 'n3', true, 'created'],
    ]);
    for (const r of out.results) {
      if (r.ok) expect(r).not.toHaveProperty('error');
      else expect(r.error.errors.length).toBeGreaterThan(0);
    }
    expect(out.results[1].error).toMatchObject({ code: 'validation_failed', errors: [{ path: '/gtin' }] });
    expect(out.results[3].error.code).toBe('duplicate_id');
    expect(out.results[3].error.errors[0].path).toBe('/id');
    expect(out.results[4].error.errors.map((e: { path: string }) => e.path)).toContain('/id');
    expect(out.results[6].error.errors.map((e: { path: string }) => e.path)).toContain('/prices/JPY/amount');
    expect(out.results[2]).toMatchObject({ version: 2, number: 1 });
    expect(out.results[5]).toMatchObject({ version: 1, number: 2 });

    expect(out.job).toMatchObject({
      kind: 'products.batch',
      status: 'partial',
      counts: { total: 8, succeeded: 4, failed: 4, created: 2, updated: 1, unchanged: 1, deleted: 0 },
    });

    // Committed: the valid items, and the first n1 (not the duplicate).
    expect(await body(await call('/v1/products/n1', { headers: t.headers }))).toMatchObject({ title: 'Product n1', version: 1 });
    expect((await body(await call('/v1/products/existing', { headers: t.headers }))).title).toBe('after');
    expect((await call('/v1/products/n3', { headers: t.headers })).status).toBe(200);
    await expectProblem(await call('/v1/products/bad1', { headers: t.headers }), 404);
    await expectProblem(await call('/v1/products/n2', { headers: t.headers }), 404);

    // The job is readable, and so are its item errors, in input order.
    const job = await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }));
    expect(job).toEqual(out.job);
    const errors = await body(await call(`/v1/jobs/${jobId}/errors`, { headers: t.headers }));
    expect(errors.nextCursor).toBeNull();
    expect(errors.data.map((e: Record<string, unknown>) => [e.index, e.itemId, e.code])).toEqual([
      [1, 'bad1', 'validation_failed'],
      [3, 'n1', 'duplicate_id'],
      [4, null, 'validation_failed'],
      [6, 'n2', 'validation_failed'],
    ]);
    expect(errors.data[0].errors).toEqual(out.results[1].error.errors);

    // One event per changed product, then the job's.
    const events = await feed(t);
    const batchEvents = events.slice(-4);
    expect(batchEvents.map((e) => [e.type, e.data.productId ?? e.data.jobId])).toEqual([
      ['product.created', 'n1'],
      ['product.updated', 'existing'],
      ['product.created', 'n3'],
      ['job.completed', jobId],
    ]);
  });

  it('pages job errors with a cursor', async () => {
    const t = await createTenant();
    const res = await postBatch(t, Array.from({ length: 5 }, (_, i) => product(`e${i}`, { gender: 'x' })));
    const jobId = res.headers.get('job-id');
    const first = await body(await call(`/v1/jobs/${jobId}/errors?limit=2`, { headers: t.headers }));
    expect(first.data.map((e: { index: number }) => e.index)).toEqual([0, 1]);
    const second = await body(await call(`/v1/jobs/${jobId}/errors?limit=2&cursor=${first.nextCursor}`, { headers: t.headers }));
    expect(second.data.map((e: { index: number }) => e.index)).toEqual([2, 3]);
    const third = await body(await call(`/v1/jobs/${jobId}/errors?limit=2&cursor=${second.nextCursor}`, { headers: t.headers }));
    expect(third.data.map((e: { index: number }) => e.index)).toEqual([4]);
    expect(third.nextCursor).toBeNull();
  });

  it('says completed when every item is valid and failed when none is', async () => {
    const t = await createTenant();
    const good = await body(await postBatch(t, [product('a'), product('b')]));
    expect(good.job).toMatchObject({ status: 'completed', counts: { total: 2, succeeded: 2, failed: 0, created: 2 } });
    expect(good.results.every((r: { ok: boolean }) => r.ok)).toBe(true);

    const badRes = await postBatch(t, [product('c', { gender: 'x' }), product('_anon_d'), { id: 'e', extra: true }, { title: 'no id' }]);
    expect(badRes.status).toBe(200);
    const bad = await body(badRes);
    expect(bad.job).toMatchObject({ status: 'failed', counts: { total: 4, succeeded: 0, failed: 4, created: 0, updated: 0, unchanged: 0 } });
    expect(bad.results.map((r: { index: number; ok: boolean }) => [r.index, r.ok])).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, false],
    ]);
    const { results } = await env.DB.prepare('SELECT id FROM products WHERE tenant_id = ?1 ORDER BY id').bind(t.id).all<{ id: string }>();
    expect(results.map((r) => r.id)).toEqual(['a', 'b']);

    // Re-sending the same batch changes nothing.
    const again = await body(await postBatch(t, [product('a'), product('b')]));
    expect(again.results.map((r: { status: string; version: number }) => [r.status, r.version])).toEqual([
      ['unchanged', 1],
      ['unchanged', 1],
    ]);
    expect(again.job).toMatchObject({ status: 'completed', counts: { unchanged: 2, created: 0, updated: 0 } });
  });

  it('takes 1000 items and refuses 1001 (422) without writing', async () => {
    const t = await createTenant();
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title: `B ${i}`, prices: { USD: { amount: '1.00' } } }));
    const tooMany = await postBatch(t, items(1001));
    const problem = await expectProblem(tooMany, 422, 'validation_failed');
    expect(problem.errors!.map((e) => e.path)).toContain('/products');
    const none = await env.DB.prepare('SELECT COUNT(*) AS n FROM products WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>();
    expect(none!.n).toBe(0);

    const res = await postBatch(t, items(1000));
    expect(res.status).toBe(200);
    const out = await body(res);
    expect(out.results).toHaveLength(1000);
    expect(out.results[999]).toMatchObject({ index: 999, id: 'b999', ok: true, status: 'created' });
    expect(out.job).toMatchObject({ status: 'completed', counts: { total: 1000, created: 1000 } });
    const numbers = new Set(out.results.map((r: { number: number }) => r.number));
    expect(numbers.size).toBe(1000);
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM products WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>();
    expect(count!.n).toBe(1000);
    // 1000 product events and one job event, contiguous from 1.
    const events = [...(await feed(t)), ...(await feed(t, 1000))];
    expect(events).toHaveLength(1001);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 1001 }, (_, i) => i + 1));
  });

  it('has its own body cap, above the 1 MB single-product one', async () => {
    const t = await createTenant();
    const items = Array.from({ length: 150 }, (_, i) => product(`big${i}`, { description: 'd'.repeat(8000) }));
    const res = await postBatch(t, items);
    expect(JSON.stringify({ products: items }).length).toBeGreaterThan(1024 * 1024);
    expect(res.status).toBe(200);
    expect((await body(res)).job).toMatchObject({ status: 'completed', counts: { created: 150 } });
  });

  it('refuses a body without a products array', async () => {
    const t = await createTenant();
    for (const json of [{}, { products: 'x' }, { items: [] }]) {
      const res = await call('/v1/products/batch', { method: 'POST', headers: t.headers, json });
      await expectProblem(res, 422, 'validation_failed');
    }
  });
});
