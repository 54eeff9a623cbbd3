/**
 * The data shards a deployment has (DESIGN "Shards"): the D1 bindings `DB_SHARD_0..N-1`, contiguous
 * from 0, in wrangler.toml. None bound = one shard, shard 0, which is the control database `DB`
 * itself, so a single-database deployment keeps the two-command set-up. Adding a shard is a binding,
 * hence a redeploy; placing and moving tenants across the bound shards is data (placements).
 *
 * Only the data layer reads this module: routes, consumers and services get a database handle that
 * already points at their tenant's shard.
 */
/**
 * Bounds the scan for bindings. docs/scaling.md puts 100M products at 81-767 shards of 7 GB,
 * depending on how much history a tenant keeps; past that, more accounts, not more bindings.
 */
export const MAX_SHARDS = 1000;

/** The bindings read here (structural: db sits below env). */
type ShardEnv = { DB: D1Database } & Partial<Record<`DB_SHARD_${number}`, D1Database | undefined>>;

/** How many data shards are bound (at least 1). A gap (DB_SHARD_0, DB_SHARD_2) ends the list at the gap. */
export function shardCount(env: ShardEnv): number {
  let n = 0;
  while (n < MAX_SHARDS && env[`DB_SHARD_${n}`]) n += 1;
  return Math.max(n, 1);
}

/** Shard numbers 0..N-1. */
export function shardNumbers(env: ShardEnv): number[] {
  return Array.from({ length: shardCount(env) }, (_, i) => i);
}

export class UnknownShardError extends Error {
  constructor(readonly shard: number) {
    super(`Shard ${shard} is not bound (DB_SHARD_${shard} missing from wrangler.toml)`);
    this.name = 'UnknownShardError';
  }
}

/** The D1 binding of shard `n`: `DB_SHARD_n`, or `DB` when no shard is bound and n is 0. */
export function shardBinding(env: ShardEnv, shard: number): D1Database {
  if (!Number.isInteger(shard) || shard < 0) throw new UnknownShardError(shard);
  const bound = env[`DB_SHARD_${shard}`];
  if (bound) return bound;
  if (shard === 0 && !env.DB_SHARD_0) return env.DB;
  throw new UnknownShardError(shard);
}

/** Whether control and data share one database (no DB_SHARD_n bound). */
export function singleDatabase(env: ShardEnv): boolean {
  return !env.DB_SHARD_0;
}
