import { type Db, read, readBatch } from '../db/batch';
import { toIso } from '../lib/time';
import { type FeedBoundsRow, type FeedEventRow, SELECT_FEED_BOUNDS, SELECT_FEED_PAGE, SELECT_RECENT_EVENTS } from './feed.queries';

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

/** How many events back one page of the newest-first view looks at most (a filter on a rare type stops there). */
export const RECENT_SCAN = 10_000;

/**
 * The newest events before `beforeSeq` (all when null), optionally of one type, newest first; for
 * people reading the feed (the dashboard). `scannedTo` is where the next page continues.
 */
export async function recentEvents(db: Db, tenantId: string, query: { beforeSeq: number | null; type: string | null; limit: number }) {
  const before = query.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  const top = query.beforeSeq ?? ((await db.prepare(SELECT_FEED_BOUNDS).bind(tenantId).first<FeedBoundsRow>())?.last_seq ?? 0) + 1;
  const floor = Math.max(0, top - RECENT_SCAN);
  const { results } = await db.prepare(SELECT_RECENT_EVENTS).bind(tenantId, before, query.type, query.limit + 1, floor).all<FeedEventRow>();
  const page = results.slice(0, query.limit);
  const more = results.length > query.limit;
  return {
    data: page.map((row) => ({ id: row.id, seq: row.seq, type: row.type, timestamp: toIso(row.created_at), data: JSON.parse(row.data) as Record<string, unknown> })),
    /** The seq to continue before: the last shown, or the scan's floor when a filter ran out of window. */
    next: more ? page.at(-1)!.seq : floor > 0 ? floor : null,
  };
}
