/**
 * The jobs module's door: the statements other modules put inside their own D1 batch, so a job row
 * and the change it describes commit together (DESIGN "Jobs"). Job creation and every status change
 * go through here; the SQL (and the one job-status rule, `settledStatus`) lives in jobs.queries.ts.
 */
import { jobCompletedStatements, jobsCompletedByRoundsStatements } from '../events/outbox';
import {
  ACCEPT_JOB,
  ADD_SLICE,
  CLOSE_WRITES,
  FAIL_JOB,
  FINISH_DELETE_JOB,
  FINISH_JOBS_OF_CLOSED_ROUNDS,
  FINISH_RENAME_JOB,
  FINISH_WRITE_JOB,
  READ_JOB_STATUS,
  REOPEN_FAILED_JOB,
  SET_PROGRESS,
  START_JOB,
} from './jobs.queries';

export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'partial';

/** A job accepted now, worked on by a queue consumer later. `writesOpen`: its owner adds slices (an import). */
export function acceptJobStatement(
  db: D1Database,
  job: { id: string; tenantId: string; kind: string; total: number; started: boolean; writesOpen?: boolean },
  now: number,
): D1PreparedStatement {
  return db.prepare(ACCEPT_JOB).bind(job.id, job.tenantId, job.kind, job.total, now, job.started ? now : null, job.writesOpen ? 1 : 0);
}

/** A write's own job starts (`processing`), or a job accepted earlier starts. */
export function startJobStatement(db: D1Database, job: { id: string; tenantId: string; kind: string; total: number }, now: number): D1PreparedStatement {
  return db.prepare(START_JOB).bind(job.id, job.tenantId, job.kind, job.total, now);
}

/** A write's own job ends (or waits for its image work), with its `job.completed`. */
export function finishWriteJobStatements(
  db: D1Database,
  tenantId: string,
  jobId: string,
  counts: { ok: number; failed: number; deleted: number },
  now: number,
): D1PreparedStatement[] {
  return [db.prepare(FINISH_WRITE_JOB).bind(tenantId, jobId, now, counts.ok, counts.failed, counts.deleted), ...jobCompletedStatements(db, tenantId, jobId, now)];
}

/** One slice of a job that spans many writes: `processing`, counts grown by it. `countedBefore`: the job's items before this slice. */
export function addSliceStatement(
  db: D1Database,
  tenantId: string,
  jobId: string,
  slice: { writtenIds: string; ok: number; failed: number; countedBefore: number },
  now: number,
): D1PreparedStatement {
  return db.prepare(ADD_SLICE).bind(tenantId, jobId, now, slice.writtenIds, slice.ok, slice.failed, slice.countedBefore);
}

/** The last write of a many-write job: it ends by the rule (or `failed` when forced), with its `job.completed`, unless image work is open. */
export function closeWritesStatements(db: D1Database, tenantId: string, jobId: string, end: { deleted: number; status?: 'failed' }, now: number): D1PreparedStatement[] {
  return [db.prepare(CLOSE_WRITES).bind(tenantId, jobId, now, end.deleted, end.status ?? null), ...jobCompletedStatements(db, tenantId, jobId, now, true)];
}

/** A delete's job: completed iff the tombstone `tombstoneId` was written; with its `job.completed`. */
export function finishDeleteJobStatements(db: D1Database, tenantId: string, jobId: string, tombstoneId: string, now: number): D1PreparedStatement[] {
  return [db.prepare(FINISH_DELETE_JOB).bind(tenantId, jobId, now, tombstoneId), ...jobCompletedStatements(db, tenantId, jobId, now)];
}

/** A rename's job: completed iff the product `to` carries the job's mark; with its `job.completed`. */
export function finishRenameJobStatements(db: D1Database, tenantId: string, jobId: string, to: string, now: number): D1PreparedStatement[] {
  return [db.prepare(FINISH_RENAME_JOB).bind(tenantId, jobId, now, to), ...jobCompletedStatements(db, tenantId, jobId, now)];
}

/** Jobs whose image work ended with the product's rounds closed at `now`, with their `job.completed`. */
export function finishJobsOfClosedRoundsStatements(db: D1Database, tenantId: string, productId: string, now: number): D1PreparedStatement[] {
  return [db.prepare(FINISH_JOBS_OF_CLOSED_ROUNDS).bind(tenantId, productId, now), ...jobsCompletedByRoundsStatements(db, tenantId, productId, now)];
}

/** A job given up on, if still unfinished. */
export function failJobStatement(db: D1Database, jobId: string, now: number): D1PreparedStatement {
  return db.prepare(FAIL_JOB).bind(jobId, now);
}

/** A failed job reopened (`processing`) because its dead-lettered work is replayed; `writesOpen`: its owner adds slices (an import). */
export function reopenFailedJobStatement(db: D1Database, tenantId: string, jobId: string, writesOpen: boolean): D1PreparedStatement {
  return db.prepare(REOPEN_FAILED_JOB).bind(jobId, tenantId, writesOpen ? 1 : 0);
}

/** The job's status as the batch left it (read in the same batch: the one rule, not a copy of it). */
export function readJobStatusStatement(db: D1Database, jobId: string): D1PreparedStatement {
  return db.prepare(READ_JOB_STATUS).bind(jobId);
}

/** A long job's progress (a recommendations rebuild): `done` of its total steps, shown as `succeeded`. */
export function jobProgressStatement(db: D1Database, tenantId: string, jobId: string, done: number, now: number): D1PreparedStatement {
  return db.prepare(SET_PROGRESS).bind(tenantId, jobId, done, now);
}
