/**
 * A claimed group's deliveries with their events and endpoints, put together from the three loads
 * (webhooks.queries.ts: each event and endpoint is read once per group, not once per delivery). Pure.
 * A delivery whose event was pruned or whose endpoint was deleted gets nulls there, as a LEFT JOIN
 * would give it; prepare() in deliver.ts turns those into a failed delivery.
 */
import type { ClaimedDeliveryRow, ClaimedEndpointRow, ClaimedEventRow, ClaimedRow } from './webhooks.queries';

/** LOAD_CLAIMED_DELIVERIES' one row, read back into rows. */
export function claimedRows(json: string): ClaimedRow[] {
  const tuples = JSON.parse(json) as Array<[string, string, number, string, string]>;
  return tuples.map(([id, tenantId, attempts, endpointId, eventId]) => ({ id, tenant_id: tenantId, attempts, endpoint_id: endpointId, event_id: eventId }));
}

export function joinClaimed(rows: ClaimedRow[], events: ClaimedEventRow[], endpoints: ClaimedEndpointRow[]): ClaimedDeliveryRow[] {
  const eventById = new Map<string, ClaimedEventRow>();
  for (const e of events) eventById.set(e.id, e);
  const endpointById = new Map<string, ClaimedEndpointRow>();
  for (const w of endpoints) endpointById.set(w.id, w);
  return rows.map((d) => {
    const e = eventById.get(d.event_id);
    const w = endpointById.get(d.endpoint_id);
    return {
      id: d.id,
      tenant_id: d.tenant_id,
      attempts: d.attempts,
      endpoint_id: d.endpoint_id,
      event_id: d.event_id,
      event_type: e?.type ?? null,
      event_data: e?.data ?? null,
      event_created_at: e?.created_at ?? null,
      url: w?.url ?? null,
      headers: w?.headers ?? null,
      format: w?.format ?? null,
      metadata: w?.metadata ?? null,
      enabled: w?.enabled ?? null,
      secret: w?.secret ?? null,
      previous_secret: w?.previous_secret ?? null,
      previous_secret_expires_at: w?.previous_secret_expires_at ?? null,
      failing_since: w?.failing_since ?? null,
    };
  });
}
