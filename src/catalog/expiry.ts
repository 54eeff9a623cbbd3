/**
 * The expiry sweep: products past their `validForDays` TTL are deleted like any delete (tombstone
 * event, job), with `reason: "expired"` on the `product.deleted` event.
 */
import type { Env } from '../env';
import { wakeFanout } from '../events/wake';
import { deleteProduct } from './write/delete-product';

const BATCH = 50;

export async function sweepExpired(env: Env, now = Date.now()): Promise<number> {
  const { results } = await env.DB.prepare('SELECT tenant_id, id FROM products WHERE expires_at IS NOT NULL AND expires_at <= ?1 LIMIT ?2')
    .bind(now, BATCH)
    .all<{ tenant_id: string; id: string }>();
  let deleted = 0;
  for (const row of results) {
    const result = await deleteProduct(env.DB, row.tenant_id, row.id, { reason: 'expired', kind: 'products.expire', now });
    if (result.deleted) deleted += 1;
  }
  await Promise.all([...new Set(results.map((r) => r.tenant_id))].map((tenantId) => wakeFanout(env, tenantId)));
  return deleted;
}
