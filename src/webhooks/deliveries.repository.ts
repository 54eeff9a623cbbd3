/** Reading the delivery log and putting deliveries back in line (redeliver, recover). */
import { toIso } from '../lib/time';

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
  attempts_json: string;
}

export async function listDeliveries(db: D1Database, tenantId: string, endpointId: string, beforeId: string | null, limit: number) {
  const { results } = await db
    .prepare(
      `SELECT d.id, d.endpoint_id, d.event_id, d.event_type, d.status, d.attempts, d.next_attempt_at, d.created_at,
         (SELECT json_group_array(json_object('attemptedAt', a.attempted_at, 'statusCode', a.status_code, 'latencyMs', a.latency_ms,
                  'responseBody', a.response_body, 'error', a.error))
          FROM (SELECT * FROM delivery_attempts WHERE delivery_id = d.id ORDER BY attempted_at, id) AS a) AS attempts_json
       FROM deliveries AS d
       WHERE d.tenant_id = ?1 AND d.endpoint_id = ?2 AND (?3 IS NULL OR d.id < ?3)
       ORDER BY d.id DESC LIMIT ?4`,
    )
    .bind(tenantId, endpointId, beforeId, limit + 1)
    .all<DeliveryRow>();
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
export async function requeueDelivery(db: D1Database, tenantId: string, id: string, now = Date.now()): Promise<boolean> {
  const exists = await db.prepare('SELECT 1 FROM deliveries WHERE tenant_id = ?1 AND id = ?2').bind(tenantId, id).first();
  if (!exists) return false;
  await db
    .prepare(
      `UPDATE deliveries SET status = 'pending', next_attempt_at = ?3, updated_at = ?3
       WHERE tenant_id = ?1 AND id = ?2 AND status IN ('succeeded', 'failed', 'retrying')`,
    )
    .bind(tenantId, id, now)
    .run();
  return true;
}

/** Every failed delivery of an endpoint created since `since` goes back in line; returns their ids. */
export async function recoverFailed(db: D1Database, tenantId: string, endpointId: string, since: number, now = Date.now()): Promise<string[]> {
  const { results } = await db
    .prepare(
      `UPDATE deliveries SET status = 'pending', next_attempt_at = ?4, updated_at = ?4
       WHERE tenant_id = ?1 AND endpoint_id = ?2 AND status = 'failed' AND created_at >= ?3
       RETURNING id`,
    )
    .bind(tenantId, endpointId, since, now)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
