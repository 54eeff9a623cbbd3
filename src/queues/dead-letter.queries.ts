/** The queues module's SQL: failures of messages still being retried, dead letters, and their replay. */

/**
 * ?1 JSON array of {fingerprint, queue, reason, attempts}, ?2 now: the last failure of each message
 * retried in a batch, replacing an older one.
 */
export const UPSERT_FAILURES = `
INSERT INTO queue_failures (fingerprint, queue, reason, attempts, updated_at)
SELECT j.value ->> 'fingerprint', j.value ->> 'queue', j.value ->> 'reason', j.value ->> 'attempts', ?2 FROM json_each(?1) AS j WHERE true
ON CONFLICT (fingerprint) DO UPDATE SET reason = excluded.reason, attempts = excluded.attempts, updated_at = excluded.updated_at`;

/** ?1 JSON array of fingerprints: messages that finished (or died) need no failure record. */
export const DELETE_FAILURES = 'DELETE FROM queue_failures WHERE fingerprint IN (SELECT value FROM json_each(?1))';

/**
 * ?1 cutoff, ?2 limit: failure records no retry has touched since the cutoff. A message that is lost
 * (a local restart, a queue purged) never succeeds or dies, so nothing else would remove its record.
 */
export const PRUNE_STALE_FAILURES = `
DELETE FROM queue_failures WHERE fingerprint IN (SELECT fingerprint FROM queue_failures WHERE updated_at < ?1 LIMIT ?2)`;

/** ?1 JSON array of fingerprints. */
export const SELECT_FAILURES = 'SELECT fingerprint, reason, attempts FROM queue_failures WHERE fingerprint IN (SELECT value FROM json_each(?1))';
export interface FailureRow {
  fingerprint: string;
  reason: string;
  attempts: number;
}

/** ?1 now, ?2 JSON array of {id, queue, body, attempts, reason, tenantId, jobId}. */
export const INSERT_DEAD_LETTERS = `
INSERT INTO dead_letters (id, queue, body, attempts, created_at, reason, tenant_id, job_id)
SELECT j.value ->> 'id', j.value ->> 'queue', j.value ->> 'body', j.value ->> 'attempts', ?1,
  j.value ->> 'reason', j.value ->> 'tenantId', j.value ->> 'jobId'
FROM json_each(?2) AS j`;

/** ?1 job, ?2 the note, ?3 now: an import whose slice died ends `failed`. */
export const FAIL_IMPORT = "UPDATE imports SET status = 'failed', note = ?2, completed_at = ?3, updated_at = ?3 WHERE job_id = ?1 AND status IN ('pending', 'processing')";

/** ?1 job, ?2 now: a replayed import reads on from its cursor. */
export const REOPEN_IMPORT = "UPDATE imports SET status = 'processing', note = NULL, completed_at = NULL, updated_at = ?2 WHERE job_id = ?1 AND status = 'failed'";

const DEAD_LETTER_COLUMNS = 'id, queue, body, attempts, created_at, reason, tenant_id, job_id, replayed_at';
export interface DeadLetterRow {
  id: string;
  queue: string;
  body: string;
  attempts: number;
  created_at: number;
  reason: string | null;
  tenant_id: string | null;
  job_id: string | null;
  replayed_at: number | null;
}

/**
 * Newest first. ?1 cursor id (exclusive; null = from the newest), ?2 queue (null = any), ?3 tenant
 * (null = any), ?4 replayed: 0 not yet, 1 replayed, null either, ?5 limit.
 */
export const LIST_DEAD_LETTERS = `
SELECT ${DEAD_LETTER_COLUMNS} FROM dead_letters
WHERE (?1 IS NULL OR id < ?1) AND (?2 IS NULL OR queue = ?2) AND (?3 IS NULL OR tenant_id = ?3)
  AND (?4 IS NULL OR (replayed_at IS NOT NULL) = ?4)
ORDER BY id DESC LIMIT ?5`;

/** ?1 id. */
export const SELECT_DEAD_LETTER = `SELECT ${DEAD_LETTER_COLUMNS} FROM dead_letters WHERE id = ?1`;

/** ?1 id, ?2 now: the one replay; a second changes nothing. */
export const MARK_REPLAYED = 'UPDATE dead_letters SET replayed_at = ?2 WHERE id = ?1 AND replayed_at IS NULL';

/** ?1 id, ?2 the mark to undo: a replay whose work could not be sent is not a replay. */
export const UNMARK_REPLAYED = 'UPDATE dead_letters SET replayed_at = NULL WHERE id = ?1 AND replayed_at = ?2';
