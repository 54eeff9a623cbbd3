/**
 * An ended import's file stays in R2 for `fileRetentionDays` (what GET /v1/imports/{id} describes
 * can still be checked against it), then the cron deletes it. The import row stays, with
 * `file_deleted_at` set. Bounded per run; a repeated run deletes nothing twice.
 */
import type { Env } from '../env';
import { type ImportFileRow, MARK_FILES_DELETED, SELECT_ENDED_IMPORT_FILES } from './imports.queries';

const DAY_MS = 86_400_000;
/** Files per run: one R2 delete call takes up to 1,000 keys. */
const BATCH = 200;

export async function deleteEndedImportFiles(env: Env, now: number, fileRetentionDays: number): Promise<number> {
  const { results } = await env.DB.prepare(SELECT_ENDED_IMPORT_FILES).bind(now - fileRetentionDays * DAY_MS, BATCH).all<ImportFileRow>();
  if (results.length === 0) return 0;
  await env.IMAGES.delete(results.map((r) => r.r2_key));
  await env.DB.prepare(MARK_FILES_DELETED).bind(now, JSON.stringify(results.map((r) => r.job_id))).run();
  return results.length;
}
