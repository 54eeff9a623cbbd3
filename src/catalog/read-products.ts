/**
 * Product reads. A product and its images come back in ONE query (images aggregated as JSON), so a
 * page of 200 products is one D1 round trip.
 */
import type { ImageRow, ProductRow } from './model/render';

const IMAGES_JSON = `(
  SELECT json_group_array(json_object(
    'id', i.id, 'product_id', i.product_id, 'key', i.key, 'position', i.position, 'source', i.source,
    'pipelines', i.pipelines, 'classifications', i.classifications, 'status', i.status, 'error', i.error,
    'sha256', i.sha256, 'width', i.width, 'height', i.height))
  FROM images AS i WHERE i.tenant_id = p.tenant_id AND i.product_id = p.id
) AS images_json`;

const COLUMNS = `p.id, p.number, p.version, p.status, p.data, p.extensions, p.created_at, p.updated_at, p.expires_at, ${IMAGES_JSON}`;

type Row = ProductRow & { images_json: string };

export interface LoadedProduct {
  row: ProductRow;
  images: ImageRow[];
}

function split(row: Row): LoadedProduct {
  const { images_json, ...product } = row;
  return { row: product, images: JSON.parse(images_json) as ImageRow[] };
}

/**
 * The products named by a JSON array of ids (?2), with their images, in input order (`idx`). A write
 * appends this to its own D1 batch, so what it answers is what it wrote, not a later writer's state.
 */
export const SELECT_LOADED_BY_IDS = `SELECT j.key AS idx, ${COLUMNS} FROM json_each(?2) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value ORDER BY j.key`;

/** Rows of SELECT_LOADED_BY_IDS by position in the ids array. */
export function loadedByIndex(rows: Array<Row & { idx: number }>): Map<number, LoadedProduct> {
  return new Map(rows.map(({ idx, ...row }) => [idx, split(row)]));
}

export async function loadProduct(db: D1Database, tenantId: string, id: string): Promise<LoadedProduct | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM products AS p WHERE p.tenant_id = ?1 AND p.id = ?2`).bind(tenantId, id).first<Row>();
  return row ? split(row) : null;
}

export interface ListQuery {
  afterNumber: number;
  limit: number;
  updatedSince: number | null;
  status: string | null;
}

/** Keyset page in `number` order (stable: numbers never change or repeat). Fetches one extra row to know if there is more. */
export async function listProductRows(db: D1Database, tenantId: string, query: ListQuery): Promise<{ items: LoadedProduct[]; more: boolean }> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM products AS p
       WHERE p.tenant_id = ?1 AND p.number > ?2
         AND (?3 IS NULL OR p.updated_at >= ?3) AND (?4 IS NULL OR p.status = ?4)
       ORDER BY p.number LIMIT ?5`,
    )
    .bind(tenantId, query.afterNumber, query.updatedSince, query.status, query.limit + 1)
    .all<Row>();
  return { items: results.slice(0, query.limit).map(split), more: results.length > query.limit };
}
