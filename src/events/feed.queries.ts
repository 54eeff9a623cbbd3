/** The events feed's SQL (GET /v1/events): a page after a sequence, and the bounds that say whether the cursor was pruned. */

/** ?1 tenant, ?2 after this seq, ?3 limit. */
export const SELECT_FEED_PAGE = 'SELECT id, seq, type, data, created_at FROM events WHERE tenant_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3';
export interface FeedEventRow {
  id: string;
  seq: number;
  type: string;
  /** The event's payload, JSON. */
  data: string;
  created_at: number;
}

/** ?1 tenant: the oldest kept event and the last one written (both null for a tenant without events). */
export const SELECT_FEED_BOUNDS = 'SELECT (SELECT MIN(seq) FROM events WHERE tenant_id = ?1) AS min_seq, (SELECT event_seq FROM tenants WHERE id = ?1) AS last_seq';
export interface FeedBoundsRow {
  min_seq: number | null;
  last_seq: number | null;
}

/**
 * ?1 tenant, ?2 before this seq, ?3 type (or null), ?4 limit, ?5 the lowest seq to look at: newest
 * first for people reading the feed (events_tenant_seq). The floor bounds how far a rare type's
 * filter scans back.
 */
export const SELECT_RECENT_EVENTS = `
SELECT id, seq, type, data, created_at FROM events
WHERE tenant_id = ?1 AND seq < ?2 AND seq >= ?5 AND (?3 IS NULL OR type = ?3) ORDER BY seq DESC LIMIT ?4`;
