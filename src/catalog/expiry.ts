/**
 * The expiry sweep: products past their `validForDays` TTL are deleted like any delete (tombstone
 * event, job), with `reason: "expired"` on the `product.deleted` event.
 */
import { fencedDatabase, fencedWriteErrorOf } from '../db/fence';
import { singleDatabase } from '../db/shards';
import type { Env } from '../env';
import { wakeFanout } from '../events/wake';
import { type ExpiredProductRow, SELECT_EXPIRED_PRODUCTS } from './products.queries';
import { deleteProduct } from './write/delete-product';

const BATCH = 50;

export async function sweepExpired(env: Env, now = Date.now()): Promise<number> {
  const { results } = await env.DB.prepare(SELECT_EXPIRED_PRODUCTS).bind(now, BATCH).all<ExpiredProductRow>();
  let deleted = 0;
  for (const row of results) {
    // The cron sweeps a shard across tenants, so its deletes are fenced here, per tenant: a tenant
    // frozen or moved since the read keeps its product (the sweep on its new shard expires it there).
    const db = singleDatabase(env) ? env.DB : fencedDatabase(env.DB, { tenantId: row.tenant_id, epoch: row.epoch });
    try {
      const result = await deleteProduct(db, row.tenant_id, row.id, { reason: 'expired', kind: 'products.expire', now });
      if (result.deleted) deleted += 1;
    } catch (error) {
      if (!fencedWriteErrorOf(error)) throw error;
    }
  }
  await Promise.all([...new Set(results.map((r) => r.tenant_id))].map((tenantId) => wakeFanout(env, tenantId)));
  return deleted;
}
