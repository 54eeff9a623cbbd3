/**
 * Every statement that writes `jobs`: the jobs module is the one writer (ARCHITECTURE "Who owns which
 * table"). Rows are opened and closed inside the same D1 batch as the write they describe (DESIGN
 * "Jobs"); other modules get them through job-statements.ts.
 */

/** An open round of image work holds the job in `processing`. ?2: the job. */
const WAITS_FOR_IMAGES = 'EXISTS (SELECT 1 FROM processing_rounds WHERE job_id = ?2 AND closed_at IS NULL)';

/**
 * THE job-status rule, once: how a job that has nothing left to wait for ends, from its counts
 * (succeeded, failed, deleted items). Every finishing statement below uses it.
 */
export const settledStatus = (succeeded: string, failed: string, deleted: string) =>
  `CASE WHEN (${failed}) = 0 THEN 'completed' WHEN (${succeeded}) = 0 AND (${deleted}) = 0 THEN 'failed' ELSE 'partial' END`;

/**
 * A job accepted now and worked on later (an inbound push, an import file). ?1 id, ?2 tenant,
 * ?3 kind, ?4 total, ?5 now, ?6 started at (null: not yet), ?7 writes open (an import adds slices).
 */
export const ACCEPT_JOB = `
INSERT INTO jobs (id, tenant_id, kind, status, total, created_at, started_at, writes_open) VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?7)`;

/**
 * A write's own job starts (`processing`). ?1 id, ?2 tenant, ?3 kind, ?4 total, ?5 now. A job accepted
 * earlier (an inbound push acknowledged before it was applied) already has its row: then it only starts.
 */
export const START_JOB = `
INSERT INTO jobs (id, tenant_id, kind, status, total, created_at, started_at) VALUES (?1, ?2, ?3, 'processing', ?4, ?5, ?5)
ON CONFLICT (id) DO UPDATE SET status = excluded.status, total = excluded.total, started_at = excluded.started_at`;

/**
 * Close a write: counts come from the rows the job touched (`job_id`), so they are true
 * even when an item turned out unchanged. ?1 tenant, ?2 job, ?3 now, ?4 ok, ?5 failed, ?6 deleted.
 */
export const FINISH_WRITE_JOB = `
UPDATE jobs SET
  status = CASE WHEN ${WAITS_FOR_IMAGES} THEN 'processing' ELSE ${settledStatus('?4', '?5', '?6')} END,
  succeeded = ?4,
  failed = ?5,
  created = (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2 AND version = 1),
  updated = (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2 AND version > 1),
  unchanged = ?4 - ?6 - (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2),
  deleted = ?6,
  completed_at = CASE WHEN ${WAITS_FOR_IMAGES} THEN NULL ELSE ?3 END
WHERE id = ?2`;

/**
 * One slice of a job that spans many writes (an import's chunks): the job is `processing` and its
 * counts grow by the slice, in the slice's own transaction. Guarded by the counts the slice started
 * from (?7), so a slice applied twice (a redelivered message racing the first) counts once.
 * ?1 tenant, ?2 job, ?3 now, ?4 the slice's written ids JSON, ?5 ok, ?6 failed, ?7 items counted before.
 */
export const ADD_SLICE = `
UPDATE jobs SET
  status = 'processing',
  writes_open = 1,
  started_at = COALESCE(started_at, ?3),
  total = total + ?5 + ?6,
  succeeded = succeeded + ?5,
  failed = failed + ?6,
  (created, updated, unchanged) = (
    SELECT jobs.created + COALESCE(SUM(p.version = 1), 0), jobs.updated + COALESCE(SUM(p.version > 1), 0), jobs.unchanged + ?5 - COUNT(p.id)
    FROM json_each(?4) AS j CROSS JOIN products AS p ON p.tenant_id = ?1 AND p.id = j.value AND p.job_id = ?2)
WHERE id = ?2 AND succeeded + failed = ?7`;

/**
 * The last write of a job that spanned many ends it: by the rule, or as ?5 says (a file that could not
 * be read ends `failed`), unless image work it started is still open (then the ingest consumer ends
 * it). ?1 tenant, ?2 job, ?3 now, ?4 deleted, ?5 forced status or null.
 */
export const CLOSE_WRITES = `
UPDATE jobs SET
  writes_open = 0,
  deleted = ?4,
  status = CASE WHEN ${WAITS_FOR_IMAGES} THEN 'processing' ELSE COALESCE(?5, ${settledStatus('succeeded', 'failed', '?4')}) END,
  completed_at = CASE WHEN ${WAITS_FOR_IMAGES} THEN NULL ELSE ?3 END
WHERE id = ?2 AND tenant_id = ?1`;

/**
 * A one-item job (a delete, a rename) ends by whether its item's change took place (`ok`, an SQL
 * condition); `deleted` or `updated` counts it. ?1 tenant, ?2 job, ?3 now, ?4 see below.
 */
const finishOneItemJob = (ok: string, counted: 'deleted' | 'updated') => `
UPDATE jobs SET
  status = ${settledStatus(ok, `NOT ${ok}`, counted === 'deleted' ? ok : '0')},
  succeeded = ${ok},
  failed = NOT ${ok},
  ${counted} = ${ok},
  completed_at = ?3
WHERE id = ?2 AND tenant_id = ?1`;

/** ?4: the tombstone event's id (the delete took place iff its tombstone was written). */
export const FINISH_DELETE_JOB = finishOneItemJob('EXISTS (SELECT 1 FROM events WHERE id = ?4)', 'deleted');

/** ?4: the new id (the rename took place iff the product under it carries this job's mark). */
export const FINISH_RENAME_JOB = finishOneItemJob('EXISTS (SELECT 1 FROM products WHERE tenant_id = ?1 AND id = ?4 AND job_id = ?2)', 'updated');

/**
 * Jobs whose last processing round closed just now (?3) finish: their status follows their items.
 * Not one whose owner may still add writes (an import between slices). ?1 tenant, ?2 product, ?3 now.
 */
export const FINISH_JOBS_OF_CLOSED_ROUNDS = `
UPDATE jobs SET status = ${settledStatus('succeeded', 'failed', 'deleted')}, completed_at = ?3
WHERE status = 'processing' AND writes_open = 0
  AND id IN (SELECT job_id FROM processing_rounds WHERE tenant_id = ?1 AND product_id = ?2 AND closed_at = ?3)
  AND NOT EXISTS (SELECT 1 FROM processing_rounds AS r WHERE r.job_id = jobs.id AND r.closed_at IS NULL)`;

/** A job given up on (its message dead-lettered, its stored payload gone). ?1 job, ?2 now. */
export const FAIL_JOB = `
UPDATE jobs SET status = 'failed', writes_open = 0, completed_at = ?2 WHERE id = ?1 AND status IN ('pending', 'processing')`;

/**
 * A failed job whose dead-lettered work an operator replays: `processing` again, unfinished, its
 * owner feeding it again when `?3` (an import). ?1 job, ?2 tenant, ?3 writes_open.
 */
export const REOPEN_FAILED_JOB = `
UPDATE jobs SET status = 'processing', completed_at = NULL, writes_open = ?3 WHERE id = ?1 AND tenant_id = ?2 AND status = 'failed'`;

/** ?1 job. */
/** The whole row (rows: JobRow): a write answers its job from its own batch, without a read after it. */
export const READ_JOB_STATUS = `SELECT * FROM jobs WHERE id = ?1`;

/**
 * A long job's progress: `done` of its `total` steps so far, absolute (a repeated slice cannot count
 * twice), only while it runs. ?1 tenant, ?2 job, ?3 done, ?4 now.
 */
export const SET_PROGRESS = `
UPDATE jobs SET status = 'processing', started_at = COALESCE(started_at, ?4), succeeded = MAX(succeeded, ?3)
WHERE id = ?2 AND tenant_id = ?1 AND status IN ('pending', 'processing')`;
