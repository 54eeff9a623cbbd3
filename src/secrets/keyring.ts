/**
 * The Worker's keyring for secrets at rest (`SECRETS_KEYS`), and sealing/opening the secrets that
 * webhook endpoints, inbound sources and processors keep in D1.
 *
 * Fail closed: without a usable keyring nothing secret-bearing is written or read. A /v1 request
 * then answers 503 `service_unavailable` (the operator must act; the client may retry), queue work
 * that needs a secret is retried later rather than failed, and the first use in each isolate (and
 * every cron run) logs why. Serving plaintext instead would silently undo the protection, so there
 * is no fallback, in development either: `.dev.vars.example` carries a development key, and the
 * setup script adds it to an older `.dev.vars`. That committed key is refused outside local
 * development and tests, so a deployment cannot run on a key everyone knows.
 */
import type { Env } from '../env';
import { ApiError } from '../http/problem';
import { type Keyring, openSecret, parseKeyring, sealSecret, SecretUnreadable } from '../lib/secret-box';

/** The development key in `.dev.vars.example` (public, so refused outside development and tests). */
export const DEV_KEY_MATERIAL = 'tBkccECQwEpvxEMt2VUdajFvKtx5m01VsRDiIxA8yg4=';

/** A secret cannot be sealed or opened right now: a 503 on /v1, a retry in a queue consumer. */
export class SecretsUnavailable extends ApiError {
  constructor(readonly why: string) {
    super('service_unavailable', 'Stored secrets cannot be read or written right now; the operator has been told', undefined, { 'Retry-After': '60' });
  }
}

type Ring = { ok: true; ring: Keyring } | { ok: false; reason: string };
let cache: { text: string | undefined; local: boolean; result: Promise<Ring> } | null = null;
const warned = new Set<string>();

function isLocal(env: Pick<Env, 'ENVIRONMENT'>): boolean {
  return env.ENVIRONMENT === 'development' || env.ENVIRONMENT === 'test';
}

async function load(text: string | undefined, local: boolean): Promise<Ring> {
  if (!local && text?.includes(DEV_KEY_MATERIAL)) return { ok: false, reason: 'the development key from .dev.vars.example is refused outside local development' };
  return parseKeyring(text);
}

/** Logs once per isolate and reason: the operator's signal that secrets are unusable. */
export function warnUnavailable(why: string): void {
  if (warned.has(why)) return;
  warned.add(why);
  console.error(JSON.stringify({ level: 'error', message: 'SECRETS_KEYS unusable: webhook, inbound and processor secrets are refused', reason: why }));
}

/** The parsed keyring, cached per isolate (re-parsed only when the binding's text changes). */
export async function keyring(env: Pick<Env, 'SECRETS_KEYS' | 'ENVIRONMENT'>): Promise<Keyring> {
  const local = isLocal(env);
  if (!cache || cache.text !== env.SECRETS_KEYS || cache.local !== local) cache = { text: env.SECRETS_KEYS, local, result: load(env.SECRETS_KEYS, local) };
  const result = await cache.result;
  if (!result.ok) {
    warnUnavailable(result.reason);
    throw new SecretsUnavailable(result.reason);
  }
  return result.ring;
}

/** Row identities bound into each ciphertext as additional data: a value opens only in its own row. */
export const secretOwner = {
  webhook: (id: string) => `webhook_endpoints/${id}`,
  inboundSource: (id: string) => `inbound_sources/${id}`,
  processor: (tenantId: string, name: string) => `processors/${tenantId}/${name}`,
};

export async function sealFor(env: Pick<Env, 'SECRETS_KEYS' | 'ENVIRONMENT'>, plaintext: string, owner: string): Promise<string> {
  return sealSecret(await keyring(env), plaintext, owner);
}

/** Opens a stored secret (plaintext rows from before encryption read as they are). */
export async function openFor(env: Pick<Env, 'SECRETS_KEYS' | 'ENVIRONMENT'>, stored: string, owner: string): Promise<string> {
  const ring = await keyring(env);
  try {
    return await openSecret(ring, stored, owner);
  } catch (err) {
    if (!(err instanceof SecretUnreadable)) throw err;
    // The owner names a row, never its secret; the key id says which key an operator must restore.
    console.error(JSON.stringify({ level: 'error', message: 'stored secret unreadable', owner, reason: err.reason, keyId: err.keyId }));
    throw new SecretsUnavailable(`a stored secret is unreadable (${err.reason})`);
  }
}
