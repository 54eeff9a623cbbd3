/**
 * Product reads (and the expiry sweep's lookup). A product and its images come back in ONE query
 * (images aggregated as JSON), so a page of 200 products is one D1 round trip.
 */

/** A product as the reads return it (without its images). */
export interface ProductRow {
  id: string;
  number: number;
  version: number;
  status: string;
  data: string;
  extensions: string | null;
  created_at: number;
  updated_at: number;
  expires_at: number | null;
}

/** A product with its images as a JSON array of image rows (images.queries ImageRow). */
export type ProductWithImagesRow = ProductRow & { images_json: string };

const IMAGES_JSON = `(
  SELECT json_group_array(json_object(
    'id', i.id, 'product_id', i.product_id, 'key', i.key, 'position', i.position, 'source', i.source,
    'pipelines', i.pipelines, 'classifications', i.classifications, 'status', i.status, 'error', i.error,
    'sha256', i.sha256, 'width', i.width, 'height', i.height))
  FROM images AS i WHERE i.tenant_id = p.tenant_id AND i.product_id = p.id
) AS images_json`;

/** The columns of a product read (rows: ProductWithImagesRow); the list statements select them too. */
export const COLUMNS = `p.id, p.number, p.version, p.status, p.data, p.extensions, p.created_at, p.updated_at, p.expires_at, ${IMAGES_JSON}`;

/**
 * The products named by a JSON array of ids (?2), with their images, in input order (`idx`). A write
 * appends this to its own D1 batch, so what it answers is what it wrote, not a later writer's state.
 */
export const SELECT_LOADED_BY_IDS = `SELECT j.key AS idx, ${COLUMNS} FROM json_each(?2) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value ORDER BY j.key`;
export type IndexedProductRow = ProductWithImagesRow & { idx: number };

/** ?1 tenant, ?2 product (rows: ProductWithImagesRow). */
export const SELECT_LOADED_PRODUCT = `SELECT ${COLUMNS} FROM products AS p WHERE p.tenant_id = ?1 AND p.id = ?2`;

/**
 * ?1 now, ?2 limit: products past their `validForDays`, of tenants this shard owns and that write
 * (not frozen for a move's tail, not moved away), with the epoch their deletes are fenced on.
 */
export const SELECT_EXPIRED_PRODUCTS = `SELECT p.tenant_id, p.id, t.epoch FROM products AS p JOIN tenants AS t ON t.id = p.tenant_id
WHERE p.expires_at IS NOT NULL AND p.expires_at <= ?1 AND t.write_state = 'open' LIMIT ?2`;
export interface ExpiredProductRow {
  tenant_id: string;
  id: string;
  epoch: number;
}
