/**
 * The cron's pruning: each statement deletes at most ?LIMIT rows of one table (a bounded, idempotent
 * step, so an overlapping or repeated run is harmless), through the table's time index.
 */

/** ?1 created before, ?2 limit. */
export const PRUNE_EVENTS = 'DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE created_at < ?1 LIMIT ?2)';

/** ?1 created before, ?2 limit. */
export const PRUNE_JOB_ERRORS = 'DELETE FROM job_errors WHERE rowid IN (SELECT rowid FROM job_errors WHERE created_at < ?1 LIMIT ?2)';

/** ?1 now, ?2 limit. */
export const PRUNE_IDEMPOTENCY_KEYS = 'DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE expires_at < ?1 LIMIT ?2)';

/** ?1 attempted before, ?2 limit. */
export const PRUNE_DELIVERY_ATTEMPTS = 'DELETE FROM delivery_attempts WHERE rowid IN (SELECT rowid FROM delivery_attempts WHERE attempted_at < ?1 LIMIT ?2)';

/** ?1 created before, ?2 limit: finished deliveries only. */
export const PRUNE_DELIVERIES =
  "DELETE FROM deliveries WHERE rowid IN (SELECT rowid FROM deliveries WHERE created_at < ?1 AND status IN ('succeeded', 'failed') LIMIT ?2)";

/**
 * ?1 now, ?2 dedupe window (s), ?3 limit. A receipt lives max(2 x its source's tolerance, the dedupe
 * window) (inbound/dedupe.ts); sources that are not rows (GeSmart's env webhook) have the default
 * 300 s tolerance. The first bound lets the received_at index skip everything younger than the
 * shortest lifetime.
 */
export const PRUNE_INBOUND_RECEIPTS = `
DELETE FROM inbound_receipts WHERE rowid IN (
  SELECT r.rowid FROM inbound_receipts AS r LEFT JOIN inbound_sources AS s ON s.id = r.source_id
  WHERE r.received_at < ?1 - ?2 * 1000 AND r.received_at < ?1 - MAX(2 * COALESCE(s.tolerance_seconds, 300), ?2) * 1000
  LIMIT ?3)`;

/**
 * ?1 now, ?2 limit: the unfinished deliveries of expired (temporary) endpoints; fan-out already
 * stopped making new ones at the expiry (SELECT_ENABLED_ENDPOINTS).
 */
export const PRUNE_EXPIRED_ENDPOINT_DELIVERIES = `
DELETE FROM deliveries WHERE rowid IN (
  SELECT d.rowid FROM webhook_endpoints AS w JOIN deliveries AS d ON d.endpoint_id = w.id
  WHERE w.expires_at < ?1 AND d.status NOT IN ('succeeded', 'failed') LIMIT ?2)`;

/**
 * ?1 now, ?2 limit: expired endpoints, once none of their deliveries is left unfinished (a run that
 * hit the limit above leaves the endpoint for the next run, so no pending row outlives its endpoint).
 */
export const PRUNE_EXPIRED_ENDPOINTS = `
DELETE FROM webhook_endpoints WHERE rowid IN (
  SELECT w.rowid FROM webhook_endpoints AS w
  WHERE w.expires_at < ?1
    AND NOT EXISTS (SELECT 1 FROM deliveries AS d WHERE d.endpoint_id = w.id AND d.status NOT IN ('succeeded', 'failed'))
  LIMIT ?2)`;
