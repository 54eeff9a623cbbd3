/**
 * Measuring what each shard holds (`shard_loads` in the control database), for placing new tenants
 * on the least-loaded one (choose-shard.ts). The cron calls it; a shard is measured again only when
 * its last measurement is older than LOAD_REFRESH_MS: the three counts scan their tables, too
 * costly to read every minute from a shard near its 10 GB.
 */
import { shardDb, controlDb } from './tenant-env';
import type { Env } from '../env';
import { MEASURE_SHARD, SELECT_MEASURED, UPSERT_LOAD } from './placement.queries';

/** Placement needs the trend, not the minute: a shard fills over weeks. */
export const LOAD_REFRESH_MS = 10 * 60_000;

export interface MeasuredLoad {
  shard: number;
  tenants: number;
  rows: number;
  /** The database's size as D1 reports it after the query (`meta.size_after`; 0 where unknown). */
  bytes: number;
}

/** One shard's tenants, rows (products + images + events) and bytes: one query on that shard. */
export async function measureShard(env: Env, shard: number): Promise<MeasuredLoad> {
  const result = await shardDb(env, shard).prepare(MEASURE_SHARD).all<{ tenants: number; rows: number }>();
  const row = result.results[0];
  const bytes = Number((result.meta as { size_after?: number }).size_after ?? 0);
  return { shard, tenants: row?.tenants ?? 0, rows: row?.rows ?? 0, bytes: Number.isFinite(bytes) ? bytes : 0 };
}

/**
 * Measures those of `shards` whose load is older than LOAD_REFRESH_MS (or never measured) and
 * stores them in one control batch. Returns the shards measured. Costs one control read, one read per
 * stale shard and one control batch.
 */
export async function refreshShardLoads(env: Env, shards: number[], now = Date.now()): Promise<number[]> {
  const control = controlDb(env);
  const { results } = await control.prepare(SELECT_MEASURED).all<{ shard: number; measured_at: number }>();
  const measuredAt = new Map(results.map((r) => [r.shard, r.measured_at]));
  const stale = shards.filter((shard) => (measuredAt.get(shard) ?? -Infinity) <= now - LOAD_REFRESH_MS);
  if (stale.length === 0) return [];
  const loads = await Promise.all(stale.map((shard) => measureShard(env, shard)));
  await control.batch(loads.map((l) => control.prepare(UPSERT_LOAD).bind(l.shard, l.tenants, l.rows, l.bytes, now)));
  return stale;
}
