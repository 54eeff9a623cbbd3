/**
 * Tenants named by something other than an API key: an operator's setting (`GESMART_TENANT`, a tenant
 * id or alias) or a vendor path segment (Genera's `brandId`, Sizebay's collection alias). Reads only;
 * tenants are written by the admin module.
 */
import type { Tenant } from '../env';
import { ALIAS_OF_TENANT, SELECT_TENANT_BY_ID, SELECT_TENANT_BY_NAME, type TenantRow } from './auth.queries';

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
