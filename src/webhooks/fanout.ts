/**
 * Fan-out: turn a tenant's new outbox events into one delivery row per matching endpoint, then move
 * the tenant's watermark past them, in one D1 batch. Rows exist before any attempt is made, so a
 * crash after this point loses nothing: the cron finds due rows. Idempotent: a (endpoint, event)
 * pair is unique, and the watermark only moves forward from the value this run read.
 */
import { type Db, read, readBatch } from '../db/batch';
import { newId } from '../lib/ulid';
import { FANOUT_LIMITS, type FanoutEvent, type FanoutLimits, planFanout } from './fanout-plan';
import {
  ADVANCE_FANOUT_WATERMARK,
  type EnabledEndpointRow,
  type IdRow,
  INSERT_DELIVERIES,
  SELECT_ENABLED_ENDPOINTS,
  SELECT_EVENTS_PAST_WATERMARK,
  SELECT_FANOUT_WATERMARK,
  type WatermarkRow,
} from './webhooks.queries';

/** Events per fan-out run; a full page means more may wait and the caller wakes itself again. */
export const FANOUT_PAGE = 500;

export interface FanoutResult {
  /** Deliveries this run created: the caller makes their first attempt. */
  deliveryIds: string[];
  more: boolean;
}

export async function fanOutTenant(db: Db, tenantId: string, now = Date.now(), limits: FanoutLimits = FANOUT_LIMITS): Promise<FanoutResult> {
  const [watermarkRows, events, endpointRows] = await readBatch(db, [
    read<WatermarkRow>(db.prepare(SELECT_FANOUT_WATERMARK).bind(tenantId)),
    read<FanoutEvent>(db.prepare(SELECT_EVENTS_PAST_WATERMARK).bind(tenantId, FANOUT_PAGE, now)),
    read<EnabledEndpointRow>(db.prepare(SELECT_ENABLED_ENDPOINTS).bind(tenantId, now)),
  ]);
  const watermark = watermarkRows[0]?.fanout_seq;
  if (watermark === undefined) return { deliveryIds: [], more: false };
  if (endpointRows.length === 0) {
    // No endpoint: no event past the watermark has anyone to go to, so the watermark moves to the
    // last event in one step, as paging through them would have (same snapshot as the endpoints,
    // so an endpoint created since still gets every later event). Every write wakes the fan-out:
    // paging 500 events at a time cost ~10-15 ms of the isolate per 1,000 products written by a
    // tenant without webhooks (bench/cpu-profile.mjs, bench/README issue 11 "Sixth wave").
    const last = watermarkRows[0]!.event_seq;
    if (last > watermark) await db.batch([db.prepare(ADVANCE_FANOUT_WATERMARK).bind(tenantId, last, watermark)]);
    return { deliveryIds: [], more: false };
  }
  if (events.length === 0) return { deliveryIds: [], more: false };
  const endpoints = endpointRows.map((e) => ({ id: e.id, patterns: JSON.parse(e.event_types) as string[] }));

  const plan = planFanout(events, endpoints, limits, () => newId('dlv', now))!;
  const results = await db.batch<IdRow>([
    ...plan.chunks.map((chunk) => db.prepare(INSERT_DELIVERIES).bind(tenantId, now, JSON.stringify(chunk))),
    db.prepare(ADVANCE_FANOUT_WATERMARK).bind(tenantId, plan.lastSeq, watermark),
  ]);
  const deliveryIds = results.slice(0, plan.chunks.length).flatMap((r) => r.results.map((row) => row.id));
  return { deliveryIds, more: plan.stoppedEarly || events.length === FANOUT_PAGE };
}
