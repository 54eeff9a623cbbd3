/**
 * Product counts kept in the isolate, per tenant, with the tenant's event sequence they were taken
 * at. COUNT(*) walks the tenant's whole (tenant_id, number) index, linear in the catalog, and
 * Robosize's list asks for it on every page; the sequence moves with every create and delete (each
 * emits an event in its own transaction), so a count taken at the current sequence is still exact.
 */

/** Tenants remembered at once; the oldest entry goes first. */
const MAX_TENANTS = 10_000;

const counts = new Map<string, { seq: number; count: number }>();

export function cachedCount(tenantId: string): { seq: number; count: number } | undefined {
  return counts.get(tenantId);
}

export function rememberCount(tenantId: string, seq: number, count: number): void {
  counts.delete(tenantId);
  counts.set(tenantId, { seq, count });
  if (counts.size > MAX_TENANTS) counts.delete(counts.keys().next().value!);
}
