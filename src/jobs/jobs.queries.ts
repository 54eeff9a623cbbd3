/** Job rows: opened and closed inside the same D1 batch as the write they describe (DESIGN "Jobs"). */

/**
 * ?1 id, ?2 tenant, ?3 kind, ?4 status, ?5 total, ?6 now. A job accepted earlier (an inbound push
 * acknowledged before it was applied) already has its row: then it only starts.
 */
export const INSERT_JOB = `
INSERT INTO jobs (id, tenant_id, kind, status, total, created_at, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
ON CONFLICT (id) DO UPDATE SET status = excluded.status, total = excluded.total, started_at = excluded.started_at`;

/**
 * Close a synchronous write: counts come from the rows the job touched (`job_id`), so they are true
 * even when an item turned out unchanged. ?1 tenant, ?2 job, ?3 now, ?4 ok, ?5 failed, ?6 deleted.
 */
export const FINISH_WRITE_JOB = `
UPDATE jobs SET
  status = CASE WHEN ?5 = 0 THEN 'completed' WHEN ?4 = 0 AND ?6 = 0 THEN 'failed' ELSE 'partial' END,
  succeeded = ?4,
  failed = ?5,
  created = (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2 AND version = 1),
  updated = (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2 AND version > 1),
  unchanged = ?4 - ?6 - (SELECT COUNT(*) FROM products WHERE tenant_id = ?1 AND job_id = ?2),
  deleted = ?6,
  completed_at = ?3
WHERE id = ?2`;

/**
 * `job.completed`, unless the job changed nothing and refused nothing: a write that changes nothing
 * emits no event at all. ?1 event id, ?2 tenant, ?3 job, ?4 now.
 */
export const INSERT_JOB_COMPLETED = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, t.id, t.event_seq + 1, 'job.completed', json_object('jobId', j.id, 'status', j.status), ?4
FROM tenants AS t JOIN jobs AS j ON j.id = ?3
WHERE t.id = ?2 AND (j.created + j.updated + j.deleted + j.failed) > 0`;
