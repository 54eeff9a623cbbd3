/**
 * Renaming a product: giving it a new caller's id (DESIGN "Ids"; Robosize's PATCH with a new
 * `store_id`). The upsert path keys everything by (tenant, id), so a rename is one D1 batch of its
 * own, in the write path's manner: a job row; the product row takes the new id
 * (and a new version) only if no product of the tenant has that id; its image rows and processing
 * rounds follow; a `product.updated` event carries the new id (the `number` is unchanged, which is how
 * subscribers connect the two); the job closes. Every statement after the rename is guarded by "the
 * product now has the new id and this job", so a lost race changes nothing and the job says `failed`.
 */
import { finishRenameJobStatements, startJobStatement } from '../../jobs/job-statements';
import { renamedEventStatements } from '../../events/outbox';
import { newId } from '../../lib/ulid';

// Parameters everywhere: ?1 tenant, ?2 old id, ?3 new id, ?4 job, ?5 now.
const RENAMED = `EXISTS (SELECT 1 FROM products AS r WHERE r.tenant_id = ?1 AND r.id = ?3 AND r.job_id = ?4)`;

const RENAME_PRODUCT = `
UPDATE products SET id = ?3, version = version + 1, job_id = ?4, updated_at = ?5
WHERE tenant_id = ?1 AND id = ?2
  AND NOT EXISTS (SELECT 1 FROM products AS taken WHERE taken.tenant_id = ?1 AND taken.id = ?3)`;

const MOVE_IMAGES = `UPDATE images SET product_id = ?3 WHERE tenant_id = ?1 AND product_id = ?2 AND ${RENAMED}`;

/** Rounds under the new id before the move were left by a deleted product of that id: not this product's. */
const DROP_STALE_ROUNDS = `DELETE FROM processing_rounds WHERE tenant_id = ?1 AND product_id = ?3 AND ${RENAMED}`;

const MOVE_ROUNDS = `UPDATE processing_rounds SET product_id = ?3 WHERE tenant_id = ?1 AND product_id = ?2 AND ${RENAMED}`;

const RECORD_REFUSAL = `
INSERT INTO job_errors (job_id, idx, item_id, line, code, errors, created_at)
SELECT ?4, 0, ?2, NULL, 'conflict', json_array(json_object('path', '/id', 'message', 'A product "' || ?3 || '" already exists')), ?5
WHERE NOT ${RENAMED}`;

const READ_BACK = `SELECT number, version, status FROM products WHERE tenant_id = ?1 AND id = ?3 AND job_id = ?4`;

export type RenameResult = { renamed: true; jobId: string; number: number; version: number; status: string } | { renamed: false; jobId: string };

/** Binds the first N of the shared parameters, N being the highest `?N` the statement uses. */
function bound(db: D1Database, sql: string, params: unknown[]): D1PreparedStatement {
  const highest = Math.max(...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  return db.prepare(sql).bind(...params.slice(0, highest));
}

export async function renameProduct(db: D1Database, tenantId: string, from: string, to: string, kind: string, now = Date.now()): Promise<RenameResult> {
  const jobId = newId('job', now);
  const params = [tenantId, from, to, jobId, now];
  const readBack = bound(db, READ_BACK, params);
  const statements = [
    startJobStatement(db, { id: jobId, tenantId, kind, total: 1 }, now),
    bound(db, RENAME_PRODUCT, params),
    bound(db, MOVE_IMAGES, params),
    bound(db, DROP_STALE_ROUNDS, params),
    bound(db, MOVE_ROUNDS, params),
    ...renamedEventStatements(db, tenantId, to, jobId, now, newId('evt', now)),
    bound(db, RECORD_REFUSAL, params),
    ...finishRenameJobStatements(db, tenantId, jobId, to, now),
    readBack,
  ];
  const results = await db.batch(statements);
  const row = results[statements.indexOf(readBack)]!.results[0] as { number: number; version: number; status: string } | undefined;
  return row ? { renamed: true, jobId, ...row } : { renamed: false, jobId };
}
