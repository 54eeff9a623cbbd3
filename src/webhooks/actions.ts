/**
 * The manual actions on deliveries (send a test event, redeliver one, recover failed ones), shared
 * by /v1/webhooks and the dashboard so both do exactly the same thing.
 */
import type { Env } from '../env';
import { eventStatements } from '../events/outbox';
import { newId } from '../lib/ulid';
import { recoverFailed, requeueDelivery } from './deliveries.repository';
import { findEndpoint } from './endpoints.repository';
import { stampRoute } from '../placement/stamp';

type Bindings = Pick<Env, 'DB' | 'DELIVERIES_QUEUE'>;

async function requeue(env: Bindings, tenantId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 100) await env.DELIVERIES_QUEUE.send(stampRoute(env, { kind: 'deliver', tenantId, ids: ids.slice(i, i + 100) }));
}

/** A `webhook.test` event for one endpoint; the caller wakes the fan-out after its answer. */
export async function sendTestEvent(env: Bindings, tenantId: string, endpointId: string): Promise<{ eventId: string } | 'not_found' | 'disabled'> {
  const row = await findEndpoint(env.DB, tenantId, endpointId);
  if (!row) return 'not_found';
  if (!row.enabled) return 'disabled';
  const now = Date.now();
  const eventId = newId('evt', now);
  await env.DB.batch(eventStatements(env.DB, tenantId, 'webhook.test', { endpointId: row.id, message: 'A test event from Shelfsync' }, now, eventId));
  return { eventId };
}

/** One more attempt for a delivery; false when the tenant has no such delivery. */
export async function redeliver(env: Bindings, tenantId: string, deliveryId: string): Promise<boolean> {
  if (!(await requeueDelivery(env.DB, tenantId, deliveryId))) return false;
  await requeue(env, tenantId, [deliveryId]);
  return true;
}

/** Every failed delivery of an endpoint since `since` back in line; null when there is no such endpoint. */
export async function recoverEndpoint(env: Bindings, tenantId: string, endpointId: string, since: number): Promise<number | null> {
  if (!(await findEndpoint(env.DB, tenantId, endpointId))) return null;
  const ids = await recoverFailed(env.DB, tenantId, endpointId, since);
  await requeue(env, tenantId, ids);
  return ids.length;
}
