/**
 * The SQL of the product write path. Each statement takes a whole chunk of items as ONE JSON
 * parameter expanded with `json_each`, so a chunk costs a fixed handful of statements whatever its
 * size (D1 allows 100 bound parameters per statement; a `db.batch()` is one transaction).
 *
 * Which rows a write changed is recorded in the rows themselves: the upsert sets `job_id` only when
 * the content differs, so every later statement (images, status, events, counts) selects
 * `job_id = ?job` instead of carrying state between round trips.
 *
 * Every join from the chunk to `products` is a CROSS JOIN: SQLite keeps a CROSS JOIN's order, so the
 * chunk drives and each item is one primary-key lookup. With a plain JOIN the planner preferred
 * scanning `products` by (tenant, job) with the JSON inside — quadratic in the batch size, ~100x
 * slower at 1,000 items (measured by bench/profile.mjs).
 *
 * Parameters, everywhere: ?1 tenant id, ?2 job id, ?3 now (ms), ?4 the chunk's items JSON.
 * For the upsert an item is {id, doc, ext, exp, ev, h (the doc's content hash), st ('done' without images), ft (the
 * text the title search indexes, search-text.ts)}; the statements after it get a slim form without
 * the documents, {id, eid, img: [{k, iid, sha, src, pl, cl}]} (see write-products.ts).
 */

/**
 * Insert or replace; only a changed document (or, for dialect writes, changed extensions) bumps the
 * version. An item without images (`st` = 'done') gets its final status here: the write leaves it no
 * image, which is what REFRESH_CHUNK_PRODUCT_STATUS would conclude, so a chunk without images needs
 * no status statement (an UPDATE of every row it wrote). Items with images keep theirs until it runs.
 */
export const UPSERT_PRODUCTS = (setsExtensions: boolean) => `
INSERT INTO products (tenant_id, id, number, version, status, data, extensions, job_id, created_at, updated_at, expires_at, money_format, content_hash, search_text)
SELECT ?1, j.value ->> 'id', t.product_seq + j.key + 1, 1, coalesce(j.value ->> 'st', 'pending'), j.value ->> 'doc', j.value ->> 'ext', ?2, ?3, ?3, j.value ->> 'exp', 1, j.value ->> 'h', j.value ->> 'ft'
FROM json_each(?4) AS j JOIN tenants AS t ON t.id = ?1
WHERE true
ON CONFLICT (tenant_id, id) DO UPDATE SET
  version = products.version + 1,
  status = CASE WHEN excluded.status = 'done' THEN 'done' ELSE products.status END,
  data = excluded.data,
  ${setsExtensions ? 'extensions = excluded.extensions,' : ''}
  job_id = excluded.job_id,
  updated_at = excluded.updated_at,
  expires_at = excluded.expires_at,
  money_format = 1,
  content_hash = excluded.content_hash,
  search_text = excluded.search_text
WHERE products.data IS NOT excluded.data${setsExtensions ? ' OR products.extensions IS NOT excluded.extensions' : ''}`;

/**
 * Update-only, guarded by the version the caller read (PATCH with If-Match): never creates. The rows
 * to change are found first, chunk-driven (a MATERIALIZED CTE with the CROSS JOIN), then updated by
 * rowid: as a plain `UPDATE ... FROM json_each(?4)` the planner walked every product of the tenant
 * (`SEARCH products USING INDEX products_tenant_number (tenant_id=?)`, the chunk inside), so each
 * PATCH cost O(tenant size): 2.9x a PUT at p50 with ~8,000 products in the bench tenant.
 */
export const UPDATE_PRODUCTS_IF_VERSION = (setsExtensions: boolean) => `
WITH u AS MATERIALIZED (
  SELECT p.rowid AS rid, j.value ->> 'doc' AS doc, j.value ->> 'ext' AS ext, j.value ->> 'exp' AS exp, j.value ->> 'h' AS h, j.value ->> 'st' AS st,
    j.value ->> 'ft' AS ft
  FROM json_each(?4) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value ->> 'id'
  WHERE p.version = j.value ->> 'ev'
    AND (p.data IS NOT j.value ->> 'doc'${setsExtensions ? " OR p.extensions IS NOT j.value ->> 'ext'" : ''}))
UPDATE products SET
  version = products.version + 1,
  status = coalesce(u.st, products.status),
  data = u.doc,
  ${setsExtensions ? 'extensions = u.ext,' : ''}
  job_id = ?2,
  updated_at = ?3,
  expires_at = u.exp,
  money_format = 1,
  content_hash = u.h,
  search_text = u.ft
FROM u
WHERE products.rowid = u.rid`;

/**
 * Drop the images of changed products that are not kept. ?5 is the chunk's keep-list: one string per
 * image, `product \x1f key \x1f source \x1f pipelines`; `IN (subquery)` builds a temporary index, so
 * this stays linear however many images a chunk has. A changed source or pipeline set is a new image.
 */
export const DELETE_REPLACED_IMAGES = `
DELETE FROM images
WHERE tenant_id = ?1
  AND product_id IN (
    SELECT p.id FROM json_each(?4) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value ->> 'id'
    WHERE p.job_id = ?2)
  AND (product_id || char(31) || key || char(31) || source || char(31) || pipelines) NOT IN (SELECT value FROM json_each(?5))`;

export const UPSERT_IMAGES = `
INSERT INTO images (id, tenant_id, product_id, key, position, source, pipelines, classifications, sha256, status, attempts, created_at, updated_at)
SELECT im.value ->> 'iid', ?1, p.id, im.value ->> 'k', im.key, im.value ->> 'src', im.value ->> 'pl', im.value ->> 'cl', im.value ->> 'sha', 'pending', 0, ?3, ?3
FROM json_each(?4) AS j
  CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value ->> 'id' AND p.job_id = ?2
  JOIN json_each(j.value -> 'img') AS im
WHERE true
ON CONFLICT (tenant_id, product_id, key) DO UPDATE SET
  position = excluded.position, classifications = excluded.classifications, updated_at = excluded.updated_at
WHERE images.position IS NOT excluded.position OR images.classifications IS NOT excluded.classifications`;

/** A write that left images to process opens a processing round (closed by the ingest consumer). */
export const OPEN_PROCESSING_ROUNDS = `
INSERT INTO processing_rounds (tenant_id, product_id, job_id, opened_at)
SELECT ?1, p.id, ?2, ?3
FROM json_each(?4) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value ->> 'id' AND p.job_id = ?2
WHERE p.status IN ('pending', 'processing')
ON CONFLICT DO NOTHING`;

/**
 * For writes whose every item answers with a processing result (Sizebay's callback per POST): a round
 * for each written item, also unchanged ones and ones with nothing to process; those settle at once.
 * ?4: JSON array of ids.
 */
export const OPEN_ROUNDS_FOR_EVERY_ITEM = `
INSERT INTO processing_rounds (tenant_id, product_id, job_id, opened_at)
SELECT ?1, p.id, ?2, ?3
FROM json_each(?4) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value
WHERE true
ON CONFLICT DO NOTHING`;

/**
 * Rounds left open by earlier writes whose images this write removed (the product settled without
 * the ingest consumer): the products are returned so the caller can settle them like the consumer
 * would (product.processed, the round closed, the jobs finished). ?4 is the JSON array of the write's
 * ids only: binding the items themselves (image sources included) made one value of 3.2 MB at the
 * largest batch, past D1's 2 MB per value (test/limits/worst-case.test.ts).
 */
export const SELECT_SETTLED_WITH_OPEN_ROUNDS = `
SELECT DISTINCT p.id FROM json_each(?4) AS j
  CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value AND p.job_id = ?2
  JOIN processing_rounds AS r ON r.tenant_id = p.tenant_id AND r.product_id = p.id AND r.closed_at IS NULL
WHERE p.status IN ('done', 'error')`;

/** ?1 tenant, ?2 job, ?3 now, ?4 errors JSON [{i, id, code, errors, line}]. */
export const INSERT_JOB_ERRORS = `
INSERT INTO job_errors (job_id, idx, item_id, line, code, errors, created_at)
SELECT ?2, j.value ->> 'i', j.value ->> 'id', j.value ->> 'line', j.value ->> 'code', j.value ->> 'errors', ?3
FROM json_each(?4) AS j`;

/**
 * Before a multi-item upsert: what is stored under each id (?2: JSON array of ids in input order).
 * The caller compares `content_hash` with the hash of the text it is about to write (or, for a row
 * without one, the stored `data` itself; ?3 = 1 also returns `extensions`, for dialect writes that
 * compare them too): an equal one is unchanged, answered from this row and never bound into the
 * write's statements. Returning hashes instead of documents: ~60 bytes a row instead of ~1.2 KB.
 */
export const SELECT_STORED_FOR_IDS = `
SELECT j.key AS idx, p.number, p.version, p.status, p.money_format, p.content_hash,
  CASE WHEN p.content_hash IS NULL THEN p.data END AS data, CASE WHEN ?3 THEN p.extensions END AS extensions
FROM json_each(?2) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value`;
/** A row of SELECT_STORED_FOR_IDS. */
export interface StoredRow {
  idx: number;
  number: number;
  version: number;
  status: string;
  money_format: number | null;
  content_hash: string | null;
  /** Only for a row without a content hash. */
  data: string | null;
  /** Only when the write sets extensions. */
  extensions: string | null;
}

/**
 * The unchanged items' check, first in the write's own transaction: the read above ran before it
 * (possibly on a read replica, behind the primary), so each item judged unchanged must still be at
 * the version (and money form: the backfill rewrites `data` without a new version) that was read.
 * If one is not, this statement fails on purpose, the whole batch rolls back, and the caller writes
 * again without the shortcut. It fails by inserting a NULL key into `products`, an error no other
 * statement of the write path can raise (GUARD_FAILED; `data` is '{}' because the generated list
 * columns parse it before the NOT NULL check runs). ?2: [{id, v, f}].
 */
export const GUARD_UNCHANGED = `
INSERT INTO products (tenant_id, id, number, version, status, data, job_id, created_at, updated_at)
SELECT NULL, NULL, 0, 0, '', '{}', '', 0, 0
FROM json_each(?2) AS j LEFT JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value ->> 'id'
WHERE p.version IS NOT j.value ->> 'v' OR p.money_format IS NOT j.value ->> 'f'
LIMIT 1`;

export const GUARD_FAILED = /NOT NULL constraint failed: products\.tenant_id/;

/** Which of the valid items were created, updated or left unchanged. ?4: JSON array of ids in input order. */
export const SELECT_OUTCOMES = `
SELECT j.key AS idx, p.id, p.number, p.version, p.status, p.job_id = ?2 AS touched
FROM json_each(?4) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value
ORDER BY j.key`;

/**
 * A product chose recommendation lists: the tenant's recommendations wake up (rec_settings.state 0 ->
 * 1, see recommendations/activation.ts). Sent only with writes whose documents ask, so a tenant that
 * never asks pays nothing for them. ?1 tenant, ?2 now.
 */
export const WANT_RECOMMENDATIONS = `
INSERT INTO rec_settings (tenant_id, state, updated_at) VALUES (?1, 1, ?2)
ON CONFLICT (tenant_id) DO UPDATE SET state = 1, updated_at = excluded.updated_at WHERE state = 0`;
