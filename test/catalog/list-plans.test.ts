/**
 * Every product-list statement walks an index that serves its order: its plan names that index and
 * never sorts (`USE TEMP B-TREE FOR ORDER BY` would mean reading every matching row before the first
 * one is returned, which is how `updated_since` went from ~27 ms to ~1.08 s at 1M products). Plans are
 * read through D1 itself (EXPLAIN QUERY PLAN), on the migrated schema.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Binder, KEY_COLUMNS, type ListFilter, PAGE_COLUMNS, residualPredicate, SHAPES, type Shape, shapeStatement } from '../../src/catalog/list.queries';
import { ftsMatch } from '../../src/catalog/list-filters';
import { shapeOf } from '../../src/catalog/read-products';
import { SELECT_PAGE_BY_OFFSET } from '../../src/catalog/lookups.queries';
import { SELECT_FEED_PAGE } from '../../src/events/feed.queries';
import { BEFORE_ANY_JOB, SELECT_JOBS_PAGE, SELECT_JOBS_PAGE_BY_STATUS } from '../../src/jobs/jobs-list.queries';

async function plan(sql: string, params: unknown[]): Promise<string> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail).join('\n');
}

const TENANT = 'ten_plan';

/** One filter of each shape, with a value of the right type. */
const SINGLE: Record<Shape, ListFilter> = {
  all: {},
  status: { status: 'done' },
  brand: { brand: 'Acme' },
  gtin: { gtin: '4006381333931' },
  itemGroupId: { itemGroupId: 'g1' },
  active: { active: true },
  updatedSince: { updatedSince: 1_700_000_000_000 },
  productType: { productType: 'KIDS > MALE' },
  q: { q: ftsMatch(TENANT, 'blue shirt') },
};

function expectServed(detail: string, index: string) {
  const uses = index === 'products_fts' ? 'SCAN f VIRTUAL TABLE' : `USING INDEX ${index} `;
  expect(detail, detail).toContain(uses);
  expect(detail).not.toContain('TEMP B-TREE');
  // No full scan of products: every access to it is an index search or a rowid lookup.
  expect(detail).not.toMatch(/SCAN p\b/);
}

describe('product list plans', () => {
  for (const [shape, filter] of Object.entries(SINGLE) as Array<[Shape, ListFilter]>) {
    it(`${shape}: one statement on ${SHAPES[shape]}, in its order, first page and after a cursor`, async () => {
      expect(shapeOf(filter)).toBe(shape);
      for (const after of [{ n: 0 }, { n: 41, u: 1_700_000_000_500, t: 'KIDS > MALE > BOTTOMS', r: 7 }]) {
        const b = new Binder(TENANT);
        const sql = shapeStatement(shape, filter, after, `${PAGE_COLUMNS}, ${KEY_COLUMNS}`, 101, b);
        expect(sql).not.toMatch(/IS NULL OR/i);
        const detail = await plan(sql, b.params);
        expectServed(detail, SHAPES[shape]);
        if (shape !== 'q') expect(detail).toMatch(new RegExp(`SEARCH p USING INDEX ${SHAPES[shape]} \\(tenant_id=\\?`));
      }
    });
  }

  it('the search reads one tenant of the FTS index and each product by rowid', async () => {
    const b = new Binder(TENANT);
    const detail = await plan(shapeStatement('q', SINGLE.q, { n: 0 }, PAGE_COLUMNS, 10, b), b.params);
    expect(detail).toContain('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('a combination walks its most selective filter and checks the others on the rows it reads', async () => {
    const combos: ListFilter[] = [
      { brand: 'Acme', status: 'done', active: true },
      { gtin: '4006381333931', brand: 'Acme' },
      { updatedSince: 1, status: 'error' },
      { productType: 'KIDS', active: false, itemGroupId: 'g1' },
      { q: ftsMatch(TENANT, 'shirt'), brand: 'Acme', updatedSince: 1 },
      { status: 'done', active: true },
    ];
    for (const filter of combos) {
      const shape = shapeOf(filter);
      const b = new Binder(TENANT);
      const residual = residualPredicate(filter, shape, b);
      const detail = await plan(shapeStatement(shape, filter, { n: 0 }, `${KEY_COLUMNS}, (${residual}) AS ok`, 1000, b), b.params);
      expectServed(detail, SHAPES[shape]);
    }
  });

  it('the events feed walks events_tenant_seq in order', async () => {
    const detail = await plan(SELECT_FEED_PAGE, [TENANT, 0, 100]);
    expect(detail).toContain('USING INDEX events_tenant_seq (tenant_id=? AND seq>?)');
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('the jobs list walks jobs_tenant, or jobs_tenant_status with a status, newest first', async () => {
    const all = await plan(SELECT_JOBS_PAGE, [TENANT, BEFORE_ANY_JOB, 51]);
    expect(all).toContain('USING INDEX jobs_tenant (tenant_id=? AND id<?)');
    const byStatus = await plan(SELECT_JOBS_PAGE_BY_STATUS, [TENANT, 'failed', BEFORE_ANY_JOB, 51]);
    expect(byStatus).toContain('USING INDEX jobs_tenant_status (tenant_id=? AND status=? AND id<?)');
    for (const detail of [all, byStatus]) expect(detail).not.toContain('TEMP B-TREE');
  });

  it("Robosize's offset page skips on the number index, then reads the page from there in order", async () => {
    const detail = await plan(SELECT_PAGE_BY_OFFSET, [TENANT, 50, 9000]);
    expect(detail).toContain('SEARCH s USING COVERING INDEX products_tenant_number (tenant_id=?)');
    expect(detail).toContain('SEARCH p USING INDEX products_tenant_number (tenant_id=? AND number>?)');
    // The only sort is each product's first image by position (a product's few images), never the page.
    const lines = detail.split('\n');
    lines.forEach((line, i) => {
      if (line.includes('TEMP B-TREE')) expect(lines[i - 1]).toContain('images_product_key');
    });
  });
});
