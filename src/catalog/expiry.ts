/**
 * The expiry sweep: products past their `validForDays` TTL are deleted like any delete (tombstone
 * event, job), with `reason: "expired"` on the `product.deleted` event.
 */
import type { Env } from '../env';
import { wakeFanout } from '../events/wake';
import { type ProductRefRow, SELECT_EXPIRED_PRODUCTS } from './products.queries';
import { deleteProduct } from './write/delete-product';

const BATCH = 50;

export async function sweepExpired(env: Env, now = Date.now()): Promise<number> {
  const { results } = await env.DB.prepare(SELECT_EXPIRED_PRODUCTS).bind(now, BATCH).all<ProductRefRow>();
  let deleted = 0;
  for (const row of results) {
    const result = await deleteProduct(env.DB, row.tenant_id, row.id, { reason: 'expired', kind: 'products.expire', now });
    if (result.deleted) deleted += 1;
  }
  await Promise.all([...new Set(results.map((r) => r.tenant_id))].map((tenantId) => wakeFanout(env, tenantId)));
  return deleted;
}
