/**
 * Writing one outbox event inside someone else's D1 batch. The event's `seq` is the tenant's next
 * sequence; ADVANCE_TENANT_COUNTERS (run after it in the same batch) moves the counter past it.
 * ?1 event id, ?2 tenant, ?3 type, ?4 data JSON, ?5 now.
 */
export const INSERT_EVENT = `
INSERT INTO events (id, tenant_id, seq, type, data, created_at)
SELECT ?1, ?2, event_seq + 1, ?3, ?4, ?5 FROM tenants WHERE id = ?2`;

/**
 * Advance the tenant's counters past what a batch used (its events' `seq`, and the product `number`s
 * a catalog write handed out). MAX() keeps them monotonic even when the highest product was deleted
 * or old events were pruned, so a number or sequence is never reused. It lives here because every
 * event append ends with it; the catalog's write path runs the same statement for product numbers.
 */
export const ADVANCE_TENANT_COUNTERS = `
UPDATE tenants SET
  product_seq = MAX(product_seq, COALESCE((SELECT MAX(number) FROM products WHERE tenant_id = ?1), 0)),
  event_seq = MAX(event_seq, COALESCE((SELECT MAX(seq) FROM events WHERE tenant_id = ?1), 0))
WHERE id = ?1`;
