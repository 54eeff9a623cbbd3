/**
 * Reading a product's stored lists: what /v1 and the dashboard show. Lists are read as the queue
 * consumer stored them, filtered at read time against the products that still exist (a deleted
 * product vanishes from every list at once), keyset-paged by rank.
 */
import { read, readBatch } from '../db/batch';
import { cursorField } from '../http/cursor';
import { ApiError } from '../http/problem';
import { encodeCursor } from '../lib/cursor';
import { type AnchorRow, type ListPageRow, SELECT_ANCHOR, SELECT_LIST_PAGE } from './recs.queries';
import { listsOf } from './settings';

export async function anchorOf(db: D1Database, tenantId: string, id: string): Promise<AnchorRow> {
  const [[anchor]] = await readBatch(db, [read<AnchorRow>(db.prepare(SELECT_ANCHOR).bind(tenantId, id))]);
  if (!anchor) throw new ApiError('not_found', 'No such product');
  return anchor;
}

/** A page of one list; `status` says whether it is computed (`ready`), due (`pending`) or not asked for (`off`). */
export async function readRecommendationPage(db: D1Database, tenantId: string, id: string, list: 'similar' | 'complementary', limit: number, cursor: string | undefined) {
  const after = cursorField<number>(cursor, 'r', 'number') ?? 0;
  const anchor = await anchorOf(db, tenantId, id);
  const [rows] = await readBatch(db, [read<ListPageRow>(db.prepare(SELECT_LIST_PAGE).bind(tenantId, id, list, after, limit + 1))]);
  const page = rows.slice(0, limit);
  const computed = anchor.signed_version === anchor.version && (JSON.parse(anchor.lists ?? '[]') as string[]).includes(list);
  const status = !listsOf(anchor.recommend).includes(list) ? ('off' as const) : computed ? ('ready' as const) : ('pending' as const);
  return {
    productId: id,
    list,
    status,
    data: page.map((r) => ({ id: r.product_id, number: r.number, score: r.score, reasons: JSON.parse(r.reasons) as string[] })),
    nextCursor: rows.length > limit ? encodeCursor({ r: page[page.length - 1]!.rank }) : null,
  };
}
