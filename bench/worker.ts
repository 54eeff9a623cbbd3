/**
 * The bench Worker: the real Shelfsync app (createWorker(): the same app, queue and cron handlers as
 * src/index.ts) plus bench-only routes under /__bench that measure the raw D1 floor the product
 * write path is compared with. Only bench/wrangler.toml points at this file; it is never deployed.
 *
 * POST /__bench/floor        {tenantId, products: [{id, number, ...}]} -> multi-row upserts of
 *                            (tenant_id, id, number, version, data, created_at, updated_at), 14 rows
 *                            (98 bound parameters) per statement, all inside ONE db.batch().
 * POST /__bench/floor/reset  creates the table if missing and empties it.
 * GET  /__bench/floor/stats  row count and sum of versions, so the runner can check what was written.
 * GET  /__bench/images       the app's images by status (how far the background ingest got).
 * POST /__bench/profile      the batch path stage by stage, for bench/profile.mjs (see below).
 */
import { Hono } from 'hono';
import { createWorker } from '../src/app';
import type { Env } from '../src/env';
import { resolveOptions } from '../src/config';
import { type CatalogContext, validateProduct } from '../src/catalog/products.service';
import { BatchProductInput } from '../src/catalog/model/product.schema';
import { normalizeProduct } from '../src/catalog/model/normalize';
import { writeProducts, type WriteItem } from '../src/catalog/write/write-products';
import { benchRoutes } from './bench-routes';
import { writeFloorRoutes } from './write-floor';
import { recsBenchRoutes } from './recs-routes';
import { ladderRoutes } from './ladder-routes';

const COLUMNS = 7;
/** 14 rows x 7 columns = 98 bound parameters: inside D1's 100 per statement. */
const ROWS_PER_STATEMENT = Math.floor(100 / COLUMNS);

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS bench_floor (
  tenant_id TEXT NOT NULL,
  id TEXT NOT NULL,
  number INTEGER NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id)
)`;

function upsertSql(rows: number): string {
  const tuple = `(${new Array(COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO bench_floor (tenant_id, id, number, version, data, created_at, updated_at)
VALUES ${new Array(rows).fill(tuple).join(', ')}
ON CONFLICT (tenant_id, id) DO UPDATE SET
  version = bench_floor.version + 1,
  data = excluded.data,
  updated_at = excluded.updated_at
WHERE bench_floor.data IS NOT excluded.data`;
}

/**
 * Experiment (never the default): the product write path's `FROM json_each(?4) AS j JOIN products AS p`
 * as CROSS JOIN, which makes SQLite keep json_each as the outer loop (see README "Findings").
 */
function crossJoinSql(sql: string): string {
  return sql.replace(/FROM json_each\(\?4\) AS j\s+JOIN products AS p/g, 'FROM json_each(?4) AS j CROSS JOIN products AS p');
}

function crossJoinDb(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => target.prepare(crossJoinSql(sql));
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let tableReady: Promise<unknown> | null = null;
function ensureTable(db: D1Database): Promise<unknown> {
  tableReady ??= db.prepare(CREATE_TABLE).run().catch((err: unknown) => {
    tableReady = null;
    throw err;
  });
  return tableReady;
}

interface FloorProduct {
  id: string;
  number: number;
  [field: string]: unknown;
}

const parent = new Hono<{ Bindings: Env }>();

parent.post('/__bench/floor/reset', async (c) => {
  await ensureTable(c.env.DB);
  await c.env.DB.prepare('DELETE FROM bench_floor').run();
  return c.json({ ok: true });
});

parent.get('/__bench/floor/stats', async (c) => {
  await ensureTable(c.env.DB);
  const row = await c.env.DB.prepare('SELECT COUNT(*) AS rows, COALESCE(SUM(version), 0) AS versions FROM bench_floor').first();
  return c.json(row);
});

/** The app's background image work so far (images by status); empty before the images capability. */
parent.get('/__bench/images', async (c) => {
  try {
    const { results } = await c.env.DB.prepare('SELECT status, COUNT(*) AS n FROM images GROUP BY status').all<{ status: string; n: number }>();
    return c.json(Object.fromEntries(results.map((r) => [r.status, r.n])));
  } catch {
    return c.json({});
  }
});

parent.post('/__bench/floor', async (c) => {
  const db = c.env.DB;
  await ensureTable(db);
  const { tenantId, products } = await c.req.json<{ tenantId: string; products: FloorProduct[] }>();
  const now = Date.now();
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < products.length; i += ROWS_PER_STATEMENT) {
    const part = products.slice(i, i + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    for (const p of part) params.push(tenantId, p.id, p.number, 1, JSON.stringify(p), now, now);
    statements.push(db.prepare(upsertSql(part.length)).bind(...params));
  }
  const results = await db.batch(statements);
  const changes = results.reduce((sum, r) => sum + (r.meta.changes ?? 0), 0);
  // sqlMs: D1's own time for the statements (meta.duration), for bench/floor-ladder.mjs.
  const sqlMs = results.reduce((sum, r) => sum + (r.meta.duration ?? 0), 0);
  return c.json({ ok: true, rows: products.length, statements: statements.length, changes, sqlMs });
});

/**
 * Diagnostics for the batch path, timed by the caller (inside workerd the clock only moves on I/O):
 * `stage` = parse (read the body only) | schema (zod only) | validate (zod + normalize, as the route
 * does) | write (validate + writeProducts, answering each statement's D1 `meta.duration`) |
 * write-dry (the same without sending the batch to D1). `crossJoin: true` rewrites the write path's
 * `FROM json_each(?4) AS j JOIN products AS p` to CROSS JOIN (an experiment; src/ stays as it is).
 */
parent.post('/__bench/profile', async (c) => {
  const { tenantId, products, stage, crossJoin } = await c.req.json<{ tenantId: string; products: FloorProduct[]; stage: string; crossJoin?: boolean }>();
  if (stage === 'parse') return c.json({ ok: true, n: products.length });
  if (stage === 'schema') {
    let ok = 0;
    for (const p of products) if (BatchProductInput.safeParse(p).success) ok++;
    return c.json({ ok: true, n: ok });
  }
  if (stage === 'params-1' || stage === 'params-5') {
    // What sending a chunk's items JSON to D1 costs: 200-item chunks (as writeProducts cuts them),
    // each bound to 1 or 5 trivial statements (the write path binds it to 5).
    const copies = stage === 'params-1' ? 1 : 5;
    const statements: D1PreparedStatement[] = [];
    for (let i = 0; i < products.length; i += 200) {
      const json = JSON.stringify(products.slice(i, i + 200));
      for (let k = 0; k < copies; k++) statements.push(c.env.DB.prepare('SELECT length(?1) AS n').bind(json));
    }
    await c.env.DB.batch(statements);
    return c.json({ ok: true, n: products.length });
  }
  const options = resolveOptions();
  if (stage === 'normalize') {
    const parsed = products.map((p) => BatchProductInput.parse(p));
    let ok = 0;
    for (const p of parsed) if ((await normalizeProduct(p, options)).ok) ok++;
    return c.json({ ok: true, n: ok });
  }
  const tenant = { id: tenantId, name: 'bench', defaultCurrency: 'USD', defaultLocale: 'en-US' };
  const durations: Array<{ sql: string; ms: number; rows: number }> = [];
  const db = c.env.DB;
  const spy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare' && crossJoin) {
        return (sql: string) => target.prepare(crossJoinSql(sql));
      }
      if (prop === 'batch' && stage === 'write-dry') {
        // Everything but D1: the statements are built, never sent.
        return async (statements: D1PreparedStatement[]) => statements.map(() => ({ results: [], success: true, meta: { duration: 0 } }));
      }
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements);
          results.forEach((r, i) => {
            const sql = String((statements[i] as unknown as { statement?: string }).statement ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
            durations.push({ sql, ms: r.meta.duration, rows: (r.meta.rows_written ?? 0) + (r.meta.rows_read ?? 0) });
          });
          return results;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  // The write path never renders, so no image URL helper is needed.
  const ctx = { db: spy, tenant, options, imageUrl: () => null } as unknown as CatalogContext;
  const items: WriteItem[] = [];
  for (const [index, p] of products.entries()) {
    const v = await validateProduct(ctx, p);
    if (v.ok) items.push({ index, id: v.id, doc: v.doc });
  }
  if (stage === 'validate') return c.json({ ok: true, n: items.length });
  const result = await writeProducts(spy, { tenantId, kind: 'bench.profile', items, failures: [] });
  const n = stage === 'write-dry' ? items.length : result.written.length;
  return c.json({ ok: true, n, durations, sqlMs: durations.reduce((s, d) => s + d.ms, 0) });
});

// bench/images.mjs, webhooks.mjs and imports.mjs (bench/bench-routes.ts); before the app's catch-all.
parent.route('/__bench/ext', benchRoutes);
// bench/floor-ladder.mjs: the products table's features one rung at a time (bench/ladder-routes.ts).
parent.route('/__bench/ladder', ladderRoutes);
// bench/run.mjs: the write path's own floor (same statements, pre-validated documents).
parent.route('/__bench', writeFloorRoutes);
// bench/recs.mjs (bench/recs-routes.ts): 100k recommendation signatures seeded directly, one product's lists timed.
parent.route('/__bench/recs', recsBenchRoutes);

const shelfsync = createWorker();
parent.route('/', shelfsync.app);

// Whatever else the real entry exports (Durable Object or Workflow classes) must be exported here too.
export * from '../src/index';

type BenchEnv = Env & { BENCH_SQL_EXPERIMENT?: string };

export default {
  // `BENCH_EXPERIMENT=cross-join npm run bench` sets BENCH_SQL_EXPERIMENT: the app then sees a DB whose
  // prepare() applies crossJoinSql(). Queue consumers and the cron keep the plain binding.
  fetch: (request: Request, env: BenchEnv, ctx: ExecutionContext) =>
    parent.fetch(request, env.BENCH_SQL_EXPERIMENT === 'cross-join' ? { ...env, DB: crossJoinDb(env.DB) } : env, ctx),
  queue: shelfsync.queue,
  scheduled: shelfsync.scheduled,
} satisfies ExportedHandler<BenchEnv>;
