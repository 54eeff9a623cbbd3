/**
 * `?refresh=true` on a write: the written products' images are fetched and processed again even if
 * nothing about them changed (a new photo behind the same URL). Their rows go back to `pending` under
 * a new processing round of the write's job, and the ingest messages carry the refresh flag so the
 * 24-hour URL cache is bypassed.
 */
import { type Db, read, readBatch } from '../db/batch';
import { OPEN_REFRESH_ROUNDS, type ProductIdRow } from './images.queries';
import { REFRESH_ONE_PRODUCT_STATUS, REOPEN_IMAGES } from './processing-status.queries';

export async function reopenImages(db: Db, tenantId: string, productIds: string[], jobId: string, now = Date.now()): Promise<string[]> {
  if (productIds.length === 0) return [];
  const ids = JSON.stringify(productIds);
  const [reopened] = await readBatch(
    db,
    [read<ProductIdRow>(db.prepare(REOPEN_IMAGES).bind(tenantId, ids, now))],
    [],
    [db.prepare(OPEN_REFRESH_ROUNDS).bind(tenantId, ids, jobId, now), ...productIds.map((id) => db.prepare(REFRESH_ONE_PRODUCT_STATUS).bind(tenantId, id))],
  );
  return [...new Set(reopened.map((r) => r.product_id))];
}
