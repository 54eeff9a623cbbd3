import { toIso } from '../lib/time';

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

export function findImport(db: D1Database, tenantId: string, jobId: string): Promise<ImportRow | null> {
  return db.prepare('SELECT * FROM imports WHERE tenant_id = ?1 AND job_id = ?2').bind(tenantId, jobId).first<ImportRow>();
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
