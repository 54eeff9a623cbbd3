/** Inbound sources: CRUD, tenant-scoped (the receiving route alone looks a source up by id). */
import { and, desc, eq } from 'drizzle-orm';
import { database } from '../db/client';
import { inboundSources } from '../db/schema';
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

export type NewSource = Omit<SourceRow, 'id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'secret'> & { secret?: string | undefined };

export async function insertSource(db: D1Database, tenantId: string, input: NewSource): Promise<{ row: SourceRow; generated: string | null }> {
  const now = Date.now();
  const generated = input.secret || input.secretEnv ? null : randomToken(32);
  const row: SourceRow = {
    ...input,
    id: newId('src', now),
    tenantId,
    secret: input.secretEnv ? null : (input.secret ?? generated),
    createdAt: now,
    updatedAt: now,
  };
  await database(db).insert(inboundSources).values(row);
  return { row, generated };
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
