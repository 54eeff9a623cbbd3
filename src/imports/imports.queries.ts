/**
 * The imports module's SQL outside the reading of a file (process-import, replace): the upload's
 * claim on a slot, its end, the lookup GET /v1/imports/{id} renders, and the cron's sweeps.
 */

/** An upload claim older than this died with its request (the cron also marks it failed). */
export const STALE_UPLOAD_MS = 3_600_000;

/** An import that holds a slot: queued, being read, or an upload still in flight (`now`: the parameter holding the time). */
const running = (now: string) => `(status IN ('pending', 'processing') OR (status = 'uploading' AND updated_at > ${now} - ${STALE_UPLOAD_MS}))`;

/** A row of `imports` as `SELECT *` reads it. */
export interface ImportRow {
  job_id: string;
  tenant_id: string;
  format: 'jsonl' | 'csv' | 'tsv' | 'xml';
  mode: 'upsert' | 'replace';
  r2_key: string;
  bytes: number;
  sha256: string;
  encoding: string | null;
  columns: string | null;
  delimiter: string | null;
  next_offset: number;
  next_line: number;
  rows_total: number;
  rows_done: number;
  rows_failed: number;
  status: 'uploading' | 'pending' | 'processing' | 'completed' | 'partial' | 'failed';
  note: string | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

/** ?1 tenant, ?2 job (rows: ImportRow). */
export const SELECT_IMPORT = 'SELECT * FROM imports WHERE tenant_id = ?1 AND job_id = ?2';

/**
 * The upload's claim, as `uploading`: the "one replace at a time" and "at most ?7 at once" checks and
 * the insert are one statement, so racing uploads cannot all pass. No row inserted = refused.
 * ?1 job, ?2 tenant, ?3 format, ?4 mode, ?5 R2 key, ?6 now, ?7 most running imports per tenant.
 */
export const CLAIM_IMPORT_SLOT = `
INSERT INTO imports (job_id, tenant_id, format, mode, r2_key, bytes, sha256, next_offset, next_line, rows_total, rows_done, rows_failed, status, created_at, updated_at)
SELECT ?1, ?2, ?3, ?4, ?5, 0, '', 0, 1, 0, 0, 0, 'uploading', ?6, ?6
WHERE (?4 != 'replace' OR NOT EXISTS (SELECT 1 FROM imports WHERE tenant_id = ?2 AND mode = 'replace' AND ${running('?6')}))
  AND (SELECT COUNT(*) FROM imports WHERE tenant_id = ?2 AND ${running('?6')}) < ?7`;

/** ?1 tenant, ?2 now: what holds the slots (a refused claim names them). */
export const SELECT_RUNNING_IMPORTS = `SELECT job_id, mode FROM imports WHERE tenant_id = ?1 AND ${running('?2')} LIMIT 10`;
export interface RunningImportRow {
  job_id: string;
  mode: string;
}

/** ?1 job, ?2 now. */
export const FAIL_UPLOAD = "UPDATE imports SET status = 'failed', note = 'The upload did not complete', updated_at = ?2 WHERE job_id = ?1";

/** ?1 job, ?2 bytes, ?3 sha-256, ?4 now: the file is in R2, the import is queued. */
export const MARK_UPLOADED = "UPDATE imports SET bytes = ?2, sha256 = ?3, status = 'pending', updated_at = ?4 WHERE job_id = ?1";

/** ?1 now, ?2 uploads last touched before this died with their request: an evicted isolate, a restart. */
export const FAIL_STALE_UPLOADS = "UPDATE imports SET status = 'failed', note = 'The upload did not complete', updated_at = ?1 WHERE status = 'uploading' AND updated_at < ?2";

/** ?1 untouched since (rows: ImportRefRow). */
export const SELECT_IMPORTS_TO_WAKE = "SELECT job_id, tenant_id FROM imports WHERE status IN ('pending', 'processing') AND updated_at < ?1 LIMIT 50";
export interface ImportRefRow {
  job_id: string;
  tenant_id: string;
}

/** ?1 ended before, ?2 limit. An ended import's updated_at is when it ended (finish, failure, or a dead upload marked failed). */
export const SELECT_ENDED_IMPORT_FILES =
  "SELECT job_id, r2_key FROM imports WHERE file_deleted_at IS NULL AND updated_at < ?1 AND status IN ('completed', 'partial', 'failed') LIMIT ?2";
export interface ImportFileRow {
  job_id: string;
  r2_key: string;
}

/** ?1 now, ?2 JSON array of job ids. */
export const MARK_FILES_DELETED = 'UPDATE imports SET file_deleted_at = ?1 WHERE job_id IN (SELECT value FROM json_each(?2))';
