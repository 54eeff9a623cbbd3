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
import { sweepRecommendations } from '../recommendations/sweep';
import { pruneStaleQueueFailures } from '../queues/dead-letters';
import { resumeStalledMoves } from '../moves/moves.consumer';
import { ROUTINE_SWEEP, type SweepMode, takeSweepMode } from '../lib/sweep-mode';
import {
  PRUNE_DELIVERIES,
  PRUNE_DELIVERY_ATTEMPTS,
  PRUNE_EVENTS,
  PRUNE_EXPIRED_ENDPOINT_DELIVERIES,
  PRUNE_EXPIRED_ENDPOINTS,
  PRUNE_IDEMPOTENCY_KEYS,
  PRUNE_INBOUND_RECEIPTS,
  PRUNE_JOB_ERRORS,
} from './housekeeping.queries';

const DAY_MS = 86_400_000;
/** Rows deleted per table per run: keeps one run well inside the per-invocation limits. */
const PRUNE_BATCH = 5000;

export async function runHousekeeping(
  env: Env,
  now = Date.now(),
  options: Pick<AppOptions, 'retentionDays' | 'imports' | 'inbound'> = resolveOptions(),
): Promise<void> {
  const cutoff = now - options.retentionDays * DAY_MS;
  const dedupeWindowSeconds = options.inbound.dedupeWindowSeconds;
  const db = env.DB;
  await db.batch([
    db.prepare(PRUNE_EVENTS).bind(cutoff, PRUNE_BATCH),
    db.prepare(PRUNE_JOB_ERRORS).bind(cutoff, PRUNE_BATCH),
    db.prepare(PRUNE_IDEMPOTENCY_KEYS).bind(now, PRUNE_BATCH),
    db.prepare(PRUNE_DELIVERY_ATTEMPTS).bind(cutoff, PRUNE_BATCH),
    db.prepare(PRUNE_DELIVERIES).bind(cutoff, PRUNE_BATCH),
    db.prepare(PRUNE_INBOUND_RECEIPTS).bind(now, dedupeWindowSeconds, PRUNE_BATCH),
    db.prepare(PRUNE_EXPIRED_ENDPOINT_DELIVERIES).bind(now, PRUNE_BATCH),
    db.prepare(PRUNE_EXPIRED_ENDPOINTS).bind(now, PRUNE_BATCH),
  ]);
  await deleteEndedImportFiles(env, now, options.imports.fileRetentionDays);
}

/**
 * Everything the minute cron does; each part is independent, so one failing does not stop the others.
 * `options`: the worker's (createWorker), resolved once; the default is for tests that drive the cron alone.
 * `mode`: the first run of an isolate is a recovery sweep (see lib/sweep-mode.ts).
 */
export async function runCron(env: Env, now = Date.now(), options: AppOptions = resolveOptions(), mode: SweepMode = ROUTINE_SWEEP): Promise<void> {
  const results = await Promise.allSettled([
    sweepExpired(env, now),
    sweepWebhooks(env, now, mode),
    sweepImages(env, now, mode),
    sweepImports(env, now, mode),
    runHousekeeping(env, now, options),
    sealSecretsAtRest(env, now),
    sweepMoneyBackfill(env),
    sweepRecommendations(env, now),
    pruneStaleQueueFailures(env, now),
    resumeStalledMoves(env, now),
  ]);
  for (const result of results) {
    if (result.status === 'rejected') console.error(JSON.stringify({ level: 'error', message: 'cron task failed', error: String(result.reason) }));
  }
}

export async function handleScheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext, options: AppOptions): Promise<void> {
  const now = Date.now();
  ctx.waitUntil(runCron(env, now, options, takeSweepMode(env, now)));
}
