/**
 * Replace mode's last step: the tenant's products a completed import did not mention are deleted, in
 * batches, each a tombstone `product.deleted` event (reason `replaced`) and the rows in one D1 batch.
 */
import { replacedTombstonesStatements } from '../events/outbox';

const BATCH = 500;

export async function deleteUnseen(db: D1Database, tenantId: string, jobId: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { results } = await db
      .prepare('SELECT id FROM products WHERE tenant_id = ?1 AND seen_by IS NOT ?2 LIMIT ?3')
      .bind(tenantId, jobId, BATCH)
      .all<{ id: string }>();
    if (results.length === 0) return deleted;
    const ids = JSON.stringify(results.map((r) => r.id));
    const now = Date.now();
    await db.batch([
      ...replacedTombstonesStatements(db, tenantId, jobId, ids, now),
      db.prepare('DELETE FROM images WHERE tenant_id = ?1 AND product_id IN (SELECT value FROM json_each(?2))').bind(tenantId, ids),
      db.prepare('DELETE FROM products WHERE tenant_id = ?1 AND id IN (SELECT value FROM json_each(?2)) AND seen_by IS NOT ?3').bind(tenantId, ids, jobId),
    ]);
    deleted += results.length;
  }
}
