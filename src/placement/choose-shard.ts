/**
 * Where a new tenant goes: the least-loaded shard. Pure.
 *
 * Loads are measured by the cron (bytes and rows per shard); tenants placed since that measurement
 * count as NEW_TENANT_BYTES each, so a burst of sign-ups between two measurements spreads over the
 * shards instead of all landing on the one that was emptiest at the last cron run.
 */

/** What a just-created tenant is assumed to weigh until the next measurement (a small catalog). */
export const NEW_TENANT_BYTES = 16 * 1024 * 1024;

export interface ShardLoad {
  shard: number;
  /** Tenants placed there now. */
  placed: number;
  /** Tenants there at the last measurement (null: never measured). */
  tenants: number | null;
  bytes: number | null;
  rows: number | null;
}

/** Estimated bytes on a shard now. */
export function estimatedBytes(load: ShardLoad): number {
  const measured = load.bytes ?? 0;
  const since = Math.max(0, load.placed - (load.tenants ?? 0));
  return measured + since * NEW_TENANT_BYTES;
}

/**
 * The shard among `shards` with the least estimated bytes; ties go to fewer tenants, then the lower
 * number. A bound shard with no load row is empty.
 */
export function chooseShard(shards: number[], loads: ShardLoad[]): number {
  if (shards.length === 0) throw new Error('no shard to place a tenant on');
  const byShard = new Map(loads.map((load) => [load.shard, load]));
  const candidates = shards.map((shard) => byShard.get(shard) ?? { shard, placed: 0, tenants: null, bytes: null, rows: null });
  candidates.sort((a, b) => estimatedBytes(a) - estimatedBytes(b) || a.placed - b.placed || a.shard - b.shard);
  return candidates[0]!.shard;
}
