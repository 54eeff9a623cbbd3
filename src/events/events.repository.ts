import { type Db, read, readBatch } from '../db/batch';
import { toIso } from '../lib/time';
import { type FeedBoundsRow, type FeedEventRow, SELECT_FEED_BOUNDS, SELECT_FEED_PAGE } from './feed.queries';

export type FeedPage =
  | { gone: true }
  | { gone: false; data: Array<{ id: string; seq: number; type: string; timestamp: string; data: Record<string, unknown> }> };

/**
 * The ordered feed after a sequence. A cursor older than the retention window is 410: the events it
 * would skip to were pruned, and silently resuming past them would lose changes.
 */
export async function readFeed(db: Db, tenantId: string, after: number, limit: number): Promise<FeedPage> {
  const [page, bounds] = await readBatch(db, [
    read<FeedEventRow>(db.prepare(SELECT_FEED_PAGE).bind(tenantId, after, limit)),
    read<FeedBoundsRow>(db.prepare(SELECT_FEED_BOUNDS).bind(tenantId)),
  ]);
  const { min_seq = null, last_seq = null } = bounds[0] ?? {};
  const oldestKept = min_seq ?? (last_seq ?? 0) + 1;
  if (after + 1 < oldestKept) return { gone: true };
  return {
    gone: false,
    data: page.map((row) => ({
      id: row.id,
      seq: row.seq,
      type: row.type,
      timestamp: toIso(row.created_at),
      data: JSON.parse(row.data) as Record<string, unknown>,
    })),
  };
}
