/** SQL of the ingest consumer. Every write is guarded by the claim (`status = 'processing'` and the lease value), so a redelivered message never records or announces an image twice. */

/** ?1 tenant, ?2 sha256, ?3 format, ?4 width, ?5 height, ?6 frames, ?7 bytes, ?8 now. */
export const UPSERT_BLOB = `
INSERT INTO blobs (tenant_id, sha256, format, width, height, frames, bytes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (tenant_id, sha256) DO UPDATE SET
  format = excluded.format, width = excluded.width, height = excluded.height, frames = excluded.frames, bytes = excluded.bytes, orphaned_at = NULL`;

/** ?1 tenant, ?2 url, ?3 sha256, ?4 etag, ?5 last-modified, ?6 now. */
export const UPSERT_URL_CACHE = `
INSERT INTO url_cache (tenant_id, url, sha256, etag, last_modified, fetched_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (tenant_id, url) DO UPDATE SET sha256 = excluded.sha256, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at`;

/** Close the product's open processing rounds once nothing is pending (after their `product.processed`). ?1 tenant, ?2 product, ?3 now. */
export const CLOSE_ROUNDS = `
UPDATE processing_rounds SET closed_at = ?3
WHERE tenant_id = ?1 AND product_id = ?2 AND closed_at IS NULL
  AND EXISTS (SELECT 1 FROM products WHERE tenant_id = ?1 AND id = ?2 AND status IN ('done', 'error'))`;
