/**
 * API keys: `ssk_` + 32 random bytes (256 bits) in base64url. Only the SHA-256 of a key is stored;
 * the recognizable prefix lets secret scanners and people spot one, and the stored `prefix` (the
 * first 12 characters) lets a tenant tell its keys apart without any of them being usable.
 */
import { randomToken, sha256Hex } from '../lib/crypto';
import { newId } from '../lib/ulid';

export const KEY_PREFIX = 'ssk_';

export interface NewApiKey {
  id: string;
  key: string;
  prefix: string;
  hash: string;
}

export async function generateApiKey(): Promise<NewApiKey> {
  const key = KEY_PREFIX + randomToken(32);
  return { id: newId('key'), key, prefix: key.slice(0, 12), hash: await sha256Hex(key) };
}

export function hashApiKey(key: string): Promise<string> {
  return sha256Hex(key);
}

/** `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function presentedKey(headers: { authorization?: string | undefined; apiKey?: string | undefined }): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1]!;
  const key = headers.apiKey?.trim();
  return key ? key : null;
}
