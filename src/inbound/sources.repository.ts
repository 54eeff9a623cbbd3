/** Inbound sources: CRUD, tenant-scoped (the receiving route alone looks a source up by id). */
import { and, desc, eq } from 'drizzle-orm';
import { database } from '../db/client';
import { inboundSources } from '../db/schema';
import type { Env } from '../env';
import { openFor, sealFor, secretOwner } from '../secrets/keyring';
import { randomToken } from '../lib/crypto';
import { toIso } from '../lib/time';
import { newId } from '../lib/ulid';

export type SourceRow = typeof inboundSources.$inferSelect;

export function renderSource(row: SourceRow, base: string) {
  return {
    id: row.id,
    name: row.name,
    url: `${base}/v1/inbound/${row.id}`,
    secretEnv: row.secretEnv,
    secretEncoding: row.secretEncoding,
    signatureHeader: row.signatureHeader,
    signatureEncoding: row.signatureEncoding,
    signaturePrefix: row.signaturePrefix,
    signedPayload: row.signedPayload,
    timestampHeader: row.timestampHeader,
    toleranceSeconds: row.toleranceSeconds,
    eventIdHeader: row.eventIdHeader,
    format: row.format,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

export type NewSource = Omit<SourceRow, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'secret' | 'previousSecret' | 'previousSecretExpiresAt'> & {
  secret?: string | undefined;
};

/** Stores the source with its secret sealed; a generated secret is returned to be shown once. */
export async function insertSource(db: D1Database, env: Env, tenantId: string, input: NewSource): Promise<{ row: SourceRow; generated: string | null }> {
  const now = Date.now();
  const id = newId('src', now);
  const generated = input.secret || input.secretEnv ? null : randomToken(32);
  const plaintext = input.secretEnv ? null : (input.secret ?? generated);
  const row: SourceRow = {
    ...input,
    id,
    tenantId,
    secret: plaintext === null ? null : await sealFor(env, plaintext, secretOwner.inboundSource(id)),
    previousSecret: null,
    previousSecretExpiresAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await database(db).insert(inboundSources).values(row);
  return { row, generated };
}

export type RotateOutcome = { ok: true; row: SourceRow; secret: string } | { ok: false; reason: 'not_found' | 'env_secret' | 'raced' };

/**
 * A new generated secret now; the old one is still accepted for `overlapMs`, so the ERP can switch
 * without losing pushes. The old value moves as stored (sealed for this same row).
 */
export async function rotateSourceSecret(db: D1Database, env: Env, tenantId: string, id: string, overlapMs: number): Promise<RotateOutcome> {
  const current = await findSource(db, tenantId, id);
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.secretEnv || current.secret === null) return { ok: false, reason: 'env_secret' };
  const now = Date.now();
  const secret = randomToken(32);
  const rows = await database(db)
    .update(inboundSources)
    .set({ secret: await sealFor(env, secret, secretOwner.inboundSource(id)), previousSecret: current.secret, previousSecretExpiresAt: now + overlapMs, updatedAt: now })
    .where(and(eq(inboundSources.tenantId, tenantId), eq(inboundSources.id, id), eq(inboundSources.secret, current.secret)))
    .returning();
  return rows[0] ? { ok: true, row: rows[0], secret } : { ok: false, reason: 'raced' };
}

/** The stored secrets that verify a push now, opened: current first, then the previous during its overlap. */
export async function verifyingSecrets(env: Env, source: SourceRow, now: number): Promise<string[]> {
  const stored = [source.secret];
  if (source.previousSecret && source.previousSecretExpiresAt !== null && source.previousSecretExpiresAt > now) stored.push(source.previousSecret);
  return Promise.all(stored.filter((v): v is string => v !== null).map((v) => openFor(env, v, secretOwner.inboundSource(source.id))));
}

export async function findSource(db: D1Database, tenantId: string | null, id: string): Promise<SourceRow | null> {
  const where = tenantId ? and(eq(inboundSources.tenantId, tenantId), eq(inboundSources.id, id)) : eq(inboundSources.id, id);
  const rows = await database(db).select().from(inboundSources).where(where).limit(1);
  return rows[0] ?? null;
}

export async function listSources(db: D1Database, tenantId: string): Promise<SourceRow[]> {
  return database(db).select().from(inboundSources).where(eq(inboundSources.tenantId, tenantId)).orderBy(desc(inboundSources.id)).limit(200);
}

export async function updateSource(db: D1Database, tenantId: string, id: string, patch: Partial<NewSource>): Promise<SourceRow | null> {
  const rows = await database(db)
    .update(inboundSources)
    .set({ ...patch, updatedAt: Date.now() })
    .where(and(eq(inboundSources.tenantId, tenantId), eq(inboundSources.id, id)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteSource(db: D1Database, tenantId: string, id: string): Promise<boolean> {
  const rows = await database(db)
    .delete(inboundSources)
    .where(and(eq(inboundSources.tenantId, tenantId), eq(inboundSources.id, id)))
    .returning({ id: inboundSources.id });
  return rows.length > 0;
}
