import type { Db } from '../db/batch';
import { toIso } from '../lib/time';
import {
  CLAIM_IMPORT_SLOT,
  FAIL_STALE_UPLOADS,
  FAIL_UPLOAD,
  type ImportRefRow,
  type ImportRow,
  MARK_UPLOADED,
  type RunningImportRow,
  SELECT_IMPORT,
  SELECT_IMPORTS_TO_WAKE,
  SELECT_RUNNING_IMPORTS,
  STALE_UPLOAD_MS,
} from './imports.queries';

export type { ImportRow };

export function findImport(db: Db, tenantId: string, jobId: string): Promise<ImportRow | null> {
  return db.prepare(SELECT_IMPORT).bind(tenantId, jobId).first<ImportRow>();
}

export interface ImportClaim {
  jobId: string;
  tenantId: string;
  format: ImportRow['format'];
  mode: ImportRow['mode'];
  r2Key: string;
  now: number;
  maxRunning: number;
}

/** Claims a slot for an upload; false when the tenant's running imports (or a running replace) refuse it. */
export async function claimImportSlot(db: Db, claim: ImportClaim): Promise<boolean> {
  const result = await db
    .prepare(CLAIM_IMPORT_SLOT)
    .bind(claim.jobId, claim.tenantId, claim.format, claim.mode, claim.r2Key, claim.now, claim.maxRunning)
    .run();
  return (result.meta.changes ?? 0) > 0;
}

/** The imports holding the tenant's slots (at most 10). */
export async function runningImports(db: Db, tenantId: string, now: number): Promise<RunningImportRow[]> {
  return (await db.prepare(SELECT_RUNNING_IMPORTS).bind(tenantId, now).all<RunningImportRow>()).results;
}

export async function failUpload(db: Db, jobId: string, now = Date.now()): Promise<void> {
  await db.prepare(FAIL_UPLOAD).bind(jobId, now).run();
}

/** The statement that queues an uploaded import: batched with its job's creation. */
export function markUploadedStatement(db: Db, jobId: string, bytes: number, sha256: string, now = Date.now()): D1PreparedStatement {
  return db.prepare(MARK_UPLOADED).bind(jobId, bytes, sha256, now);
}

/** Marks dead uploads failed, then lists imports untouched since `before` for the cron to wake. */
export async function importsToWake(db: Db, now: number, before: number): Promise<ImportRefRow[]> {
  await db.prepare(FAIL_STALE_UPLOADS).bind(now, now - STALE_UPLOAD_MS).run();
  return (await db.prepare(SELECT_IMPORTS_TO_WAKE).bind(before).all<ImportRefRow>()).results;
}

export function renderImport(row: ImportRow, now = Date.now()) {
  const end = row.completed_at ?? now;
  const seconds = (end - row.created_at) / 1000;
  return {
    jobId: row.job_id,
    format: row.format,
    mode: row.mode,
    status: row.status,
    bytes: row.bytes,
    sha256: row.sha256,
    encoding: row.encoding,
    rows: { total: row.rows_total, done: row.rows_done, failed: row.rows_failed },
    progress: row.bytes === 0 ? 1 : Math.min(1, row.next_offset / row.bytes),
    rowsPerSecond: seconds > 0 ? Math.round((row.rows_total / seconds) * 10) / 10 : null,
    note: row.note,
    createdAt: toIso(row.created_at),
    completedAt: toIso(row.completed_at),
  };
}
