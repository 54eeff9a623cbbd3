/**
 * Routing (DESIGN "Shards"): once a request or message knows its tenant, the rest of it runs on an
 * env whose `DB` is that tenant's data shard (read through a D1 session, writes fenced on the
 * placement's epoch when more than one shard is bound). Code below the entry points keeps using
 * `env.DB` for catalog data and never learns shards exist; code that touches control-plane tables
 * (tenants' settings, keys, aliases, dead letters, placements) asks `controlDb(env)`.
 */
import { fencedDatabase } from '../db/fence';
import { openSession, type SessionStart } from '../db/session';
import { shardBinding, singleDatabase } from '../db/shards';
import type { Env } from '../env';

const CONTROL = Symbol('the unscoped env');
const ROUTE = Symbol('the placement an env was scoped with');
const SHARD = Symbol('the shard an env was scoped to across tenants');

/** Where a tenant's data lives, as routed. */
export interface Placement {
  tenantId: string;
  shard: number;
  epoch: number;
  state: 'active' | 'frozen';
}

type Scoped = Env & { [CONTROL]?: Env; [ROUTE]?: Placement; [SHARD]?: number };

/** The env as the Worker was given it (control database in `DB`), from a scoped one or itself. */
export function unscoped(env: Env): Env {
  return (env as Scoped)[CONTROL] ?? env;
}

/**
 * The placement a tenant-scoped env was routed with (null: unscoped). Queue messages sent from it
 * carry its shard and epoch, so their consumer can tell a message routed before a move.
 */
export function routeOf(env: Env): Placement | null {
  return (env as Scoped)[ROUTE] ?? null;
}

/** The shard a scoped env works on (a tenant's, or a cron sweep's), null when unscoped. */
export function shardOf(env: Env): number | null {
  const scoped = env as Scoped;
  return scoped[ROUTE]?.shard ?? scoped[SHARD] ?? null;
}

/** The control database, whether or not `env` is scoped to a tenant. */
export function controlDb(env: Env): D1Database {
  return unscoped(env).DB;
}

/** A shard's binding, unscoped (for the cron and moves, which work a shard across tenants). */
export function shardDb(env: Env, shard: number): D1Database {
  return shardBinding(unscoped(env), shard);
}

export interface ScopedEnv {
  env: Env;
  /** The D1 session's bookmark after the queries so far (null without a session or before a query). */
  bookmark(): string | null;
}

/**
 * `env` routed to `placement`'s shard. `read` opens a Sessions API session (requests); without it
 * the binding is used directly (queue consumers and the cron read and write the primary).
 */
export function scopeEnv(env: Env, placement: Placement, read?: { bookmark: string | null; start: SessionStart }): ScopedEnv {
  const base = unscoped(env);
  const binding = shardBinding(base, placement.shard);
  const session = read ? openSession(binding, read.bookmark, read.start) : null;
  const queryable = session ? session.db : binding;
  // One database: nothing can move, so nothing needs fencing (and the hot path stays as measured).
  const data = singleDatabase(base) ? (queryable as D1Database) : fencedDatabase(queryable, { tenantId: placement.tenantId, epoch: placement.epoch });
  const scoped: Scoped = { ...base, DB: data, [CONTROL]: base, [ROUTE]: placement };
  return { env: scoped, bookmark: () => session?.bookmark() ?? null };
}

/** `env` routed to one shard across tenants, unfenced (cron sweeps, moves' copies). */
export function scopeShard(env: Env, shard: number): Env {
  const base = unscoped(env);
  const scoped: Scoped = { ...base, DB: shardBinding(base, shard), [CONTROL]: base, [SHARD]: shard };
  return scoped;
}
