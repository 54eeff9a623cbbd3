/**
 * Tenants, their aliases and their API keys: the only code that writes those tables (control
 * database), and the one that places a new tenant on a shard and keeps its shard's copy of the
 * settings in step (DESIGN "Shards").
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { generateApiKey, type NewApiKey } from '../auth/api-keys';
import { forgetKey, forgetTenant } from '../auth/tenant-lookup';
import { parsePlan, type Plan } from '../auth/plans';
import { ALL_SCOPES, parseGrant } from '../auth/scopes';
import { database } from '../db/client';
import { apiKeys } from '../db/schema';
import { ApiError } from '../http/problem';
import { toIso } from '../lib/time';
import { newId } from '../lib/ulid';
import type { Env } from '../env';
import { copySettingsToShard, placeNewTenant, resolvePlacement, type TenantSettings } from '../placement/placement';
import { controlDb, scopeEnv, shardDb } from '../placement/tenant-env';
import { defaultRecommendStatement, readDefaultRecommend, type RecommendKind } from '../recommendations/settings';
import {
  type AliasRow,
  DELETE_ALIASES,
  INSERT_ALIASES,
  INSERT_TENANT,
  UNDO_CREATE_TENANT,
  SELECT_ALIASES_TAKEN,
  SELECT_TENANT_WITH_ALIASES,
  type TenantWithAliasesRow,
  UPDATE_TENANT,
} from './tenants.queries';

type ApiKeyRow = typeof apiKeys.$inferSelect;

/** The columns an API key is shown with (never its hash). */
const shownKey = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  scopes: apiKeys.scopes,
  expiresAt: apiKeys.expiresAt,
};

function renderKey(row: Pick<ApiKeyRow, keyof typeof shownKey>) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: toIso(row.createdAt),
    lastUsedAt: toIso(row.lastUsedAt),
    revokedAt: toIso(row.revokedAt),
    scopes: [...(parseGrant(row.scopes) ?? [ALL_SCOPES])],
    expiresAt: toIso(row.expiresAt),
  };
}

/** A new key's row: its statement joins the tenant's batch when the tenant is created with it. */
function newKeyRow(key: NewApiKey, tenantId: string, name: string, now: number, grant: KeyGrant = {}): ApiKeyRow {
  // `*` among the scopes is every scope: stored as NULL, like the keys made before scopes existed.
  const scopes = !grant.scopes || grant.scopes.includes(ALL_SCOPES) ? null : JSON.stringify([...new Set(grant.scopes)].sort());
  return { id: key.id, tenantId, name, prefix: key.prefix, hash: key.hash, createdAt: now, lastUsedAt: null, revokedAt: null, scopes, expiresAt: grant.expiresAt ?? null };
}

export interface KeyGrant {
  scopes?: string[] | undefined;
  /** Milliseconds since the epoch. */
  expiresAt?: number | undefined;
}

/** The control row, or null. */
async function tenantRow(db: D1Database, id: string): Promise<TenantWithAliasesRow | null> {
  return db.prepare(SELECT_TENANT_WITH_ALIASES).bind(id).first<TenantWithAliasesRow>();
}

const settingsOf = (row: TenantWithAliasesRow): TenantSettings => ({
  id: row.id,
  name: row.name,
  defaultCurrency: row.default_currency,
  defaultLocale: row.default_locale,
  plan: row.plan,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Admin reads the placement as it is now, not as this isolate last cached it. */
const FRESH = 0;

/**
 * The tenant as the control database holds it, where it lives (shard, epoch, state), and its
 * recommendations default (a data-plane row, read on its shard).
 */
export async function getTenant(env: Env, id: string) {
  const row = await tenantRow(controlDb(env), id);
  if (!row) return null;
  const placement = await resolvePlacement(env, id, FRESH);
  return {
    id: row.id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    defaultCurrency: row.default_currency,
    defaultLocale: row.default_locale,
    plan: parsePlan(row.plan),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    recommend: await readDefaultRecommend(shardDb(env, placement.shard), id),
    shard: placement.shard,
    epoch: placement.epoch,
    placementState: placement.state,
  };
}

/** 409 naming every alias another tenant already holds (checked first; the unique index backs it up). */
async function assertAliasesFree(db: D1Database, aliases: string[], tenantId: string | null): Promise<void> {
  if (aliases.length === 0) return;
  const { results } = await db
    .prepare(SELECT_ALIASES_TAKEN)
    .bind(JSON.stringify(aliases), tenantId)
    .all<AliasRow>();
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

/**
 * Control rows first (tenant, aliases, first key: one batch), then the placement on the least-loaded
 * shard with the tenant's row there. A placement that fails takes the control rows back, so no tenant
 * is left without a shard (the client's retry creates it again).
 */
export async function createTenant(
  env: Env,
  input: { name: string; aliases: string[]; defaultCurrency: string; defaultLocale: string; plan?: Plan | undefined },
) {
  const db = controlDb(env);
  const aliases = [...new Set(input.aliases)];
  await assertAliasesFree(db, aliases, null);
  const now = Date.now();
  const id = newId('ten', now);
  const key = await generateApiKey();
  await runAliasWrite(
    db,
    [
      db.prepare(INSERT_TENANT).bind(id, input.name, input.defaultCurrency, input.defaultLocale, now, input.plan ?? 'standard'),
      db.prepare(INSERT_ALIASES).bind(JSON.stringify(aliases), id),
      insertKeyStatement(db, newKeyRow(key, id, 'default', now)),
    ],
    aliases,
  );
  try {
    await placeNewTenant(env, settingsOf((await tenantRow(db, id))!), now);
  } catch (err) {
    await db.batch(UNDO_CREATE_TENANT.map((text) => db.prepare(text).bind(id))).catch(() => undefined);
    throw err;
  }
  const tenant = (await getTenant(env, id))!;
  return {
    tenant,
    apiKey: { ...renderKey(newKeyRow(key, id, 'default', now)), key: key.key },
  };
}

/**
 * Control first (settings, aliases: one batch), then the tenant's shard: the copy of its settings,
 * and its recommendations default (a data-plane row), written fenced so a tenant mid-move answers
 * 503 `tenant_moving` instead of writing to a copy about to be dropped.
 */
export async function updateTenant(
  env: Env,
  id: string,
  patch: { name?: string | undefined; aliases?: string[] | undefined; defaultCurrency?: string | undefined; defaultLocale?: string | undefined; plan?: Plan | undefined; recommend?: RecommendKind | undefined },
) {
  const db = controlDb(env);
  if (!(await tenantRow(db, id))) throw new ApiError('not_found', `No tenant ${id}`);
  const aliases = patch.aliases ? [...new Set(patch.aliases)] : null;
  if (aliases) await assertAliasesFree(db, aliases, id);
  const now = Date.now();
  const statements = [
    db.prepare(UPDATE_TENANT).bind(id, patch.name ?? null, patch.defaultCurrency ?? null, patch.defaultLocale ?? null, now, patch.plan ?? null),
  ];
  if (aliases) {
    statements.push(
      db.prepare(DELETE_ALIASES).bind(id),
      db.prepare(INSERT_ALIASES).bind(JSON.stringify(aliases), id),
    );
  }
  await runAliasWrite(db, statements, aliases ?? []);
  forgetTenant(id);
  const placement = await resolvePlacement(env, id, FRESH);
  await copySettingsToShard(env, placement, settingsOf((await tenantRow(db, id))!));
  if (patch.recommend) {
    const shard = scopeEnv(env, placement).env.DB;
    await defaultRecommendStatement(shard, id, patch.recommend, now).run();
  }
  return (await getTenant(env, id))!;
}

/** The key's insert as a D1 statement, so it can share the tenant's batch (drizzle writes the SQL). */
function insertKeyStatement(db: D1Database, row: ApiKeyRow): D1PreparedStatement {
  const { sql: text, params } = database(db).insert(apiKeys).values(row).toSQL();
  return db.prepare(text).bind(...params);
}

export async function issueKey(db: D1Database, tenantId: string, name: string, grant: KeyGrant = {}, now = Date.now()) {
  if (!(await tenantRow(db, tenantId))) throw new ApiError('not_found', `No tenant ${tenantId}`);
  if (grant.expiresAt !== undefined && grant.expiresAt <= now) {
    throw new ApiError('validation_failed', 'Invalid or missing fields', [{ path: '/expiresAt', message: 'Must be in the future' }]);
  }
  const key = await generateApiKey();
  const row = newKeyRow(key, tenantId, name, now, grant);
  await database(db).insert(apiKeys).values(row);
  return { ...renderKey(row), key: key.key };
}

export async function listKeys(db: D1Database, tenantId: string) {
  if (!(await tenantRow(db, tenantId))) throw new ApiError('not_found', `No tenant ${tenantId}`);
  const rows = await database(db).select(shownKey).from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(asc(apiKeys.id));
  return rows.map(renderKey);
}

export async function revokeKey(db: D1Database, tenantId: string, keyId: string): Promise<void> {
  const result = await database(db)
    .update(apiKeys)
    .set({ revokedAt: sql`COALESCE(${apiKeys.revokedAt}, ${Date.now()})` })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.tenantId, tenantId)));
  if ((result.meta.changes ?? 0) === 0) throw new ApiError('not_found', `No key ${keyId} for tenant ${tenantId}`);
  forgetKey(keyId);
}
