/**
 * An ended import's file stays in R2 for `fileRetentionDays` (what GET /v1/imports/{id} describes
 * can still be checked against it), then the cron deletes it. The import row stays, with
 * `file_deleted_at` set. Bounded per run; a repeated run deletes nothing twice.
 */
import type { Env } from '../env';

const DAY_MS = 86_400_000;
/** Files per run: one R2 delete call takes up to 1,000 keys. */
const BATCH = 200;

export async function deleteEndedImportFiles(env: Env, now: number, fileRetentionDays: number): Promise<number> {
  // An ended import's updated_at is when it ended (finish, failure, or a dead upload marked failed).
  const { results } = await env.DB.prepare(
    "SELECT job_id, r2_key FROM imports WHERE file_deleted_at IS NULL AND updated_at < ?1 AND status IN ('completed', 'partial', 'failed') LIMIT ?2",
  )
    .bind(now - fileRetentionDays * DAY_MS, BATCH)
    .all<{ job_id: string; r2_key: string }>();
  if (results.length === 0) return 0;
  await env.IMAGES.delete(results.map((r) => r.r2_key));
  await env.DB.prepare('UPDATE imports SET file_deleted_at = ?1 WHERE job_id IN (SELECT value FROM json_each(?2))')
    .bind(now, JSON.stringify(results.map((r) => r.job_id)))
    .run();
  return results.length;
}
