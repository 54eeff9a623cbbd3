/**
 * The cron's part in images. D1 holds the pending work: images still `pending` a minute after their
 * write (a lost wake-up, a restarted `npm start`) or whose claim expired get their product
 * re-enqueued. Stored bytes no image references any more are marked, and deleted from R2 after a
 * grace period (a re-sync of the same picture within it reuses them instead of fetching again).
 */
import { ROUTINE_SWEEP, type SweepMode, wakeBefore } from '../lib/sweep-mode';
import { read, readBatch } from '../db/batch';
import type { Env } from '../env';
import {
  type BlobRefRow,
  DELETE_EXPIRED_BLOBS,
  DELETE_PROCESSOR_RESULTS_OF_BLOBS,
  DELETE_URL_CACHE_OF_BLOBS,
  MARK_ORPHAN_BLOBS,
  type ProductRefRow,
  SELECT_EXPIRED_BLOBS,
  SELECT_PRODUCTS_TO_WAKE,
} from './images.queries';
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
  const release = mode.deadBefore === null ? [] : [db.prepare(RELEASE_DEAD_CLAIMS).bind(now, mode.deadBefore)];
  const [due, , expired] = await readBatch(
    db,
    [
      read<ProductRefRow>(db.prepare(SELECT_PRODUCTS_TO_WAKE).bind(now, wakeBefore(mode, now, UNTOUCHED_MS), mode.recovery ? MAX_PRODUCTS_RECOVERY : MAX_PRODUCTS)),
      read<never>(db.prepare(MARK_ORPHAN_BLOBS).bind(now)),
      read<BlobRefRow>(db.prepare(SELECT_EXPIRED_BLOBS).bind(now - ORPHAN_GRACE_MS)),
    ],
    release,
  );

  const byTenant = new Map<string, string[]>();
  for (const row of due) {
    byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row.product_id]);
  }
  await Promise.all([...byTenant].map(([tenantId, products]) => wakeIngest(env, tenantId, products)));

  if (expired.length > 0) {
    const keys = expired.flatMap((b) => [blobKey(b.tenant_id, b.sha256), ...Object.keys(VARIANTS).map((v) => derivativeKey(b.tenant_id, b.sha256, v))]);
    for (let i = 0; i < keys.length; i += 1000) await env.IMAGES.delete(keys.slice(i, i + 1000));
    const json = JSON.stringify(expired.map((b) => [b.tenant_id, b.sha256]));
    await db.batch([
      db.prepare(DELETE_EXPIRED_BLOBS).bind(json),
      db.prepare(DELETE_URL_CACHE_OF_BLOBS).bind(json),
      db.prepare(DELETE_PROCESSOR_RESULTS_OF_BLOBS).bind(json),
    ]);
  }
  return { requeued: due.length, deleted: expired.length };
}
