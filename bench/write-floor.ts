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

/**
 * With `timings` (bench/floor-ladder.mjs): each statement's D1 `meta.duration` (the SQL's own time
 * inside D1), summed by the statement's first words, so the floor's time splits into its statements.
 */
function timedDb(db: D1Database, timings: Record<string, number>): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements);
          results.forEach((r, i) => {
            const sql = String((statements[i] as unknown as { statement?: string }).statement ?? '').replace(/\s+/g, ' ').trim();
            const head = sql.replace(/^WITH .*?\) (?=INSERT|UPDATE|SELECT|DELETE)/, '').slice(0, 48);
            timings[head] = (timings[head] ?? 0) + r.meta.duration;
          });
          return results;
        };
      }
      if (prop === 'prepare') {
        // A lone statement (the unchanged pre-read) is timed through its all(): own properties on
        // the real objects, not proxies (db.batch() must still receive real statements).
        return (sql: string) => {
          const statement = target.prepare(sql);
          const head = sql.replace(/\s+/g, ' ').trim().slice(0, 48);
          const bind = statement.bind.bind(statement);
          statement.bind = (...args: unknown[]) => {
            const bound = bind(...args);
            const all = bound.all.bind(bound);
            bound.all = (async () => {
              const r = await all();
              timings[`(alone) ${head}`] = (timings[`(alone) ${head}`] ?? 0) + r.meta.duration;
              return r;
            }) as typeof bound.all;
            return bound;
          };
          return statement;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

writeFloorRoutes.post('/write-floor', async (c) => {
  const { tenantId, items, timings: wantTimings } = await c.req.json<{ tenantId: string; items: Array<{ id: string; doc: ProductDoc }>; timings?: boolean }>();
  const timings: Record<string, number> = {};
  const result = await writeProducts(wantTimings ? timedDb(c.env.DB, timings) : c.env.DB, {
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
  return c.json({ ok: true, jobStatus: result.jobStatus, outcomes, versions, missing: result.missing.length, ...(wantTimings ? { timings } : {}) });
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
