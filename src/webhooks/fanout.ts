/**
 * Fan-out: turn a tenant's new outbox events into one delivery row per matching endpoint, then move
 * the tenant's watermark past them, in one D1 batch. Rows exist before any attempt is made, so a
 * crash after this point loses nothing: the cron finds due rows. Idempotent: a (endpoint, event)
 * pair is unique, and the watermark only moves forward from the value this run read.
 */
import type { Env } from '../env';
import { newId } from '../lib/ulid';
import { FANOUT_LIMITS, type FanoutEvent, type FanoutLimits, planFanout } from './fanout-plan';

/** Events per fan-out run; a full page means more may wait and the caller wakes itself again. */
export const FANOUT_PAGE = 500;

interface EndpointRow {
  id: string;
  event_types: string;
}

export interface FanoutResult {
  /** Deliveries this run created: the caller makes their first attempt. */
  deliveryIds: string[];
  more: boolean;
}

/** ?1 tenant, ?2 now, ?3 rows JSON: one chunk of the plan; RETURNING names the rows that are new. */
const INSERT_DELIVERIES = `
INSERT INTO deliveries (id, tenant_id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, created_at, updated_at)
SELECT j.value ->> 'id', ?1, j.value ->> 'endpoint', j.value ->> 'event', j.value ->> 'type', 'pending', 0, ?2, ?2, ?2
FROM json_each(?3) AS j WHERE true
ON CONFLICT (endpoint_id, event_id) DO NOTHING
RETURNING id`;

export async function fanOutTenant(env: Env, tenantId: string, now = Date.now(), limits: FanoutLimits = FANOUT_LIMITS): Promise<FanoutResult> {
  const db = env.DB;
  const [watermarkResult, eventsResult, endpointsResult] = await db.batch([
    db.prepare('SELECT fanout_seq FROM tenants WHERE id = ?1').bind(tenantId),
    db.prepare(
      `SELECT id, seq, type, data FROM events
       WHERE tenant_id = ?1 AND seq > (SELECT fanout_seq FROM tenants WHERE id = ?1) ORDER BY seq LIMIT ?2`,
    ).bind(tenantId, FANOUT_PAGE),
    db.prepare('SELECT id, event_types FROM webhook_endpoints WHERE tenant_id = ?1 AND enabled = 1').bind(tenantId),
  ]);
  const watermark = (watermarkResult!.results[0] as { fanout_seq: number } | undefined)?.fanout_seq;
  const events = eventsResult!.results as unknown as FanoutEvent[];
  if (watermark === undefined || events.length === 0) return { deliveryIds: [], more: false };
  const endpoints = (endpointsResult!.results as unknown as EndpointRow[]).map((e) => ({ id: e.id, patterns: JSON.parse(e.event_types) as string[] }));

  const plan = planFanout(events, endpoints, limits, () => newId('dlv', now))!;
  const results = await db.batch([
    ...plan.chunks.map((chunk) => db.prepare(INSERT_DELIVERIES).bind(tenantId, now, JSON.stringify(chunk))),
    db.prepare('UPDATE tenants SET fanout_seq = ?2 WHERE id = ?1 AND fanout_seq = ?3').bind(tenantId, plan.lastSeq, watermark),
  ]);
  const deliveryIds = results.slice(0, plan.chunks.length).flatMap((r) => (r.results as Array<{ id: string }>).map((row) => row.id));
  return { deliveryIds, more: plan.stoppedEarly || events.length === FANOUT_PAGE };
}
