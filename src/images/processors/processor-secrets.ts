/**
 * A processor's signing secret: sealed in D1 (secrets/keyring.ts), rotated with an overlap like
 * webhook secrets. During the overlap jobs are signed with both secrets and callbacks signed with
 * either are accepted, so the service can switch at leisure.
 */
import type { Env } from '../../env';
import { openFor, sealFor, secretOwner } from '../../secrets/keyring';
import { generateSecret } from '../../lib/signing';
import type { ProcessorSecretsRow } from './processors.queries';
import { type ProcessorRow, rotateSecret } from './processors.repository';

export type StoredProcessorSecrets = ProcessorSecretsRow;

/** A new secret, sealed for this (tenant, name) row. */
export async function newProcessorSecret(env: Env, tenantId: string, name: string): Promise<{ plaintext: string; sealed: string }> {
  const plaintext = generateSecret();
  return { plaintext, sealed: await sealFor(env, plaintext, secretOwner.processor(tenantId, name)) };
}

/** The secrets that sign and verify right now, opened: current first, then the previous during its overlap. */
export function openProcessorSecrets(env: Env, tenantId: string, name: string, row: StoredProcessorSecrets, now: number): Promise<string[]> {
  const stored = [row.secret];
  if (row.previous_secret && row.previous_secret_expires_at !== null && row.previous_secret_expires_at > now) stored.push(row.previous_secret);
  return Promise.all(stored.map((value) => openFor(env, value, secretOwner.processor(tenantId, name))));
}

/** Rotates; null when the processor does not exist. The old value moves as stored (sealed for this same row). */
export async function rotateProcessorSecret(
  db: D1Database,
  env: Env,
  tenantId: string,
  name: string,
  overlapMs: number,
): Promise<{ row: ProcessorRow; secret: string } | null> {
  const now = Date.now();
  const { plaintext, sealed } = await newProcessorSecret(env, tenantId, name);
  const row = await rotateSecret(db, tenantId, name, sealed, now + overlapMs, now);
  return row ? { row, secret: plaintext } : null;
}
