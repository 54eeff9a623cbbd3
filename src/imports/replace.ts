/**
 * Replace mode's last step: the tenant's products a completed import did not mention are deleted, in
 * batches, each a tombstone `product.deleted` event (reason `replaced`) and the rows in one D1 batch.
 */
import { ADVANCE_TENANT_COUNTERS } from '../events/outbox';
import { newId } from '../lib/ulid';

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
      db.prepare(
        `INSERT INTO events (id, tenant_id, seq, type, data, created_at)
         SELECT ?4 || '_' || p.number, ?1, t.event_seq + ROW_NUMBER() OVER (ORDER BY p.number), 'product.deleted',
           json_object('productId', p.id, 'number', p.number, 'version', p.version, 'reason', 'replaced', 'jobId', ?2), ?5
         FROM products AS p JOIN tenants AS t ON t.id = p.tenant_id
         WHERE p.tenant_id = ?1 AND p.id IN (SELECT value FROM json_each(?3)) AND p.seen_by IS NOT ?2`,
      ).bind(tenantId, jobId, ids, newId('evt', now), now),
      db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId),
      db.prepare('DELETE FROM images WHERE tenant_id = ?1 AND product_id IN (SELECT value FROM json_each(?2))').bind(tenantId, ids),
      db.prepare('DELETE FROM products WHERE tenant_id = ?1 AND id IN (SELECT value FROM json_each(?2)) AND seen_by IS NOT ?3').bind(tenantId, ids, jobId),
    ]);
    deleted += results.length;
  }
}
