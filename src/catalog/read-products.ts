/**
 * Product reads. A product and its images come back in ONE query (images aggregated as JSON), so a
 * page of 200 products is one D1 round trip.
 */
import type { Db } from '../db/batch';
import type { ImageRow, ProductRow } from './model/render';
import {
  Binder,
  KEY_COLUMNS,
  type KeyAfter,
  type ListFilter,
  PAGE_COLUMNS,
  type PageKeyRow,
  residualPredicate,
  type ScanRow,
  SELECT_PAGE_BY_NUMBERS,
  type Shape,
  shapeStatement,
} from './list.queries';
import { type IndexedProductRow, type ProductWithImagesRow, SELECT_LOADED_BY_IDS, SELECT_LOADED_PRODUCT } from './products.queries';

export type { KeyAfter, ListFilter, Shape } from './list.queries';

export { SELECT_LOADED_BY_IDS };

export interface LoadedProduct {
  row: ProductRow;
  images: ImageRow[];
}

function split(row: ProductWithImagesRow): LoadedProduct {
  const { images_json, ...product } = row;
  return { row: product, images: JSON.parse(images_json) as ImageRow[] };
}

/** Rows of SELECT_LOADED_BY_IDS by position in the ids array. */
export function loadedByIndex(rows: IndexedProductRow[]): Map<number, LoadedProduct> {
  return new Map(rows.map(({ idx, ...row }) => [idx, split(row)]));
}

export async function loadProduct(db: Db, tenantId: string, id: string): Promise<LoadedProduct | null> {
  const row = await db.prepare(SELECT_LOADED_PRODUCT).bind(tenantId, id).first<ProductWithImagesRow>();
  return row ? split(row) : null;
}

/** How many rows of its index a page of a combined filter reads at most (documented in README "Limits"). */
export const MAX_SCANNED_ROWS = 1000;

/**
 * Which filter walks its index when several are given: the one that usually keeps the fewest rows
 * (a GTIN names a product or a few; a search or an item group, dozens; a brand or type, many; status
 * and active, a large share of the catalog). The others are checked on the rows it reads.
 */
const PRIORITY: readonly (keyof ListFilter & Shape)[] = ['gtin', 'itemGroupId', 'q', 'brand', 'productType', 'updatedSince', 'status', 'active'];

/** The shape that serves this filter: its most selective member, or the whole catalog by number. */
export function shapeOf(filter: ListFilter): Shape {
  return PRIORITY.find((shape) => filter[shape] !== undefined) ?? 'all';
}

const filterCount = (filter: ListFilter) => PRIORITY.filter((shape) => filter[shape] !== undefined).length;

export interface ListQuery {
  filter: ListFilter;
  limit: number;
  /** Where the previous page ended (null: from the start). */
  after: KeyAfter | null;
}

export interface ListPage {
  items: LoadedProduct[];
  /** Where the next page starts; null at the end. */
  next: KeyAfter | null;
}

const keyOf = (row: PageKeyRow): KeyAfter => ({ n: row.k_n, u: row.k_u, ...(row.k_t !== null ? { t: row.k_t } : {}), ...(row.k_r !== undefined ? { r: row.k_r } : {}) });

/**
 * One page. A single filter (or none) is one statement on its index in its order, one row more than
 * the page to know whether there is a next. A combination reads at most MAX_SCANNED_ROWS rows of the
 * most selective filter's index, checking the others on each; when that window ends before the page
 * is full, the page ends early with a cursor where the window stopped (fewer items, never a scan
 * that grows with the catalog).
 */
export async function listProductRows(db: Db, tenantId: string, query: ListQuery): Promise<ListPage> {
  const shape = shapeOf(query.filter);
  const after = query.after ?? { n: 0 };
  if (filterCount(query.filter) <= 1) {
    const b = new Binder(tenantId);
    const sql = shapeStatement(shape, query.filter, after, `${PAGE_COLUMNS}, ${KEY_COLUMNS}`, query.limit + 1, b);
    const { results } = await db.prepare(sql).bind(...b.params).all<ProductWithImagesRow & PageKeyRow>();
    const rows = results.slice(0, query.limit);
    const more = results.length > query.limit;
    return { items: rows.map(split), next: more ? keyOf(rows.at(-1)!) : null };
  }
  const b = new Binder(tenantId);
  const residual = residualPredicate(query.filter, shape, b);
  const sql = shapeStatement(shape, query.filter, after, `${KEY_COLUMNS}, (${residual}) AS ok`, MAX_SCANNED_ROWS, b);
  const { results: scanned } = await db.prepare(sql).bind(...b.params).all<ScanRow>();
  const hits = scanned.filter((row) => row.ok === 1);
  const page = hits.slice(0, query.limit);
  let next: KeyAfter | null = null;
  if (hits.length > query.limit) next = keyOf(page.at(-1)!);
  else if (scanned.length === MAX_SCANNED_ROWS) next = keyOf(scanned.at(-1)!);
  if (page.length === 0) return { items: [], next };
  const { results } = await db
    .prepare(SELECT_PAGE_BY_NUMBERS)
    .bind(tenantId, JSON.stringify(page.map((row) => row.k_n)))
    .all<ProductWithImagesRow>();
  // A product deleted between the two reads is simply missing from the page.
  return { items: results.map(split), next };
}
