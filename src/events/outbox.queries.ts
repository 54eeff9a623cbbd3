/**
 * Every statement that writes `events`: the outbox is the one writer (ARCHITECTURE "Who owns which
 * table"). Other modules get these through outbox.ts, bound and followed by ADVANCE_TENANT_COUNTERS.
 *
 * Each event's `seq` is the tenant's next sequence (`event_seq + 1`, or `+ ROW_NUMBER()` for set-based
 * appends); ADVANCE_TENANT_COUNTERS, run after it in the same batch, moves the counter past it. Many
 * appends are guarded by the change they announce (an image still leased, a product still at the
 * version read, an endpoint still enabled), so a repeated or lost race appends nothing.
 */

/** One event. ?1 event id, ?2 tenant, ?3 type, ?4 data JSON, ?5 now. */
export const INSERT_EVENT = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, ?2, event_seq + 1, ?3, ?4, ?5 FROM tenants WHERE id = ?2`;

/**
 * Advance the tenant's counters past what a batch used (its events' `seq`, and the product `number`s
 * a catalog write handed out). MAX() keeps them monotonic even when the highest product was deleted
 * or old events were pruned, so a number or sequence is never reused. It lives here because every
 * event append ends with it; the catalog's write path runs the same statement for product numbers.
 */
export const ADVANCE_TENANT_COUNTERS = `
UPDATE tenants SET
  product_seq = MAX(product_seq, COALESCE((SELECT MAX(number) FROM products WHERE tenant_id = ?1), 0)),
  event_seq = MAX(event_seq, COALESCE((SELECT MAX(seq) FROM events WHERE tenant_id = ?1), 0))
WHERE id = ?1`;

/**
 * The catalog write path's set-based append: one `product.created`/`product.updated` per product of
 * the chunk that carries the job's mark. Same parameters and CROSS JOIN order as the write path's
 * other statements (catalog/write/statements.ts says why): ?1 tenant, ?2 job, ?3 now, ?4 the chunk's
 * slim items JSON [{id, eid, ...}].
 */
export const INSERT_PRODUCT_EVENTS = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT j.value ->> 'eid', ?1, t.event_seq + ROW_NUMBER() OVER (ORDER BY j.key),
  CASE WHEN p.version = 1 THEN 'product.created' ELSE 'product.updated' END,
  json_object('productId', p.id, 'number', p.number, 'version', p.version),
  ?3
FROM json_each(?4) AS j
  CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value ->> 'id' AND p.job_id = ?2
  JOIN tenants AS t ON t.id = ?1`;

/** A deleted product's tombstone, only if it is still at the version read. ?1 event id, ?2 tenant, ?3 product, ?4 version, ?5 now, ?6 reason. */
export const INSERT_TOMBSTONE = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, ?2, t.event_seq + 1, 'product.deleted',
  json_object('productId', p.id, 'number', p.number, 'version', p.version, 'reason', ?6), ?5
FROM tenants AS t JOIN products AS p ON p.tenant_id = t.id AND p.id = ?3 AND p.version = ?4
WHERE t.id = ?2`;

/**
 * Replace mode's tombstones: the listed products the import did not mention (`seen_by`), reason
 * `replaced`. ?1 tenant, ?2 job, ?3 ids JSON, ?4 event id prefix, ?5 now.
 */
export const INSERT_REPLACED_TOMBSTONES = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?4 || '_' || p.number, ?1, t.event_seq + ROW_NUMBER() OVER (ORDER BY p.number), 'product.deleted',
  json_object('productId', p.id, 'number', p.number, 'version', p.version, 'reason', 'replaced', 'jobId', ?2), ?5
FROM products AS p JOIN tenants AS t ON t.id = p.tenant_id
WHERE p.tenant_id = ?1 AND p.id IN (SELECT value FROM json_each(?3)) AND p.seen_by IS NOT ?2`;

/** A renamed product's `product.updated`, only if the rename happened. ?1 tenant, ?2 new id, ?3 job, ?4 now, ?5 event id. */
export const INSERT_RENAMED_EVENT = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?5, ?1, t.event_seq + 1, 'product.updated', json_object('productId', p.id, 'number', p.number, 'version', p.version), ?4
FROM tenants AS t JOIN products AS p ON p.tenant_id = t.id AND p.id = ?2 AND p.job_id = ?3
WHERE t.id = ?1`;

/**
 * `job.completed` from the job row as it stands, unless the job still waits for image work
 * (`processing`), or (when ?5 is 0) it changed nothing and refused nothing: a write that changes
 * nothing emits no event at all. An import ends with its event even when the file had no rows (?5 = 1).
 * ?1 event id, ?2 tenant, ?3 job, ?4 now, ?5 also when empty.
 */
export const INSERT_JOB_COMPLETED = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, t.id, t.event_seq + 1, 'job.completed', json_object('jobId', j.id, 'status', j.status), ?4
FROM tenants AS t JOIN jobs AS j ON j.id = ?3
WHERE t.id = ?2 AND j.status != 'processing' AND (?5 OR (j.created + j.updated + j.deleted + j.failed) > 0)`;

/**
 * `job.completed` for each job that finished because the product's rounds closed just now (?3):
 * usually one; further ones get a suffixed id. ?1 tenant, ?2 product, ?3 now, ?4 event id.
 */
export const EMIT_JOBS_COMPLETED = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT CASE WHEN ROW_NUMBER() OVER (ORDER BY j.id) = 1 THEN ?4 ELSE ?4 || '_' || ROW_NUMBER() OVER (ORDER BY j.id) END, t.id, t.event_seq + ROW_NUMBER() OVER (ORDER BY j.id),
  'job.completed', json_object('jobId', j.id, 'status', j.status), ?3
FROM jobs AS j JOIN tenants AS t ON t.id = j.tenant_id
WHERE j.tenant_id = ?1 AND j.completed_at = ?3 AND j.status != 'processing'
  AND j.id IN (SELECT job_id FROM processing_rounds WHERE tenant_id = ?1 AND product_id = ?2 AND closed_at = ?3)`;

/** An image event, only while the consumer's claim (lease) holds. ?1 image id, ?2 lease, ?3 event id, ?4 type, ?5 data JSON, ?6 now, ?7 tenant. */
export const INSERT_LEASED_IMAGE_EVENT = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?3, t.id, t.event_seq + 1, ?4, ?5, ?6 FROM tenants AS t
WHERE t.id = ?7 AND EXISTS (SELECT 1 FROM images WHERE id = ?1 AND status = 'processing' AND next_attempt_at = ?2)`;

/** `image.failed` for an image given up on, only while it is unfinished. ?1 event id, ?2 data JSON, ?3 now, ?4 tenant, ?5 image id. */
export const INSERT_UNFINISHED_IMAGE_FAILED = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, t.id, t.event_seq + 1, 'image.failed', ?2, ?3 FROM tenants AS t
WHERE t.id = ?4 AND EXISTS (SELECT 1 FROM images WHERE id = ?5 AND status IN ('pending', 'processing'))`;

/**
 * One `product.processed` per open round of a product that settled (DESIGN "Status"), however many
 * times this runs. Two writes that overlap each get theirs (a client waiting for one answer per
 * write, like Sizebay's, would otherwise hang), oldest first; further rows get a suffixed id.
 * `recommend` is the product's effective choice of lists (its own, else the tenant's default): when
 * it is not `none`, a `product.recommendations.ready` follows once the lists are computed.
 * ?1 tenant, ?2 product, ?3 event id, ?4 now.
 */
export const EMIT_PRODUCT_PROCESSED = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT CASE WHEN ROW_NUMBER() OVER w = 1 THEN ?3 ELSE ?3 || '_' || ROW_NUMBER() OVER w END,
  t.id, t.event_seq + ROW_NUMBER() OVER w, 'product.processed',
  json_object('productId', p.id, 'number', p.number, 'version', p.version, 'status', p.status, 'jobId', r.job_id,
    'failedImages', (SELECT COUNT(*) FROM images WHERE tenant_id = p.tenant_id AND product_id = p.id AND status = 'error'),
    'firstError', (SELECT error FROM images WHERE tenant_id = p.tenant_id AND product_id = p.id AND status = 'error' ORDER BY position LIMIT 1),
    'recommend', COALESCE(json_extract(p.data, '$.recommend'), (SELECT default_recommend FROM rec_settings WHERE tenant_id = p.tenant_id), 'none')), ?4
FROM processing_rounds AS r
  JOIN products AS p ON p.tenant_id = r.tenant_id AND p.id = r.product_id
  JOIN tenants AS t ON t.id = r.tenant_id
WHERE r.tenant_id = ?1 AND r.product_id = ?2 AND r.closed_at IS NULL AND p.status IN ('done', 'error')
WINDOW w AS (ORDER BY r.opened_at, r.job_id)`;

/** `endpoint.disabled`, only while the endpoint is still enabled (a repeat run emits nothing). ?1 event id, ?2 endpoint, ?3 tenant, ?4 reason, ?5 now. */
export const INSERT_ENDPOINT_DISABLED = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, t.id, t.event_seq + 1, 'endpoint.disabled', json_object('endpointId', w.id, 'url', w.url, 'reason', ?4), ?5
FROM webhook_endpoints AS w JOIN tenants AS t ON t.id = w.tenant_id
WHERE w.id = ?2 AND w.tenant_id = ?3 AND w.enabled = 1`;
