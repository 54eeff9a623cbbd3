/**
 * Deleting a product: the row and its image rows go, a `product.deleted` event stays behind as the
 * tombstone, all in one batch with its job. Every statement is guarded by the version read first, so
 * a concurrent write wins cleanly: then nothing is deleted, no event is written, and the job says
 * `failed`. R2 objects are left to the cron's orphan sweep, which knows whether other products still
 * reference the same bytes.
 */
import { EMIT_JOBS_COMPLETED, FINISH_JOBS_OF_CLOSED_ROUNDS, INSERT_JOB, INSERT_JOB_COMPLETED } from '../../jobs/job-statements';
import { newId } from '../../lib/ulid';
import { ADVANCE_TENANT_COUNTERS } from '../../events/outbox';

export type DeleteReason = 'deleted' | 'expired';

export interface DeleteResult {
  jobId: string | null;
  deleted: boolean;
  number?: number;
}

/** ?1 event id, ?2 tenant, ?3 product, ?4 version, ?5 now, ?6 reason. */
const INSERT_TOMBSTONE = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, ?2, t.event_seq + 1, 'product.deleted',
  json_object('productId', p.id, 'number', p.number, 'version', p.version, 'reason', ?6), ?5
FROM tenants AS t JOIN products AS p ON p.tenant_id = t.id AND p.id = ?3 AND p.version = ?4
WHERE t.id = ?2`;

/** ?1 tenant, ?2 product, ?3 tombstone event id: only what the tombstone vouches for is deleted. */
const DELETE_IMAGES = `DELETE FROM images WHERE tenant_id = ?1 AND product_id = ?2 AND EXISTS (SELECT 1 FROM events WHERE id = ?3)`;
const DELETE_PRODUCT = `DELETE FROM products WHERE tenant_id = ?1 AND id = ?2 AND EXISTS (SELECT 1 FROM events WHERE id = ?3)`;

/** ?1 job, ?2 now, ?3 tombstone event id. */
const FINISH_DELETE_JOB = `
UPDATE jobs SET
  status = CASE WHEN EXISTS (SELECT 1 FROM events WHERE id = ?3) THEN 'completed' ELSE 'failed' END,
  succeeded = EXISTS (SELECT 1 FROM events WHERE id = ?3),
  failed = NOT EXISTS (SELECT 1 FROM events WHERE id = ?3),
  deleted = EXISTS (SELECT 1 FROM events WHERE id = ?3),
  completed_at = ?2
WHERE id = ?1`;

export async function deleteProduct(
  db: D1Database,
  tenantId: string,
  productId: string,
  options: { reason?: DeleteReason; kind?: string; now?: number } = {},
): Promise<DeleteResult> {
  const now = options.now ?? Date.now();
  const existing = await db
    .prepare('SELECT number, version FROM products WHERE tenant_id = ?1 AND id = ?2')
    .bind(tenantId, productId)
    .first<{ number: number; version: number }>();
  if (!existing) return { jobId: null, deleted: false };

  const jobId = newId('job', now);
  const tombstoneId = newId('evt', now);
  const results = await db.batch([
    db.prepare(INSERT_JOB).bind(jobId, tenantId, options.kind ?? 'products.delete', 'processing', 1, now),
    db.prepare(INSERT_TOMBSTONE).bind(tombstoneId, tenantId, productId, existing.version, now, options.reason ?? 'deleted'),
    db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId),
    db.prepare(DELETE_IMAGES).bind(tenantId, productId, tombstoneId),
    db.prepare(DELETE_PRODUCT).bind(tenantId, productId, tombstoneId),
    db.prepare(FINISH_DELETE_JOB).bind(jobId, now, tombstoneId),
    db.prepare(INSERT_JOB_COMPLETED).bind(newId('evt', now), tenantId, jobId, now),
    db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId),
    // Jobs still waiting on this product's images end now: there is nothing left to process.
    db.prepare('UPDATE processing_rounds SET closed_at = ?3 WHERE tenant_id = ?1 AND product_id = ?2 AND closed_at IS NULL AND EXISTS (SELECT 1 FROM events WHERE id = ?4)').bind(tenantId, productId, now, tombstoneId),
    db.prepare(FINISH_JOBS_OF_CLOSED_ROUNDS).bind(tenantId, productId, now),
    db.prepare(EMIT_JOBS_COMPLETED).bind(tenantId, productId, now, newId('evt', now)),
    db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId),
  ]);
  const deleted = (results[4]!.meta.changes ?? 0) > 0;
  return { jobId, deleted, number: existing.number };
}
