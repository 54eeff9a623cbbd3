import { toIso } from '../lib/time';

interface EventRow {
  id: string;
  seq: number;
  type: string;
  data: string;
  created_at: number;
}

export type FeedPage =
  | { gone: true }
  | { gone: false; data: Array<{ id: string; seq: number; type: string; timestamp: string; data: Record<string, unknown> }> };

/**
 * The ordered feed after a sequence. A cursor older than the retention window is 410: the events it
 * would skip to were pruned, and silently resuming past them would lose changes.
 */
export async function readFeed(db: D1Database, tenantId: string, after: number, limit: number): Promise<FeedPage> {
  const [page, bounds] = await db.batch([
    db.prepare('SELECT id, seq, type, data, created_at FROM events WHERE tenant_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3').bind(tenantId, after, limit),
    db.prepare(
      `SELECT (SELECT MIN(seq) FROM events WHERE tenant_id = ?1) AS min_seq, (SELECT event_seq FROM tenants WHERE id = ?1) AS last_seq`,
    ).bind(tenantId),
  ]);
  const { min_seq, last_seq } = (bounds!.results[0] ?? {}) as { min_seq: number | null; last_seq: number | null };
  const oldestKept = min_seq ?? (last_seq ?? 0) + 1;
  if (after + 1 < oldestKept) return { gone: true };
  return {
    gone: false,
    data: (page!.results as unknown as EventRow[]).map((row) => ({
      id: row.id,
      seq: row.seq,
      type: row.type,
      timestamp: toIso(row.created_at),
      data: JSON.parse(row.data) as Record<string, unknown>,
    })),
  };
}
