/**
 * Writing one outbox event inside someone else's D1 batch. The event's `seq` is the tenant's next
 * sequence; ADVANCE_TENANT_COUNTERS (run after it in the same batch) moves the counter past it.
 * ?1 event id, ?2 tenant, ?3 type, ?4 data JSON, ?5 now.
 */
export const INSERT_EVENT = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, ?2, event_seq + 1, ?3, ?4, ?5 FROM tenants WHERE id = ?2`;
