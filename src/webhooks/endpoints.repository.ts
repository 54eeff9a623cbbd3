/** Webhook endpoints: CRUD, tenant-scoped in every query (another tenant's id is simply not found). */
import { and, desc, eq, lt } from 'drizzle-orm';
import { database } from '../db/client';
import { webhookEndpoints } from '../db/schema';
import type { Env } from '../env';
import { openFor, sealFor, secretOwner } from '../secrets/keyring';
import { toIso } from '../lib/time';
import { newId } from '../lib/ulid';
import { generateSecret } from '../lib/signing';
import { COUNT_ENDPOINTS, type CountRow, UNDER_ENDPOINT_CAP } from './webhooks.queries';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export function renderEndpoint(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    eventTypes: JSON.parse(row.eventTypes) as string[],
    headerNames: Object.keys(JSON.parse(row.headers) as Record<string, string>),
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    format: row.format,
    failingSince: toIso(row.failingSince),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    expiresAt: toIso(row.expiresAt),
  };
}

export interface NewEndpoint {
  url: string;
  eventTypes: string[];
  headers: Record<string, string>;
  enabled: boolean;
  format: string;
  metadata?: Record<string, unknown> | null;
  /** Epoch ms; null/absent: the endpoint stays until deleted. */
  expiresAt?: number | null;
}

/**
 * Stores the endpoint with a new secret, sealed (the plaintext is returned to be shown once), unless
 * the tenant already has `maxPerTenant` of them (null then). The count and the insert are one
 * statement, so concurrent creates cannot pass the cap together. A tenant that had more before the
 * cap existed keeps them and cannot add more.
 */
export async function insertEndpoint(db: D1Database, env: Env, tenantId: string, input: NewEndpoint, maxPerTenant = Infinity): Promise<{ row: EndpointRow; secret: string } | null> {
  const now = Date.now();
  const id = newId('wh', now);
  const secret = generateSecret();
  const row: EndpointRow = {
    id,
    tenantId,
    url: input.url,
    eventTypes: JSON.stringify(input.eventTypes),
    headers: JSON.stringify(input.headers),
    format: input.format,
    enabled: input.enabled,
    disabledReason: null,
    secret: await sealFor(env, secret, secretOwner.webhook(id)),
    previousSecret: null,
    previousSecretExpiresAt: null,
    failingSince: null,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    createdAt: now,
    updatedAt: now,
    expiresAt: input.expiresAt ?? null,
  };
  const insert = database(db).insert(webhookEndpoints).values(row).toSQL();
  // drizzle writes `insert into "t" (cols) values (?, ...)`: the same row, selected under a condition.
  const values = /\svalues\s*\((.*)\)\s*$/is.exec(insert.sql);
  if (!values) throw new Error('unexpected insert statement');
  const conditional = `${insert.sql.slice(0, values.index)} select ${values[1]} ${UNDER_ENDPOINT_CAP}`;
  const limit = Number.isFinite(maxPerTenant) ? maxPerTenant : Number.MAX_SAFE_INTEGER;
  const result = await db.prepare(conditional).bind(...insert.params, tenantId, limit).run();
  return result.meta.changes === 1 ? { row, secret } : null;
}

export async function countEndpoints(db: D1Database, tenantId: string): Promise<number> {
  const row = await db.prepare(COUNT_ENDPOINTS).bind(tenantId).first<CountRow>();
  return row?.n ?? 0;
}

export async function findEndpoint(db: D1Database, tenantId: string, id: string): Promise<EndpointRow | null> {
  const rows = await database(db)
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listEndpoints(db: D1Database, tenantId: string, beforeId: string | null, limit: number) {
  const rows = await database(db)
    .select()
    .from(webhookEndpoints)
    .where(beforeId ? and(eq(webhookEndpoints.tenantId, tenantId), lt(webhookEndpoints.id, beforeId)) : eq(webhookEndpoints.tenantId, tenantId))
    .orderBy(desc(webhookEndpoints.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

export async function updateEndpoint(
  db: D1Database,
  tenantId: string,
  id: string,
  patch: Partial<Pick<NewEndpoint, 'url' | 'eventTypes' | 'headers' | 'enabled' | 'format'>>,
): Promise<EndpointRow | null> {
  const set: Partial<EndpointRow> = { updatedAt: Date.now() };
  if (patch.url !== undefined) set.url = patch.url;
  if (patch.eventTypes !== undefined) set.eventTypes = JSON.stringify(patch.eventTypes);
  if (patch.headers !== undefined) set.headers = JSON.stringify(patch.headers);
  if (patch.format !== undefined) set.format = patch.format;
  if (patch.enabled !== undefined) {
    set.enabled = patch.enabled;
    // Re-enabling starts a clean slate: the five-day failure clock and the reason go.
    if (patch.enabled) Object.assign(set, { disabledReason: null, failingSince: null });
    else set.disabledReason = 'disabled by the tenant';
  }
  const rows = await database(db)
    .update(webhookEndpoints)
    .set(set)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteEndpoint(db: D1Database, tenantId: string, id: string): Promise<boolean> {
  const rows = await database(db)
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/**
 * New secret now; the old one keeps signing beside it for `overlapMs` (receivers can switch at
 * leisure). The old value moves as it is stored (sealed for this same row), so it is never decrypted.
 */
export async function rotateSecret(db: D1Database, env: Env, tenantId: string, id: string, overlapMs: number): Promise<{ row: EndpointRow; secret: string } | null> {
  const current = await findEndpoint(db, tenantId, id);
  if (!current) return null;
  const now = Date.now();
  const secret = generateSecret();
  const rows = await database(db)
    .update(webhookEndpoints)
    .set({ secret: await sealFor(env, secret, secretOwner.webhook(id)), previousSecret: current.secret, previousSecretExpiresAt: now + overlapMs, updatedAt: now })
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id), eq(webhookEndpoints.secret, current.secret)))
    .returning();
  return rows[0] ? { row: rows[0], secret } : null;
}

/** The secrets that sign a delivery right now (as stored): current first, then the previous while its overlap lasts. */
export function signingSecrets(row: Pick<EndpointRow, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>, now: number): string[] {
  const secrets = [row.secret];
  if (row.previousSecret && row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt > now) secrets.push(row.previousSecret);
  return secrets;
}

/** Opens stored secrets of one endpoint (throws SecretsUnavailable when they cannot be read). */
export function openEndpointSecrets(env: Env, endpointId: string, stored: string[]): Promise<string[]> {
  return Promise.all(stored.map((value) => openFor(env, value, secretOwner.webhook(endpointId))));
}
