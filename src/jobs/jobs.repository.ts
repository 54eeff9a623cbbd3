import { toIso } from '../lib/time';
import type { JobT } from './jobs.schemas';
import { BEFORE_ANY_JOB, SELECT_JOBS_PAGE, SELECT_JOBS_PAGE_BY_STATUS } from './jobs-list.queries';

export interface JobRow {
  id: string;
  kind: string;
  status: JobT['status'];
  total: number;
  succeeded: number;
  failed: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  created_at: number;
  started_at: number | null;
  completed_at: number | null;
}

export function renderJob(row: JobRow): JobT {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    counts: {
      total: row.total,
      succeeded: row.succeeded,
      failed: row.failed,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      deleted: row.deleted,
    },
    createdAt: toIso(row.created_at),
    startedAt: toIso(row.started_at),
    completedAt: toIso(row.completed_at),
    durationMs: row.completed_at !== null && row.started_at !== null ? row.completed_at - row.started_at : null,
  };
}

export async function findJob(db: D1Database, tenantId: string, id: string): Promise<JobT | null> {
  const row = await db.prepare('SELECT * FROM jobs WHERE tenant_id = ?1 AND id = ?2').bind(tenantId, id).first<JobRow>();
  return row ? renderJob(row) : null;
}

/** Newest first; the cursor is the last id seen (ULIDs sort by time). */
export async function listJobs(db: D1Database, tenantId: string, beforeId: string | null, limit: number, status: string | null) {
  const before = beforeId ?? BEFORE_ANY_JOB;
  const statement =
    status === null
      ? db.prepare(SELECT_JOBS_PAGE).bind(tenantId, before, limit + 1)
      : db.prepare(SELECT_JOBS_PAGE_BY_STATUS).bind(tenantId, status, before, limit + 1);
  const { results } = await statement.all<JobRow>();
  const page = results.slice(0, limit);
  return { data: page.map(renderJob), nextId: results.length > limit ? page.at(-1)!.id : null };
}

export async function listJobErrors(db: D1Database, jobId: string, afterIndex: number, limit: number) {
  const { results } = await db
    .prepare('SELECT idx, item_id, line, code, errors FROM job_errors WHERE job_id = ?1 AND idx > ?2 ORDER BY idx LIMIT ?3')
    .bind(jobId, afterIndex, limit + 1)
    .all<{ idx: number; item_id: string | null; line: number | null; code: string; errors: string }>();
  const page = results.slice(0, limit);
  return {
    data: page.map((r) => ({ index: r.idx, itemId: r.item_id, line: r.line, code: r.code, errors: JSON.parse(r.errors) as Array<{ path: string; message: string }> })),
    nextIndex: results.length > limit ? page.at(-1)!.idx : null,
  };
}
