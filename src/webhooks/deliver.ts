/**
 * Attempting deliveries: claim the due rows (a lease, so two consumers never send the same one at
 * once and a crashed attempt is retried after the lease), POST each signed body through the outbound
 * guard with at most 6 requests in flight (the production limit on simultaneous connections per
 * invocation) and at most 2 to any one host, then record every attempt and the next step in one D1 batch:
 * 2xx succeeded; otherwise retry on the schedule; 410 disables the endpoint; an endpoint failing
 * for five days is disabled too, with an `endpoint.disabled` event.
 */
import type { DeliverMessage, Env } from '../env';
import { endpointDisabledStatements } from '../events/outbox';
import { runKeyedPool } from '../lib/keyed-pool';
import { newId } from '../lib/ulid';
import { guardedFetch } from '../outbound/guarded-fetch';
import { policyFromEnv } from '../outbound/policy';
import { SecretsUnavailable, keyring } from '../secrets/keyring';
import { openEndpointSecrets, signingSecrets } from './endpoints.repository';
import type { PayloadFormats } from './payload';
import { parseRetryAfter, QUEUE_DELAY_LIMIT_MS, retryDelayMs } from './retry-schedule';
import { signedHeaders } from '../lib/signing';

const CONCURRENCY = 6;
/** Requests in flight to one destination host per invocation (WEBHOOK_HOST_CONCURRENCY). */
const DEFAULT_HOST_CONCURRENCY = 2;
const DEFAULT_TIMEOUT_MS = 15_000;
const LEASE_MS = 60_000;
const RESPONSE_BYTES = 1024;
const DISABLE_AFTER_MS = 5 * 86_400_000;
const SECRET_RETRY_MS = 5 * 60_000;

interface ClaimedRow {
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

interface Outcome {
  id: string;
  tenantId: string;
  endpointId: string;
  status: 'succeeded' | 'retrying' | 'failed';
  next: number | null;
  code: number | null;
  error: string | null;
  latency: number;
  body: string | null;
  /** Why the endpoint must be disabled after this attempt, if it must. */
  disable: string | null;
  ok: boolean;
  /** False when no request went out (nothing to send, endpoint gone): no attempt row then. */
  sent: boolean;
}

/** ?1 ids JSON, ?2 now, ?3 lease end: due rows, or rows whose previous claim expired. */
const CLAIM = `
UPDATE deliveries SET status = 'delivering', lease_until = ?3, updated_at = ?2
WHERE id IN (SELECT value FROM json_each(?1))
  AND ((status IN ('pending', 'retrying') AND (next_attempt_at IS NULL OR next_attempt_at <= ?2 + 1000))
       OR (status = 'delivering' AND lease_until < ?2))`;

const LOAD_CLAIMED = `
SELECT d.id, d.tenant_id, d.attempts, d.endpoint_id, d.event_id,
  e.type AS event_type, e.data AS event_data, e.created_at AS event_created_at,
  w.url, w.headers, w.format, w.metadata, w.enabled, w.secret, w.previous_secret, w.previous_secret_expires_at, w.failing_since
FROM deliveries AS d
  LEFT JOIN events AS e ON e.id = d.event_id
  LEFT JOIN webhook_endpoints AS w ON w.id = d.endpoint_id
WHERE d.id IN (SELECT value FROM json_each(?1)) AND d.status = 'delivering' AND d.lease_until = ?2`;

export function hostConcurrency(env: Env): number {
  const value = Number(env.WEBHOOK_HOST_CONCURRENCY);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_HOST_CONCURRENCY;
}

function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}

export function deliveryTimeoutMs(env: Env): number {
  const value = Number(env.DELIVERY_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

async function attempt(env: Env, formats: PayloadFormats, row: ClaimedRow, now: number): Promise<Outcome> {
  const base = { id: row.id, tenantId: row.tenant_id, endpointId: row.endpoint_id };
  const attempts = row.attempts + 1;
  const fail = (error: string, code: number | null = null): Outcome => ({
    ...base, status: 'failed', next: null, code, error, latency: 0, body: null, disable: null, ok: false, sent: false,
  });
  if (!row.url || !row.secret) return fail('the endpoint was deleted');
  if (!row.enabled) return fail('the endpoint is disabled');
  if (!row.event_type || row.event_data === null || row.event_created_at === null) return fail('the event was pruned');

  const body = formats.render(row.format ?? 'standard', {
    id: row.event_id,
    type: row.event_type,
    data: JSON.parse(row.event_data) as Record<string, unknown>,
    createdAt: row.event_created_at,
  }, { metadata: row.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : null });
  if (body === null) {
    return { ...base, status: 'succeeded', next: null, code: null, error: null, latency: 0, body: null, disable: null, ok: true, sent: false };
  }
  let secrets: string[];
  try {
    const stored = signingSecrets({ secret: row.secret, previousSecret: row.previous_secret, previousSecretExpiresAt: row.previous_secret_expires_at }, now);
    secrets = await openEndpointSecrets(env, row.endpoint_id, stored);
  } catch (err) {
    if (!(err instanceof SecretsUnavailable)) throw err;
    // An operator problem (key removed, value damaged), not the receiver's: nothing is sent, try again later.
    return { ...base, status: 'retrying', next: now + SECRET_RETRY_MS, code: null, error: 'the signing secret cannot be read', latency: 0, body: null, disable: null, ok: false, sent: false };
  }
  const headers = {
    ...(JSON.parse(row.headers ?? '{}') as Record<string, string>),
    'content-type': 'application/json',
    'user-agent': 'Shelfsync-Webhooks/1',
    ...(await signedHeaders(secrets, row.event_id, body, now)),
  };
  const started = Date.now();
  const result = await guardedFetch(
    row.url,
    { policy: policyFromEnv(env), timeoutMs: deliveryTimeoutMs(env), maxBytes: RESPONSE_BYTES, maxRedirects: 0, requireHttps: true, storedTarget: true, init: { method: 'POST', headers, body } },
    'truncate',
  );
  const latency = Date.now() - started;

  if (result.ok && result.status >= 200 && result.status < 300) {
    return { ...base, status: 'succeeded', next: null, code: result.status, error: null, latency, body: new TextDecoder().decode(result.body), disable: null, ok: true, sent: true };
  }
  const code = result.ok ? result.status : null;
  const error = result.ok ? `answered ${result.status}` : result.message;
  const responseBody = result.ok ? new TextDecoder().decode(result.body) : null;
  const failingSince = row.failing_since ?? now;
  let disable: string | null = null;
  if (code === 410) disable = 'the endpoint answered 410 Gone';
  else if (now - failingSince >= DISABLE_AFTER_MS) disable = 'failing for 5 days';
  const retryAfter = result.ok && (code === 429 || code === 503) ? parseRetryAfter(result.headers.get('retry-after'), now) : null;
  const delay = disable ? null : retryDelayMs(attempts, Math.random(), retryAfter);
  return {
    ...base,
    status: delay === null ? 'failed' : 'retrying',
    next: delay === null ? null : now + delay,
    code,
    error,
    latency,
    body: responseBody,
    disable,
    ok: false,
    sent: true,
  };
}

/** Attempts the given deliveries (those still due), bodies rendered by `formats`; returns how many were sent. */
export async function attemptDeliveries(env: Env, formats: PayloadFormats, ids: string[], now = Date.now()): Promise<number> {
  if (ids.length === 0) return 0;
  // No keyring, nothing can be signed: throw before claiming, so the rows stay due for a later run.
  await keyring(env);
  const db = env.DB;
  const lease = now + LEASE_MS + Math.floor(Math.random() * 1000);
  const idsJson = JSON.stringify(ids);
  const [, loaded] = await db.batch([db.prepare(CLAIM).bind(idsJson, now, lease), db.prepare(LOAD_CLAIMED).bind(idsJson, lease)]);
  const rows = loaded!.results as unknown as ClaimedRow[];
  if (rows.length === 0) return 0;

  // Many endpoints (of one tenant or several) can name the same host: it gets at most a few requests
  // at a time. No attempt starts once it could outlive the claim's lease (a slow host would
  // otherwise hold the rest past it, and the cron would send them a second time); the rows not
  // started go back in line at once.
  const started = Date.now();
  const budgetMs = Math.max(0, LEASE_MS - deliveryTimeoutMs(env) - 5_000);
  const { results, skipped } = await runKeyedPool(
    rows,
    { concurrency: CONCURRENCY, perKey: hostConcurrency(env), key: (row) => hostOf(row.url), mayStart: () => Date.now() - started <= budgetMs },
    (row) => attempt(env, formats, row, now),
  );
  const outcomes = results.map((r) => r.result);
  await recordOutcomes(env, outcomes, now);
  await scheduleShortRetries(env, outcomes, now);
  await releaseUnstarted(env, skipped.map((row) => row.id), lease);
  return outcomes.length;
}

/** Claimed rows that were not attempted: unclaimed, due now, and woken again. */
async function releaseUnstarted(env: Env, ids: string[], lease: number): Promise<void> {
  if (ids.length === 0) return;
  await env.DB.prepare(
    `UPDATE deliveries SET status = CASE WHEN attempts = 0 THEN 'pending' ELSE 'retrying' END, lease_until = NULL, next_attempt_at = ?3
     WHERE id IN (SELECT value FROM json_each(?1)) AND status = 'delivering' AND lease_until = ?2`,
  ).bind(JSON.stringify(ids), lease, Date.now()).run();
  const messages: Array<{ body: DeliverMessage }> = [];
  for (let i = 0; i < ids.length; i += 100) messages.push({ body: { kind: 'deliver', ids: ids.slice(i, i + 100) } });
  await env.DELIVERIES_QUEUE.sendBatch(messages);
}

async function recordOutcomes(env: Env, outcomes: Outcome[], now: number): Promise<void> {
  const db = env.DB;
  const json = JSON.stringify(
    outcomes.map((o) => ({
      id: o.id,
      aid: newId('att', now),
      sent: o.sent,
      status: o.status,
      next: o.next,
      code: o.code,
      error: o.error,
      latency: o.latency,
      body: o.body,
    })),
  );
  const endpoints = new Map<string, { tenantId: string; ok: boolean; disable: string | null }>();
  for (const o of outcomes) {
    const seen = endpoints.get(o.endpointId);
    // Any success in this round clears the failure clock; any reason to disable wins over that.
    endpoints.set(o.endpointId, {
      tenantId: o.tenantId,
      ok: (seen?.ok ?? false) || o.ok,
      disable: seen?.disable ?? o.disable,
    });
  }
  const statements = [
    db.prepare(
      `INSERT INTO delivery_attempts (id, delivery_id, attempted_at, status_code, latency_ms, response_body, error)
       SELECT j.value ->> 'aid', j.value ->> 'id', ?2, j.value ->> 'code', j.value ->> 'latency', j.value ->> 'body', j.value ->> 'error'
       FROM json_each(?1) AS j WHERE j.value ->> 'sent'`,
    ).bind(json, now),
    db.prepare(
      `UPDATE deliveries SET status = j.value ->> 'status', attempts = attempts + 1, next_attempt_at = j.value ->> 'next',
         last_status_code = j.value ->> 'code', last_error = j.value ->> 'error', lease_until = NULL, updated_at = ?2
       FROM json_each(?1) AS j WHERE deliveries.id = j.value ->> 'id'`,
    ).bind(json, now),
  ];
  for (const [endpointId, state] of endpoints) {
    if (state.disable) {
      // The event first, guarded on the endpoint still being enabled, so a repeat run emits nothing.
      statements.push(
        ...endpointDisabledStatements(db, state.tenantId, endpointId, state.disable, now),
        db.prepare('UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?2, updated_at = ?3 WHERE id = ?1').bind(endpointId, state.disable, now),
      );
    } else if (state.ok) {
      statements.push(db.prepare('UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ?1 AND failing_since IS NOT NULL').bind(endpointId));
    } else {
      statements.push(db.prepare('UPDATE webhook_endpoints SET failing_since = ?2 WHERE id = ?1 AND failing_since IS NULL').bind(endpointId, now));
    }
  }
  await db.batch(statements);
  const disabledTenants = [...new Set([...endpoints.values()].filter((s) => s.disable).map((s) => s.tenantId))];
  if (disabledTenants.length > 0) {
    await env.EVENTS_QUEUE.sendBatch(disabledTenants.map((tenantId) => ({ body: { kind: 'events' as const, tenantId } })));
  }
}

/** Short backoffs ride on queue delays, one message per delay bucket (never one per delivery). */
async function scheduleShortRetries(env: Env, outcomes: Outcome[], now: number): Promise<void> {
  const buckets = new Map<number, string[]>();
  for (const o of outcomes) {
    if (o.status !== 'retrying' || o.next === null || o.next - now > QUEUE_DELAY_LIMIT_MS) continue;
    const delaySeconds = Math.max(0, Math.ceil((o.next - now) / 1000));
    buckets.set(delaySeconds, [...(buckets.get(delaySeconds) ?? []), o.id]);
  }
  const messages: Array<{ body: DeliverMessage; delaySeconds: number }> = [];
  for (const [delaySeconds, ids] of buckets) {
    for (let i = 0; i < ids.length; i += 100) messages.push({ body: { kind: 'deliver', ids: ids.slice(i, i + 100) }, delaySeconds });
  }
  if (messages.length > 0) await env.DELIVERIES_QUEUE.sendBatch(messages);
}
