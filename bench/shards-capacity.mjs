/**
 * Bytes per row, measured (docs/scaling.md): `npm run bench:shards -- capacity`. One fresh bench
 * Worker (one database), one tenant with a webhook to a local receiver, BENCH_CAPACITY_PRODUCTS
 * realistic products (5 variants a group, titles/descriptions in 3 locales, 2 currencies with a
 * sale, attributes, 2 images each from a local image host) through POST /v1/products/batch, then
 * one update of every product (a second event and delivery each), then BENCH_CAPACITY_PUTS single
 * PUTs (one job each). Waits until images and deliveries settle (at most BENCH_CAPACITY_SETTLE_SECONDS), stops the Worker, opens the local D1 file with node:sqlite (Node 22) and
 * sums SQLite's `dbstat` (every page of every table, index and FTS shadow table) per owning table,
 * divided by that table's row count.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PhotonImage } from '@cf-wasm/photon/node';
import { startFixtures } from './fixtures-server.mjs';
import { int, round, sleep, table } from './harness.mjs';

const PRODUCTS = int('BENCH_CAPACITY_PRODUCTS', 5_000);
const BATCH = 250;
const PUTS = int('BENCH_CAPACITY_PUTS', 1_000);
const SETTLE_SECONDS = int('BENCH_CAPACITY_SETTLE_SECONDS', 120);
const LOCALES = { 'en-US': ['Shirt', 'in stock'], 'de-DE': ['Hemd', 'in stock'], 'fr-FR': ['Chemise', 'in stock'] };

function jpeg(width, height, shade) {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) {
    const x = (i / 4) % width;
    rgba[i] = (x * 3 + shade) % 256;
    rgba[i + 1] = (i / 4 / width + shade) % 256;
    rgba[i + 2] = 128;
    rgba[i + 3] = 255;
  }
  const image = new PhotonImage(rgba, width, height);
  try {
    return image.get_bytes_jpeg(85);
  } finally {
    image.free();
  }
}

function realistic(i, revision, imageBase) {
  const group = Math.floor(i / 5);
  const size = ['XS', 'S', 'M', 'L', 'XL'][i % 5];
  return {
    id: `cap-${i}`,
    itemGroupId: `grp-${group}`,
    title: `Classic cotton shirt ${group} ${size}${revision > 1 ? ` (rev ${revision})` : ''}`,
    description: 'Soft organic cotton, relaxed fit, breathable and durable for everyday wear; machine washable at 30 degrees.',
    brand: `Brand ${group % 40}`,
    productType: 'APPAREL > TOPS > SHIRTS',
    gender: 'unisex',
    ageGroup: 'adult',
    color: ['White', 'Black', 'Navy'][group % 3],
    sizes: [size],
    active: true,
    quantity: 10 + (i % 50),
    localizations: Object.fromEntries(
      Object.entries(LOCALES).map(([locale, [noun, availability]]) => [locale, { title: `${noun} ${group} ${size}`, description: `${noun} ${group}: ${'cotton '.repeat(8).trim()}`, availability, link: `https://shop.example/${locale}/p/${group}?size=${size}` }]),
    ),
    prices: { USD: { amount: `${20 + (group % 60)}.00`, sale: { amount: `${15 + (group % 60)}.99`, start: '2026-06-10T00:00:00Z', end: '2026-06-20T23:59:59Z' } }, EUR: { amount: `${19 + (group % 60)}.50` } },
    attributes: [{ group: 'Material', name: 'Cotton', value: '100', unit: '%', order: 1 }],
    images: [
      { id: 'front', source: { url: `${imageBase}/img/front-${group % 20}.jpg` } },
      { id: 'back', source: { url: `${imageBase}/img/back-${group % 20}.jpg` } },
    ],
  };
}

/** dbstat summed per owning table (indexes and FTS shadow tables folded into their table). */
async function measureFile(path) {
  let sqlite;
  try {
    sqlite = await import('node:sqlite');
  } catch {
    throw new Error('node:sqlite is missing: run with Node 22 (`npm run bench:shards -- capacity` uses the project\'s)');
  }
  const db = new sqlite.DatabaseSync(path, { readOnly: true });
  try {
    const owner = new Map(db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table','index')").all().map((r) => [r.name, r.tbl_name]));
    const fold = (name) => {
      const tbl = owner.get(name) ?? name;
      return tbl.startsWith('products_fts') ? 'products' : tbl;
    };
    const bytes = new Map();
    for (const r of db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all()) bytes.set(fold(r.name), (bytes.get(fold(r.name)) ?? 0) + Number(r.bytes));
    const rows = (t) => Number(db.prepare(`SELECT count(*) AS n FROM "${t}"`).get().n);
    const page = db.prepare('PRAGMA page_size').get().page_size;
    const pages = db.prepare('PRAGMA page_count').get().page_count;
    const free = db.prepare('PRAGMA freelist_count').get().freelist_count;
    const fts = Number(db.prepare("SELECT SUM(pgsize) AS b FROM dbstat WHERE name LIKE 'products_fts%'").get().b ?? 0);
    const productIndexes = Number(db.prepare("SELECT SUM(pgsize) AS b FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'products')").get().b ?? 0);
    const perTable = [...bytes.entries()].map(([t, b]) => ({ table: t, bytes: b, rows: owner.has(t) ? rows(t) : null })).sort((a, b) => b.bytes - a.bytes);
    const states = { images: db.prepare('SELECT status, count(*) AS n FROM images GROUP BY status').all(), deliveries: db.prepare('SELECT status, count(*) AS n FROM deliveries GROUP BY status').all() };
    // A processed image row also holds its derivatives' JSON: bytes a pending row does not have yet.
    const doneExtra = db.prepare("SELECT avg(length(results)) AS b, count(*) AS n FROM images WHERE results IS NOT NULL").get();
    return { page, pages, free, fileBytes: page * pages, fts, productIndexes, perTable, states, doneExtra };
  } finally {
    db.close();
  }
}

export async function capacity(server, log) {
  process.env.BENCH_FIXTURES_PORT ||= '8932';
  const fixtures = await startFixtures();
  for (let k = 0; k < 20; k++) {
    fixtures.addImage(`front-${k}.jpg`, jpeg(800, 1000, k * 11));
    fixtures.addImage(`back-${k}.jpg`, jpeg(800, 1000, k * 11 + 5));
  }
  const bench = await server.startBench(log, { keep: true });
  try {
    const base = bench.base;
    const ok = async (method, path, auth, body, expect = 200) => {
      const res = await server.request(base, method, path, { headers: auth, body: body === undefined ? undefined : JSON.stringify(body) });
      if (res.status !== expect) throw new Error(`${method} ${path}: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
      return JSON.parse(res.text);
    };
    const t = await server.createTenant(base, 'capacity');
    await ok('POST', '/v1/webhooks', t.auth, { url: `${fixtures.url}/hook/capacity`, eventTypes: ['product.*'] }, 201);
    for (const revision of [1, 2]) {
      for (let from = 0; from < PRODUCTS; from += BATCH) {
        const docs = Array.from({ length: Math.min(BATCH, PRODUCTS - from) }, (_, k) => realistic(from + k, revision, fixtures.url));
        const out = await ok('POST', '/v1/products/batch', t.auth, { products: docs });
        const bad = out.results.filter((r) => !r.ok);
        if (bad.length) throw new Error(`batch: ${bad.length} failed: ${JSON.stringify(bad[0]).slice(0, 400)}`);
        process.stdout.write(`\rcapacity: revision ${revision}: ${from + docs.length} / ${PRODUCTS} `);
      }
    }
    process.stdout.write('\n');
    // Single PUTs: one job each (a batch is one job for up to 1,000 products), so jobs are counted.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < PUTS) {
          const i = next++;
          const doc = realistic(i, 3, fixtures.url);
          await ok('PUT', `/v1/products/${doc.id}`, t.auth, doc);
        }
      }),
    );
    // Settle: every delivery made (2 events a product) and the image pipeline quiet for 10 s, or
    // SETTLE_SECONDS. Rows are counted as they are (pending or done), so a cut-off run still measures
    // bytes per row; the states are printed.
    const until = Date.now() + SETTLE_SECONDS * 1000;
    let last = -1;
    let stableSince = Date.now();
    while (Date.now() < until) {
      const seen = fixtures.counts.deliveries + fixtures.counts.imageRequests;
      if (seen !== last) {
        last = seen;
        stableSince = Date.now();
      }
      process.stdout.write(`\rcapacity: ${fixtures.counts.deliveries} deliveries, ${fixtures.counts.imageRequests} image fetches `);
      if (fixtures.counts.deliveries >= 2 * PRODUCTS + PUTS && Date.now() - stableSince > 10_000) break;
      await sleep(1000);
    }
    process.stdout.write('\n');
  } finally {
    await bench.stop();
    await fixtures.close?.();
  }
  const measured = await report(bench.persistTo, PRODUCTS);
  if (process.env.BENCH_KEEP !== '1') rmSync(bench.work, { recursive: true, force: true });
  return measured;
}

/** Prints and answers bytes per row of the (one) local D1 database under `persistTo`. */
export async function report(persistTo, products) {
  const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite'));
  const m = await measureFile(join(dir, file));
  const get = (t) => m.perTable.find((r) => r.table === t) ?? { bytes: 0, rows: 0 };
  const per = (t, extra = []) => {
    const own = get(t);
    const more = extra.map(get);
    const bytes = own.bytes + more.reduce((s, r) => s + r.bytes, 0);
    return { table: [t, ...extra].join(' + '), rows: own.rows, bytes, perRow: own.rows ? Math.round(bytes / own.rows) : null };
  };
  const units = [per('products'), per('images'), per('events'), per('deliveries', ['delivery_attempts']), per('jobs', ['job_errors'])];
  console.log(`\nBytes per row (dbstat of the local D1 file after ${products} products written twice; page ${m.page} B, ${m.pages} pages = ${round(m.fileBytes / 2 ** 20)} MiB, ${m.free} free)\n`);
  console.log(table(['unit (tables, with their indexes)', 'rows', 'bytes', 'bytes per row'], units.map((u) => [u.table, u.rows, u.bytes, u.perRow])));
  console.log(`products: of which FTS ${m.fts} B (${Math.round(m.fts / get('products').rows)} per product), indexes ${m.productIndexes} B (${Math.round(m.productIndexes / get('products').rows)} per product)`);
  console.log(`\nEvery table:\n${table(['table', 'rows', 'bytes'], m.perTable.map((r) => [r.table, r.rows ?? '', r.bytes]))}`);
  const states = (t, col) => m.states[t]?.map((s) => `${s[col]} ${s.n}`).join(', ');
  console.log(`images with results: ${m.doneExtra.n}, their results JSON ${Math.round(m.doneExtra.b ?? 0)} B on average`);
  console.log(`row states: images ${states('images', 'status')}; deliveries ${states('deliveries', 'status')}`);
  return { products, file: m, units };
}
