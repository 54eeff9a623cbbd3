/**
 * The cron (every minute): housekeeping that must not depend on any request arriving. Each task is a
 * bounded, idempotent statement, so an overlapping or repeated run is harmless.
 */
import { resolveOptions } from '../config';
import type { Env } from '../env';

const DAY_MS = 86_400_000;
/** Rows deleted per table per run: keeps one run well inside the per-invocation limits. */
const PRUNE_BATCH = 5000;

export async function runHousekeeping(env: Env, now = Date.now(), retentionDays = resolveOptions().retentionDays): Promise<void> {
  const cutoff = now - retentionDays * DAY_MS;
  await env.DB.batch([
    env.DB.prepare('DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE created_at < ?1 LIMIT ?2)').bind(cutoff, PRUNE_BATCH),
    env.DB.prepare('DELETE FROM job_errors WHERE rowid IN (SELECT rowid FROM job_errors WHERE created_at < ?1 LIMIT ?2)').bind(cutoff, PRUNE_BATCH),
    env.DB.prepare('DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE expires_at < ?1 LIMIT ?2)').bind(now, PRUNE_BATCH),
  ]);
}

export async function handleScheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  ctx.waitUntil(runHousekeeping(env));
}
