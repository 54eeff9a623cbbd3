/**
 * The webhooks module's SQL: fan-out, the delivery log, redelivery and the cron's sweep. Each
 * statement that returns rows declares its row type beside it. Endpoint CRUD goes through the drizzle
 * builder (endpoints.repository.ts), whose rows are `typeof webhookEndpoints.$inferSelect`.
 */

// --- fan-out ---------------------------------------------------------------------------------------

/** ?1 tenant. */
export const SELECT_FANOUT_WATERMARK = 'SELECT fanout_seq FROM tenants WHERE id = ?1';
export interface WatermarkRow {
  fanout_seq: number;
}

/** ?1 tenant, ?2 page size: the events past the tenant's watermark, in order (rows: FanoutEvent). */
export const SELECT_EVENTS_PAST_WATERMARK = `
SELECT id, seq, type, data FROM events
WHERE tenant_id = ?1 AND seq > (SELECT fanout_seq FROM tenants WHERE id = ?1) ORDER BY seq LIMIT ?2`;

/** ?1 tenant. */
export const SELECT_ENABLED_ENDPOINTS = 'SELECT id, event_types FROM webhook_endpoints WHERE tenant_id = ?1 AND enabled = 1';
export interface EnabledEndpointRow {
  id: string;
  /** JSON array of event-type patterns. */
  event_types: string;
}

/**
 * ?1 tenant, ?2 now, ?3 rows JSON: one chunk of the plan; RETURNING names the rows that are new.
 * One bound JSON array through json_each rather than a VALUES list: a statement's bound parameters
 * are capped (100 on D1), a chunk's rows are not.
 */
export const INSERT_DELIVERIES = `
INSERT INTO deliveries (id, tenant_id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, created_at, updated_at)
SELECT j.value ->> 'id', ?1, j.value ->> 'endpoint', j.value ->> 'event', j.value ->> 'type', 'pending', 0, ?2, ?2, ?2
FROM json_each(?3) AS j WHERE true
ON CONFLICT (endpoint_id, event_id) DO NOTHING
RETURNING id`;
export interface IdRow {
  id: string;
}

/** ?1 tenant, ?2 new watermark, ?3 the watermark this run read (it only moves forward from there). */
export const ADVANCE_FANOUT_WATERMARK = 'UPDATE tenants SET fanout_seq = ?2 WHERE id = ?1 AND fanout_seq = ?3';

// --- the delivery log ------------------------------------------------------------------------------

/** ?1 tenant, ?2 endpoint, ?3 before this id (or null), ?4 limit. */
export const SELECT_DELIVERIES_PAGE = `
SELECT d.id, d.endpoint_id, d.event_id, d.event_type, d.status, d.attempts, d.next_attempt_at, d.created_at,
  (SELECT json_group_array(json_object('attemptedAt', a.attempted_at, 'statusCode', a.status_code, 'latencyMs', a.latency_ms,
           'responseBody', a.response_body, 'error', a.error))
   FROM (SELECT * FROM delivery_attempts WHERE delivery_id = d.id ORDER BY attempted_at, id) AS a) AS attempts_json
FROM deliveries AS d
WHERE d.tenant_id = ?1 AND d.endpoint_id = ?2 AND (?3 IS NULL OR d.id < ?3)
ORDER BY d.id DESC LIMIT ?4`;
export interface DeliveryLogRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
  /** JSON array of the attempts, oldest first. */
  attempts_json: string;
}

/** ?1 tenant, ?2 delivery. */
export const DELIVERY_EXISTS = 'SELECT 1 AS found FROM deliveries WHERE tenant_id = ?1 AND id = ?2';

/** ?1 tenant, ?2 delivery, ?3 now: one more attempt for a finished or waiting delivery. */
export const REQUEUE_DELIVERY = `
UPDATE deliveries SET status = 'pending', next_attempt_at = ?3, updated_at = ?3
WHERE tenant_id = ?1 AND id = ?2 AND status IN ('succeeded', 'failed', 'retrying')`;

/** ?1 tenant, ?2 endpoint, ?3 created since, ?4 now (rows: IdRow). */
export const REQUEUE_FAILED_SINCE = `
UPDATE deliveries SET status = 'pending', next_attempt_at = ?4, updated_at = ?4
WHERE tenant_id = ?1 AND endpoint_id = ?2 AND status = 'failed' AND created_at >= ?3
RETURNING id`;

/**
 * Appended to drizzle's insert of an endpoint, turned into INSERT ... SELECT: the row goes in only
 * while the tenant has fewer endpoints than the cap, so concurrent creates cannot pass it together.
 * Two positional parameters after the row's: tenant, cap.
 */
export const UNDER_ENDPOINT_CAP = 'WHERE (SELECT COUNT(*) FROM webhook_endpoints WHERE tenant_id = ?) < ?';

/** ?1 tenant. */
export const COUNT_ENDPOINTS = 'SELECT COUNT(*) AS n FROM webhook_endpoints WHERE tenant_id = ?1';
export interface CountRow {
  n: number;
}

// --- the cron's sweep ------------------------------------------------------------------------------

/** ?1 now, ?2 claims older than this belong to a dead process (lib/sweep-mode.ts): due now. */
export const RELEASE_DEAD_CLAIMS = "UPDATE deliveries SET lease_until = ?1 - 1 WHERE status = 'delivering' AND lease_until >= ?1 AND updated_at < ?2";

/** ?1 limit (rows: IdRow). */
export const SELECT_TENANTS_BEHIND = 'SELECT id FROM tenants WHERE event_seq > fanout_seq LIMIT ?1';

/** ?1 now, ?2 limit: deliveries due, and claims whose lease ran out (rows: IdRow). */
export const SELECT_DUE_DELIVERIES = `
SELECT id FROM deliveries
WHERE (status IN ('pending', 'retrying') AND next_attempt_at <= ?1) OR (status = 'delivering' AND lease_until < ?1)
ORDER BY next_attempt_at LIMIT ?2`;

/** ?1 created before: accepted inbound pushes whose wake-up was lost (or whose apply crashed). */
export const SELECT_STUCK_INBOUND_JOBS = `
SELECT id, tenant_id FROM jobs WHERE status IN ('pending', 'processing') AND kind = 'inbound' AND created_at < ?1 LIMIT 100`;
export interface StuckJobRow {
  id: string;
  tenant_id: string;
}
