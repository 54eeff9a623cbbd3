/**
 * The images module's SQL outside the ingest consumer (ingest.queries.ts): image reads, the 24-hour
 * URL cache, uploaded bytes, a forced refresh, and the cron's sweep. Lists of ids are bound as one
 * JSON array and read through json_each: one statement for any number of them (D1 caps a statement's
 * bound parameters at 100).
 */

/** An image as reads return it (the catalog renders it inside its product). */
export interface ImageRow {
  id: string;
  product_id: string;
  key: string;
  position: number;
  source: string;
  pipelines: string;
  classifications: string | null;
  status: string;
  error: string | null;
  sha256: string | null;
  width: number | null;
  height: number | null;
}

/** An image with everything /v1/images shows and signs. */
export interface FullImageRow extends ImageRow {
  tenant_id: string;
  format: string | null;
  bytes: number | null;
  results: string | null;
  dhash: string | null;
  attempts: number;
  updated_at: number;
}

const COLUMNS = 'id, tenant_id, product_id, key, position, source, pipelines, classifications, status, error, sha256, width, height, format, bytes, results, dhash, attempts, updated_at';

/** ?1 tenant, ?2 image (rows: FullImageRow). */
export const SELECT_IMAGE = `SELECT ${COLUMNS} FROM images WHERE tenant_id = ?1 AND id = ?2`;

/** ?1 image: for signed URLs, whose signature names the image (rows: FullImageRow). */
export const SELECT_IMAGE_BY_ID = `SELECT ${COLUMNS} FROM images WHERE id = ?1`;

/** ?1 tenant, ?2 product. */
export const PRODUCT_EXISTS = 'SELECT 1 AS found FROM products WHERE tenant_id = ?1 AND id = ?2';
export interface FoundRow {
  found: 1;
}

/** ?1 tenant, ?2 product (rows: FullImageRow). */
export const SELECT_PRODUCT_IMAGES = `SELECT ${COLUMNS} FROM images WHERE tenant_id = ?1 AND product_id = ?2 ORDER BY position`;

/** ?1 tenant, ?2 the image itself (left out), ?3-?6 each dhash band's probe values, JSON (rows: FullImageRow). */
export const SELECT_SIMILAR_CANDIDATES = `
SELECT ${COLUMNS} FROM images WHERE tenant_id = ?1 AND id != ?2 AND dhash IS NOT NULL AND (
  dhash_band0 IN (SELECT value FROM json_each(?3)) OR dhash_band1 IN (SELECT value FROM json_each(?4)) OR
  dhash_band2 IN (SELECT value FROM json_each(?5)) OR dhash_band3 IN (SELECT value FROM json_each(?6)))
LIMIT 1000`;

// --- the URL cache --------------------------------------------------------------------------------

/** ?1 tenant, ?2 URL: a cached fetch whose bytes are still stored. */
export const SELECT_URL_CACHE = `
SELECT c.sha256, c.etag, c.last_modified, c.fetched_at FROM url_cache AS c
JOIN blobs AS b ON b.tenant_id = c.tenant_id AND b.sha256 = c.sha256
WHERE c.tenant_id = ?1 AND c.url = ?2`;
export interface UrlCacheRow {
  sha256: string;
  etag: string | null;
  last_modified: string | null;
  fetched_at: number;
}

/** ?1 tenant, ?2 URL, ?3 now: a 304 made the cached bytes fresh again. */
export const TOUCH_URL_CACHE = 'UPDATE url_cache SET fetched_at = ?3 WHERE tenant_id = ?1 AND url = ?2';

// --- uploaded bytes -------------------------------------------------------------------------------

/** ?1 tenant, ?2 sha256, ?3 bytes, ?4 now: orphaned until an image references it. */
export const INSERT_UPLOADED_BLOB = `
INSERT INTO blobs (tenant_id, sha256, format, width, height, frames, bytes, created_at, orphaned_at)
VALUES (?1, ?2, 'unprobed', 0, 0, 0, ?3, ?4, ?4) ON CONFLICT (tenant_id, sha256) DO NOTHING`;

/** ?1 tenant, ?2 sha256 (rows: FoundRow). */
export const BLOB_EXISTS = 'SELECT 1 AS found FROM blobs WHERE tenant_id = ?1 AND sha256 = ?2';

// --- ?refresh=true --------------------------------------------------------------------------------

/** Rows of processing-status.queries.ts REOPEN_IMAGES (settled images back to `pending`). */
export interface ProductIdRow {
  product_id: string;
}

/** ?1 tenant, ?2 product ids JSON, ?3 job, ?4 now: a processing round per product, under the write's job. */
export const OPEN_REFRESH_ROUNDS = `
INSERT INTO processing_rounds (tenant_id, product_id, job_id, opened_at)
SELECT ?1, value, ?3, ?4 FROM json_each(?2) WHERE true ON CONFLICT DO NOTHING`;

// --- the cron's sweep -----------------------------------------------------------------------------

/** ?1 now, ?2 untouched since, ?3 limit: products with due images, or with claims that expired. */
export const SELECT_PRODUCTS_TO_WAKE = `
SELECT DISTINCT tenant_id, product_id FROM images
WHERE (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?1) AND updated_at < ?2)
   OR (status = 'processing' AND next_attempt_at < ?1)
LIMIT ?3`;
export interface ProductRefRow {
  tenant_id: string;
  product_id: string;
}

/** ?1 now: stored bytes no image references any more are marked (1,000 a run). */
export const MARK_ORPHAN_BLOBS = `
UPDATE blobs SET orphaned_at = ?1 WHERE rowid IN (
  SELECT b.rowid FROM blobs AS b WHERE b.orphaned_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM images AS i WHERE i.tenant_id = b.tenant_id AND i.sha256 = b.sha256)
  LIMIT 1000)`;

/** ?1 orphaned before: past the grace period and still unreferenced (200 a run). */
export const SELECT_EXPIRED_BLOBS = `
SELECT b.tenant_id, b.sha256 FROM blobs AS b
WHERE b.orphaned_at IS NOT NULL AND b.orphaned_at < ?1
  AND NOT EXISTS (SELECT 1 FROM images AS i WHERE i.tenant_id = b.tenant_id AND i.sha256 = b.sha256)
LIMIT 200`;
export interface BlobRefRow {
  tenant_id: string;
  sha256: string;
}

/** (tenant, sha256) pairs from ?1, a JSON array of [tenant, sha256]. */
const PAIRS = `SELECT j.value ->> '$[0]' AS tenant_id, j.value ->> '$[1]' AS sha256 FROM json_each(?1) AS j`;

/** ?1 pairs JSON: the expired blobs' rows, and what cached them, once R2 no longer holds the bytes. */
export const DELETE_EXPIRED_BLOBS = `DELETE FROM blobs WHERE orphaned_at IS NOT NULL AND (tenant_id, sha256) IN (${PAIRS})`;
export const DELETE_URL_CACHE_OF_BLOBS = `DELETE FROM url_cache WHERE (tenant_id, sha256) IN (${PAIRS})`;
export const DELETE_PROCESSOR_RESULTS_OF_BLOBS = `DELETE FROM processor_results WHERE (tenant_id, sha256) IN (${PAIRS})`;
