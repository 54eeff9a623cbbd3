/**
 * The cron (every minute): housekeeping that must not depend on any request arriving. Each task is a
 * bounded, idempotent statement, so an overlapping or repeated run is harmless.
 *
 * Shards (DESIGN "Shards"): the data sweeps run once per data shard, on an env scoped to that shard
 * (unfenced: a sweep works across tenants; what it enqueues carries the shard and is routed by its
 * tenant's current placement in the consumer); the control sweeps run once, on the control database.
 * The secrets backfill is a data sweep: the sealed secrets live in data tables, and its cursor (a
 * rowid) only means something on the database it walks, so each shard keeps its own.
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
import { shardNumbers, singleDatabase } from '../db/shards';
import { refreshShardLoads } from '../placement/loads';
import { scopeShard } from '../placement/tenant-env';
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
 * D1 allows 1,000 queries per invocation. One shard's sweeps issue at most ~176 in the worst case
 * (expiry 1 + 50 deletes x 2, secrets backfill 1 + 3 tables x (1 + 10 pages x 2), housekeeping 3,
 * webhooks 1, images 2, imports 2, money backfill 1, recommendations 1, its load 1) and ~14 when
 * there is nothing to do; the control sweeps 3. Five shards' worst case fits (~885); with more
 * shards bound, each run takes the next five in turn, so every shard is swept every ceil(N/5) minutes.
 */
export const SHARDS_PER_RUN = 5;

/** The shards this run sweeps: all of them up to SHARDS_PER_RUN, else the next window in turn (by minute). */
export function shardsThisRun(all: number[], now: number, perRun = SHARDS_PER_RUN): number[] {
  if (all.length <= perRun) return all;
  const start = (Math.floor(now / 60_000) * perRun) % all.length;
  return Array.from({ length: perRun }, (_, i) => all[(start + i) % all.length]!);
}

/** The sweeps of one data shard (`env` scoped to it; with one database, the env itself). */
function dataSweeps(env: Env, now: number, options: AppOptions, mode: SweepMode): Array<Promise<unknown>> {
  return [
    sweepExpired(env, now),
    sweepWebhooks(env, now, mode),
    sweepImages(env, now, mode),
    sweepImports(env, now, mode),
    runHousekeeping(env, now, options),
    sealSecretsAtRest(env, now),
    sweepMoneyBackfill(env),
    sweepRecommendations(env, now),
  ];
}

/** The sweeps of the control database (its tables are on `DB` only). */
function controlSweeps(env: Env, now: number, shards: number[]): Array<Promise<unknown>> {
  return [
    pruneStaleQueueFailures(env, now),
    // One database: nothing to place, nothing to measure.
    singleDatabase(env) ? Promise.resolve() : refreshShardLoads(env, shards, now),
    // Moves whose lease expired (a crashed step) are picked up again.
    resumeStalledMoves(env, now),
  ];
}

/**
 * Everything the minute cron does; each part is independent, so one failing does not stop the others.
 * `options`: the worker's (createWorker), resolved once; the default is for tests that drive the cron alone.
 * `mode`: the first run of an isolate is a recovery sweep (see lib/sweep-mode.ts).
 */
export async function runCron(env: Env, now = Date.now(), options: AppOptions = resolveOptions(), mode: SweepMode = ROUTINE_SWEEP): Promise<void> {
  const shards = shardsThisRun(shardNumbers(env), now);
  const tasks: Array<{ shard: number | null; task: Promise<unknown> }> = [
    // One database: the env as given (its messages are not stamped with a shard: there is one).
    ...(singleDatabase(env)
      ? dataSweeps(env, now, options, mode).map((task) => ({ shard: null, task }))
      : shards.flatMap((shard) => dataSweeps(scopeShard(env, shard), now, options, mode).map((task) => ({ shard, task })))),
    ...controlSweeps(env, now, shards).map((task) => ({ shard: null, task })),
  ];
  const results = await Promise.allSettled(tasks.map((t) => t.task));
  results.forEach((result, i) => {
    if (result.status === 'rejected') console.error(JSON.stringify({ level: 'error', message: 'cron task failed', shard: tasks[i]!.shard ?? undefined, error: String(result.reason) }));
  });
}

export async function handleScheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext, options: AppOptions): Promise<void> {
  const now = Date.now();
  ctx.waitUntil(runCron(env, now, options, takeSweepMode(env, now)));
}
