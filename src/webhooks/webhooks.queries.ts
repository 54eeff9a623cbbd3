/**
 * The webhooks module's SQL: fan-out, the delivery log, redelivery and the cron's sweep. Each
 * statement that returns rows declares its row type beside it. Endpoint CRUD goes through the drizzle
 * builder (endpoints.repository.ts), whose rows are `typeof webhookEndpoints.$inferSelect`.
 */

// --- fan-out ---------------------------------------------------------------------------------------

/** ?1 tenant: the fan-out's watermark, and the last event written (advanced with every event). */
export const SELECT_FANOUT_WATERMARK = 'SELECT fanout_seq, event_seq FROM tenants WHERE id = ?1';
export interface WatermarkRow {
  fanout_seq: number;
  event_seq: number;
}

/**
 * ?1 tenant, ?2 page size, ?3 now: the events past the tenant's watermark, in order (rows: FanoutEvent),
 * none when the tenant has no enabled endpoint (SELECT_ENABLED_ENDPOINTS' condition, same `now`).
 * The fan-out needs an event's data only for a `webhook.test` (its target endpoint); a page of 500
 * events' bodies was the largest D1 answer per delivery in the webhooks bench's burst (a run takes
 * ~100 of them at 10 endpoints), and turning D1 answers into objects costs the delivery isolate's CPU.
 */
export const SELECT_EVENTS_PAST_WATERMARK = `
SELECT id, seq, type, CASE WHEN type = 'webhook.test' THEN data END AS data FROM events
WHERE tenant_id = ?1 AND seq > (SELECT fanout_seq FROM tenants WHERE id = ?1)
  AND EXISTS (SELECT 1 FROM webhook_endpoints WHERE tenant_id = ?1 AND enabled = 1 AND (expires_at IS NULL OR expires_at > ?3))
ORDER BY seq LIMIT ?2`;

/** ?1 tenant, ?2 now: an expired endpoint gets nothing more, even before the cron deletes it. */
export const SELECT_ENABLED_ENDPOINTS = 'SELECT id, event_types FROM webhook_endpoints WHERE tenant_id = ?1 AND enabled = 1 AND (expires_at IS NULL OR expires_at > ?2)';
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

// --- attempts ------------------------------------------------------------------------------------

/**
 * ?1 ids JSON, ?2 now, ?3 lease end: claims the due rows, or rows whose previous claim expired.
 * `+status` (here and in the two below) keeps the planner on the primary key: through `deliveries_due
 * (status=?)` each claim read every pending row of the table (100,000 after a 10,000-event burst to
 * 10 endpoints), and the burst drained ever slower, ~770/s falling to ~80/s.
 */
export const CLAIM_DELIVERIES = `
UPDATE deliveries SET status = 'delivering', lease_until = ?3, updated_at = ?2
WHERE id IN (SELECT value FROM json_each(?1))
  AND ((+status IN ('pending', 'retrying') AND (next_attempt_at IS NULL OR next_attempt_at <= ?2 + 1000))
       OR (+status = 'delivering' AND lease_until < ?2))`;

/**
 * ?1 ids JSON, ?2 the claim's lease end: the rows this claim holds, as ONE row whose \`claimed\` is a
 * JSON array of [id, tenant_id, attempts, endpoint_id, event_id] (claimed-rows.ts reads it). D1's
 * client turns every answer row into an object (\`Object.fromEntries\` per row) and the local D1
 * builds and serialises each row too: one row per delivery (a RETURNING on the claim) cost ~4 us of
 * the delivery isolate per row in the webhooks bench's burst profile; one aggregated row does not.
 */
export const LOAD_CLAIMED_DELIVERIES = `
SELECT json_group_array(json_array(d.id, d.tenant_id, d.attempts, d.endpoint_id, d.event_id)) AS claimed
FROM deliveries AS d
WHERE d.id IN (SELECT value FROM json_each(?1)) AND +d.status = 'delivering' AND d.lease_until = ?2`;
export interface ClaimedJsonRow {
  /** JSON: [[id, tenant_id, attempts, endpoint_id, event_id], ...]. */
  claimed: string;
}

/**
 * A claimed delivery (LOAD_CLAIMED_DELIVERIES). Its event and endpoint come from the two
 * statements below, in the same batch (one snapshot), once each: joined to every delivery, a group of
 * 200 (20 events x 10 endpoints) returned every endpoint's 9 columns (sealed secrets included) and
 * every event's body 10 times over, and turning D1's answers into objects (`toJson` /
 * `toArrayOfObjects` of the D1 client) was ~8% of the delivery isolate's CPU in the webhooks bench's
 * burst (4% after). claimed-rows.ts puts them together.
 */
export interface ClaimedRow {
  id: string;
  tenant_id: string;
  attempts: number;
  endpoint_id: string;
  event_id: string;
}

/** ?1 ids JSON, ?2 the claim's lease end: `column` of each delivery row that claim still holds. */
const ofClaimed = (column: 'event_id' | 'endpoint_id') => `SELECT d.${column} FROM deliveries AS d
  WHERE d.id IN (SELECT value FROM json_each(?1)) AND +d.status = 'delivering' AND d.lease_until = ?2`;

/** ?1 ids JSON, ?2 the claim's lease end: each event the claimed rows carry, once. */
export const LOAD_CLAIMED_EVENTS = `
SELECT e.id, e.type, e.data, e.created_at FROM events AS e
WHERE e.id IN (${ofClaimed('event_id')})`;
export interface ClaimedEventRow {
  id: string;
  type: string;
  data: string;
  created_at: number;
}

/** ?1 ids JSON, ?2 the claim's lease end: each endpoint the claimed rows go to, once. */
export const LOAD_CLAIMED_ENDPOINTS = `
SELECT w.id, w.url, w.headers, w.format, w.metadata, w.enabled, w.secret, w.previous_secret, w.previous_secret_expires_at, w.failing_since
FROM webhook_endpoints AS w
WHERE w.id IN (${ofClaimed('endpoint_id')})`;
export interface ClaimedEndpointRow {
  id: string;
  url: string;
  headers: string;
  format: string | null;
  metadata: string | null;
  enabled: number;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: number | null;
  failing_since: number | null;
}

/** A claimed delivery with its event and endpoint (null columns: the event was pruned, the endpoint deleted). */
export interface ClaimedDeliveryRow {
  id: string;
  tenant_id: string;
  attempts: number;
  endpoint_id: string;
  event_id: string;
  event_type: string | null;
  event_data: string | null;
  event_created_at: number | null;
  url: string | null;
  headers: string | null;
  format: string | null;
  metadata: string | null;
  enabled: number | null;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_expires_at: number | null;
  failing_since: number | null;
}

/** ?1 ids JSON, ?2 the claim's lease end, ?3 now: claimed rows that were not attempted, due again now. */
export const RELEASE_UNSTARTED = `
UPDATE deliveries SET status = CASE WHEN attempts = 0 THEN 'pending' ELSE 'retrying' END, lease_until = NULL, next_attempt_at = ?3
WHERE id IN (SELECT value FROM json_each(?1)) AND +status = 'delivering' AND lease_until = ?2`;

// --- recording attempts ----------------------------------------------------------------------------

/** ?1 outcomes JSON [{aid, id, sent, code, latency, body, error, ...}], ?2 now: one attempt row per request sent. */
export const RECORD_ATTEMPTS = `
INSERT INTO delivery_attempts (id, delivery_id, attempted_at, status_code, latency_ms, response_body, error)
SELECT j.value ->> 'aid', j.value ->> 'id', ?2, j.value ->> 'code', j.value ->> 'latency', j.value ->> 'body', j.value ->> 'error'
FROM json_each(?1) AS j WHERE j.value ->> 'sent'`;

/** ?1 outcomes JSON [{id, status, next, code, error, ...}], ?2 now: each delivery's next step, its claim released. */
export const RECORD_DELIVERY_STATES = `
UPDATE deliveries SET status = j.value ->> 'status', attempts = attempts + 1, next_attempt_at = j.value ->> 'next',
  last_status_code = j.value ->> 'code', last_error = j.value ->> 'error', lease_until = NULL, updated_at = ?2
FROM json_each(?1) AS j WHERE deliveries.id = j.value ->> 'id'`;

/** ?1 endpoint, ?2 reason, ?3 now. */
export const DISABLE_ENDPOINT = 'UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?2, updated_at = ?3 WHERE id = ?1';

/**
 * ?1 JSON [{id, ok}] of the endpoints a group of attempts touched (none being disabled), ?2 now: a
 * success in the group clears the failure clock, otherwise a failure starts it if it is not running.
 * One statement for all of them (it was one per endpoint).
 */
export const UPDATE_FAILURE_CLOCKS = `
UPDATE webhook_endpoints SET failing_since = CASE WHEN j.value ->> 'ok' THEN NULL ELSE ?2 END
FROM json_each(?1) AS j
WHERE webhook_endpoints.id = j.value ->> 'id'
  AND CASE WHEN j.value ->> 'ok' THEN webhook_endpoints.failing_since IS NOT NULL ELSE webhook_endpoints.failing_since IS NULL END`;

// --- the cron's sweep ------------------------------------------------------------------------------

/** ?1 now, ?2 claims older than this belong to a dead process (lib/sweep-mode.ts): due now. */
export const RELEASE_DEAD_CLAIMS = "UPDATE deliveries SET lease_until = ?1 - 1 WHERE status = 'delivering' AND lease_until >= ?1 AND updated_at < ?2";

/** ?1 limit (rows: IdRow). */
export const SELECT_TENANTS_BEHIND = 'SELECT id FROM tenants WHERE event_seq > fanout_seq LIMIT ?1';

/** ?1 now, ?2 limit: deliveries due, and claims whose lease ran out (rows: DueRow). */
export const SELECT_DUE_DELIVERIES = `
SELECT id, tenant_id FROM deliveries
WHERE (status IN ('pending', 'retrying') AND next_attempt_at <= ?1) OR (status = 'delivering' AND lease_until < ?1)
ORDER BY next_attempt_at LIMIT ?2`;

export interface DueRow {
  id: string;
  tenant_id: string;
}

/** ?1 created before: accepted inbound pushes whose wake-up was lost (or whose apply crashed). */
export const SELECT_STUCK_INBOUND_JOBS = `
SELECT id, tenant_id FROM jobs WHERE status IN ('pending', 'processing') AND kind = 'inbound' AND created_at < ?1 LIMIT 100`;
export interface StuckJobRow {
  id: string;
  tenant_id: string;
}
