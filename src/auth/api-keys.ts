/**
 * API keys: `ssk_` + 32 random bytes (256 bits) in base64url. Only the SHA-256 of a key is stored;
 * the recognizable prefix lets secret scanners and people spot one, and the stored `prefix` (the
 * first 12 characters) lets a tenant tell its keys apart without any of them being usable.
 *
 * This file also holds the one lookup of a presented key (`authenticateKey`): /v1, the dialects and
 * GeSmart's tokens all resolve their tenant through it, and it tracks `last_used_at`.
 */
import { randomToken, sha256Hex } from '../lib/crypto';
import { newId } from '../lib/ulid';
import { parsePlan, type Plan } from './plans';
import { type Grant, parseGrant } from './scopes';
import { type KeyWithTenantRow, SELECT_LIVE_KEY_BY_HASH, SELECT_LIVE_KEY_BY_ID, TOUCH_KEY } from './auth.queries';
import { cachedIdentity, type KeyIdentity } from './tenant-lookup';

export const KEY_PREFIX = 'ssk_';

export interface NewApiKey {
  id: string;
  key: string;
  prefix: string;
  hash: string;
}

export async function generateApiKey(): Promise<NewApiKey> {
  const key = KEY_PREFIX + randomToken(32);
  return { id: newId('key'), key, prefix: key.slice(0, 12), hash: await sha256Hex(key) };
}

export function hashApiKey(key: string): Promise<string> {
  return sha256Hex(key);
}

/** `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function presentedKey(headers: { authorization?: string | undefined; apiKey?: string | undefined }): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1]!;
  const key = headers.apiKey?.trim();
  return key ? key : null;
}

// ---- the one key lookup ------------------------------------------------------------------------

/** `last_used_at` is written at most once a minute per key, after the response: no write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The identity cache's record (auth/tenant-lookup.ts): tenant, scopes, expiry and plan. */
export type ResolvedKey = KeyIdentity;

/** A key past its expiry counts as no key at all (401 like a revoked one). */
export function isExpired(key: Pick<ResolvedKey, 'expiresAt'>, now = Date.now()): boolean {
  return key.expiresAt !== null && key.expiresAt <= now;
}

/**
 * A live key (not revoked) and its tenant, by the key itself (its hash) or, for tokens minted from a
 * key (GeSmart's JWT), by the key's id within the tenant the token names. `cacheTtlMs` > 0: through
 * the isolate's identity cache (`keyCacheTtlMs`), so a key seen within that time costs no D1 read.
 */
export async function tenantForKey(db: D1Database, key: string | { keyId: string; tenantId: string }, cacheTtlMs = 0): Promise<ResolvedKey | null> {
  const hash = typeof key === 'string' ? await hashApiKey(key) : null;
  const cacheKey = hash !== null ? `hash:${hash}` : `id:${(key as { tenantId: string }).tenantId}:${(key as { keyId: string }).keyId}`;
  return cachedIdentity(cacheKey, cacheTtlMs, async () => {
    const statement =
      hash !== null
        ? db.prepare(SELECT_LIVE_KEY_BY_HASH).bind(hash)
        : db.prepare(SELECT_LIVE_KEY_BY_ID).bind((key as { keyId: string }).keyId, (key as { tenantId: string }).tenantId);
    const row = await statement.first<KeyWithTenantRow>();
    if (!row) return null;
    return {
      keyId: row.key_id,
      lastUsedAt: row.last_used_at,
      scopes: parseGrant(row.scopes),
      expiresAt: row.expires_at,
      plan: parsePlan(row.plan),
      tenant: { id: row.tenant_id, name: row.name, defaultCurrency: row.default_currency, defaultLocale: row.default_locale },
    };
  });
}

export function touchKey(db: D1Database, keyId: string, lastUsedAt: number | null, now = Date.now()): Promise<unknown> | null {
  if (lastUsedAt !== null && now - lastUsedAt < TOUCH_INTERVAL_MS) return null;
  return db.prepare(TOUCH_KEY).bind(keyId, now).run();
}

/**
 * What every entry point that takes a key calls (/v1, the dialects, GeSmart's login and tokens): the
 * lookup, then `last_used_at` updated after the response through `waitUntil`.
 */
export async function authenticateKey(
  db: D1Database,
  key: string | { keyId: string; tenantId: string },
  waitUntil: (promise: Promise<unknown>) => void,
  cacheTtlMs = 0,
): Promise<ResolvedKey | null> {
  const found = await tenantForKey(db, key, cacheTtlMs);
  // Checked on the record, not in SQL, so a cached record expires on time too.
  if (!found || isExpired(found)) return null;
  const now = Date.now();
  const touch = touchKey(db, found.keyId, found.lastUsedAt, now);
  if (touch) {
    waitUntil(touch);
    // The cached record too: the next request within the minute does not touch again.
    found.lastUsedAt = now;
  }
  return found;
}
