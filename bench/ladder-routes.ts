/**
 * The floor ladder, for bench/floor-ladder.mjs: what each feature of the `products` table costs the
 * write path, measured through the Worker's own local D1. Bench-only; never deployed.
 *
 * Every rung writes the same pre-validated documents, encoded as the write path encodes them
 * (canonical JSON + content hash + search text), with the write path's own upsert (UPSERT_PRODUCTS, 200 items per
 * statement, one db.batch() per request) into a scratch table built from the live `products`
 * definition read from sqlite_master, so the rungs follow whatever the migrations say:
 *
 *   shape       the products table with its primary key only (generated columns included)
 *   plain-idx   + the secondary indexes on stored columns (number, updated_at, status, job, ...)
 *   idx         + every secondary index (also those on the generated columns brand, gtin, ...)
 *   fts         + the FTS5 table and its triggers, as the migrations define them
 *   fts-json    fts without the search text the write path computes (0013), so the triggers read it
 *               out of `data`: the write path as it was before
 *   trig-plain  idx + the FTS triggers writing a plain table instead (their JSON work without FTS5)
 *   <rung>+preread  the rung after the write path's unchanged pre-read, a round trip of its own
 *   <rung>+docs the rung with the documents bound apart from the rest of each item (UPSERT_DOCS_APART)
 *   fts:<opts>  the same with other FTS5 options ('+'-separated, e.g. `fts:columnsize=0+detail=column`), to price them
 *
 * The product number comes from a scratch counter (`ladder_seq`, advanced once per chunk) instead of
 * `tenants`, so the scratch tables stay apart from the app's rows.
 *
 * POST /__bench/ladder/setup {rungs: string[]} -> {ok, tables} (D1 refuses sqlite_version())
 * POST /__bench/ladder/write {rung, items: [{id, doc}]} -> {ok, changes, sqlMs (D1's meta.duration, summed)}
 */
import { Hono } from 'hono';
import type { Env } from '../src/env';
import { canonicalJson } from '../src/lib/canonical-json';
import type { ProductDoc } from '../src/catalog/model/product-doc';
import { searchText } from '../src/catalog/write/search-text';
import { SELECT_STORED_FOR_IDS, UPSERT_PRODUCTS } from '../src/catalog/write/statements';

export const ladderRoutes = new Hono<{ Bindings: Env }>();
// The runner prints this: a scratch table or statement D1 refused is a bench bug worth reading.
ladderRoutes.onError((err, c) => c.json({ ok: false, error: String(err), cause: String((err as { cause?: unknown }).cause ?? '') }, 500));

const CHUNK = 200;

/**
 * Experiment (`<rung>+docs`): the documents bound apart, as a JSON array of strings (?4), so each row's
 * text is json_each's value as is; the rest of each item ({id, h, st, ext, exp}) in ?6, looked up by
 * position. The write path's form nests each document as a string inside its item object, which
 * json_each renders back to text per row for `->>` to parse again; the guess that this costs was
 * wrong (measured: no gain, bench/README.md "Seventh wave").
 */
const UPSERT_DOCS_APART = UPSERT_PRODUCTS(false)
  .replace(/j\.value ->> 'doc'/g, 'j.value')
  .replace(/j\.value ->> '(id|st|ext|exp|h|ft)'/g, "(?6 ->> ('$[' || j.key || '].$1'))");
const TENANT = 'tnt_ladder';

function tableOf(rung: string): string {
  return `ladder_${rung.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
}

/** The live definition's SQL with `products` (and its index, FTS and trigger names) renamed to `table`. */
function renamed(sql: string, table: string): string {
  return sql.replace(/\bproducts_(\w+)/g, `${table}_$1`).replace(/\bproducts\b/g, table);
}

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

/** Statements creating rung `rung`'s table; `schema` is sqlite_master's rows for `products` and its FTS. */
function rungDdl(name: string, schema: SchemaRow[]): string[] {
  const table = tableOf(name);
  const rung = name.replace(/\+(docs|preread)$/, '');
  const pick = (test: (row: SchemaRow) => boolean) => schema.filter((row) => row.sql !== null && test(row)).map((row) => renamed(row.sql!, table));
  const base = pick((row) => row.type === 'table' && row.name === 'products');
  const plainIndexes = pick((row) => row.type === 'index' && !/\b(brand|gtin|item_group_id|active|product_type)\b/.test(row.sql!));
  const allIndexes = pick((row) => row.type === 'index');
  let fts = pick((row) => row.type === 'table' && row.name === 'products_fts');
  const triggers = pick((row) => row.type === 'trigger');
  if (rung.startsWith('fts:')) {
    // `fts:columnsize=0+detail=column` -> the FTS5 table with those options added.
    const options = rung.slice('fts:'.length).split('+').map((o) => o.replace('=', ' = '));
    // `content=` (empty) is a contentless table: content = ''.
    for (let k = 0; k < options.length; k++) if (options[k] === 'content = ') options[k] = "content = ''";
    fts = fts.map((sql) => sql.replace(/\)\s*$/, `, ${options.join(', ')})`));
  }
  const contentless = /content = ''/.test(fts.join(''));
  // A contentless table takes an UPDATE only with every column given (it keeps no copy to merge with).
  const ftsTriggers = contentless ? triggers.map((sql) => sql.replace(/SET title = /, "SET tenant = replace(new.tenant_id, '_', ''), title = ")) : triggers;
  if (rung === 'shape') return base;
  if (rung === 'plain-idx') return [...base, ...plainIndexes];
  if (rung === 'idx') return [...base, ...allIndexes];
  if (rung === 'fts' || rung === 'fts-json' || rung.startsWith('fts:')) return [...base, ...allIndexes, ...fts, ...ftsTriggers];
  // The triggers' JSON work without FTS5: the same triggers writing a plain table.
  if (rung === 'trig-plain') return [...base, ...allIndexes, `CREATE TABLE ${table}_fts (id INTEGER PRIMARY KEY, tenant TEXT, title TEXT)`, ...triggers];
  throw new Error(`unknown rung ${rung}`);
}

ladderRoutes.post('/setup', async (c) => {
  const db = c.env.DB;
  const { rungs } = await c.req.json<{ rungs: string[] }>();
  const schema = (
    await db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('products', 'products_fts') AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all<SchemaRow>()
  ).results;
  const statements = [db.prepare('CREATE TABLE IF NOT EXISTS ladder_seq (id TEXT PRIMARY KEY, product_seq INTEGER NOT NULL)'), db.prepare('DELETE FROM ladder_seq')];
  const tables: Record<string, string[]> = {};
  for (const rung of rungs) {
    const table = tableOf(rung);
    const ddl = rungDdl(rung, schema);
    tables[rung] = ddl;
    statements.push(db.prepare(`DROP TABLE IF EXISTS ${table}_fts`), db.prepare(`DROP TABLE IF EXISTS ${table}`));
    for (const sql of ddl) statements.push(db.prepare(sql));
    statements.push(db.prepare('INSERT INTO ladder_seq (id, product_seq) VALUES (?1, 0)').bind(table));
  }
  await db.batch(statements);
  return c.json({ ok: true, tables });
});

const encoder = new TextEncoder();
async function contentHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return btoa(String.fromCharCode.apply(null, digest as unknown as number[]));
}

ladderRoutes.post('/write', async (c) => {
  const db = c.env.DB;
  const { rung, items } = await c.req.json<{ rung: string; items: Array<{ id: string; doc: ProductDoc }> }>();
  const table = tableOf(rung);
  const now = Date.now();
  // The write path's encoding (write-products.ts encodeItem, no images): canonical text, its hash.
  const docs = items.map((item) => canonicalJson(item.doc));
  const hashes = await Promise.all(docs.map(contentHash));
  // fts-json: no search text, so the triggers read it out of `data` (the write path before 0013).
  const texts = items.map((item) => (rung === 'fts-json' ? null : searchText(item.doc)));
  const encoded = items.map((item, i) => JSON.stringify({ id: item.id, doc: docs[i], h: hashes[i], st: 'done', ext: null, exp: null, ev: null, ft: texts[i] }));
  const docsApart = rung.endsWith('+docs');
  let preReadMs = 0;
  if (rung.endsWith('+preread')) {
    // The write path's unchanged pre-read (its own round trip before the write, as writeProducts sends it).
    const stored = await db.prepare(renamed(SELECT_STORED_FOR_IDS, table)).bind(TENANT, JSON.stringify(items.map((item) => item.id)), 0).all();
    preReadMs = stored.meta.duration;
  }
  const upsert = renamed(docsApart ? UPSERT_DOCS_APART : UPSERT_PRODUCTS(false), table).replace('JOIN tenants AS t ON t.id = ?1', 'JOIN ladder_seq AS t ON t.id = ?5');
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < encoded.length; i += CHUNK) {
    const part = encoded.slice(i, i + CHUNK);
    const chunkJson = docsApart
      ? JSON.stringify(docs.slice(i, i + CHUNK))
      : `[${part.join(',')}]`;
    const meta = docsApart ? JSON.stringify(items.slice(i, i + CHUNK).map((item, k) => ({ id: item.id, h: hashes[i + k], st: 'done', ext: null, exp: null, ft: texts[i + k] }))) : null;
    statements.push(
      (docsApart ? db.prepare(upsert).bind(TENANT, `job_${now}`, now, chunkJson, table, meta) : db.prepare(upsert).bind(TENANT, `job_${now}`, now, chunkJson, table)),
      db.prepare('UPDATE ladder_seq SET product_seq = product_seq + ?2 WHERE id = ?1').bind(table, part.length),
    );
  }
  const results = await db.batch(statements);
  const changes = results.filter((_, k) => k % 2 === 0).reduce((sum, r) => sum + (r.meta.changes ?? 0), 0);
  const sqlMs = preReadMs + results.reduce((sum, r) => sum + (r.meta.duration ?? 0), 0);
  return c.json({ ok: true, changes, sqlMs });
});

/** Rows and summed versions of a rung's table, and (for FTS rungs) how many rows a title search finds. */
ladderRoutes.post('/stats', async (c) => {
  const db = c.env.DB;
  const { rung, word } = await c.req.json<{ rung: string; word?: string }>();
  const table = tableOf(rung);
  const row = await db.prepare(`SELECT COUNT(*) AS rows, COALESCE(SUM(version), 0) AS versions FROM ${table}`).first<{ rows: number; versions: number }>();
  let matches: number | null = null;
  if (word && rung.startsWith('fts')) {
    const match = `tenant : "${TENANT.replaceAll('_', '')}" AND title : ("${word}"*)`;
    matches = (await db.prepare(`SELECT COUNT(*) AS n FROM ${table}_fts WHERE ${table}_fts MATCH ?1`).bind(match).first<{ n: number }>())?.n ?? null;
  }
  return c.json({ ok: true, ...row, matches });
});
