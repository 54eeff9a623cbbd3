/**
 * The cron's part in images. D1 holds the pending work: images still `pending` a minute after their
 * write (a lost wake-up, a restarted `npm start`) or whose claim expired get their product
 * re-enqueued. Stored bytes no image references any more are marked, and deleted from R2 after a
 * grace period (a re-sync of the same picture within it reuses them instead of fetching again).
 */
import { ROUTINE_SWEEP, type SweepMode, wakeBefore } from '../lib/sweep-mode';
import type { Env } from '../env';
import { RELEASE_DEAD_CLAIMS } from './processing-status.queries';
import { wakeIngest } from './wake';
import { blobKey, derivativeKey } from './store';
import { VARIANTS } from './processors/derivatives';

export const ORPHAN_GRACE_MS = 24 * 3600 * 1000;
/** A routine sweep leaves images younger than this to the wake-up their write sent. */
const UNTOUCHED_MS = 60_000;
const MAX_PRODUCTS = 500;
/** After a restart every pending image lost its message at once (50 products a message). */
const MAX_PRODUCTS_RECOVERY = 5000;

export async function sweepImages(env: Env, now = Date.now(), mode: SweepMode = ROUTINE_SWEEP): Promise<{ requeued: number; deleted: number }> {
  const db = env.DB;
  const release = mode.deadBefore === null ? [] : [
    db.prepare(RELEASE_DEAD_CLAIMS).bind(now, mode.deadBefore),
  ];
  const [due, , expired] = (await db.batch([
    ...release,
    db.prepare(
      `SELECT DISTINCT tenant_id, product_id FROM images
       WHERE (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?1) AND updated_at < ?2)
          OR (status = 'processing' AND next_attempt_at < ?1)
       LIMIT ?3`,
    ).bind(now, wakeBefore(mode, now, UNTOUCHED_MS), mode.recovery ? MAX_PRODUCTS_RECOVERY : MAX_PRODUCTS),
    db.prepare(
      `UPDATE blobs SET orphaned_at = ?1 WHERE rowid IN (
         SELECT b.rowid FROM blobs AS b WHERE b.orphaned_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM images AS i WHERE i.tenant_id = b.tenant_id AND i.sha256 = b.sha256)
         LIMIT 1000)`,
    ).bind(now),
    db.prepare(
      `SELECT b.tenant_id, b.sha256 FROM blobs AS b
       WHERE b.orphaned_at IS NOT NULL AND b.orphaned_at < ?1
         AND NOT EXISTS (SELECT 1 FROM images AS i WHERE i.tenant_id = b.tenant_id AND i.sha256 = b.sha256)
       LIMIT 200`,
    ).bind(now - ORPHAN_GRACE_MS),
  ])).slice(release.length);

  const byTenant = new Map<string, string[]>();
  for (const row of due!.results as Array<{ tenant_id: string; product_id: string }>) {
    byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row.product_id]);
  }
  await Promise.all([...byTenant].map(([tenantId, products]) => wakeIngest(env, tenantId, products)));

  const gone = expired!.results as Array<{ tenant_id: string; sha256: string }>;
  if (gone.length > 0) {
    const keys = gone.flatMap((b) => [blobKey(b.tenant_id, b.sha256), ...Object.keys(VARIANTS).map((v) => derivativeKey(b.tenant_id, b.sha256, v))]);
    for (let i = 0; i < keys.length; i += 1000) await env.IMAGES.delete(keys.slice(i, i + 1000));
    const json = JSON.stringify(gone.map((b) => [b.tenant_id, b.sha256]));
    const pairs = `SELECT j.value ->> '$[0]' AS tenant_id, j.value ->> '$[1]' AS sha256 FROM json_each(?1) AS j`;
    await db.batch([
      db.prepare(`DELETE FROM blobs WHERE orphaned_at IS NOT NULL AND (tenant_id, sha256) IN (${pairs})`).bind(json),
      db.prepare(`DELETE FROM url_cache WHERE (tenant_id, sha256) IN (${pairs})`).bind(json),
      db.prepare(`DELETE FROM processor_results WHERE (tenant_id, sha256) IN (${pairs})`).bind(json),
    ]);
  }
  return { requeued: (due!.results as unknown[]).length, deleted: gone.length };
}
