#!/usr/bin/env node
/**
 * Shards benchmark (issue 16 "Proof"; bench/README.md "Shards benchmark"). For each shard count N
 * (1, 2, 4), a fresh bench Worker under `wrangler dev` (bench/server.mjs) with the control `DB` plus
 * DB_SHARD_0..N-1, every database migrated, 40 tenants made through the admin API, then:
 *
 *   1. Isolation: tenant Q (quiet) and tenant H (heavy) on DIFFERENT shards when N > 1 (the app places
 *      tenants; each tenant's shard is read back from the admin API or, failing that, the control
 *      database's placements). Q's PUT p50 alone, then of Q's PUTs from the start of H's upload of
 *      a large Merchant TSV (100,000 rows) until it completes: busy p50 / quiet p50. Target: <= 1.5x
 *      with shards; the shared database (N=1) not. Measured twice: Q's PUTs one at a time (closed
 *      loop: one PUT stuck behind the import delays the next, so a stall counts once), then, with a
 *      second import, one PUT every 50 ms whatever the answers (open loop, as independent clients).
 *   2. Mixed load for a fixed time: batch writes of 100-1000 products, single PUTs, reads (a page of
 *      100, one product), Merchant TSV imports one after another, all tenants at once. Throughput per
 *      kind, PUT p50/p99, the load average beside.
 *   3. Move (largest N only): a third of the way into the load, tenant 0 (with a webhook to a local
 *      receiver) is moved to the next shard (POST /v1/admin/tenants/{id}/move, polled to done/failed).
 *      Writes answered 503 + Retry-After are retried after that many seconds, and counted. Afterwards
 *      it is reconciled exactly: every product the client wrote reads back at the version the client
 *      last got, the events feed has every seq without a gap and holds each product's last version,
 *      every event reached the receiver, and the move's report (per-table counts and hashes) is printed
 *      and compared. A 404 from the move endpoint (a build without moves) skips this with a message.
 *
 * Every response is checked (status, and the body where it says what was written); the bench stops at
 * the first unexpected one. One workerd on a shared 2-core machine cannot show production's scaling:
 * the throughput columns are for comparison in one run; the isolation ratio is the claim.
 *
 * `npm run bench:shards -- capacity` instead measures bytes per product, image, event, delivery and job
 * (bench/shards-capacity.mjs; docs/scaling.md).
 *
 * Knobs: BENCH_SHARDS_COUNTS [1,2,4], BENCH_SHARDS_TENANTS [40], BENCH_SHARDS_SECONDS [60] (mixed load
 * per N), BENCH_SHARDS_CONCURRENCY [6], BENCH_SHARDS_IMPORT_ROWS [100000] (isolation import),
 * BENCH_SHARDS_MIX_IMPORT_ROWS [2000] (each import of the mixed load), BENCH_SHARDS_PUTS [60] (Q's PUTs
 * measured alone), BENCH_SHARDS_PUT_INTERVAL_MS [50] (open loop), BENCH_SHARDS_MOVE [1] (0: no move), BENCH_PORT [8930], BENCH_INSPECTOR_PORT [9930],
 * BENCH_SHARDS_RECEIVER_PORT [8931], BENCH_KEEP=1 (keep each run's state folder).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { int, loadServer, machine, percentile, resultsDir, round, sleep, stamp, table, writeResults } from './harness.mjs';
import { merchantFeed, product } from './shards-feed.mjs';

const COUNTS = (process.env.BENCH_SHARDS_COUNTS ?? '1,2,4').split(',').map((s) => Number(s.trim()));
if (COUNTS.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) throw new Error('BENCH_SHARDS_COUNTS: integers 1..16, comma-separated');
const TENANTS = int('BENCH_SHARDS_TENANTS', 40);
const SECONDS = int('BENCH_SHARDS_SECONDS', 60);
const CONCURRENCY = int('BENCH_SHARDS_CONCURRENCY', 6);
const IMPORT_ROWS = int('BENCH_SHARDS_IMPORT_ROWS', 100_000);
const MIX_IMPORT_ROWS = int('BENCH_SHARDS_MIX_IMPORT_ROWS', 2_000);
const ISOLATION_PUTS = int('BENCH_SHARDS_PUTS', 60);
const PUT_INTERVAL_MS = int('BENCH_SHARDS_PUT_INTERVAL_MS', 50);
const MOVE = process.env.BENCH_SHARDS_MOVE !== '0';
const RECEIVER_PORT = int('BENCH_SHARDS_RECEIVER_PORT', 8931);
const SEED = 200;
process.env.BENCH_PORT ||= '8930';
process.env.BENCH_INSPECTOR_PORT ||= '9930';

const load1 = () => round(loadavg()[0], 2);

// ---------------------------------------------------------------------------------------------
// Requests: every answer checked; 503 + Retry-After (a tenant being moved) waited out and retried

let server;
let base = '';
let retries = { count: 0, seconds: 0, byKind: {} };
let admin;

async function call(kind, method, path, { auth = {}, body, contentType, expect = [200] } = {}) {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    const headers = contentType ? { ...auth, 'content-type': contentType } : auth;
    const payload = body === undefined || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const res = await server.request(base, method, path, { headers, body: payload });
    const retryAfter = res.headers.get('retry-after');
    if (res.status === 503 && retryAfter !== null && attempt <= 30) {
      const seconds = Number(retryAfter);
      if (!Number.isFinite(seconds) || seconds < 0 || seconds > 60) throw new Error(`${method} ${path}: 503 with Retry-After "${retryAfter}"`);
      retries.count += 1;
      retries.seconds += seconds;
      retries.byKind[kind] = (retries.byKind[kind] ?? 0) + 1;
      await sleep(seconds * 1000);
      continue;
    }
    if (!expect.includes(res.status)) throw new Error(`${kind}: ${method} ${path}: HTTP ${res.status} (expected ${expect.join('/')}): ${res.text.slice(0, 600)}`);
    return { ms: performance.now() - started, status: res.status, json: res.text ? server.parseJson(res.text, `${method} ${path}`) : null, attempts: attempt };
  }
}

// ---------------------------------------------------------------------------------------------
// Tenants: what the client wrote, and where the app placed them

async function makeTenants(count) {
  const tenants = [];
  for (let index = 0; index < count; index++) {
    const created = await server.createTenant(base, `shards-${index}`);
    tenants.push({ index, ...created, shard: null, next: 0, revision: 1, versions: new Map(), busy: false });
  }
  return tenants;
}

/** SEED products each, so PUTs and reads have targets from the start. */
async function seed(tenants) {
  for (const t of tenants) await writeBatch(t, SEED, 0);
}

/** Each tenant's shard: `shard` on GET /v1/admin/tenants/{id}, else the control database's placements. */
async function readPlacements(bench, tenants) {
  let source = 'admin API';
  for (const t of tenants) {
    const { json } = await call('admin', 'GET', `/v1/admin/tenants/${t.tenantId}`, { auth: admin });
    t.shard = Number.isInteger(json.shard) ? json.shard : null;
  }
  if (tenants.some((t) => t.shard === null)) {
    source = 'control database placements';
    const out = await server.wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', bench.persistTo, '-c', bench.config, '--json', '--command', 'SELECT tenant_id, shard FROM placements'], bench.log, bench.project);
    const rows = JSON.parse(out.slice(out.indexOf('['))).flatMap((r) => r.results ?? []);
    const byTenant = new Map(rows.map((r) => [r.tenant_id, r.shard]));
    for (const t of tenants) t.shard = byTenant.has(t.tenantId) ? byTenant.get(t.tenantId) : null;
    if (tenants.some((t) => t.shard === null)) source += ` (${tenants.filter((t) => t.shard === null).length} tenants have no placement: their data is in DB)`;
  }
  return source;
}

// ---------------------------------------------------------------------------------------------
// The kinds of work

/** A batch of `size` products: half new (or all, below `updateShare`), the rest updates of existing ones. */
async function writeBatch(t, size, updateShare = 0.5) {
  const items = new Map();
  t.revision += 1;
  const updates = Math.min(t.next, Math.floor(size * updateShare));
  for (let k = 0; k < updates; k++) {
    const i = Math.floor(Math.random() * t.next);
    items.set(i, product(i, t.revision));
  }
  while (items.size < size) items.set(t.next, product(t.next++, t.revision));
  const docs = [...items.values()];
  const res = await call('batch', 'POST', '/v1/products/batch', { auth: t.auth, body: { products: docs } });
  const results = res.json.results;
  if (results.length !== docs.length) throw new Error(`batch: ${results.length} results for ${docs.length} products`);
  for (const r of results) {
    if (!r.ok || !['created', 'updated'].includes(r.status) || !Number.isInteger(r.version)) throw new Error(`batch: item ${JSON.stringify(r).slice(0, 400)}`);
    t.versions.set(r.id, r.version);
  }
  return { ms: res.ms, items: docs.length };
}

async function putOne(t, index = null) {
  const i = index ?? Math.floor(Math.random() * t.next);
  t.revision += 1;
  const doc = product(i, t.revision);
  const res = await call('put', 'PUT', `/v1/products/${doc.id}`, { auth: t.auth, body: doc, expect: [200, 201] });
  if (res.json.id !== doc.id || !Number.isInteger(res.json.version) || res.json.version <= (t.versions.get(doc.id) ?? 0)) {
    throw new Error(`PUT ${doc.id}: answered ${JSON.stringify({ id: res.json.id, version: res.json.version })} after version ${t.versions.get(doc.id)}`);
  }
  t.versions.set(doc.id, res.json.version);
  return res.ms;
}

async function readOne(t, page) {
  if (page) {
    const res = await call('read', 'GET', '/v1/products?limit=100', { auth: t.auth });
    // Every tenant holds at least SEED (200) products from the start.
    if (!Array.isArray(res.json.data) || res.json.data.length !== 100) throw new Error(`page: ${res.json.data?.length} products, expected 100`);
    return res.ms;
  }
  const id = `p-${Math.floor(Math.random() * SEED)}`;
  const res = await call('read', 'GET', `/v1/products/${id}`, { auth: t.auth });
  if (res.json.id !== id) throw new Error(`GET ${id}: answered ${res.json.id}`);
  return res.ms;
}

/** Uploads a Merchant TSV and polls it until it settles; it must complete with every row. */
async function runImport(t, prefix, rows, { onSending } = {}) {
  const feed = merchantFeed(prefix, rows);
  const started = performance.now();
  onSending?.();
  const accepted = await call('import', 'POST', '/v1/imports', { auth: t.auth, body: feed, contentType: 'text/tab-separated-values', expect: [202] });
  const acceptedAt = Date.now();
  const jobId = accepted.json.job.id;
  let state;
  for (;;) {
    state = (await call('import', 'GET', `/v1/imports/${jobId}`, { auth: t.auth })).json;
    if (!['uploading', 'pending', 'processing'].includes(state.status)) break;
    if (performance.now() - started > 60 * 60_000) throw new Error(`import ${jobId}: not settled after an hour`);
    await sleep(500);
  }
  if (state.status !== 'completed' || state.rows.done !== rows || state.rows.failed !== 0) throw new Error(`import ${jobId}: ended ${JSON.stringify(state).slice(0, 600)}`);
  return { rows, ms: performance.now() - started, jobId, acceptedAt, completedAt: Date.parse(state.completedAt) };
}

// ---------------------------------------------------------------------------------------------
// 1. Isolation


const summary = (samples) => ({ p50: percentile(samples.map((s) => s.ms), 50), p99: percentile(samples.map((s) => s.ms), 99), puts: samples.length, load: load1() });

/**
 * Q's PUTs sent at a fixed pace (open loop: a PUT that waits does not hold back the next, as with
 * independent clients), on distinct products in turn, `count` of them or until `until()`.
 */
async function pacedPuts(t, { count = Infinity, until = () => false, intervalMs }) {
  const samples = [];
  const sent = [];
  const start = performance.now();
  for (let k = 0; k < count && !until(); k++) {
    const wait = start + k * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push(putOne(t, k % t.next).then((ms) => samples.push({ ms, endedAt: Date.now() })));
  }
  await Promise.all(sent);
  return samples;
}

/**
 * One isolation measurement: Q's PUTs alone, then from the moment H's upload starts until the import
 * settles. `pacing` 'closed': one PUT at a time (each waits for the last: a slow one delays the rest,
 * so a stall hides most of the PUTs it would have slowed); 'open': one every PUT_INTERVAL_MS.
 */
async function isolationRun(quiet, h, pacing, prefix) {
  const puts = pacing === 'open' ? (opts) => pacedPuts(quiet, { ...opts, intervalMs: PUT_INTERVAL_MS }) : ({ count = Infinity, until = () => false }) => closedPuts(quiet, count, until);
  const alone = summary(await puts({ count: ISOLATION_PUTS }));
  // The upload is part of the window: locally the consumer shares one isolate with every request,
  // so its 202 can arrive when most rows are already written.
  let sendingAt = 0;
  let settled = false;
  const importing = runImport(h, prefix, IMPORT_ROWS, { onSending: () => (sendingAt = Date.now()) }).finally(() => (settled = true));
  while (!sendingAt && !settled) await sleep(20);
  const during = await puts({ until: () => settled });
  const imported = await importing;
  // Only the PUTs that ended while the import was still running count as busy (the last one, which
  // saw the import end, usually does not).
  const overlappedPuts = during.filter((s) => s.endedAt <= imported.completedAt);
  const overlapped = overlappedPuts.length >= 20;
  const busy = summary(overlappedPuts);
  return {
    pacing,
    alone,
    busy,
    ratio: round(busy.p50 / alone.p50, 2),
    ratioP99: round(busy.p99 / alone.p99, 2),
    importRowsPerSecond: Math.round((imported.rows * 1000) / imported.ms),
    importSeconds: round(imported.ms / 1000, 1),
    busyPuts: { all: during.length, beforeCompletion: overlappedPuts.length },
    // Each busy PUT: its time, and when it ended (ms after the upload started; the 202 at `acceptedMs`).
    timeline: { acceptedMs: imported.acceptedAt - sendingAt, completedMs: imported.completedAt - sendingAt, puts: during.map((s) => ({ ms: round(s.ms, 1), endedMs: s.endedAt - sendingAt })) },
    overlapped,
    note: overlapped ? '' : `only ${overlappedPuts.length} PUTs ended while the import ran (each waited that long): a p50 of few samples`,
  };
}

async function closedPuts(t, count, until) {
  const samples = [];
  for (let k = 0; k < count && !until(); k++) samples.push({ ms: await putOne(t), endedAt: Date.now() });
  return samples;
}

async function isolation(n, tenants) {
  const quiet = tenants[1];
  const heavy = tenants.slice(2).find((t) => n === 1 || (t.shard !== null && quiet.shard !== null && t.shard !== quiet.shard)) ?? null;
  const note = heavy ? '' : 'no tenant placed on a shard other than the quiet one: this build does not route tenants to shards; H shares Q\'s database';
  const h = heavy ?? tenants[2];
  const closed = await isolationRun(quiet, h, 'closed', 'heavy');
  const open = await isolationRun(quiet, h, 'open', 'heavy2');
  return {
    n,
    quiet: { tenant: quiet.tenantId, shard: quiet.shard },
    heavy: { tenant: h.tenantId, shard: h.shard },
    ...closed,
    open,
    note: [note, closed.note && `closed: ${closed.note}`, open.note && `open: ${open.note}`].filter(Boolean).join('; '),
  };
}

// ---------------------------------------------------------------------------------------------
// 2 + 3. Mixed load, with a move

function receiver() {
  const seen = new Map();
  const http = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const id = req.headers['webhook-id'];
      if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
      res.writeHead(200).end('ok');
    });
  });
  return new Promise((resolve, reject) => {
    http.on('error', reject);
    http.listen(RECEIVER_PORT, '127.0.0.1', () => resolve({ seen, close: () => new Promise((r) => http.close(r)) }));
  });
}

async function startMove(t, n) {
  const to = ((t.shard ?? 0) + 1) % n;
  const res = await server.request(base, 'POST', `/v1/admin/tenants/${t.tenantId}/move`, { headers: admin, body: JSON.stringify({ shard: to }) });
  if (res.status === 404) return { skipped: `POST /v1/admin/tenants/{id}/move answered 404: this build has no tenant moves; move scenario skipped` };
  if (res.status !== 202) throw new Error(`move: HTTP ${res.status}: ${res.text.slice(0, 600)}`);
  const move = server.parseJson(res.text, 'move');
  if (!move.id) throw new Error(`move: no id in ${res.text.slice(0, 400)}`);
  const started = performance.now();
  for (;;) {
    const { json } = await call('admin', 'GET', `/v1/admin/tenants/${t.tenantId}/moves/${move.id}`, { auth: admin });
    if (json.state === 'done' || json.state === 'failed') return { from: t.shard ?? 0, to, seconds: round((performance.now() - started) / 1000, 1), move: json };
    if (performance.now() - started > 15 * 60_000) throw new Error(`move ${move.id}: still ${json.state} after 15 minutes`);
    await sleep(500);
  }
}

async function mixedLoad(n, tenants, { move }) {
  const stats = { batch: { ms: [], items: 0 }, put: { ms: [] }, read: { ms: [] }, import: { rows: 0, count: 0, ms: 0 } };
  const mover = tenants[0];
  const deadline = performance.now() + SECONDS * 1000;
  let moving = null;
  let moveResult = null;
  const free = () => {
    const candidates = tenants.filter((t) => !t.busy);
    return candidates.length ? candidates[Math.floor(Math.random() * candidates.length)] : null;
  };
  const running = () => performance.now() < deadline || (moving && !moveResult);
  const started = performance.now();
  const worker = async () => {
    while (running()) {
      const dice = Math.random();
      const t = dice < 0.55 ? free() : null;
      if (t) {
        // One write in flight per tenant: the version the client last got is then the product's last.
        t.busy = true;
        try {
          if (dice < 0.1) {
            const r = await writeBatch(t, 100 + Math.floor(Math.random() * 901));
            stats.batch.ms.push(r.ms);
            stats.batch.items += r.items;
          } else {
            stats.put.ms.push(await putOne(t));
          }
        } finally {
          t.busy = false;
        }
      } else {
        const r = tenants[Math.floor(Math.random() * tenants.length)];
        stats.read.ms.push(await readOne(r, Math.random() < 0.5));
      }
    }
  };
  const importer = async () => {
    let k = 0;
    while (performance.now() < deadline) {
      const t = tenants[1 + (k % (tenants.length - 1))];
      const r = await runImport(t, `mix${k++}`, MIX_IMPORT_ROWS);
      stats.import.rows += r.rows;
      stats.import.count += 1;
    }
    stats.import.ms = performance.now() - started;
  };
  const mover_ = async () => {
    if (!move) return;
    await sleep((SECONDS * 1000) / 3);
    moving = startMove(mover, n);
    moveResult = await moving;
  };
  await Promise.all([...Array.from({ length: CONCURRENCY }, worker), importer(), mover_()]);
  const seconds = (performance.now() - started) / 1000;
  const load = load1();
  return {
    n,
    seconds: round(seconds, 1),
    load,
    batchProductsPerSecond: Math.round(stats.batch.items / seconds),
    batchRequests: stats.batch.ms.length,
    putsPerSecond: round(stats.put.ms.length / seconds, 1),
    putP50: round(percentile(stats.put.ms, 50), 1),
    putP99: round(percentile(stats.put.ms, 99), 1),
    readsPerSecond: round(stats.read.ms.length / seconds, 1),
    readP50: round(percentile(stats.read.ms, 50), 1),
    importRowsPerSecond: Math.round((stats.import.rows * 1000) / stats.import.ms),
    imports: stats.import.count,
    retries: { ...retries },
    move: moveResult,
  };
}

// ---------------------------------------------------------------------------------------------
// Reconciliation of one tenant after the load

async function reconcile(t, delivered) {
  const problems = [];
  // Products: every id the client wrote, at the version it last got.
  const stored = new Map();
  let cursor = null;
  do {
    const { json } = await call('check', 'GET', `/v1/products?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { auth: t.auth });
    for (const p of json.data) stored.set(p.id, p.version);
    cursor = json.nextCursor;
  } while (cursor);
  // Imports also write into tenants (ids of their own); the client's are `p-<n>`.
  const ours = (id) => id.startsWith('p-');
  for (const [id, version] of t.versions) if (stored.get(id) !== version) problems.push(`product ${id}: client last got version ${version}, stored ${stored.get(id)}`);
  const storedOurs = [...stored.keys()].filter(ours).length;
  if (storedOurs !== t.versions.size) problems.push(`products: ${storedOurs} stored, the client wrote ${t.versions.size}`);
  // Events: seq without a gap; each product's last version is in the feed.
  const events = [];
  let after = '0';
  for (;;) {
    const { json } = await call('check', 'GET', `/v1/events?after=${after}&limit=1000`, { auth: t.auth });
    events.push(...json.data);
    after = json.nextCursor;
    if (json.data.length < 1000) break;
  }
  for (let k = 1; k < events.length; k++) if (events[k].seq !== events[k - 1].seq + 1) problems.push(`events: seq ${events[k - 1].seq} then ${events[k].seq}`);
  const lastVersion = new Map();
  for (const e of events) if (typeof e.data?.productId === 'string' && ours(e.data.productId)) lastVersion.set(e.data.productId, Math.max(lastVersion.get(e.data.productId) ?? 0, e.data.version ?? 0));
  // Events name products by their stored id (what GET returns); compare through the version map.
  const byVersion = [...t.versions.values()].reduce((s, v) => s + v, 0);
  const fromEvents = [...lastVersion.values()].reduce((s, v) => s + v, 0);
  if (lastVersion.size !== t.versions.size || byVersion !== fromEvents) problems.push(`events: ${lastVersion.size} products with a last version summing to ${fromEvents}; the client has ${t.versions.size} summing to ${byVersion}`);
  // Deliveries: every event reached the receiver (waits up to 3 minutes for the queue to drain).
  let missing = [];
  if (delivered) {
    const until = performance.now() + 180_000;
    do {
      missing = events.filter((e) => e.type.startsWith('product.') && !delivered.has(e.id));
      if (missing.length === 0) break;
      await sleep(2000);
    } while (performance.now() < until);
    if (missing.length) problems.push(`deliveries: ${missing.length} of ${events.length} events never reached the receiver (first: seq ${missing[0].seq})`);
  }
  return { tenant: t.tenantId, products: storedOurs, events: events.length, firstSeq: events[0]?.seq, lastSeq: events.at(-1)?.seq, deliveredEvents: delivered ? events.length - missing.length : null, problems };
}

/**
 * The move's report (GET /v1/admin/tenants/{id}/moves/{moveId} `report.tables`): per table, the rows and
 * the content hash of the old copy (`fromRows`, `fromHash`) and the new one (`toRows`, `toHash`), taken
 * in the freeze, must be equal.
 */
function checkReport(report) {
  const problems = [];
  const tables = Object.entries(report?.tables ?? {});
  if (tables.length === 0) problems.push(`report: no per-table entries in ${JSON.stringify(report).slice(0, 300)}`);
  for (const [table, v] of tables) {
    if (typeof v.fromRows !== 'number' || typeof v.toRows !== 'number' || !v.fromHash || !v.toHash) problems.push(`report ${table}: counts or hashes missing`);
    else if (v.fromRows !== v.toRows || v.fromHash !== v.toHash || v.equal !== true) problems.push(`report ${table}: ${v.fromRows} rows ${v.fromHash.slice(0, 12)} != ${v.toRows} rows ${v.toHash.slice(0, 12)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

async function runCount(n, log) {
  retries = { count: 0, seconds: 0, byKind: {} };
  const bench = await server.startBench(log, { shards: n, keep: process.env.BENCH_KEEP === '1' });
  bench.log = log;
  bench.project = server.root;
  const hook = MOVE && n === Math.max(...COUNTS) && n > 1 ? await receiver() : null;
  try {
    base = bench.base;
    console.log(`\nshards: N=${n} (${bench.databases.join(', ')}), Worker at ${base}, booted in ${bench.bootSeconds.toFixed(1)} s`);
    const tenants = await makeTenants(TENANTS);
    const source = await readPlacements(bench, tenants);
    const perShard = new Map();
    for (const t of tenants) perShard.set(t.shard, (perShard.get(t.shard) ?? 0) + 1);
    const placement = [...perShard.entries()].map(([s, c]) => `${s === null ? 'unplaced' : `shard ${s}`}: ${c}`).join(', ');
    console.log(`  placements (${source}): ${placement}`);
    if (hook) {
      await call('setup', 'POST', '/v1/webhooks', { auth: tenants[0].auth, body: { url: `http://127.0.0.1:${RECEIVER_PORT}/hook`, eventTypes: ['product.*'] }, expect: [201] });
    }
    await seed(tenants);

    const iso = n === 1 || n === Math.max(...COUNTS) ? await isolation(n, tenants) : null;
    if (iso) console.log(`  isolation, open loop (a PUT every ${PUT_INTERVAL_MS} ms): p50 alone ${round(iso.open.alone.p50)} ms, during the import ${round(iso.open.busy.p50)} ms (${iso.open.busy.puts} PUTs, import ${iso.open.importRowsPerSecond} rows/s): ${iso.open.ratio}x; p99 ${round(iso.open.alone.p99)} -> ${round(iso.open.busy.p99)} ms`);
    if (iso) console.log(`  isolation: Q PUT p50 alone ${round(iso.alone.p50)} ms (load ${iso.alone.load}), during H's ${IMPORT_ROWS}-row import ${round(iso.busy.p50)} ms (load ${iso.busy.load}, ${iso.busy.puts} PUTs; the import ${iso.importSeconds} s at ${iso.importRowsPerSecond} rows/s): ${iso.ratio}x; Q on ${iso.quiet.shard ?? 'DB'}, H on ${iso.heavy.shard ?? 'DB'}${iso.note ? `; ${iso.note}` : ''}`);

    const mixed = await mixedLoad(n, tenants, { move: Boolean(hook) });
    console.log(`  mixed load: ${JSON.stringify({ ...mixed, move: mixed.move ? (mixed.move.skipped ?? `${mixed.move.move.state} in ${mixed.move.seconds} s`) : null })}`);

    let reconciled = null;
    let reportProblems = [];
    if (mixed.move && !mixed.move.skipped) {
      reconciled = await reconcile(tenants[0], hook.seen);
      console.log(`  move of tenant 0 from shard ${mixed.move.from} to ${mixed.move.to}: ${mixed.move.move.state} in ${mixed.move.seconds} s; writes retried after 503: ${mixed.retries.count}`);
      console.log(`  move report: ${JSON.stringify(mixed.move.move.report, null, 1)}`);
      if (mixed.move.move.state !== 'done') reportProblems.push(`move ended ${mixed.move.move.state}: ${JSON.stringify(mixed.move.move.error ?? null)}`);
      else reportProblems = checkReport(mixed.move.move.report);
    } else if (mixed.move?.skipped) {
      console.log(`  ${mixed.move.skipped}`);
    }
    // Nothing lost anywhere: tenant 0 (moved or not) and two others are reconciled either way.
    const checks = [reconciled ?? (await reconcile(tenants[0], hook?.seen ?? null)), await reconcile(tenants[5], null), await reconcile(tenants[TENANTS - 1], null)];
    const problems = [...checks.flatMap((c) => c.problems), ...reportProblems];
    console.log(`  reconciled ${checks.map((c) => `${c.products} products / ${c.events} events (seq ${c.firstSeq}..${c.lastSeq})${c.deliveredEvents !== null ? ` / ${c.deliveredEvents} delivered` : ''}`).join('; ')}: ${problems.length ? `${problems.length} PROBLEMS` : 'exact'}`);
    for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
    return { n, databases: bench.databases, placementSource: source, placement, isolation: iso, mixed, reconciled: checks, problems };
  } finally {
    await hook?.close();
    await bench.stop();
  }
}

async function main() {
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-shards-${at}.log`);
  const log = createWriteStream(logPath);
  server = await loadServer();
  admin = { authorization: `Bearer ${server.ADMIN_TOKEN}` };
  const git = server.gitInfo(null);
  if (process.argv[2] === 'capacity') {
    const { capacity } = await import('./shards-capacity.mjs');
    const measured = await capacity(server, log);
    console.log(`\nshards capacity: results in ${writeResults('shards-capacity', at, { git, machine: machine(), ...measured })}`);
    return;
  }
  console.log(`shards: N = ${COUNTS.join(', ')}; ${TENANTS} tenants, ${SECONDS} s mixed load at concurrency ${CONCURRENCY} (+ imports of ${MIX_IMPORT_ROWS} rows back to back), isolation import ${IMPORT_ROWS} rows`);
  console.log(`shards: code at ${git.commit?.slice(0, 12)}${git.uncommittedSrcChanges ? ' + uncommitted changes' : ''}; wrangler log in ${logPath}`);
  const runs = [];
  for (const n of COUNTS) runs.push(await runCount(n, log));

  console.log(`\nMixed load, ${SECONDS} s per N, side by side (one workerd on a shared machine: compare within this run)\n`);
  console.log(
    table(
      ['N', 'load avg', 'batch products/s', 'batches', 'PUT/s', 'PUT p50 ms', 'PUT p99 ms', 'reads/s', 'read p50 ms', 'import rows/s', 'imports', '503 retries'],
      runs.map(({ n, mixed: m }) => [n, m.load, m.batchProductsPerSecond, m.batchRequests, m.putsPerSecond, m.putP50, m.putP99, m.readsPerSecond, m.readP50, m.importRowsPerSecond, m.imports, m.retries.count]),
    ),
  );
  const isos = runs.filter((r) => r.isolation);
  console.log(`\nIsolation: quiet tenant Q's PUT p50, ${ISOLATION_PUTS} alone, then for as long as heavy tenant H's ${IMPORT_ROWS}-row import runs; Q's PUTs one at a time, then (a second import) one every ${PUT_INTERVAL_MS} ms (target with shards: <= 1.5x)\n`);
  console.log(
    table(
      ['N', 'Q shard', 'H shard', 'PUTs', 'alone p50 ms', 'load', 'busy p50 ms', 'busy PUTs', 'load', 'busy / alone', 'p99 alone -> busy', 'H import rows/s'],
      isos.flatMap(({ n, isolation: i }) =>
        [i, i.open].map((r) => [n, i.quiet.shard ?? 'DB', i.heavy.shard ?? 'DB', r.pacing === 'open' ? `every ${PUT_INTERVAL_MS} ms` : 'one at a time', round(r.alone.p50), r.alone.load, round(r.busy.p50), r.busy.puts, r.busy.load, `${r.ratio}x`, `${round(r.alone.p99)} -> ${round(r.busy.p99)}`, r.importRowsPerSecond]),
      ),
    ),
  );
  for (const { n, isolation: i } of isos) if (i.note) console.log(`  N=${n}: ${i.note}`);
  const problems = runs.flatMap((r) => r.problems.map((p) => `N=${r.n}: ${p}`));
  const path = writeResults('shards', at, { git, machine: machine(), config: { COUNTS, TENANTS, SECONDS, CONCURRENCY, IMPORT_ROWS, MIX_IMPORT_ROWS, ISOLATION_PUTS, PUT_INTERVAL_MS, MOVE }, runs });
  console.log(`\nshards: results in ${path}`);
  if (problems.length) {
    console.error(`shards: ${problems.length} reconciliation problems:\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`\nshards bench FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
