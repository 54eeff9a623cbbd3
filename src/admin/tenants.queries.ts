/**
 * The admin module's SQL over tenants and their aliases. Aliases are written from one bound JSON
 * array through json_each: any number of them in one statement, inside the tenant's batch. API keys
 * are plain rows, read and written with the drizzle builder in tenants.service.ts.
 */

/** ?1 tenant id. */
export const SELECT_TENANT_WITH_ALIASES = `
SELECT t.*, (SELECT json_group_array(alias) FROM (SELECT alias FROM tenant_aliases WHERE tenant_id = t.id ORDER BY alias)) AS aliases
FROM tenants AS t WHERE t.id = ?1`;
export interface TenantWithAliasesRow {
  id: string;
  name: string;
  default_currency: string;
  default_locale: string;
  plan: string;
  created_at: number;
  updated_at: number;
  /** JSON array of the tenant's aliases, sorted. */
  aliases: string;
}

/** ?1 JSON array of aliases, ?2 the tenant that may hold them (null: none may). */
export const SELECT_ALIASES_TAKEN = 'SELECT alias FROM tenant_aliases WHERE alias IN (SELECT value FROM json_each(?1)) AND tenant_id IS NOT ?2';
export interface AliasRow {
  alias: string;
}

/** ?1 id, ?2 name, ?3 default currency, ?4 default locale, ?5 now, ?6 plan. */
export const INSERT_TENANT = 'INSERT INTO tenants (id, name, default_currency, default_locale, created_at, updated_at, plan) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)';

/** ?1 id, ?2..?4 name, currency, locale (null: unchanged), ?5 now, ?6 plan (null: unchanged). */
export const UPDATE_TENANT = `
UPDATE tenants SET name = COALESCE(?2, name), default_currency = COALESCE(?3, default_currency),
  default_locale = COALESCE(?4, default_locale), plan = COALESCE(?6, plan), updated_at = ?5 WHERE id = ?1`;

/**
 * ?1 tenant: a tenant whose creation could not finish (its placement failed) is taken back whole, so
 * no tenant exists without a shard. Nothing else references it yet.
 */
export const UNDO_CREATE_TENANT = [
  'DELETE FROM api_keys WHERE tenant_id = ?1',
  'DELETE FROM tenant_aliases WHERE tenant_id = ?1',
  'DELETE FROM placements WHERE tenant_id = ?1',
  'DELETE FROM tenants WHERE id = ?1',
];

/** ?1 tenant. */
export const DELETE_ALIASES = 'DELETE FROM tenant_aliases WHERE tenant_id = ?1';

/** ?1 JSON array of aliases, ?2 tenant. */
export const INSERT_ALIASES = 'INSERT INTO tenant_aliases (alias, tenant_id) SELECT value, ?2 FROM json_each(?1)';
