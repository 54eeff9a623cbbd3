/**
 * Resolves the tenant from the presented API key. The key decides the tenant: nothing in a path or
 * body can name another one. `last_used_at` is written at most once a minute per key, after the
 * response, so tracking use costs no latency and no write per request.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Tenant } from '../env';
import { ApiError } from '../http/problem';
import { hashApiKey, presentedKey } from './api-keys';

const TOUCH_INTERVAL_MS = 60_000;

interface KeyRow {
  key_id: string;
  last_used_at: number | null;
  tenant_id: string;
  name: string;
  default_currency: string;
  default_locale: string;
}

export async function tenantForKey(db: D1Database, key: string): Promise<{ tenant: Tenant; keyId: string; lastUsedAt: number | null } | null> {
  const row = await db
    .prepare(
      `SELECT k.id AS key_id, k.last_used_at, t.id AS tenant_id, t.name, t.default_currency, t.default_locale
       FROM api_keys AS k JOIN tenants AS t ON t.id = k.tenant_id
       WHERE k.hash = ?1 AND k.revoked_at IS NULL`,
    )
    .bind(await hashApiKey(key))
    .first<KeyRow>();
  if (!row) return null;
  return {
    keyId: row.key_id,
    lastUsedAt: row.last_used_at,
    tenant: { id: row.tenant_id, name: row.name, defaultCurrency: row.default_currency, defaultLocale: row.default_locale },
  };
}

export function touchKey(db: D1Database, keyId: string, lastUsedAt: number | null, now = Date.now()): Promise<unknown> | null {
  if (lastUsedAt !== null && now - lastUsedAt < TOUCH_INTERVAL_MS) return null;
  return db.prepare('UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1').bind(keyId, now).run();
}

export function requireApiKey(): MiddlewareHandler<AppEnv> {
  return async function requireApiKeyMiddleware(c, next) {
    const key = presentedKey({ authorization: c.req.header('authorization'), apiKey: c.req.header('x-api-key') });
    const challenge = { 'WWW-Authenticate': 'Bearer realm="shelfsync"' };
    if (!key) throw new ApiError('unauthorized', 'Send an API key as "Authorization: Bearer <key>" or "x-api-key: <key>"', undefined, challenge);
    const found = await tenantForKey(c.env.DB, key);
    if (!found) throw new ApiError('unauthorized', 'The API key is not valid', undefined, challenge);
    c.set('tenant', found.tenant);
    c.set('apiKeyId', found.keyId);
    const touch = touchKey(c.env.DB, found.keyId, found.lastUsedAt);
    if (touch) c.executionCtx.waitUntil(touch);
    await next();
  };
}
