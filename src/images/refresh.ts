/**
 * `?refresh=true` on a write: the written products' images are fetched and processed again even if
 * nothing about them changed (a new photo behind the same URL). Their rows go back to `pending` under
 * a new processing round of the write's job, and the ingest messages carry the refresh flag so the
 * 24-hour URL cache is bypassed.
 */
import { REFRESH_ONE_PRODUCT_STATUS, REOPEN_IMAGES } from './processing-status.queries';

export async function reopenImages(db: D1Database, tenantId: string, productIds: string[], jobId: string, now = Date.now()): Promise<string[]> {
  if (productIds.length === 0) return [];
  const ids = JSON.stringify(productIds);
  const [reopened] = await db.batch([
    db.prepare(REOPEN_IMAGES).bind(tenantId, ids, now),
    db.prepare(
      `INSERT INTO processing_rounds (tenant_id, product_id, job_id, opened_at)
       SELECT ?1, value, ?3, ?4 FROM json_each(?2) WHERE true ON CONFLICT DO NOTHING`,
    ).bind(tenantId, ids, jobId, now),
    ...productIds.map((id) => db.prepare(REFRESH_ONE_PRODUCT_STATUS).bind(tenantId, id)),
  ]);
  return [...new Set((reopened!.results as Array<{ product_id: string }>).map((r) => r.product_id))];
}
