/**
 * Deleting a product: the row and its image rows go, a `product.deleted` event stays behind as the
 * tombstone, all in one batch with its job. Every statement is guarded by the version read first, so
 * a concurrent write wins cleanly: then nothing is deleted, no event is written, and the job says
 * `failed`. R2 objects are left to the cron's orphan sweep, which knows whether other products still
 * reference the same bytes.
 */
import { finishDeleteJobStatements, finishJobsOfClosedRoundsStatements, startJobStatement } from '../../jobs/job-statements';
import { newId } from '../../lib/ulid';
import { tombstoneStatements } from '../../events/outbox';

export type DeleteReason = 'deleted' | 'expired';

export interface DeleteResult {
  jobId: string | null;
  deleted: boolean;
  number?: number;
}

/** ?1 tenant, ?2 product, ?3 tombstone event id: only what the tombstone vouches for is deleted. */
const DELETE_IMAGES = `DELETE FROM images WHERE tenant_id = ?1 AND product_id = ?2 AND EXISTS (SELECT 1 FROM events WHERE id = ?3)`;
const DELETE_PRODUCT = `DELETE FROM products WHERE tenant_id = ?1 AND id = ?2 AND EXISTS (SELECT 1 FROM events WHERE id = ?3)`;

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
  const deleteRow = db.prepare(DELETE_PRODUCT).bind(tenantId, productId, tombstoneId);
  const statements = [
    startJobStatement(db, { id: jobId, tenantId, kind: options.kind ?? 'products.delete', total: 1 }, now),
    ...tombstoneStatements(db, { eventId: tombstoneId, tenantId, productId, version: existing.version, reason: options.reason ?? 'deleted' }, now),
    db.prepare(DELETE_IMAGES).bind(tenantId, productId, tombstoneId),
    deleteRow,
    ...finishDeleteJobStatements(db, tenantId, jobId, tombstoneId, now),
    // Jobs still waiting on this product's images end now: there is nothing left to process.
    db.prepare('UPDATE processing_rounds SET closed_at = ?3 WHERE tenant_id = ?1 AND product_id = ?2 AND closed_at IS NULL AND EXISTS (SELECT 1 FROM events WHERE id = ?4)').bind(tenantId, productId, now, tombstoneId),
    ...finishJobsOfClosedRoundsStatements(db, tenantId, productId, now),
  ];
  const results = await db.batch(statements);
  const deleted = (results[statements.indexOf(deleteRow)]!.meta.changes ?? 0) > 0;
  return { jobId, deleted, number: existing.number };
}
