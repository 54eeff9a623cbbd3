/** SQL of the ingest consumer. Every write is guarded by the claim (`status = 'processing'` and the lease value), so a redelivered message never records or announces an image twice. */
import { PRODUCT_STATUS_SQL } from './product-status.queries';

/** ?1 tenant, ?2 product, ?3 now, ?4 lease end. Due pending images, or ones whose claim expired. */
export const CLAIM_IMAGES = `
UPDATE images SET status = 'processing', attempts = attempts + 1, next_attempt_at = ?4, updated_at = ?3
WHERE tenant_id = ?1 AND product_id = ?2
  AND ((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?3))
       OR (status = 'processing' AND next_attempt_at < ?3))
RETURNING id, key, source, pipelines, attempts`;

/**
 * The bytes were stored and processed: `done`, or `error` with a pipeline's text (probe data and
 * results kept either way). ?1 image id, ?2 lease, ?3 now, ?4 sha256, ?5 format, ?6 width, ?7 height,
 * ?8 bytes, ?9 results JSON, ?10-?14 dhash hex + bands, ?15 status, ?16 error.
 */
export const IMAGE_PROCESSED = `
UPDATE images SET status = ?15, error = ?16, sha256 = ?4, format = ?5, width = ?6, height = ?7, bytes = ?8, results = ?9,
  dhash = ?10, dhash_band0 = ?11, dhash_band1 = ?12, dhash_band2 = ?13, dhash_band3 = ?14, next_attempt_at = NULL, updated_at = ?3
WHERE id = ?1 AND status = 'processing' AND next_attempt_at = ?2`;

/** ?1 image id, ?2 lease, ?3 now, ?4 error, ?5 status (error | pending), ?6 next attempt. */
export const IMAGE_NOT_DONE = `
UPDATE images SET status = ?5, error = ?4, next_attempt_at = ?6, updated_at = ?3
WHERE id = ?1 AND status = 'processing' AND next_attempt_at = ?2`;

/** ?1 tenant, ?2 sha256, ?3 format, ?4 width, ?5 height, ?6 frames, ?7 bytes, ?8 now. */
export const UPSERT_BLOB = `
INSERT INTO blobs (tenant_id, sha256, format, width, height, frames, bytes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (tenant_id, sha256) DO UPDATE SET
  format = excluded.format, width = excluded.width, height = excluded.height, frames = excluded.frames, bytes = excluded.bytes, orphaned_at = NULL`;

/** ?1 tenant, ?2 url, ?3 sha256, ?4 etag, ?5 last-modified, ?6 now. */
export const UPSERT_URL_CACHE = `
INSERT INTO url_cache (tenant_id, url, sha256, etag, last_modified, fetched_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (tenant_id, url) DO UPDATE SET sha256 = excluded.sha256, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at`;

/** ?1 tenant, ?2 product. */
export const REFRESH_ONE_PRODUCT_STATUS = `UPDATE products SET status = ${PRODUCT_STATUS_SQL} WHERE tenant_id = ?1 AND id = ?2`;

/** Close the product's open processing rounds once nothing is pending (after their `product.processed`). ?1 tenant, ?2 product, ?3 now. */
export const CLOSE_ROUNDS = `
UPDATE processing_rounds SET closed_at = ?3
WHERE tenant_id = ?1 AND product_id = ?2 AND closed_at IS NULL
  AND EXISTS (SELECT 1 FROM products WHERE tenant_id = ?1 AND id = ?2 AND status IN ('done', 'error'))`;
