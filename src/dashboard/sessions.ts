/**
 * Dashboard sessions: an API key, presented once at sign-in, exchanged for a random cookie token.
 * The key is never stored (the browser keeps only the token; D1 keeps the token's SHA-256 and the
 * key's id). Each request resolves the session's key through the same lookup /v1 uses (by key id),
 * so a revoked key ends its sessions at once and the key's tenant (and, where keys carry them, its
 * scopes) decides what the dashboard shows.
 */
import { authenticateKey, type ResolvedKey } from '../auth/api-keys';
import { randomToken, sha256Hex } from '../lib/crypto';
import { DELETE_EXPIRED_SESSIONS, DELETE_SESSION, DELETE_SESSIONS_OF_KEY, INSERT_SESSION, SELECT_LIVE_SESSION, type SessionRow } from './sessions.queries';

/** A sign-in lasts 12 hours (a working day), then the key is asked again. */
export const SESSION_TTL_MS = 12 * 3600_000;
const PRUNE_BATCH = 500;

export interface Session {
  id: string;
  csrfToken: string;
  expiresAt: number;
  key: ResolvedKey;
}

/** Creates a session for a live key; answers the cookie token (shown to the browser only). */
export async function openSession(db: D1Database, key: ResolvedKey, now = Date.now()): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
  const token = randomToken(32);
  const csrfToken = randomToken(32);
  const expiresAt = now + SESSION_TTL_MS;
  await db.batch([
    db.prepare(DELETE_EXPIRED_SESSIONS).bind(now, PRUNE_BATCH),
    db.prepare(INSERT_SESSION).bind(await sha256Hex(token), key.tenant.id, key.keyId, csrfToken, now, expiresAt),
  ]);
  return { token, csrfToken, expiresAt };
}

/**
 * The live session of a cookie token, with its key resolved now; null when the token is unknown or
 * expired, or its key was revoked (its rows are then removed).
 */
export async function findSession(db: D1Database, token: string, waitUntil: (p: Promise<unknown>) => void, now = Date.now()): Promise<Session | null> {
  const row = await db.prepare(SELECT_LIVE_SESSION).bind(await sha256Hex(token), now).first<SessionRow>();
  if (!row) return null;
  const key = await authenticateKey(db, { keyId: row.key_id, tenantId: row.tenant_id }, waitUntil);
  if (!key) {
    waitUntil(db.prepare(DELETE_SESSIONS_OF_KEY).bind(row.key_id).run());
    return null;
  }
  return { id: row.id, csrfToken: row.csrf_token, expiresAt: row.expires_at, key };
}

export async function closeSession(db: D1Database, sessionId: string): Promise<void> {
  await db.prepare(DELETE_SESSION).bind(sessionId).run();
}
