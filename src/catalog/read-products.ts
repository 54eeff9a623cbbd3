/**
 * Product reads. A product and its images come back in ONE query (images aggregated as JSON), so a
 * page of 200 products is one D1 round trip.
 */
import type { Db } from '../db/batch';
import type { ImageRow, ProductRow } from './model/render';
import {
  type IndexedProductRow,
  type ProductWithImagesRow,
  SELECT_LOADED_BY_IDS,
  SELECT_LOADED_PRODUCT,
  SELECT_PRODUCT_PAGE,
} from './products.queries';

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

export interface ListQuery {
  afterNumber: number;
  limit: number;
  updatedSince: number | null;
  status: string | null;
}

/** Keyset page in `number` order (stable: numbers never change or repeat). Fetches one extra row to know if there is more. */
export async function listProductRows(db: Db, tenantId: string, query: ListQuery): Promise<{ items: LoadedProduct[]; more: boolean }> {
  const { results } = await db
    .prepare(SELECT_PRODUCT_PAGE)
    .bind(tenantId, query.afterNumber, query.updatedSince, query.status, query.limit + 1)
    .all<ProductWithImagesRow>();
  return { items: results.slice(0, query.limit).map(split), more: results.length > query.limit };
}
