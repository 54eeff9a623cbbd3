/**
 * What a tenant is found by: an API key, through the isolate's identity cache below, or something
 * else, an operator's setting (`GESMART_TENANT`, a tenant id or alias) or a vendor path segment
 * (Genera's `brandId`, Sizebay's collection alias). Reads only; tenants and keys are written by the
 * admin module, which tells the cache when a key is revoked or a tenant changes.
 */
import type { AppOptions } from '../config';
import type { Tenant } from '../env';
import { LruTtlCache } from '../lib/lru-ttl-cache';
import { forgetPlacement } from '../placement/placement';
import type { Plan } from './plans';
import type { Grant } from './scopes';
import { ALIAS_OF_TENANT, SELECT_TENANT_BY_ID, SELECT_TENANT_BY_NAME, type TenantRow } from './auth.queries';

// ---- the identity cache ------------------------------------------------------------------------

/**
 * What an API key resolves to: the record the identity cache holds. Small and typed on purpose:
 * what a key is later allowed (scopes, expiry) or where its tenant's data lives (a shard) become
 * fields here, filled from the same key row.
 */
export interface KeyIdentity {
  keyId: string;
  tenant: Tenant;
  /** When `last_used_at` was last written (it is written at most once a minute). */
  lastUsedAt: number | null;
  /** What the key may do (null: everything); checked per route by require-scope.ts. */
  scopes: Grant;
  /** Past this instant (ms) the key is refused like a revoked one (checked on every use, cached or not). */
  expiresAt: number | null;
  /** The tenant's request quota plan. */
  plan: Plan;
}

/**
 * Keys this isolate remembers at most. An entry is ~300 bytes, so the cap bounds the cache to a few
 * MB whatever number of keys a busy isolate sees; past it the least recently used key is looked up
 * again on its next request.
 */
export const IDENTITY_CACHE_MAX_ENTRIES = 5_000;

/**
 * ONE cache per isolate (DESIGN "Identity cache"), shared by /v1, the dialects and GeSmart's tokens.
 * Only found keys are stored: a miss is asked again every time, so a key works the moment it is
 * created and a guessed key never occupies an entry. Revocation through this isolate drops the entry
 * at once (`forgetKey`); another isolate keeps serving a revoked key for at most the TTL.
 */
const identities = new LruTtlCache<string, KeyIdentity>(IDENTITY_CACHE_MAX_ENTRIES);
/** Lookups in flight, so a burst of requests with one uncached key asks D1 once. */
const inFlight = new Map<string, Promise<KeyIdentity | null>>();
/** Bumped by every forget: a lookup that started before a revocation must not store what it read. */
let generation = 0;

/**
 * The cache's time to live in ms: `KEY_CACHE_TTL_SECONDS` when the environment sets it (tests set 0),
 * else the `keyCacheTtlSeconds` option. 0 turns the cache off.
 */
export function keyCacheTtlMs(env: { KEY_CACHE_TTL_SECONDS?: string | undefined }, options: Pick<AppOptions, 'keyCacheTtlSeconds'>): number {
  const fromEnv = env.KEY_CACHE_TTL_SECONDS?.trim();
  const seconds = fromEnv ? Number(fromEnv) : options.keyCacheTtlSeconds;
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/**
 * The identity under `cacheKey` (the key's hash, or the key id a token names), from the cache while
 * it is fresh, else from `load` (a miss is never stored).
 */
export async function cachedIdentity(
  cacheKey: string,
  ttlMs: number,
  load: () => Promise<KeyIdentity | null>,
  now = Date.now(),
): Promise<KeyIdentity | null> {
  if (ttlMs <= 0) return load();
  const hit = identities.get(cacheKey, now);
  if (hit) return hit;
  const pending = inFlight.get(cacheKey);
  if (pending) return pending;
  const startedAt = generation;
  const lookup = load()
    .then((found) => {
      if (found && startedAt === generation) identities.set(cacheKey, found, ttlMs, now);
      return found;
    })
    .finally(() => inFlight.delete(cacheKey));
  inFlight.set(cacheKey, lookup);
  return lookup;
}

/** A key was revoked here: every cached form of it goes at once. */
export function forgetKey(keyId: string): void {
  generation++;
  inFlight.clear();
  identities.deleteWhere((identity) => identity.keyId === keyId);
}

/** A tenant changed (its name, default currency or locale, or its shard): its keys and placement are read again. */
export function forgetTenant(tenantId: string): void {
  generation++;
  inFlight.clear();
  identities.deleteWhere((identity) => identity.tenant.id === tenantId);
  forgetPlacement(tenantId);
}

// ---- tenants named without a key -----------------------------------------------------------------

const toTenant = (row: TenantRow): Tenant => ({ id: row.id, name: row.name, defaultCurrency: row.default_currency, defaultLocale: row.default_locale });

/** The tenant whose id, or one of whose aliases, is `name`. */
export async function tenantNamed(db: D1Database, name: string): Promise<Tenant | null> {
  const row = await db
    .prepare(SELECT_TENANT_BY_NAME)
    .bind(name)
    .first<TenantRow>();
  return row ? toTenant(row) : null;
}

export async function tenantById(db: D1Database, id: string): Promise<Tenant | null> {
  const row = await db.prepare(SELECT_TENANT_BY_ID).bind(id).first<TenantRow>();
  return row ? toTenant(row) : null;
}

/** Whether `alias` names this tenant. Another tenant's alias and an unknown one look the same. */
export async function tenantOwnsAlias(db: D1Database, tenantId: string, alias: string): Promise<boolean> {
  return (await db.prepare(ALIAS_OF_TENANT).bind(alias, tenantId).first()) !== null;
}
