/**
 * The product list's SQL: ONE statement per filter shape, each on an index that serves its order, so
 * a page costs the same at 10k and 1M products. A catch-all `(? IS NULL OR col = ?)` predicate lets
 * SQLite pick one plan for every shape: with `updated_since` it walked `products_tenant_number` and
 * checked `updated_at` row by row (1M products, an `updated_since` of a minute ago: ~1.08 s against
 * ~27 ms at 10k). Each shape's plan is asserted in test/catalog/list-plans.test.ts.
 *
 * The JSON fields a list filters on are VIRTUAL generated columns of `products` (db/schema.ts), each
 * with a partial index `(tenant_id, column, number) WHERE column IS NOT NULL`: `column = ?` implies
 * `IS NOT NULL`, which is what lets SQLite use a partial index.
 *
 * `?1` is always the tenant. Other parameters are numbered by `Binder` in the order they are added.
 */
import { COLUMNS } from './products.queries';

/** The generated columns of the JSON fields a list can filter on. */
export const FIELD = {
  brand: 'p.brand',
  gtin: 'p.gtin',
  itemGroupId: 'p.item_group_id',
  active: 'p.active',
  productType: 'p.product_type',
} as const;

/** Numbers the bound parameters (`?2`, `?3`, ...) in the order a statement adds them. */
export class Binder {
  readonly params: unknown[];
  constructor(tenantId: string) {
    this.params = [tenantId];
  }
  add(value: unknown): string {
    this.params.push(value);
    return `?${this.params.length}`;
  }
}

/**
 * Where a page starts, in the shape's own order. `n` is the last number seen (0 = from the start);
 * `u` / `t` / `r` the last updated_at / productType / FTS rowid for the shapes ordered by them.
 */
export interface KeyAfter {
  n: number;
  u?: number;
  t?: string;
  r?: number;
}

/** The index each shape walks; the test asserts the plan names it. */
export const SHAPES = {
  all: 'products_tenant_number',
  status: 'products_tenant_status',
  brand: 'products_tenant_brand',
  gtin: 'products_tenant_gtin',
  itemGroupId: 'products_tenant_item_group',
  active: 'products_tenant_active',
  updatedSince: 'products_tenant_updated',
  productType: 'products_tenant_product_type',
  q: 'products_fts',
} as const;
export type Shape = keyof typeof SHAPES;

/** What a page is filtered by (already validated). `productType` is a prefix; `q` an FTS5 MATCH expression. */
export interface ListFilter {
  status?: string;
  brand?: string;
  gtin?: string;
  itemGroupId?: string;
  active?: boolean;
  updatedSince?: number;
  productType?: string;
  q?: string;
}

/** The columns every product read returns (rows: ProductWithImagesRow), plus the page's key columns. */
export const PAGE_COLUMNS = COLUMNS;
export const KEY_COLUMNS = `p.number AS k_n, p.updated_at AS k_u, ${FIELD.productType} AS k_t`;

/** Key columns of a page row; k_r only on the search shape. */
export interface PageKeyRow {
  k_n: number;
  k_u: number;
  k_t: string | null;
  k_r?: number;
}

/** One scanned row of a combined filter: its keys and whether the other filters hold. */
export type ScanRow = PageKeyRow & { ok: number };

/** The highest code point: `prefix || char(0x10FFFF)` is above every string that starts with the prefix. */
const AFTER_PREFIX = 'char(1114111)';

/**
 * The body of a page statement for one shape: `select` (which may reference `p`, and `f` for search)
 * over the shape's index, in its order, after `key`, at most `limit` rows.
 */
export function shapeStatement(shape: Shape, filter: ListFilter, key: KeyAfter, select: string, limit: number, b: Binder): string {
  const tenant = 'p.tenant_id = ?1';
  switch (shape) {
    case 'all':
      return `SELECT ${select} FROM products AS p WHERE ${tenant} AND p.number > ${b.add(key.n)} ORDER BY p.number LIMIT ${b.add(limit)}`;
    case 'status':
      return `SELECT ${select} FROM products AS p WHERE ${tenant} AND p.status = ${b.add(filter.status)} AND p.number > ${b.add(key.n)} ORDER BY p.number LIMIT ${b.add(limit)}`;
    case 'brand':
    case 'gtin':
    case 'itemGroupId':
    case 'active': {
      const value = shape === 'active' ? (filter.active ? 1 : 0) : filter[shape];
      return `SELECT ${select} FROM products AS p WHERE ${tenant} AND ${FIELD[shape]} = ${b.add(value)} AND p.number > ${b.add(key.n)} ORDER BY p.number LIMIT ${b.add(limit)}`;
    }
    case 'updatedSince': {
      // The first page starts at (since, 0): numbers start at 1, so that is `updated_at >= since`.
      const u = key.u ?? filter.updatedSince!;
      return `SELECT ${select} FROM products AS p WHERE ${tenant} AND (p.updated_at, p.number) > (${b.add(u)}, ${b.add(key.n)}) ORDER BY p.updated_at, p.number LIMIT ${b.add(limit)}`;
    }
    case 'productType': {
      // The first page starts at (prefix, 0): every type >= the prefix, as numbers start at 1.
      const t = key.t ?? filter.productType!;
      const type = FIELD.productType;
      return `SELECT ${select} FROM products AS p WHERE ${tenant} AND (${type}, p.number) > (${b.add(t)}, ${b.add(key.n)}) AND ${type} < ${b.add(filter.productType)} || ${AFTER_PREFIX} ORDER BY ${type}, p.number LIMIT ${b.add(limit)}`;
    }
    case 'q':
      // The tenant is part of the MATCH expression (see ftsMatch), so FTS5 reads this tenant's
      // postings only; `p.tenant_id` is checked again on the row.
      return `SELECT ${select}, f.rowid AS k_r FROM products_fts AS f CROSS JOIN products AS p ON p.rowid = f.rowid
WHERE products_fts MATCH ${b.add(filter.q)} AND f.rowid > ${b.add(key.r ?? 0)} AND ${tenant} ORDER BY f.rowid LIMIT ${b.add(limit)}`;
  }
}

/** The other filters of a combination, checked on each scanned row (one predicate per filter, no catch-alls). */
export function residualPredicate(filter: ListFilter, skip: Shape, b: Binder): string {
  const terms: string[] = [];
  if (filter.status !== undefined && skip !== 'status') terms.push(`p.status = ${b.add(filter.status)}`);
  for (const field of ['brand', 'gtin', 'itemGroupId'] as const) {
    if (filter[field] !== undefined && skip !== field) terms.push(`${FIELD[field]} = ${b.add(filter[field])}`);
  }
  if (filter.active !== undefined && skip !== 'active') terms.push(`${FIELD.active} = ${b.add(filter.active ? 1 : 0)}`);
  if (filter.updatedSince !== undefined && skip !== 'updatedSince') terms.push(`p.updated_at >= ${b.add(filter.updatedSince)}`);
  if (filter.productType !== undefined && skip !== 'productType') {
    const prefix = b.add(filter.productType);
    terms.push(`(${FIELD.productType} >= ${prefix} AND ${FIELD.productType} < ${prefix} || ${AFTER_PREFIX})`);
  }
  if (filter.q !== undefined && skip !== 'q') terms.push(`EXISTS (SELECT 1 FROM products_fts WHERE products_fts MATCH ${b.add(filter.q)} AND rowid = p.rowid)`);
  return terms.length > 0 ? terms.join(' AND ') : '1';
}

/** ?1 tenant, ?2 JSON array of numbers: those products with their images, in the array's order. */
export const SELECT_PAGE_BY_NUMBERS = `SELECT ${PAGE_COLUMNS} FROM json_each(?2) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.number = j.value ORDER BY j.key`;
