/** The auth module's SQL: the one key lookup (and its `last_used_at`), and tenants named without a key. Reads only, but for the touch. */

const SELECT_KEY = `SELECT k.id AS key_id, k.last_used_at, k.scopes, k.expires_at, t.plan, t.id AS tenant_id, t.name, t.default_currency, t.default_locale
FROM api_keys AS k JOIN tenants AS t ON t.id = k.tenant_id`;

/** A live key and its tenant, as both key lookups read it. */
export interface KeyWithTenantRow {
  key_id: string;
  last_used_at: number | null;
  /** JSON array, or NULL for every scope. */
  scopes: string | null;
  expires_at: number | null;
  plan: string;
  tenant_id: string;
  name: string;
  default_currency: string;
  default_locale: string;
}

/** ?1 the key's SHA-256 (hex). */
export const SELECT_LIVE_KEY_BY_HASH = `${SELECT_KEY} WHERE k.hash = ?1 AND k.revoked_at IS NULL`;

/** ?1 key id, ?2 tenant: a token minted from a key (GeSmart's JWT) names both. */
export const SELECT_LIVE_KEY_BY_ID = `${SELECT_KEY} WHERE k.id = ?1 AND k.tenant_id = ?2 AND k.revoked_at IS NULL`;

/** ?1 key id, ?2 now. */
export const TOUCH_KEY = 'UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1';

/** A tenant as the lookups below read it. */
export interface TenantRow {
  id: string;
  name: string;
  default_currency: string;
  default_locale: string;
}

/** ?1 a tenant id or alias (rows: TenantRow). */
export const SELECT_TENANT_BY_NAME = `
SELECT id, name, default_currency, default_locale FROM tenants
WHERE id = (SELECT id FROM tenants WHERE id = ?1 UNION ALL SELECT tenant_id FROM tenant_aliases WHERE alias = ?1 LIMIT 1)`;

/** ?1 tenant id (rows: TenantRow). */
export const SELECT_TENANT_BY_ID = 'SELECT id, name, default_currency, default_locale FROM tenants WHERE id = ?1';

/** ?1 alias, ?2 tenant. */
export const ALIAS_OF_TENANT = 'SELECT 1 AS found FROM tenant_aliases WHERE alias = ?1 AND tenant_id = ?2';
