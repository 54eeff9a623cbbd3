/**
 * Every statement that writes an image's or a product's processing status (and the claims on images
 * being processed): this module is their one writer. Other modules reach them through
 * processing-status.ts.
 */

/**
 * A product's aggregate status from its images (DESIGN "Status"), as one SQL expression so the write
 * path and the image consumers compute it the same way: no images = done; any image being worked on
 * = processing; all untouched = pending; all failed = error; otherwise done (per-image errors stay
 * visible on the images).
 */
export const PRODUCT_STATUS_SQL = `(
  SELECT CASE
    WHEN COUNT(*) = 0 THEN 'done'
    WHEN SUM(i.status = 'processing') > 0 THEN 'processing'
    WHEN SUM(i.status = 'pending') = COUNT(*) THEN 'pending'
    WHEN SUM(i.status = 'pending') > 0 THEN 'processing'
    WHEN SUM(i.status = 'error') = COUNT(*) THEN 'error'
    ELSE 'done'
  END
  FROM images AS i WHERE i.tenant_id = products.tenant_id AND i.product_id = products.id
)`;

/**
 * ?1 tenant, ?2 product, ?3 now, ?4 lease end, ?5 at most this many. Due pending images, or ones whose
 * claim expired, in the product's order. Bounded: the consumer claims only what its D1 statement
 * budget can finish in this invocation (a claim it cannot finish would sit leased until the sweep).
 */
export const CLAIM_IMAGES = `
UPDATE images SET status = 'processing', attempts = attempts + 1, next_attempt_at = ?4, updated_at = ?3
WHERE id IN (
  SELECT id FROM images
  WHERE tenant_id = ?1 AND product_id = ?2
    AND ((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?3))
         OR (status = 'processing' AND next_attempt_at < ?3))
  ORDER BY position LIMIT ?5)
RETURNING id, key, source, pipelines, attempts`;

/**
 * Claims the consumer took but will not start in this invocation: due again at once, the claim's
 * attempt given back (it was never tried). ?1 image ids JSON, ?2 lease, ?3 now.
 */
export const RELEASE_CLAIMS = `
UPDATE images SET status = 'pending', attempts = attempts - 1, next_attempt_at = NULL, updated_at = ?3
WHERE id IN (SELECT value FROM json_each(?1)) AND status = 'processing' AND next_attempt_at = ?2`;

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

/** ?1 tenant, ?2 product. */
export const REFRESH_ONE_PRODUCT_STATUS = `UPDATE products SET status = ${PRODUCT_STATUS_SQL} WHERE tenant_id = ?1 AND id = ?2`;


/**
 * The catalog write path's chunk: the aggregate of each product of the chunk that carries the job's
 * mark. Same parameters and CROSS JOIN discipline as the write path (catalog/write/statements.ts):
 * ?1 tenant, ?2 job, ?3 now, ?4 the chunk's slim items JSON. `+job_id`: a filter, not an index
 * choice, so each item is a primary-key lookup (an import's job spans 100k rows).
 */
export const REFRESH_CHUNK_PRODUCT_STATUS = `
UPDATE products SET status = ${PRODUCT_STATUS_SQL}
WHERE tenant_id = ?1 AND +job_id = ?2 AND id IN (SELECT value ->> 'id' FROM json_each(?4))`;


/** The bytes are stored and an external processor will call back: the claim lasts until it is due. ?1 image id, ?2 lease, ?3 sha256, ?4 due, ?5 now. */
export const IMAGE_AWAITS_CALLBACK = `
UPDATE images SET sha256 = ?3, next_attempt_at = ?4, attempts = 0, updated_at = ?5 WHERE id = ?1 AND status = 'processing' AND next_attempt_at = ?2`;

/** A dead-lettered image: given up on, if still unfinished. ?1 image id, ?2 reason, ?3 now. */
export const GIVE_UP_IMAGE = `
UPDATE images SET status = 'error', error = ?2, next_attempt_at = NULL, updated_at = ?3 WHERE id = ?1 AND status IN ('pending', 'processing')`;

/** A processor's callback arrived: images of these bytes waiting for it go back in line. ?1 tenant, ?2 sha256, ?3 now. */
export const REQUEUE_AFTER_CALLBACK = `
UPDATE images SET status = 'pending', next_attempt_at = ?3, updated_at = ?3
WHERE tenant_id = ?1 AND sha256 = ?2 AND status = 'processing' RETURNING product_id`;

/** `?refresh=true`: the products' finished images are processed again. ?1 tenant, ?2 product ids JSON, ?3 now. */
export const REOPEN_IMAGES = `
UPDATE images SET status = 'pending', next_attempt_at = NULL, attempts = 0, updated_at = ?3
WHERE tenant_id = ?1 AND product_id IN (SELECT value FROM json_each(?2)) AND status IN ('done', 'error')
RETURNING product_id`;

/**
 * Claims a dead process took (see lib/sweep-mode.ts; `attempts > 0` leaves images waiting for a
 * processor's callback alone): due again now rather than when the lease ends. ?1 now, ?2 dead before.
 */
export const RELEASE_DEAD_CLAIMS = `
UPDATE images SET next_attempt_at = ?1 - 1 WHERE status = 'processing' AND attempts > 0 AND next_attempt_at >= ?1 AND updated_at < ?2`;
