/**
 * The write path's own floor, for bench/run.mjs: the SAME rows written by the SAME statements
 * (catalog/write's writeProducts: job, products, images, events, counts, outcomes, one db.batch())
 * from documents validated beforehand. The batch route over it costs what the route itself adds:
 * body reading, auth, validation and normalisation, the answer. Bench-only; never deployed.
 *
 * POST /__bench/prevalidate  {products}            -> {items: [{id, doc}]}  (untimed preparation)
 * POST /__bench/write-floor  {tenantId, items}     -> {ok, outcomes: {created, updated, unchanged}, versions}
 * POST /__bench/validate     {products, rounds}    -> validates the products `rounds` times; the client
 *                                                     times rounds = 0 and rounds = N (workerd's clock
 *                                                     does not move during CPU work)
 */
import { Hono } from 'hono';
import { resolveOptions } from '../src/config';
import type { Env } from '../src/env';
import { type CatalogContext, validateProduct } from '../src/catalog/products.service';
import type { ProductDoc } from '../src/catalog/model/product-doc';
import { writeProducts } from '../src/catalog/write/write-products';

export const writeFloorRoutes = new Hono<{ Bindings: Env }>();

function benchContext(env: Env, tenantId: string): CatalogContext {
  const tenant = { id: tenantId, name: 'bench', defaultCurrency: 'USD', defaultLocale: 'en-US' };
  // Validation never renders and the bench products carry no uploads: nothing here is called.
  return { db: env.DB, bucket: env.IMAGES, tenant, options: resolveOptions(), imageUrl: async () => null, waitUntil: () => {}, queues: env } as unknown as CatalogContext;
}

writeFloorRoutes.post('/prevalidate', async (c) => {
  const { products } = await c.req.json<{ products: unknown[] }>();
  const ctx = benchContext(c.env, 'prevalidate');
  const items: Array<{ id: string; doc: ProductDoc }> = [];
  for (const p of products) {
    const v = await validateProduct(ctx, p);
    if (!v.ok) return c.json({ ok: false, errors: v.errors }, 422);
    items.push({ id: v.id, doc: v.doc });
  }
  return c.json({ ok: true, items });
});

writeFloorRoutes.post('/write-floor', async (c) => {
  const { tenantId, items } = await c.req.json<{ tenantId: string; items: Array<{ id: string; doc: ProductDoc }> }>();
  const result = await writeProducts(c.env.DB, {
    tenantId,
    kind: 'bench.floor',
    items: items.map((item, index) => ({ index, id: item.id, doc: item.doc })),
    failures: [],
  });
  const outcomes = { created: 0, updated: 0, unchanged: 0 };
  const versions: number[] = [];
  for (const w of result.written) {
    outcomes[w.outcome]++;
    versions.push(w.version);
  }
  return c.json({ ok: true, jobStatus: result.jobStatus, outcomes, versions, missing: result.missing.length });
});

writeFloorRoutes.post('/validate', async (c) => {
  const { products, rounds } = await c.req.json<{ products: unknown[]; rounds: number }>();
  const ctx = benchContext(c.env, 'validate');
  let valid = 0;
  for (let r = 0; r < rounds; r++) {
    for (const p of products) {
      const v = await validateProduct(ctx, p);
      if (!v.ok) return c.json({ ok: false, errors: v.errors }, 422);
      valid++;
    }
  }
  return c.json({ ok: true, valid });
});
