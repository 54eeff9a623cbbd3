/** GET /v1/products filters: each alone, combined (bounded scan), the title search, cursors, tenant isolation. */
import { describe, expect, it } from 'vitest';
import { MAX_SCANNED_ROWS } from '../../src/catalog/read-products';
import { encodeCursor } from '../../src/lib/cursor';
import { body, call, createTenant, expectProblem, postBatch, product, type TestTenant } from '../helpers/api';

async function list(t: TestTenant, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await call(`/v1/products?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: t.headers });
    expect(res.status, await res.clone().text()).toBe(200);
    const page = await body(res);
    ids.push(...page.data.map((p: { id: string }) => p.id));
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(50);
  } while (cursor);
  return { ids, pages };
}

const CATALOG = [
  product('a1', { brand: 'Acme', gtin: '4006381333931', itemGroupId: 'shirt', productType: 'KIDS > MALE > TOPS', active: true, title: 'Blue cotton shirt' }),
  product('a2', { brand: 'Acme', itemGroupId: 'shirt', productType: 'KIDS > MALE > BOTTOMS', active: false, title: 'Red trousers' }),
  product('b1', { brand: 'Bolt', productType: 'KIDS > FEMALE', active: true, title: 'Blue dress', localizations: { 'fr-FR': { title: 'Robe bleue' } } }),
  product('b2', { brand: 'Bolt', productType: 'KIDS > MALE', title: 'Chemise à carreaux' }),
  product('c1', { brand: 'Acme', productType: 'ADULT > MALE', active: true, title: 'Blueberry hat' }),
];

async function seeded(): Promise<TestTenant> {
  const t = await createTenant();
  expect((await postBatch(t, CATALOG)).status).toBe(200);
  return t;
}

describe('GET /v1/products filters', () => {
  it('each filter alone, paged one at a time', async () => {
    const t = await seeded();
    expect((await list(t, 'limit=1&brand=Acme')).ids).toEqual(['a1', 'a2', 'c1']);
    expect((await list(t, 'limit=1&gtin=4006381333931')).ids).toEqual(['a1']);
    expect((await list(t, 'limit=1&itemGroupId=shirt')).ids).toEqual(['a1', 'a2']);
    expect((await list(t, 'limit=1&active=true')).ids).toEqual(['a1', 'b1', 'c1']);
    expect((await list(t, 'limit=1&active=false')).ids).toEqual(['a2']);
    // A prefix, in productType order: BOTTOMS < TOPS, and "KIDS > MALE" itself first.
    expect((await list(t, `limit=1&productType=${encodeURIComponent('KIDS > MALE')}`)).ids).toEqual(['b2', 'a2', 'a1']);
    expect((await list(t, `limit=2&productType=KIDS`)).ids).toEqual(['b1', 'b2', 'a2', 'a1']);
    expect((await list(t, 'limit=1&status=done')).ids).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
  });

  it('searches titles and localized titles (all words, the last as a prefix, accents folded)', async () => {
    const t = await seeded();
    expect((await list(t, 'limit=1&q=blue')).ids).toEqual(['a1', 'b1', 'c1']);
    expect((await list(t, 'q=blue%20shirt')).ids).toEqual(['a1']);
    expect((await list(t, 'q=bleue')).ids).toEqual(['b1']);
    expect((await list(t, 'q=chemise%20a')).ids).toEqual(['b2']);
    expect((await list(t, 'q=%22blue%22%20OR%20NEAR(')).ids).toEqual([]); // FTS5 syntax is text here
    // The search follows writes: a new title is found, the old one no longer.
    expect((await call('/v1/products/a2', { method: 'PATCH', headers: t.headers, json: { title: 'Green trousers' } })).status).toBe(200);
    expect((await list(t, 'q=green')).ids).toEqual(['a2']);
    expect((await list(t, 'q=red')).ids).toEqual([]);
    expect((await call('/v1/products/a2', { method: 'DELETE', headers: t.headers })).status).toBe(204);
    expect((await list(t, 'q=green')).ids).toEqual([]);
  });

  it('combines filters', async () => {
    const t = await seeded();
    expect((await list(t, 'limit=1&brand=Acme&active=true')).ids).toEqual(['a1', 'c1']);
    expect((await list(t, 'brand=Bolt&q=blue')).ids).toEqual(['b1']);
    expect((await list(t, `brand=Acme&productType=KIDS&itemGroupId=shirt&active=false`)).ids).toEqual(['a2']);
    expect((await list(t, 'gtin=4006381333931&brand=Bolt')).ids).toEqual([]);
    // The search as the filter checked on the rows another index reads.
    expect((await list(t, 'itemGroupId=shirt&q=blue')).ids).toEqual(['a1']);
    expect((await list(t, 'gtin=4006381333931&q=trousers')).ids).toEqual([]);
  });

  it(`a combination reads at most ${MAX_SCANNED_ROWS} rows per page, then ends the page early with a cursor`, async () => {
    const t = await createTenant();
    const many = Array.from({ length: MAX_SCANNED_ROWS + 5 }, (_, i) => ({ id: `p${i}`, title: `P${i}`, brand: 'Acme', active: i === MAX_SCANNED_ROWS + 2 }));
    expect((await postBatch(t, many.slice(0, 1000))).status).toBe(200);
    expect((await postBatch(t, many.slice(1000))).status).toBe(200);
    const first = await body(await call('/v1/products?brand=Acme&active=true&limit=10', { headers: t.headers }));
    expect(first.data).toEqual([]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await body(await call(`/v1/products?brand=Acme&active=true&limit=10&cursor=${encodeURIComponent(first.nextCursor)}`, { headers: t.headers }));
    expect(second.data.map((p: { id: string }) => p.id)).toEqual([`p${MAX_SCANNED_ROWS + 2}`]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses bad values field by field', async () => {
    const t = await createTenant();
    for (const [query, field] of [
      ['gtin=12ab', 'gtin'],
      ['active=yes', 'active'],
      ['brand=', 'brand'],
      ['productType=', 'productType'],
      ['q=', 'q'],
      ['q=%20%2B%2D', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      [`itemGroupId=${'g'.repeat(129)}`, 'itemGroupId'],
    ] as const) {
      const problem = await expectProblem(await call(`/v1/products?${query}`, { headers: t.headers }), 422, 'validation_failed');
      expect(problem.errors!.map((e) => e.path), query).toEqual([`query.${field}`]);
    }
  });

  it('a cursor works only with the filters it was issued for; an old-shape cursor says to restart (400)', async () => {
    const t = await seeded();
    const page = await body(await call('/v1/products?brand=Acme&limit=1', { headers: t.headers }));
    const other = await call(`/v1/products?brand=Bolt&limit=1&cursor=${encodeURIComponent(page.nextCursor)}`, { headers: t.headers });
    const problem = await expectProblem(other, 400, 'bad_request');
    expect(problem.detail).toMatch(/restart the listing/);
    expect(problem.errors).toEqual([{ path: 'query.cursor', message: expect.stringMatching(/Restart/) }]);
    // A cursor issued before this version ({n}): still valid where the order is unchanged (number),
    // 400 where it changed (updated_since is now read in updatedAt order).
    const legacy = encodeCursor({ n: 1 });
    expect((await list(t, `cursor=${legacy}`)).ids).toEqual(['a2', 'b1', 'b2', 'c1']);
    const delta = await call(`/v1/products?updated_since=2020-01-01T00:00:00Z&cursor=${legacy}`, { headers: t.headers });
    expect((await expectProblem(delta, 400, 'bad_request')).detail).toMatch(/restart the listing/);
  });

  it('never shows another tenant’s products, whatever the filter', async () => {
    const t = await seeded();
    const other = await createTenant();
    expect((await postBatch(other, [product('x1', { brand: 'Acme', gtin: '4006381333931', itemGroupId: 'shirt', productType: 'KIDS', active: true, title: 'Blue shirt' })])).status).toBe(200);
    for (const query of ['brand=Acme', 'gtin=4006381333931', 'itemGroupId=shirt', 'productType=KIDS', 'active=true', 'q=blue', 'status=done', 'updated_since=2020-01-01T00:00:00Z', 'brand=Acme&q=blue']) {
      expect((await list(other, query)).ids, query).toEqual(['x1']);
      expect((await list(t, query)).ids, query).not.toContain('x1');
    }
    // A cursor of one tenant's listing read with another tenant's key shows only that tenant's rows.
    const page = await body(await call('/v1/products?q=blue&limit=1', { headers: t.headers }));
    const res = await body(await call(`/v1/products?q=blue&limit=10&cursor=${encodeURIComponent(page.nextCursor)}`, { headers: other.headers }));
    expect(res.data.map((p: { id: string }) => p.id)).not.toContain('a1');
  });
});
