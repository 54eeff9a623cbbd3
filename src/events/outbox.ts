import { ADVANCE_TENANT_COUNTERS } from '../catalog/write/statements';
import { newId } from '../lib/ulid';
import { INSERT_EVENT } from './outbox.sql';

export type EventType = 'product.created' | 'product.updated' | 'product.deleted' | 'job.completed';

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
): D1PreparedStatement[] {
  return [
    db.prepare(INSERT_EVENT).bind(newId('evt', now), tenantId, type, JSON.stringify(data), now),
    db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId),
  ];
}
