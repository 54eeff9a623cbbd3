/**
 * The SQL of the secrets-at-rest backfill. The same statements run over each table that stores a
 * sealed secret, so they are built per table from a closed list of names (never from input).
 */

/** The tables whose `secret` and `previous_secret` columns hold sealed values. */
export type SealedTableName = 'webhook_endpoints' | 'inbound_sources' | 'processors';

/** ?1 now: previous secrets whose rotation overlap is over. */
export const clearExpiredPreviousSecrets = (table: SealedTableName) =>
  `UPDATE ${table} SET previous_secret = NULL, previous_secret_expires_at = NULL WHERE previous_secret_expires_at <= ?1`;

/** ?1 table. */
export const SELECT_BACKFILL_STATE = 'SELECT key_id, cursor, completed_at FROM secret_backfill WHERE table_name = ?1';
export interface BackfillStateRow {
  key_id: string;
  cursor: number;
  completed_at: number | null;
}

/** ?1 after this rowid, ?2 page size; `identity`: the columns a row's secrets are sealed for. */
export const selectSecretsPage = (table: SealedTableName, identity: string) =>
  `SELECT rowid AS rid, ${identity}, secret, previous_secret FROM ${table} WHERE rowid > ?1 ORDER BY rowid LIMIT ?2`;
export interface SecretsPageRow {
  rid: number;
  secret: string | null;
  previous_secret: string | null;
  /** The identity columns. */
  [identity: string]: unknown;
}

/**
 * ?1 JSON array of {rid, so, sn, po, pn}: each value replaced (sn, pn) only while it is still the one
 * read (so, po), so a rotation that ran meanwhile wins.
 */
export const resealPage = (table: SealedTableName) => `
UPDATE ${table} SET
  secret = CASE WHEN j.value ->> 'sn' IS NOT NULL AND secret = j.value ->> 'so' THEN j.value ->> 'sn' ELSE secret END,
  previous_secret = CASE WHEN j.value ->> 'pn' IS NOT NULL AND previous_secret = j.value ->> 'po' THEN j.value ->> 'pn' ELSE previous_secret END
FROM json_each(?1) AS j WHERE ${table}.rowid = j.value ->> 'rid'`;

/** ?1 table, ?2 key id, ?3 cursor, ?4 completed at (null: not yet), ?5 now. */
export const SAVE_BACKFILL_STATE = `
INSERT INTO secret_backfill (table_name, key_id, cursor, completed_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (table_name) DO UPDATE SET key_id = excluded.key_id, cursor = excluded.cursor, completed_at = excluded.completed_at, updated_at = excluded.updated_at`;
