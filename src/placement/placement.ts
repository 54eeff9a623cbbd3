/**
 * The placement of tenants on data shards (control database `placements`): where a tenant lives,
 * placing a new one, and a move's transitions (freeze, flip, thaw), each the one owner of its state
 * change. Resolutions are cached in the isolate for the identity cache's TTL (the caller passes it),
 * so a request or message normally costs no control read; a fenced write forgets the entry.
 */
import { fencedDatabase, fencedWriteErrorOf } from '../db/fence';
import { shardNumbers, singleDatabase } from '../db/shards';
import type { Env } from '../env';
import { LruTtlCache } from '../lib/lru-ttl-cache';
import { chooseShard, type ShardLoad } from './choose-shard';
import {
  FLIP_PLACEMENT,
  INSERT_PLACEMENT,
  type LoadRow,
  type PlacementRow,
  SELECT_LOADS,
  SELECT_PLACEMENT,
  SELECT_SETTINGS,
  type SettingsRow,
  SET_PLACEMENT_STATE,
  SET_SHARD_TENANT_STATE,
  UPSERT_SHARD_TENANT,
} from './placement.queries';
import { controlDb, type Placement, shardDb, unscoped } from './tenant-env';

export type { Placement } from './tenant-env';

/** Placements this isolate remembers at most (~100 bytes each). */
const MAX_ENTRIES = 10_000;
const cache = new LruTtlCache<string, Placement>(MAX_ENTRIES);

const toPlacement = (row: PlacementRow): Placement => ({ tenantId: row.tenant_id, shard: row.shard, epoch: row.epoch, state: row.state });

/**
 * Where `tenantId` lives. A tenant without a placement row (created before placements, if the
 * migration's backfill missed it) is on shard 0 at epoch 1, where all data was then.
 */
export async function resolvePlacement(env: Env, tenantId: string, ttlMs: number, now = Date.now()): Promise<Placement> {
  const hit = ttlMs > 0 ? cache.get(tenantId, now) : undefined;
  if (hit) return hit;
  const row = await controlDb(env).prepare(SELECT_PLACEMENT).bind(tenantId).first<PlacementRow>();
  if (!row) return { tenantId, shard: 0, epoch: 1, state: 'active' };
  // Only placements that exist are remembered: ids anyone can send (a processor callback's path, a
  // signed URL's `t`) must not push real tenants out of the cache.
  const placement = toPlacement(row);
  cache.set(tenantId, placement, ttlMs, now);
  return placement;
}

/** This isolate re-reads the tenant's placement next time (a fenced write, a move's flip). */
export function forgetPlacement(tenantId: string): void {
  cache.deleteWhere((placement) => placement.tenantId === tenantId);
}

/** Per bound shard, its live placement count and last measured load. */
export async function shardLoads(env: Env): Promise<ShardLoad[]> {
  const { results } = await controlDb(env).prepare(SELECT_LOADS).all<LoadRow>();
  return results;
}

export interface TenantSettings {
  id: string;
  name: string;
  defaultCurrency: string;
  defaultLocale: string;
  plan: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * Places a new tenant (already written to the control database) on the least-loaded shard and
 * writes its row there. With one database the control row is that row: nothing to copy.
 */
export async function placeNewTenant(env: Env, tenant: TenantSettings, now = Date.now()): Promise<Placement> {
  const base = unscoped(env);
  const shard = chooseShard(shardNumbers(base), await shardLoads(base));
  await controlDb(base).prepare(INSERT_PLACEMENT).bind(tenant.id, shard, now).run();
  const placement = await resolvePlacement(base, tenant.id, 0);
  // Its first row there: nothing to fence yet (the fence reads this very row).
  if (!singleDatabase(base)) await upsertSettings(shardDb(base, placement.shard), tenant, placement.epoch).run();
  return placement;
}

/**
 * The tenant's settings copied to its shard's row (after every change of them on the control row).
 * Fenced like every write on a shard: during a move's freeze it is refused (FencedWriteError
 * `frozen`: the admin answers 503, and the flip copies the control row's settings anyway); after a
 * flip the copy follows the tenant to its new shard instead of landing on the old copy.
 */
export async function copySettingsToShard(env: Env, placement: Placement, tenant: TenantSettings): Promise<void> {
  const base = unscoped(env);
  if (singleDatabase(base)) return;
  const write = (at: Placement) => upsertSettings(fencedDatabase(shardDb(base, at.shard), { tenantId: at.tenantId, epoch: at.epoch }), tenant, at.epoch).run();
  try {
    await write(placement);
  } catch (error) {
    if (fencedWriteErrorOf(error)?.reason !== 'moved') throw error;
    forgetPlacement(placement.tenantId);
    const current = await resolvePlacement(base, placement.tenantId, 0);
    // Still placed there: the shard has no row for the tenant yet (placed before it had one), and
    // this is its first.
    if (current.shard === placement.shard && current.epoch === placement.epoch) await upsertSettings(shardDb(base, current.shard), tenant, current.epoch).run();
    else await write(current);
  }
}

function upsertSettings(db: D1Database, tenant: TenantSettings, epoch: number): D1PreparedStatement {
  return db
    .prepare(UPSERT_SHARD_TENANT)
    .bind(tenant.id, tenant.name, tenant.defaultCurrency, tenant.defaultLocale, tenant.plan, tenant.createdAt, tenant.updatedAt, epoch);
}

/** The control row's settings onto `shard`'s row (a flip: whatever changed during the move arrives). */
async function copyControlSettings(env: Env, tenantId: string, shard: number): Promise<void> {
  const row = await controlDb(env).prepare(SELECT_SETTINGS).bind(tenantId).first<SettingsRow>();
  if (!row) return;
  await shardDb(env, shard)
    .prepare(UPSERT_SHARD_TENANT)
    .bind(row.id, row.name, row.default_currency, row.default_locale, row.plan, row.created_at, row.updated_at, 0)
    .run();
}

// ---- a move's transitions -------------------------------------------------------------------------

/** Writes to the tenant on `shard` stop (the fence refuses them as `frozen`): a move's tail copy begins. */
export async function freezeTenant(env: Env, placement: Placement, now = Date.now()): Promise<void> {
  await shardDb(env, placement.shard).prepare(SET_SHARD_TENANT_STATE).bind(placement.tenantId, placement.epoch, 'frozen').run();
  await controlDb(env).prepare(SET_PLACEMENT_STATE).bind(placement.tenantId, 'frozen', now, placement.epoch).run();
  forgetPlacement(placement.tenantId);
}

/** A move that cannot finish: the tenant writes on its old shard again. */
export async function thawTenant(env: Env, placement: Placement, now = Date.now()): Promise<void> {
  await shardDb(env, placement.shard).prepare(SET_SHARD_TENANT_STATE).bind(placement.tenantId, placement.epoch, 'open').run();
  await controlDb(env).prepare(SET_PLACEMENT_STATE).bind(placement.tenantId, 'active', now, placement.epoch).run();
  forgetPlacement(placement.tenantId);
}

/**
 * A move that did not flip leaves its partial copy's `tenants` row on `shard` refusing writes (and in
 * place: when shard 0 is the control database itself, that row is the tenant).
 */
export async function retireShardCopy(env: Env, origin: Placement, shard: number): Promise<void> {
  await shardDb(env, shard).prepare(SET_SHARD_TENANT_STATE).bind(origin.tenantId, origin.epoch, 'moved').run();
}

/**
 * The flip: the new shard's row opens at the next epoch, the placement points there with it, the old
 * row is marked moved (its fence refuses every write routed with the old epoch). Each step is
 * idempotent, so a move that crashed between them finishes by running this again.
 */
export async function flipPlacement(env: Env, from: Placement, toShard: number, now = Date.now()): Promise<Placement> {
  const epoch = from.epoch + 1;
  await copyControlSettings(env, from.tenantId, toShard);
  await shardDb(env, toShard).prepare(SET_SHARD_TENANT_STATE).bind(from.tenantId, epoch, 'open').run();
  await controlDb(env).prepare(FLIP_PLACEMENT).bind(from.tenantId, toShard, epoch, now).run();
  await shardDb(env, from.shard).prepare(SET_SHARD_TENANT_STATE).bind(from.tenantId, from.epoch, 'moved').run();
  forgetPlacement(from.tenantId);
  return { tenantId: from.tenantId, shard: toShard, epoch, state: 'active' };
}
