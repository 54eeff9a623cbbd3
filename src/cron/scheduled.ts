/**
 * The cron (every minute): housekeeping that must not depend on any request arriving. Each task is a
 * bounded, idempotent statement, so an overlapping or repeated run is harmless.
 */
import { type AppOptions, resolveOptions } from '../config';
import type { Env } from '../env';
import { sweepExpired } from '../catalog/expiry';
import { sweepMoneyBackfill } from '../catalog/money-backfill';
import { sweepImages } from '../images/sweep';
import { sweepImports } from '../imports/consumer';
import { sealSecretsAtRest } from '../secrets/backfill';
import { deleteEndedImportFiles } from '../imports/retention';
import { sweepWebhooks } from '../webhooks/sweep';

const DAY_MS = 86_400_000;
/** Rows deleted per table per run: keeps one run well inside the per-invocation limits. */
const PRUNE_BATCH = 5000;

export async function runHousekeeping(env: Env, now = Date.now(), options: Pick<AppOptions, 'retentionDays' | 'imports'> = resolveOptions()): Promise<void> {
  const cutoff = now - options.retentionDays * DAY_MS;
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
    // Replays are recognised for 5 minutes; an hour of receipts is plenty.
    env.DB.prepare('DELETE FROM inbound_receipts WHERE rowid IN (SELECT rowid FROM inbound_receipts WHERE received_at < ?1 LIMIT ?2)').bind(now - 3_600_000, PRUNE_BATCH),
  ]);
  await deleteEndedImportFiles(env, now, options.imports.fileRetentionDays);
}

/**
 * Everything the minute cron does; each part is independent, so one failing does not stop the others.
 * `options`: the worker's (createWorker), resolved once; the default is for tests that drive the cron alone.
 */
export async function runCron(env: Env, now = Date.now(), options: AppOptions = resolveOptions()): Promise<void> {
  const results = await Promise.allSettled([
    sweepExpired(env, now),
    sweepWebhooks(env, now),
    sweepImages(env, now),
    sweepImports(env, now),
    runHousekeeping(env, now, options),
    sealSecretsAtRest(env, now),
    sweepMoneyBackfill(env),
  ]);
  for (const result of results) {
    if (result.status === 'rejected') console.error(JSON.stringify({ level: 'error', message: 'cron task failed', error: String(result.reason) }));
  }
}

export async function handleScheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext, options: AppOptions): Promise<void> {
  ctx.waitUntil(runCron(env, Date.now(), options));
}
