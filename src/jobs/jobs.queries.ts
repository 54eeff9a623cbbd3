/** Job rows: opened and closed inside the same D1 batch as the write they describe (DESIGN "Jobs"). */

/**
 * ?1 id, ?2 tenant, ?3 kind, ?4 status, ?5 total, ?6 now. A job accepted earlier (an inbound push
 * acknowledged before it was applied) already has its row: then it only starts.
 */
export const INSERT_JOB = `
INSERT INTO jobs (id, tenant_id, kind, status, total, created_at, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
ON CONFLICT (id) DO UPDATE SET status = excluded.status, total = excluded.total, started_at = excluded.started_at`;

/**
 * Close a write: counts come from the rows the job touched (`job_id`), so they are true
 * even when an item turned out unchanged. ?1 tenant, ?2 job, ?3 now, ?4 ok, ?5 failed, ?6 deleted.
 */
export const FINISH_WRITE_JOB = `
UPDATE jobs SET
  status = CASE
    WHEN EXISTS (SELECT 1 FROM processing_rounds WHERE job_id = ?2 AND closed_at IS NULL) THEN 'processing'
    WHEN ?5 = 0 THEN 'completed' WHEN ?4 = 0 AND ?6 = 0 THEN 'failed' ELSE 'partial' END,
  succeeded = ?4,
  failed = ?5,
  created = (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2 AND version = 1),
  updated = (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2 AND version > 1),
  unchanged = ?4 - ?6 - (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2),
  deleted = ?6,
  completed_at = CASE WHEN EXISTS (SELECT 1 FROM processing_rounds WHERE job_id = ?2 AND closed_at IS NULL) THEN NULL ELSE ?3 END
WHERE id = ?2`;

/**
 * `job.completed`, unless the job changed nothing and refused nothing (a write that changes nothing
 * emits no event at all), or still waits for the image work it started (DESIGN "Jobs": a job covers
 * the write and that work; the ingest consumer finishes it). ?1 event id, ?2 tenant, ?3 job, ?4 now.
 */
export const INSERT_JOB_COMPLETED = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, t.id, t.event_seq + 1, 'job.completed', json_object('jobId', j.id, 'status', j.status), ?4
FROM tenants AS t JOIN jobs AS j ON j.id = ?3
WHERE t.id = ?2 AND j.status != 'processing' AND (j.created + j.updated + j.deleted + j.failed) > 0`;

/**
 * Jobs whose last processing round closed just now (?3) finish: their status follows their items,
 * and each gets its `job.completed` event (usually one; further ones get a suffixed id).
 * ?1 tenant, ?2 product, ?3 now, ?4 event id.
 */
export const FINISH_JOBS_OF_CLOSED_ROUNDS = `
UPDATE jobs SET status = CASE WHEN failed = 0 THEN 'completed' WHEN succeeded = 0 AND deleted = 0 THEN 'failed' ELSE 'partial' END, completed_at = ?3
WHERE status = 'processing'
  AND id IN (SELECT job_id FROM processing_rounds WHERE tenant_id = ?1 AND product_id = ?2 AND closed_at = ?3)
  AND NOT EXISTS (SELECT 1 FROM processing_rounds AS r WHERE r.job_id = jobs.id AND r.closed_at IS NULL)`;

export const EMIT_JOBS_COMPLETED = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT CASE WHEN ROW_NUMBER() OVER (ORDER BY j.id) = 1 THEN ?4 ELSE ?4 || '_' || ROW_NUMBER() OVER (ORDER BY j.id) END, t.id, t.event_seq + ROW_NUMBER() OVER (ORDER BY j.id),
  'job.completed', json_object('jobId', j.id, 'status', j.status), ?3
FROM jobs AS j JOIN tenants AS t ON t.id = j.tenant_id
WHERE j.tenant_id = ?1 AND j.completed_at = ?3 AND j.status != 'processing'
  AND j.id IN (SELECT job_id FROM processing_rounds WHERE tenant_id = ?1 AND product_id = ?2 AND closed_at = ?3)`;
