/** The dashboard's SQL: its sessions (the only table it owns). */

/** ?1 id (token hash), ?2 tenant, ?3 key id, ?4 csrf token, ?5 now, ?6 expires at. */
export const INSERT_SESSION = `
INSERT INTO dashboard_sessions (id, tenant_id, key_id, csrf_token, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)`;

/** ?1 id (token hash), ?2 now: a session that has not expired. */
export const SELECT_LIVE_SESSION = 'SELECT id, tenant_id, key_id, csrf_token, expires_at FROM dashboard_sessions WHERE id = ?1 AND expires_at > ?2';
export interface SessionRow {
  id: string;
  tenant_id: string;
  key_id: string;
  csrf_token: string;
  expires_at: number;
}

/** ?1 id (token hash). */
export const DELETE_SESSION = 'DELETE FROM dashboard_sessions WHERE id = ?1';

/** ?1 key id: a revoked key's sessions (the lookup already refuses them; this removes the rows). */
export const DELETE_SESSIONS_OF_KEY = 'DELETE FROM dashboard_sessions WHERE key_id = ?1';

/** ?1 now, ?2 limit: expired sessions, a bounded number at a time (dashboard_sessions_expires). */
export const DELETE_EXPIRED_SESSIONS = `
DELETE FROM dashboard_sessions WHERE id IN (SELECT id FROM dashboard_sessions WHERE expires_at <= ?1 LIMIT ?2)`;
