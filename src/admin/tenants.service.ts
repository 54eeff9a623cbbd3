/** Tenants, their aliases and their API keys: the only code that writes those tables. */
import { generateApiKey } from '../auth/api-keys';
import { ApiError } from '../http/problem';
import { toIso } from '../lib/time';
import { newId } from '../lib/ulid';

interface TenantRow {
  id: string;
  name: string;
  default_currency: string;
  default_locale: string;
  created_at: number;
  updated_at: number;
  aliases: string;
}

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export function renderKey(row: KeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: toIso(row.created_at),
    lastUsedAt: toIso(row.last_used_at),
    revokedAt: toIso(row.revoked_at),
  };
}

export async function getTenant(db: D1Database, id: string) {
  const row = await db
    .prepare(
      `SELECT t.*, (SELECT json_group_array(alias) FROM (SELECT alias FROM tenant_aliases WHERE tenant_id = t.id ORDER BY alias)) AS aliases
       FROM tenants AS t WHERE t.id = ?1`,
    )
    .bind(id)
    .first<TenantRow>();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    defaultCurrency: row.default_currency,
    defaultLocale: row.default_locale,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** 409 naming every alias another tenant already holds (checked first; the unique index backs it up). */
async function assertAliasesFree(db: D1Database, aliases: string[], tenantId: string | null): Promise<void> {
  if (aliases.length === 0) return;
  const { results } = await db
    .prepare('SELECT alias FROM tenant_aliases WHERE alias IN (SELECT value FROM json_each(?1)) AND tenant_id IS NOT ?2')
    .bind(JSON.stringify(aliases), tenantId)
    .all<{ alias: string }>();
  if (results.length > 0) throw aliasConflict(results.map((r) => r.alias));
}

function aliasConflict(taken: string[]): ApiError {
  return new ApiError(
    'conflict',
    'An alias is already taken',
    taken.map((alias) => ({ path: '/aliases', message: `"${alias}" is already taken` })),
  );
}

async function runAliasWrite(db: D1Database, statements: D1PreparedStatement[], aliases: string[]) {
  try {
    return await db.batch(statements);
  } catch (err) {
    // A concurrent request took an alias between the check and the write.
    if (String(err).includes('UNIQUE constraint failed: tenant_aliases.alias')) throw aliasConflict(aliases);
    throw err;
  }
}

export async function createTenant(
  db: D1Database,
  input: { name: string; aliases: string[]; defaultCurrency: string; defaultLocale: string },
) {
  const aliases = [...new Set(input.aliases)];
  await assertAliasesFree(db, aliases, null);
  const now = Date.now();
  const id = newId('ten', now);
  const key = await generateApiKey();
  await runAliasWrite(
    db,
    [
      db.prepare('INSERT INTO tenants (id, name, default_currency, default_locale, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)')
        .bind(id, input.name, input.defaultCurrency, input.defaultLocale, now),
      db.prepare('INSERT INTO tenant_aliases (alias, tenant_id) SELECT value, ?2 FROM json_each(?1)').bind(JSON.stringify(aliases), id),
      db.prepare('INSERT INTO api_keys (id, tenant_id, name, prefix, hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
        .bind(key.id, id, 'default', key.prefix, key.hash, now),
    ],
    aliases,
  );
  const tenant = (await getTenant(db, id))!;
  return {
    tenant,
    apiKey: { ...renderKey({ id: key.id, name: 'default', prefix: key.prefix, created_at: now, last_used_at: null, revoked_at: null }), key: key.key },
  };
}

export async function updateTenant(
  db: D1Database,
  id: string,
  patch: { name?: string | undefined; aliases?: string[] | undefined; defaultCurrency?: string | undefined; defaultLocale?: string | undefined },
) {
  const current = await getTenant(db, id);
  if (!current) throw new ApiError('not_found', `No tenant ${id}`);
  const aliases = patch.aliases ? [...new Set(patch.aliases)] : null;
  if (aliases) await assertAliasesFree(db, aliases, id);
  const now = Date.now();
  const statements = [
    db.prepare(
      `UPDATE tenants SET name = COALESCE(?2, name), default_currency = COALESCE(?3, default_currency),
         default_locale = COALESCE(?4, default_locale), updated_at = ?5 WHERE id = ?1`,
    ).bind(id, patch.name ?? null, patch.defaultCurrency ?? null, patch.defaultLocale ?? null, now),
  ];
  if (aliases) {
    statements.push(
      db.prepare('DELETE FROM tenant_aliases WHERE tenant_id = ?1').bind(id),
      db.prepare('INSERT INTO tenant_aliases (alias, tenant_id) SELECT value, ?2 FROM json_each(?1)').bind(JSON.stringify(aliases), id),
    );
  }
  await runAliasWrite(db, statements, aliases ?? []);
  return (await getTenant(db, id))!;
}

export async function issueKey(db: D1Database, tenantId: string, name: string) {
  if (!(await getTenant(db, tenantId))) throw new ApiError('not_found', `No tenant ${tenantId}`);
  const key = await generateApiKey();
  const now = Date.now();
  await db
    .prepare('INSERT INTO api_keys (id, tenant_id, name, prefix, hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(key.id, tenantId, name, key.prefix, key.hash, now)
    .run();
  return { ...renderKey({ id: key.id, name, prefix: key.prefix, created_at: now, last_used_at: null, revoked_at: null }), key: key.key };
}

export async function listKeys(db: D1Database, tenantId: string) {
  if (!(await getTenant(db, tenantId))) throw new ApiError('not_found', `No tenant ${tenantId}`);
  const { results } = await db
    .prepare('SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE tenant_id = ?1 ORDER BY id')
    .bind(tenantId)
    .all<KeyRow>();
  return results.map(renderKey);
}

export async function revokeKey(db: D1Database, tenantId: string, keyId: string): Promise<void> {
  const result = await db
    .prepare('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?3) WHERE id = ?1 AND tenant_id = ?2')
    .bind(keyId, tenantId, Date.now())
    .run();
  if ((result.meta.changes ?? 0) === 0) throw new ApiError('not_found', `No key ${keyId} for tenant ${tenantId}`);
}
