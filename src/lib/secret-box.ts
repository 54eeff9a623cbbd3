/**
 * Secrets at rest: AES-256-GCM on Web Crypto under a keyring of key-encryption keys.
 *
 * A sealed value is `enc:<keyId>:<base64url(iv || ciphertext || tag)>`: a fresh random 96-bit IV per
 * value (the size GCM is specified for, NIST SP 800-38D), and the owning row's identity as additional
 * data, so a ciphertext copied into another row (or another table) fails to open instead of
 * lending that row a secret. The key id travels with the value, so a keyring may hold several keys:
 * the first one seals, every one opens, and a key can be retired once nothing is sealed with it.
 * A value without the `enc:` prefix is a plaintext left from before encryption (read as is until the
 * backfill seals it).
 *
 * Pure: no env, no clock. The keyring text is `<keyId>:<base64 of 32 bytes>[,<keyId>:<base64>...]`.
 */
import { base64ToBytes } from './base64';
import { toBase64Url } from './crypto';

const PREFIX = 'enc:';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const SEALED = /^enc:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const encoder = new TextEncoder();

export interface Keyring {
  /** The key new values are sealed with: the first of the list. */
  currentId: string;
  keys: ReadonlyMap<string, CryptoKey>;
}

export type KeyringResult = { ok: true; ring: Keyring } | { ok: false; reason: string };

/** Parses and imports a keyring; the reason never contains key material. */
export async function parseKeyring(text: string | undefined): Promise<KeyringResult> {
  const entries = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return { ok: false, reason: 'no key is configured' };
  const keys = new Map<string, CryptoKey>();
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id)) return { ok: false, reason: `entry ${index + 1} does not start with a key id ([A-Za-z0-9_-]{1,32}) and a colon` };
    if (keys.has(id)) return { ok: false, reason: `key id "${id}" appears twice` };
    const raw = base64ToBytes(entry.slice(colon + 1).replace(/=+$/, ''));
    if (!raw || raw.length !== 32) return { ok: false, reason: `key "${id}" is not the base64 of 32 random bytes` };
    keys.set(id, await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
  }
  return { ok: true, ring: { currentId: entries[0]!.slice(0, entries[0]!.indexOf(':')), keys } };
}

/** Why a stored value could not be opened (never the value itself). */
export class SecretUnreadable extends Error {
  constructor(readonly reason: 'unknown_key' | 'malformed' | 'tampered', readonly keyId: string | null) {
    super(`stored secret unreadable: ${reason}${keyId ? ` (key ${keyId})` : ''}`);
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** The key id a stored value is sealed with, or null for a plaintext. */
export function sealedKeyId(stored: string): string | null {
  return SEALED.exec(stored)?.[1] ?? null;
}

/** True when the value is plaintext or sealed with another key than the ring's current one. */
export function needsReseal(ring: Keyring, stored: string): boolean {
  return sealedKeyId(stored) !== ring.currentId;
}

export async function sealSecret(ring: Keyring, plaintext: string, rowIdentity: string): Promise<string> {
  const key = ring.keys.get(ring.currentId)!;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(rowIdentity) }, key, encoder.encode(plaintext)),
  );
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return `${PREFIX}${ring.currentId}:${toBase64Url(out)}`;
}

/** Opens a sealed value; a plaintext (no `enc:` prefix) is returned as it is. */
export async function openSecret(ring: Keyring, stored: string, rowIdentity: string): Promise<string> {
  if (!isSealed(stored)) return stored;
  const match = SEALED.exec(stored);
  if (!match) throw new SecretUnreadable('malformed', null);
  const keyId = match[1]!;
  const key = ring.keys.get(keyId);
  if (!key) throw new SecretUnreadable('unknown_key', keyId);
  const bytes = base64ToBytes(match[2]!);
  if (!bytes || bytes.length < IV_BYTES + TAG_BYTES) throw new SecretUnreadable('malformed', keyId);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(rowIdentity) },
      key,
      bytes.subarray(IV_BYTES),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new SecretUnreadable('tampered', keyId);
  }
}
