import { newId } from '../lib/ulid';
import { ADVANCE_TENANT_COUNTERS, INSERT_EVENT } from './outbox.queries';

export { ADVANCE_TENANT_COUNTERS };

export type EventType = 'product.created' | 'product.updated' | 'product.deleted' | 'job.completed' | 'endpoint.disabled' | 'webhook.test';

/**
 * The statements that append one event for a tenant. Put them in the same `db.batch()` as the change
 * they describe, so the change and its event commit or fail together.
 */
export function eventStatements(
  db: D1Database,
  tenantId: string,
  type: EventType,
  data: Record<string, unknown>,
  now: number,
  id: string = newId('evt', now),
): D1PreparedStatement[] {
  return [
    db.prepare(INSERT_EVENT).bind(id, tenantId, type, JSON.stringify(data), now),
    db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId),
  ];
}
