/** PUT / PATCH / GET / DELETE /v1/products/{id} and GET /v1/products. */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem, feed, patchProduct, product, productEvents, putProduct, type TestTenant } from '../helpers/api';

async function get(t: TestTenant, id: string) {
  return call(`/v1/products/${encodeURIComponent(id)}`, { headers: t.headers });
}

describe('PUT /v1/products/{id}', () => {
  it('creates (201 + Location) then replaces (200), bumping the version only on change', async () => {
    const t = await createTenant();
    const created = await putProduct(t, 'p1', product('p1', { color: 'Blue', quantity: 5 }));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/products/p1');
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('job-id')).toMatch(/^job_/);
    const first = await body(created);
    expect(first).toMatchObject({ id: 'p1', number: 1, version: 1, status: 'done', color: 'Blue', quantity: 5, title: 'Product p1', images: [] });
    expect(first.createdAt).toMatch(/Z$/);
    expect(first.updatedAt).toBe(first.createdAt);

    // PUT replaces the whole document: fields not sent are gone.
    const replaced = await putProduct(t, 'p1', product('p1', { quantity: 6 }));
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).toBe('"2"');
    const second = await body(replaced);
    expect(second).toMatchObject({ id: 'p1', number: 1, version: 2, quantity: 6 });
    expect(second).not.toHaveProperty('color');
    expect(second.createdAt).toBe(first.createdAt);

    const read = await body(await get(t, 'p1'));
    expect(read).toEqual(second);
  });

  it('keeps the version and emits no product event for an unchanged write', async () => {
    const t = await createTenant();
    // Same content, different key order and money notation.
    expect((await putProduct(t, 'p1', { title: 'T', prices: { USD: { amount: '10.00' } }, sizes: ['S'] })).status).toBe(201);
    const before = await productEvents(t, 'p1');
    expect(before.map((e) => e.type)).toEqual(['product.created']);

    const same = await putProduct(t, 'p1', { sizes: ['S'], prices: { USD: { amount: 10 } }, title: 'T' });
    expect(same.status).toBe(200);
    expect(same.headers.get('etag')).toBe('"1"');
    const unchanged = await body(same);
    expect(unchanged.version).toBe(1);
    expect(await productEvents(t, 'p1')).toEqual(before);

    const job = await body(await call(`/v1/jobs/${same.headers.get('job-id')}`, { headers: t.headers }));
    expect(job).toMatchObject({ status: 'completed', counts: { total: 1, succeeded: 1, unchanged: 1, created: 0, updated: 0 } });
  });

  it('never reuses a number, even after a delete', async () => {
    const t = await createTenant();
    expect((await body(await putProduct(t, 'a'))).number).toBe(1);
    expect((await body(await putProduct(t, 'b'))).number).toBe(2);
    expect((await call('/v1/products/b', { method: 'DELETE', headers: t.headers })).status).toBe(204);
    expect((await body(await putProduct(t, 'b'))).number).toBe(3);
    expect((await body(await putProduct(t, 'c'))).number).toBe(4);
  });
});

describe('PATCH /v1/products/{id}', () => {
  it('applies a JSON Merge Patch: objects merge, null removes, arrays replace', async () => {
    const t = await createTenant();
    await putProduct(
      t,
      'p1',
      product('p1', { color: 'Blue', sizes: ['S', 'M'], metadata: { season: 'SS25', keep: 1 }, prices: { USD: { amount: '25.00' }, EUR: { amount: '23.00' } } }),
    );
    const res = await patchProduct(t, 'p1', {
      color: null,
      sizes: ['XL'],
      metadata: { season: 'FW25', added: true, keep: null },
      prices: { EUR: null, JPY: { amount: '3900' }, USD: { sale: { amount: '19.99' } } },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(res.headers.get('job-id')).toMatch(/^job_/);
    const patched = await body(res);
    expect(patched).not.toHaveProperty('color');
    expect(patched).toMatchObject({ id: 'p1', version: 2, title: 'Product p1', brand: 'Acme', sizes: ['XL'], metadata: { season: 'FW25', added: true } });
    expect(patched.metadata).not.toHaveProperty('keep');
    expect(patched.prices).toEqual({ USD: { amount: '25.00', amountMicros: '25000000', sale: { amount: '19.99', amountMicros: '19990000' } }, JPY: { amount: '3900', amountMicros: '3900000000' } });
    expect(await body(await get(t, 'p1'))).toEqual(patched);
  });

  it('accepts application/merge-patch+json', async () => {
    const t = await createTenant();
    await putProduct(t, 'p1');
    const res = await call('/v1/products/p1', {
      method: 'PATCH',
      headers: { ...t.headers, 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ title: 'Merged' }),
    });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ title: 'Merged', version: 2 });
  });

  it('honours If-Match: the current ETag passes, a stale one is 412 and writes nothing', async () => {
    const t = await createTenant();
    const etag1 = (await putProduct(t, 'p1')).headers.get('etag')!;
    const ok = await patchProduct(t, 'p1', { title: 'v2' }, { 'if-match': etag1 });
    expect(ok.status).toBe(200);
    const etag2 = ok.headers.get('etag')!;
    expect(etag2).toBe('"2"');

    const stale = await patchProduct(t, 'p1', { title: 'lost update' }, { 'if-match': etag1 });
    await expectProblem(stale, 412, 'precondition_failed');
    const garbage = await patchProduct(t, 'p1', { title: 'lost update' }, { 'if-match': 'not-an-etag' });
    await expectProblem(garbage, 412, 'precondition_failed');

    const read = await get(t, 'p1');
    // A read's tag also covers what moves without a new version (status, images): the version leads it.
    expect(read.headers.get('etag')).toMatch(/^"2-[\w-]+"$/);
    expect(await body(read)).toMatchObject({ title: 'v2', version: 2 });
    expect((await productEvents(t, 'p1')).map((e) => e.type)).toEqual(['product.created', 'product.updated']);

    const weak = await patchProduct(t, 'p1', { title: 'v3' }, { 'if-match': `W/${etag2}` });
    expect(weak.status).toBe(200);
    expect((await body(weak)).version).toBe(3);
  });

  it('re-validates the merged product and cannot change the id', async () => {
    const t = await createTenant();
    await putProduct(t, 'p1');
    const bad = await patchProduct(t, 'p1', { prices: { USD: { amount: '1.0000001' } }, gender: 'nope' });
    const problem = await expectProblem(bad, 422, 'validation_failed');
    expect(problem.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['/prices/USD/amount', '/gender']));
    await expectProblem(await patchProduct(t, 'p1', { id: 'p2' }), 422, 'validation_failed');
    await expectProblem(await patchProduct(t, 'p1', { unknownField: 1 }), 422, 'validation_failed');
    expect((await body(await get(t, 'p1'))).version).toBe(1);
  });

  it('answers 404 for a product that does not exist, and creates nothing', async () => {
    const t = await createTenant();
    await expectProblem(await patchProduct(t, 'ghost', { title: 'x' }), 404, 'not_found');
    await expectProblem(await get(t, 'ghost'), 404, 'not_found');
  });

  it('keeps the version for a patch that changes nothing', async () => {
    const t = await createTenant();
    await putProduct(t, 'p1', product('p1', { color: 'Blue' }));
    const res = await patchProduct(t, 'p1', { color: 'Blue' });
    expect(res.status).toBe(200);
    expect((await body(res)).version).toBe(1);
    expect((await productEvents(t, 'p1')).length).toBe(1);
  });
});

describe('GET and DELETE /v1/products/{id}', () => {
  it('reads a product with its ETag; 404 when absent', async () => {
    const t = await createTenant();
    await putProduct(t, 'p1');
    const res = await get(t, 'p1');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"1-[\w-]+"$/);
    expect(await body(res)).toMatchObject({ id: 'p1', number: 1, version: 1, prices: { USD: { amount: '25.00' } } });
    await expectProblem(await get(t, 'p2'), 404, 'not_found');
  });

  it('deletes (204) and leaves a product.deleted tombstone event', async () => {
    const t = await createTenant();
    await putProduct(t, 'p1');
    await patchProduct(t, 'p1', { title: 'v2' });
    const del = await call('/v1/products/p1', { method: 'DELETE', headers: t.headers });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    const jobId = del.headers.get('job-id');
    expect(jobId).toMatch(/^job_/);

    await expectProblem(await get(t, 'p1'), 404, 'not_found');
    const events = await productEvents(t, 'p1');
    expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated', 'product.deleted']);
    expect(events[2]!.data).toMatchObject({ productId: 'p1', number: 1, version: 2 });

    const job = await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }));
    expect(job).toMatchObject({ id: jobId, status: 'completed', counts: { deleted: 1 } });

    // Deleting again: nothing there.
    await expectProblem(await call('/v1/products/p1', { method: 'DELETE', headers: t.headers }), 404, 'not_found');
    const list = await body(await call('/v1/products', { headers: t.headers }));
    expect(list.data).toEqual([]);
  });
});

describe('GET /v1/products', () => {
  async function pages(t: TestTenant, query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let count = 0;
    do {
      const res = await call(`/v1/products?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: t.headers });
      expect(res.status).toBe(200);
      const page = await body(res);
      expect(page.data.length).toBeLessThanOrEqual(limit);
      ids.push(...page.data.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
      count += 1;
      expect(count).toBeLessThan(100);
    } while (cursor);
    return { ids, pages: count };
  }

  it('pages with a keyset cursor in a stable order, without duplicates or gaps', async () => {
    const t = await createTenant();
    const all = ['k', 'c', 'x', 'a', 'q', 'b', 'z'];
    for (const id of all) await putProduct(t, id);

    const { ids, pages: count } = await pages(t, '', 3);
    expect(ids).toEqual(all); // creation (number) order, not id order
    expect(count).toBe(3);

    // Pages stay consistent while products change between requests.
    const first = await body(await call('/v1/products?limit=3', { headers: t.headers }));
    expect(first.data.map((p: { id: string }) => p.id)).toEqual(['k', 'c', 'x']);
    await patchProduct(t, 'k', { title: 'touched' }); // already seen: must not come back
    await patchProduct(t, 'q', { title: 'touched' }); // not seen yet: must come exactly once
    await putProduct(t, 'new'); // created meanwhile: appears at the end
    const rest: string[] = [];
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = await body(await call(`/v1/products?limit=3&cursor=${encodeURIComponent(cursor)}`, { headers: t.headers }));
      rest.push(...page.data.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(['a', 'q', 'b', 'z', 'new']);
  });

  it('returns a null cursor on the last page and an empty list for a new tenant', async () => {
    const t = await createTenant();
    expect(await body(await call('/v1/products', { headers: t.headers }))).toEqual({ data: [], nextCursor: null });
    await putProduct(t, 'a');
    await putProduct(t, 'b');
    const exact = await body(await call('/v1/products?limit=2', { headers: t.headers }));
    expect(exact.data.map((p: { id: string }) => p.id)).toEqual(['a', 'b']);
    expect(exact.nextCursor).toBeNull();
  });

  it('bounds limit to 1..200 and refuses a forged cursor (422)', async () => {
    const t = await createTenant();
    for (const q of ['limit=201', 'limit=0', 'limit=abc', 'cursor=bm9wZQ', 'cursor=%%%', 'status=finished', 'updated_since=yesterday']) {
      const problem = await expectProblem(await call(`/v1/products?${q}`, { headers: t.headers }), 422, 'validation_failed');
      expect(problem.errors!.length, q).toBeGreaterThan(0);
      expect(problem.errors![0]!.path, q).toContain(q.split('=')[0]!);
    }
    expect((await call('/v1/products?limit=200', { headers: t.headers })).status).toBe(200);
  });

  it('filters by updated_since and status', async () => {
    const t = await createTenant();
    await putProduct(t, 'old1');
    await putProduct(t, 'old2');
    const oldAt = (await body(await get(t, 'old2'))).updatedAt as string;
    await new Promise((r) => setTimeout(r, 15));
    const since = new Date(Date.parse(oldAt) + 5).toISOString();
    await new Promise((r) => setTimeout(r, 15));
    await putProduct(t, 'new1');
    await patchProduct(t, 'old1', { title: 'changed' });
    await putProduct(t, 'img', product('img', { images: [{ id: 'front', source: { url: 'http://127.0.0.1:9/front.jpg' } }] }));

    // A delta read is in the order of the changes (updatedAt, then number), on its own index.
    const recent = await pages(t, `&updated_since=${encodeURIComponent(since)}`, 2);
    expect(recent.ids).toEqual(['new1', 'old1', 'img']);
    const offset = since.replace('Z', '+00:00');
    expect((await pages(t, `&updated_since=${encodeURIComponent(offset)}`, 50)).ids).toEqual(['new1', 'old1', 'img']);

    const img = await body(await get(t, 'img'));
    expect(img.status).not.toBe('done');
    const done = await pages(t, '&status=done', 2);
    expect(done.ids).toEqual(['old1', 'old2', 'new1']);
    const notDone = await pages(t, `&status=${img.status}`, 2);
    expect(notDone.ids).toEqual(['img']);
    expect((await pages(t, '&status=error', 2)).ids).toEqual([]);
  });
});

describe('events of product writes', () => {
  it('numbers product events after the tenant sequence, with {productId, number, version}', async () => {
    const t = await createTenant();
    await putProduct(t, 'p1');
    await patchProduct(t, 'p1', { title: 'x' });
    const events = (await feed(t)).filter((e) => e.type.startsWith('product.'));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['product.created', { productId: 'p1', number: 1, version: 1 }],
      ['product.updated', { productId: 'p1', number: 1, version: 2 }],
    ]);
  });
});
