/**
 * Who may take an inbound source's HMAC secret from a Worker secret (`secretEnv`). Those secrets are
 * the operator's, each meant for one tenant: GESMART_WEBHOOK_SECRET belongs to the tenant named by
 * GESMART_TENANT, and any other `*_WEBHOOK_SECRET` to the tenants the operator lists in
 * INBOUND_ENV_SECRET_TENANTS (`tenant=NAME` pairs, comma-separated; a tenant by id or alias). Without
 * this, any tenant could name another tenant's secret and accept pushes signed for that tenant.
 */
import type { Env } from '../env';
import { ALIAS_AMONG_GRANTS, type FoundRow } from './env-secrets.queries';

/** The tenant names (ids or aliases) granted `name`: pure, from the configuration alone. */
export function envSecretGrants(env: Pick<Env, 'GESMART_TENANT' | 'INBOUND_ENV_SECRET_TENANTS'>, name: string): string[] {
  const grants: string[] = [];
  const gesmart = env.GESMART_TENANT?.trim();
  if (name === 'GESMART_WEBHOOK_SECRET' && gesmart) grants.push(gesmart);
  for (const entry of (env.INBOUND_ENV_SECRET_TENANTS ?? '').split(',')) {
    const [tenant, secret] = entry.split('=').map((part) => part.trim());
    if (tenant && secret === name) grants.push(tenant);
  }
  return grants;
}

export async function mayUseEnvSecret(db: D1Database, env: Env, tenantId: string, name: string): Promise<boolean> {
  const grants = envSecretGrants(env, name);
  if (grants.includes(tenantId)) return true;
  if (grants.length === 0) return false;
  const alias = await db
    .prepare(ALIAS_AMONG_GRANTS)
    .bind(tenantId, JSON.stringify(grants))
    .first<FoundRow>();
  return alias !== null;
}
