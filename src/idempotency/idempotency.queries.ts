/**
 * Claim a key: a new key, an expired one, or a lease left by a crashed request with the same body
 * becomes ours (RETURNING yields a row); anything else is someone else's and is read back instead.
 * ?1 tenant, ?2 method, ?3 route, ?4 key, ?5 request hash, ?6 lease end, ?7 now, ?8 expiry.
 */
export const CLAIM_KEY = `
INSERT INTO idempotency_keys (tenant_id, method, route, key, request_hash, locked_until, created_at, expires_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (tenant_id, method, route, key) DO UPDATE SET
  request_hash = excluded.request_hash, locked_until = excluded.locked_until, status_code = NULL,
  headers = NULL, body = NULL, created_at = excluded.created_at, expires_at = excluded.expires_at
WHERE idempotency_keys.expires_at <= ?7
   OR (idempotency_keys.status_code IS NULL AND idempotency_keys.locked_until <= ?7
       AND idempotency_keys.request_hash = excluded.request_hash)
RETURNING 1 AS claimed`;

export const READ_KEY = `
SELECT request_hash, status_code, headers, body FROM idempotency_keys
WHERE tenant_id = ?1 AND method = ?2 AND route = ?3 AND key = ?4`;

export const STORE_RESPONSE = `
UPDATE idempotency_keys SET status_code = ?6, headers = ?7, body = ?8, locked_until = NULL
WHERE tenant_id = ?1 AND method = ?2 AND route = ?3 AND key = ?4 AND request_hash = ?5`;

export const RELEASE_KEY = `
DELETE FROM idempotency_keys
WHERE tenant_id = ?1 AND method = ?2 AND route = ?3 AND key = ?4 AND request_hash = ?5 AND status_code IS NULL`;
