/**
 * The cron (every minute): housekeeping that must not depend on any request arriving. Each task is a
 * bounded, idempotent statement, so an overlapping or repeated run is harmless.
 */
import { resolveOptions } from '../config';
import type { Env } from '../env';
import { sweepExpired } from '../catalog/expiry';
import { sweepMoneyBackfill } from '../catalog/money-backfill';
import { sweepImages } from '../images/sweep';
import { sweepImports } from '../imports/consumer';
import { sealSecretsAtRest } from '../secrets/backfill';
import { deleteEndedImportFiles } from '../imports/retention';
import { sweepWebhooks } from '../webhooks/sweep';
import { ROUTINE_SWEEP, type SweepMode, takeSweepMode } from './recovery';

const DAY_MS = 86_400_000;
/** Rows deleted per table per run: keeps one run well inside the per-invocation limits. */
const PRUNE_BATCH = 5000;

export async function runHousekeeping(
  env: Env,
  now = Date.now(),
  retentionDays = resolveOptions().retentionDays,
  dedupeWindowSeconds = resolveOptions().inbound.dedupeWindowSeconds,
): Promise<void> {
  const cutoff = now - retentionDays * DAY_MS;
  await env.DB.batch([
    env.DB.prepare('DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE created_at < ?1 LIMIT ?2)').bind(cutoff, PRUNE_BATCH),
    env.DB.prepare('DELETE FROM job_errors WHERE rowid IN (SELECT rowid FROM job_errors WHERE created_at < ?1 LIMIT ?2)').bind(cutoff, PRUNE_BATCH),
    env.DB.prepare('DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE expires_at < ?1 LIMIT ?2)').bind(now, PRUNE_BATCH),
    env.DB.prepare(
      `DELETE FROM delivery_attempts WHERE rowid IN (SELECT rowid FROM delivery_attempts WHERE attempted_at < ?1 LIMIT ?2)`,
    ).bind(cutoff, PRUNE_BATCH),
    env.DB.prepare(
      `DELETE FROM deliveries WHERE rowid IN (SELECT rowid FROM deliveries WHERE created_at < ?1 AND status IN ('succeeded', 'failed') LIMIT ?2)`,
    ).bind(cutoff, PRUNE_BATCH),
    // A receipt lives max(2 x its source's tolerance, the dedupe window) (inbound/dedupe.ts); sources
    // that are not rows (GeSmart's env webhook) have the default 300 s tolerance. The first bound lets
    // the received_at index skip everything younger than the shortest lifetime.
    env.DB.prepare(
      `DELETE FROM inbound_receipts WHERE rowid IN (
         SELECT r.rowid FROM inbound_receipts AS r LEFT JOIN inbound_sources AS s ON s.id = r.source_id
         WHERE r.received_at < ?1 - ?2 * 1000 AND r.received_at < ?1 - MAX(2 * COALESCE(s.tolerance_seconds, 300), ?2) * 1000
         LIMIT ?3)`,
    ).bind(now, dedupeWindowSeconds, PRUNE_BATCH),
  ]);
  await deleteEndedImportFiles(env, now, resolveOptions().imports.fileRetentionDays);
}

/**
 * Everything the minute cron does; each part is independent, so one failing does not stop the others.
 * `mode`: the first run of an isolate is a recovery sweep (see recovery.ts).
 */
export async function runCron(env: Env, now = Date.now(), mode: SweepMode = ROUTINE_SWEEP): Promise<void> {
  const results = await Promise.allSettled([
    sweepExpired(env, now),
    sweepWebhooks(env, now, mode),
    sweepImages(env, now, mode),
    sweepImports(env, now, mode),
    runHousekeeping(env, now),
    sealSecretsAtRest(env, now),
    sweepMoneyBackfill(env),
  ]);
  for (const result of results) {
    if (result.status === 'rejected') console.error(JSON.stringify({ level: 'error', message: 'cron task failed', error: String(result.reason) }));
  }
}

export async function handleScheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  const now = Date.now();
  ctx.waitUntil(runCron(env, now, takeSweepMode(env, now)));
}
