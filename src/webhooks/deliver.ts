/**
 * Attempting deliveries: claim the due rows (a lease, so two consumers never send the same one at
 * once and a crashed attempt is retried after the lease), POST each signed body through the outbound
 * guard with at most 6 requests in flight (the production limit on simultaneous connections per
 * invocation) and at most 2 to any one host, then record every attempt and the next step, one D1
 * batch per group of deliveries:
 * 2xx succeeded; otherwise retry on the schedule; 410 disables the endpoint; an endpoint failing
 * for five days is disabled too, with an `endpoint.disabled` event.
 */
import type { DeliverMessage, Env } from '../env';
import { endpointDisabledStatements } from '../events/outbox';
import { newId } from '../lib/ulid';
import { guardedFetch } from '../outbound/guarded-fetch';
import { type OutboundPolicy, policyFromEnv, type Verdict } from '../outbound/policy';
import { SharedTimeouts } from '../outbound/shared-timeouts';
import { OutboundSlots } from '../outbound/slots';
import { SecretsUnavailable, keyring } from '../secrets/keyring';
import { type AttemptMemo, attemptMemo } from './attempt-memo';
import { signingSecrets } from './endpoints.repository';
import type { PayloadFormats } from './payload';
import { claimedRows, joinClaimed } from './claimed-rows';
import {
  CLAIM_DELIVERIES,
  type ClaimedDeliveryRow,
  type ClaimedEndpointRow,
  type ClaimedEventRow,
  type ClaimedJsonRow,
  DISABLE_ENDPOINT,
  LOAD_CLAIMED_DELIVERIES,
  LOAD_CLAIMED_ENDPOINTS,
  LOAD_CLAIMED_EVENTS,
  RECORD_ATTEMPTS,
  RECORD_DELIVERY_STATES,
  RELEASE_UNSTARTED,
  UPDATE_FAILURE_CLOCKS,
} from './webhooks.queries';
import { parseRetryAfter, QUEUE_DELAY_LIMIT_MS, retryDelayMs } from './retry-schedule';
import { stampRoute } from '../placement/stamp';

/** Simultaneous outbound connections per invocation: production's limit (local mode enforces none). */
export const CONCURRENCY = 6;
/**
 * Deliveries claimed, sent and recorded together (pipelined: see attemptDeliveries). 500 (was 200):
 * fewer D1 calls per delivery; in the webhooks bench's burst no measurable change in workerd CPU per
 * delivery (0.410 -> 0.408 ms with the profiler attached), and the runs after it were measured with
 * 500. Its bound JSON stays small: ~16 KB of ids per claim statement, ~60 KB of outcomes per record.
 */
const GROUP_SIZE = 500;
/** Requests in flight to one destination host per invocation (WEBHOOK_HOST_CONCURRENCY). */
const DEFAULT_HOST_CONCURRENCY = 2;
const DEFAULT_TIMEOUT_MS = 15_000;
const LEASE_MS = 60_000;
const RESPONSE_BYTES = 1024;
const DISABLE_AFTER_MS = 5 * 86_400_000;
const SECRET_RETRY_MS = 5 * 60_000;
/**
 * One decoder for every answer, and none for an empty one (a 204): `new TextDecoder()` + `decode`
 * per answer was 2.4% of the delivery isolate's CPU in the webhooks bench's burst.
 */
const decoder = new TextDecoder();
const decodeBody = (body: Uint8Array): string => (body.byteLength === 0 ? '' : decoder.decode(body));

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

type Prepared = { kind: 'done'; outcome: Outcome } | { kind: 'send'; init: RequestInit };

/** Nothing is sent, and nothing will be: the delivery fails with `error`. */
function notSendable(row: ClaimedDeliveryRow, error: string): Prepared {
  return {
    kind: 'done',
    outcome: { id: row.id, tenantId: row.tenant_id, endpointId: row.endpoint_id, status: 'failed', next: null, code: null, error, latency: 0, body: null, disable: null, ok: false, sent: false },
  };
}

/** Everything before the request: body, secrets, signature; or the outcome when nothing is to be sent. */
async function prepare(memo: AttemptMemo, row: ClaimedDeliveryRow, now: number): Promise<Prepared> {
  // No closures made per delivery here (see guarded-fetch.ts: the bundle's `__name()` per closure).
  const base = { id: row.id, tenantId: row.tenant_id, endpointId: row.endpoint_id };
  if (!row.url || !row.secret) return notSendable(row, 'the endpoint was deleted');
  if (!row.enabled) return notSendable(row, 'the endpoint is disabled');
  if (!row.event_type || row.event_data === null || row.event_created_at === null) return notSendable(row, 'the event was pruned');

  const body = memo.body({ format: row.format, eventId: row.event_id, type: row.event_type, data: row.event_data, createdAt: row.event_created_at, metadata: row.metadata });
  if (body === null) {
    return { kind: 'done', outcome: { ...base, status: 'succeeded', next: null, code: null, error: null, latency: 0, body: null, disable: null, ok: true, sent: false } };
  }
  let secrets: string[];
  try {
    const stored = signingSecrets({ secret: row.secret, previousSecret: row.previous_secret, previousSecretExpiresAt: row.previous_secret_expires_at }, now);
    secrets = await memo.secrets(row.endpoint_id, stored);
  } catch (err) {
    if (!(err instanceof SecretsUnavailable)) throw err;
    // An operator problem (key removed, value damaged), not the receiver's: nothing is sent, try again later.
    return {
      kind: 'done',
      outcome: { ...base, status: 'retrying', next: now + SECRET_RETRY_MS, code: null, error: 'the signing secret cannot be read', latency: 0, body: null, disable: null, ok: false, sent: false },
    };
  }
  const headers = {
    ...memo.staticHeaders(row.headers),
    'content-type': 'application/json',
    'user-agent': 'Shelfsync-Webhooks/1',
    ...(await memo.signedHeaders(secrets, row.event_id, body, now)),
  };
  return { kind: 'send', init: { method: 'POST', headers, body } };
}

/** The request itself (holding one of the invocation's outbound slots), and what its answer means. */
async function send(policy: OutboundPolicy, verdicts: Map<string, Verdict>, timeouts: SharedTimeouts, row: ClaimedDeliveryRow, init: RequestInit, now: number): Promise<Outcome> {
  const base = { id: row.id, tenantId: row.tenant_id, endpointId: row.endpoint_id };
  const attempts = row.attempts + 1;
  const started = Date.now();
  const result = await guardedFetch(
    row.url!,
    { policy, firstHopVerdicts: verdicts, timeoutMs: timeouts.timeoutMs, timeouts, maxBytes: RESPONSE_BYTES, maxRedirects: 0, requireHttps: true, storedTarget: true, init },
    'truncate',
  );
  const latency = Date.now() - started;

  if (result.ok && result.status >= 200 && result.status < 300) {
    return { ...base, status: 'succeeded', next: null, code: result.status, error: null, latency, body: decodeBody(result.body), disable: null, ok: true, sent: true };
  }
  const code = result.ok ? result.status : null;
  const error = result.ok ? `answered ${result.status}` : result.message;
  const responseBody = result.ok ? decodeBody(result.body) : null;
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

/**
 * Attempts the given deliveries (those still due), bodies rendered by `formats`; returns how many
 * were attempted. `slots` are the invocation's outbound slots (one set per invocation: see
 * outbound/slots.ts); a caller that makes no other requests may leave them to this function.
 *
 * The ids go in groups of GROUP_SIZE, pipelined: while one group's requests are out, the next group
 * is claimed and the previous one's outcomes are recorded, so the connections do not sit idle
 * through D1 round trips (claim + record took ~1/3 of a 1,000-delivery batch when done in series).
 * Each group's outcomes are committed on their own, in the order the groups finish.
 */
export async function attemptDeliveries(
  env: Env,
  formats: PayloadFormats,
  ids: string[],
  now = Date.now(),
  slots = new OutboundSlots(CONCURRENCY, hostConcurrency(env)),
): Promise<number> {
  if (ids.length === 0) return 0;
  // No keyring, nothing can be signed: throw before claiming, so the rows stay due for a later run.
  await keyring(env);
  const db = env.DB;
  const lease = now + LEASE_MS + Math.floor(Math.random() * 1000);
  const memo = attemptMemo(env, formats);
  const policy = policyFromEnv(env);
  const verdicts = new Map<string, Verdict>();
  const timeouts = new SharedTimeouts(deliveryTimeoutMs(env));
  // A URL parsed per delivery only for its host (the slots' key) showed in the profile; once per URL.
  const hosts = new Map<string, string>();
  const hostKey = (url: string | null): string => {
    if (url === null) return '';
    let host = hosts.get(url);
    if (host === undefined) hosts.set(url, (host = hostOf(url)));
    return host;
  };

  // No attempt starts once it could outlive the claim's lease (a slow host would otherwise hold the
  // rest past it, and the cron would send them a second time); the rows not started go back in line.
  const started = Date.now();
  const budgetMs = Math.max(0, LEASE_MS - deliveryTimeoutMs(env) - 5_000);
  const mayStart = () => Date.now() - started <= budgetMs;

  let attempted = 0;
  const unstarted: string[] = [];
  const failures: unknown[] = [];
  let recording: Promise<void> = Promise.resolve();
  const groups: Promise<void>[] = [];

  const runGroup = async (rows: ClaimedDeliveryRow[]) => {
    const results = await Promise.all(
      rows.map(async (row): Promise<Outcome | null> => {
        if (!mayStart()) return null;
        const prepared = await prepare(memo, row, now);
        if (prepared.kind === 'done') return prepared.outcome;
        // Many endpoints (of one tenant or several) can name the same host: it gets a few slots at most.
        return slots.run(hostKey(row.url), () => (mayStart() ? send(policy, verdicts, timeouts, row, prepared.init, now) : Promise.resolve(null)));
      }),
    );
    const outcomes = results.filter((o): o is Outcome => o !== null);
    unstarted.push(...rows.filter((_, i) => results[i] === null).map((row) => row.id));
    attempted += outcomes.length;
    // One commit at a time, in order; one group's failure does not keep the next from being recorded.
    recording = recording.then(async () => {
      try {
        await recordOutcomes(env, outcomes, now);
        await scheduleShortRetries(env, outcomes, now);
      } catch (err) {
        failures.push(err);
      }
    });
    await recording;
  };

  try {
    for (let i = 0; i < ids.length; i += GROUP_SIZE) {
      const group = JSON.stringify(ids.slice(i, i + GROUP_SIZE));
      const [, claimed, events, endpoints] = await db.batch([
        db.prepare(CLAIM_DELIVERIES).bind(group, now, lease),
        db.prepare(LOAD_CLAIMED_DELIVERIES).bind(group, lease),
        db.prepare(LOAD_CLAIMED_EVENTS).bind(group, lease),
        db.prepare(LOAD_CLAIMED_ENDPOINTS).bind(group, lease),
      ]);
      const rows = joinClaimed(claimedRows((claimed!.results[0] as ClaimedJsonRow | undefined)?.claimed ?? '[]'), events!.results as ClaimedEventRow[], endpoints!.results as ClaimedEndpointRow[]);
      if (rows.length > 0) groups.push(runGroup(rows));
    }
  } catch (err) {
    // The groups not claimed stay due; what was claimed is still sent and recorded below.
    failures.push(err);
  }
  for (const result of await Promise.allSettled(groups)) if (result.status === 'rejected') failures.push(result.reason);
  await releaseUnstarted(env, unstarted, lease);
  if (failures.length > 0) throw failures[0];
  return attempted;
}

/** Claimed rows that were not attempted: unclaimed, due now, and woken again. */
async function releaseUnstarted(env: Env, ids: string[], lease: number): Promise<void> {
  if (ids.length === 0) return;
  await env.DB.prepare(
    RELEASE_UNSTARTED,
  ).bind(JSON.stringify(ids), lease, Date.now()).run();
  const messages: Array<{ body: DeliverMessage }> = [];
  for (let i = 0; i < ids.length; i += 100) messages.push({ body: stampRoute(env, { kind: 'deliver', ids: ids.slice(i, i + 100) }) });
  await env.DELIVERIES_QUEUE.sendBatch(messages);
}

async function recordOutcomes(env: Env, outcomes: Outcome[], now: number): Promise<void> {
  const db = env.DB;
  const json = JSON.stringify(
    // Nulls and `sent: false` are left out (`->>` reads a missing key as NULL): this JSON is bound
    // twice and re-encoded by the D1 client, so its size is paid several times per delivery.
    outcomes.map((o) => ({
      id: o.id,
      aid: newId('att', now),
      sent: o.sent || undefined,
      status: o.status,
      next: o.next ?? undefined,
      code: o.code ?? undefined,
      error: o.error ?? undefined,
      latency: o.latency,
      body: o.body ?? undefined,
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
      RECORD_ATTEMPTS,
    ).bind(json, now),
    db.prepare(
      RECORD_DELIVERY_STATES,
    ).bind(json, now),
  ];
  const clocks: Array<{ id: string; ok: boolean }> = [];
  for (const [endpointId, state] of endpoints) {
    if (state.disable) {
      // The event first, guarded on the endpoint still being enabled, so a repeat run emits nothing.
      statements.push(
        ...endpointDisabledStatements(db, state.tenantId, endpointId, state.disable, now),
        db.prepare(DISABLE_ENDPOINT).bind(endpointId, state.disable, now),
      );
    } else clocks.push({ id: endpointId, ok: state.ok });
  }
  // Every other endpoint's failure clock in one statement, however many endpoints the group touched.
  if (clocks.length > 0) statements.push(db.prepare(UPDATE_FAILURE_CLOCKS).bind(JSON.stringify(clocks), now));
  await db.batch(statements);
  const disabledTenants = [...new Set([...endpoints.values()].filter((s) => s.disable).map((s) => s.tenantId))];
  if (disabledTenants.length > 0) {
    await env.EVENTS_QUEUE.sendBatch(disabledTenants.map((tenantId) => ({ body: stampRoute(env, { kind: 'events' as const, tenantId }) })));
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
    for (let i = 0; i < ids.length; i += 100) messages.push({ body: stampRoute(env, { kind: 'deliver', ids: ids.slice(i, i + 100) }), delaySeconds });
  }
  if (messages.length > 0) await env.DELIVERIES_QUEUE.sendBatch(messages);
}
