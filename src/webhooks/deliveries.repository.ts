/** Reading the delivery log and putting deliveries back in line (redeliver, recover). */
import type { Db } from '../db/batch';
import { toIso } from '../lib/time';
import { DELIVERY_EXISTS, type DeliveryLogRow, type IdRow, REQUEUE_DELIVERY, REQUEUE_FAILED_SINCE, SELECT_DELIVERIES_PAGE } from './webhooks.queries';

export async function listDeliveries(db: Db, tenantId: string, endpointId: string, beforeId: string | null, limit: number) {
  const { results } = await db
    .prepare(SELECT_DELIVERIES_PAGE)
    .bind(tenantId, endpointId, beforeId, limit + 1)
    .all<DeliveryLogRow>();
  const page = results.slice(0, limit);
  return {
    data: page.map((row) => ({
      id: row.id,
      endpointId: row.endpoint_id,
      eventId: row.event_id,
      eventType: row.event_type,
      status: row.status as 'pending',
      attemptCount: row.attempts,
      nextAttemptAt: toIso(row.next_attempt_at),
      createdAt: toIso(row.created_at),
      attempts: (JSON.parse(row.attempts_json) as Array<{ attemptedAt: number; statusCode: number | null; latencyMs: number; responseBody: string | null; error: string | null }>).map(
        (a) => ({ ...a, attemptedAt: toIso(a.attemptedAt) }),
      ),
    })),
    nextId: results.length > limit ? page.at(-1)!.id : null,
  };
}

/** One more attempt for a finished or waiting delivery; false when there is no such delivery. */
export async function requeueDelivery(db: Db, tenantId: string, id: string, now = Date.now()): Promise<boolean> {
  const exists = await db.prepare(DELIVERY_EXISTS).bind(tenantId, id).first();
  if (!exists) return false;
  await db
    .prepare(REQUEUE_DELIVERY)
    .bind(tenantId, id, now)
    .run();
  return true;
}

/** Every failed delivery of an endpoint created since `since` goes back in line; returns their ids. */
export async function recoverFailed(db: Db, tenantId: string, endpointId: string, since: number, now = Date.now()): Promise<string[]> {
  const { results } = await db
    .prepare(REQUEUE_FAILED_SINCE)
    .bind(tenantId, endpointId, since, now)
    .all<IdRow>();
  return results.map((r) => r.id);
}
