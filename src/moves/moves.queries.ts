/**
 * The moves module's SQL on the control database: `shard_moves` (owned here) and reads of the
 * tenant and its placement. Data-shard SQL is built per table in slice.queries.ts.
 */

export interface MoveRow {
  id: string;
  tenant_id: string;
  from_shard: number;
  to_shard: number;
  state: string;
  epoch: number;
  watermarks: string;
  report: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

/** States after which nothing runs. */
export const TERMINAL = ['done', 'failed'] as const;

/** ?1 tenant (rows: { id }). */
export const SELECT_TENANT = 'SELECT id FROM tenants WHERE id = ?1';

/**
 * ?1 id, ?2 tenant, ?3 from, ?4 to, ?5 epoch, ?6 now. Only when no move of the tenant is running:
 * one statement, so two concurrent requests cannot both start one.
 */
export const INSERT_MOVE = `INSERT INTO shard_moves (id, tenant_id, from_shard, to_shard, state, epoch, watermarks, created_at, updated_at)
SELECT ?1, ?2, ?3, ?4, 'copying', ?5, '{}', ?6, ?6
WHERE NOT EXISTS (SELECT 1 FROM shard_moves WHERE tenant_id = ?2 AND state NOT IN ('done', 'failed'))`;

/** ?1 tenant: its running move (rows: MoveRow). */
export const SELECT_RUNNING = "SELECT * FROM shard_moves WHERE tenant_id = ?1 AND state NOT IN ('done', 'failed') LIMIT 1";

/** ?1 move id (rows: MoveRow). */
export const SELECT_MOVE = 'SELECT * FROM shard_moves WHERE id = ?1';

/** ?1 tenant, ?2 limit: newest first (rows: MoveRow). */
export const LIST_MOVES = 'SELECT * FROM shard_moves WHERE tenant_id = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2';

/** ?1 id, ?2 the lease token the runner holds, ?3 the new token: claims a running move for one message. */
export const CLAIM_MOVE = `UPDATE shard_moves SET updated_at = ?3 WHERE id = ?1 AND updated_at = ?2 AND state NOT IN ('done', 'failed')`;

/**
 * ?1 id, ?2 token held, ?3 new token, ?4 state, ?5 watermarks, ?6 report, ?7 error, ?8 completed_at.
 * Only while the runner still holds the lease: a second runner of the same move stops at its next commit.
 */
export const COMMIT_MOVE = `UPDATE shard_moves SET updated_at = ?3, state = ?4, watermarks = ?5, report = ?6, error = ?7, completed_at = ?8
WHERE id = ?1 AND updated_at = ?2`;

/** ?1 updated before (rows: { id, updated_at }): running moves nobody has advanced within the lease. */
export const SELECT_STALLED = "SELECT id, updated_at FROM shard_moves WHERE state NOT IN ('done', 'failed') AND updated_at < ?1 LIMIT 50";
