#!/usr/bin/env node
/**
 * Bulk import benchmark (issue "Bulk catalog import"; bench/README.md "Bulk import benchmark"). One
 * fresh bench Worker under `wrangler dev` (bench/server.mjs), two tenants, one run:
 *
 *   1. Import: a 100,000-row Google Merchant TSV (no image_link column: images would add ingest work
 *      that is not the import's), POST /v1/imports (text/tab-separated-values), then GET
 *      /v1/imports/{jobId} every 250 ms until it settles. rows/s = rows / (POST sent -> the first poll
 *      that sees it completed). Must end `completed` with every row done and the job's created count = rows.
 *      Meanwhile the isolate's V8 heap is sampled through the inspector (Runtime.getHeapUsage).
 *   2. The same rows as canonical products (what merchantToCanonical makes of them) through POST
 *      /v1/products/batch, 1,000 per request, one request at a time, into a second tenant; every
 *      item must be `created`. rows/s = rows / total time. Heap sampled the same way.
 *      The batch floor also runs once BEFORE the import, into a third tenant: floor, import, floor in one
 *      run, and the ratio is the import against the mean of the two floors (the machine is shared; the
 *      load average is printed beside each figure).
 *   3. A spot check that both paths stored the same products (a few ids read back from each tenant).
 *   4. One chunk of the consumer in isolation: POST /__bench/ext/import-chunk runs readChunk +
 *      validateProduct (no D1 write) on the file's first 512 KB and keeps the results alive; the
 *      isolate's heap after a full GC with and without them is that chunk's working set.
 *
 * Knobs: BENCH_ROWS [100000], BENCH_BATCH [1000], BENCH_KEEP=1.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { assertSameRuntime, findRuntime, Inspector, int, loadServer, machine, mb, percentile, resetPeakRss, resultsDir, round, rss, sleep, stamp, table, writeResults } from './harness.mjs';

const ROWS = int('BENCH_ROWS', 100_000);
const BATCH = int('BENCH_BATCH', 1_000);
const TIMEOUT_MS = 60 * 60_000;
const LOCALE = 'en-US';

// ---------------------------------------------------------------------------------------------
// The feed: deterministic rows, their TSV, and the canonical products they mean

const WORDS = 'organic cotton linen wool blend relaxed slim fit classic soft breathable durable stretch recycled everyday premium lightweight warm summer winter casual'.split(' ');
const COLORS = ['Black', 'White', 'Navy', 'Red', 'Olive', 'Beige', 'Grey'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const GENDERS = ['male', 'female', 'unisex'];
const AVAILABILITY = ['in stock', 'out of stock', 'preorder'];
const TYPES = ['Apparel > Tops > T-Shirts', 'Apparel > Bottoms > Jeans', 'Apparel > Outerwear > Jackets', 'Shoes > Sneakers'];

function gtin13(n) {
  const body = String(400000000000 + n).padStart(12, '0');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + String((10 - (sum % 10)) % 10);
}

function row(i) {
  const words = Array.from({ length: 28 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(' ');
  const group = Math.floor(i / 5);
  return {
    id: `sku-${String(i).padStart(7, '0')}`,
    title: `${COLORS[group % COLORS.length]} ${WORDS[group % WORDS.length]} item ${group} size ${SIZES[i % 5]}`,
    description: `${words[0].toUpperCase()}${words.slice(1)}.`,
    link: `https://shop.example/p/${group}?size=${SIZES[i % 5]}`,
    availability: AVAILABILITY[i % 3],
    price: `${10 + (group % 90)}.${String(i % 100).padStart(2, '0')} USD`,
    brand: `Brand ${group % 50}`,
    gtin: gtin13(i),
    gender: GENDERS[group % 3],
    size: SIZES[i % 5],
    color: COLORS[group % COLORS.length],
    item_group_id: `grp-${group}`,
    product_type: TYPES[group % TYPES.length],
  };
}

const COLUMNS = ['id', 'title', 'description', 'link', 'availability', 'price', 'brand', 'gtin', 'gender', 'size', 'color', 'item_group_id', 'product_type'];

function tsv(count) {
  const lines = [COLUMNS.join('\t')];
  for (let i = 0; i < count; i++) {
    const r = row(i);
    lines.push(COLUMNS.map((c) => r[c]).join('\t'));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** What src/imports/merchant.ts makes of a row, written as a /v1 client would. */
function canonical(r) {
  const [amount, currency] = r.price.split(' ');
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    brand: r.brand,
    gtin: r.gtin,
    itemGroupId: r.item_group_id,
    color: r.color,
    productType: r.product_type,
    gender: r.gender,
    sizes: [r.size],
    localizations: { [LOCALE]: { title: r.title, availability: r.availability, link: r.link } },
    prices: { [currency]: { amount } },
  };
}

// ---------------------------------------------------------------------------------------------

let base = '';
let request;

async function json(method, path, init, expected = 200) {
  const res = await request(base, method, path, init);
  if (res.status !== expected) throw new Error(`${method} ${path}: HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
  return JSON.parse(res.text);
}

async function runImport(auth, feed, inspector, runtime) {
  const heapBefore = inspector ? await inspector.heap() : null;
  const stopUpload = inspector?.sample(50);
  const startedAt = Date.now();
  const t0 = performance.now();
  const accepted = await json('POST', '/v1/imports', { headers: { ...auth, 'content-type': 'text/tab-separated-values' }, body: feed }, 202);
  const uploadMs = performance.now() - t0;
  const uploadHeap = stopUpload ? await stopUpload() : null;
  const stopConsumer = inspector?.sample(100);
  const jobId = accepted.job.id;
  const progress = [];
  const live = process.stdout.isTTY;
  let state;
  for (;;) {
    const asked = Date.now();
    state = await json('GET', `/v1/imports/${jobId}`, { headers: auth });
    progress.push({ ms: Date.now() - startedAt, askedMs: asked - startedAt, rows: state.rows.total, progress: state.progress });
    if (live) process.stdout.write(`\r  import: ${state.status}, ${state.rows.done} rows done, ${state.rows.failed} failed, ${round(state.progress * 100)}% of the file (${round((Date.now() - startedAt) / 1000)} s)   `);
    assertSameRuntime(runtime, 'the import');
    if (!['uploading', 'pending', 'processing'].includes(state.status)) break;
    if (Date.now() - startedAt > TIMEOUT_MS) throw new Error(`import: not settled after ${TIMEOUT_MS / 1000} s: ${JSON.stringify(state)}`);
    await sleep(250);
  }
  if (live) process.stdout.write('\n');
  const consumerHeap = stopConsumer ? await stopConsumer() : null;
  if (state.status !== 'completed' || state.rows.done !== ROWS || state.rows.failed !== 0) throw new Error(`import: ended ${JSON.stringify(state)}`);
  const job = await json('GET', `/v1/jobs/${jobId}`, { headers: auth });
  if (job.status !== 'completed' || job.counts?.created !== ROWS) throw new Error(`import job: ${JSON.stringify(job).slice(0, 1000)}`);
  // The end: when a poll first saw it settled (at most 250 ms + one GET late); the Worker's own
  // completedAt is kept beside it.
  const totalMs = progress.at(-1).askedMs;
  const completedAtMs = Date.parse(state.completedAt) - startedAt;
  // Throughput by halves of the rows (polls are ~1 s apart while the consumer runs): a rate that
  // falls as the table grows would be a scan somewhere.
  const half = progress.find((p) => p.rows >= ROWS / 2);
  const halfRates = half ? [Math.round(((half.rows) * 1000) / (half.ms - uploadMs)), Math.round(((ROWS - half.rows) * 1000) / (totalMs - half.ms))] : [];
  const pollMs = progress.map((p) => p.ms - p.askedMs);
  return {
    jobId,
    rows: ROWS,
    bytes: state.bytes,
    uploadMs: round(uploadMs),
    totalMs,
    completedAtMs,
    rowsPerSecond: Math.round((ROWS * 1000) / totalMs),
    processingRowsPerSecond: Math.round((ROWS * 1000) / (totalMs - uploadMs)),
    reportedRowsPerSecond: state.rowsPerSecond,
    rowsPerSecondByHalf: halfRates,
    pollMs: { median: percentile(pollMs, 50), max: Math.max(...pollMs), polls: pollMs.length },
    job: { status: job.status, counts: job.counts },
    heap: heapBefore && {
      upload: { before: heapBefore, samples: uploadHeap.samples, peakUsedSize: uploadHeap.peakUsedSize, peakTotalSize: uploadHeap.peakTotalSize, peakBackingStorageSize: uploadHeap.peakBackingStorageSize, series: uploadHeap.series },
      consumer: { before: uploadHeap.series.at(-1) ?? heapBefore, samples: consumerHeap.samples, peakUsedSize: consumerHeap.peakUsedSize, peakTotalSize: consumerHeap.peakTotalSize, peakBackingStorageSize: consumerHeap.peakBackingStorageSize, series: consumerHeap.series },
    },
  };
}

async function runBatches(auth, products) {
  const times = [];
  const live = process.stdout.isTTY;
  for (let i = 0; i < products.length; i += BATCH) {
    const part = products.slice(i, i + BATCH);
    const body = JSON.stringify({ products: part });
    const t = performance.now();
    const out = await json('POST', '/v1/products/batch', { headers: auth, body });
    times.push(performance.now() - t);
    const created = out.results.filter((r) => r.ok && r.status === 'created').length;
    if (created !== part.length || out.job?.status !== 'completed') throw new Error(`batch at ${i}: ${created} of ${part.length} created, job ${out.job?.status}`);
    if (live) process.stdout.write(`\r  batch: ${i + part.length}/${products.length} (last ${Math.round(times.at(-1))} ms)   `);
  }
  if (live) process.stdout.write('\n');
  const totalMs = times.reduce((s, x) => s + x, 0);
  const mid = Math.floor(times.length / 2);
  const halfRates = times.length < 2 ? [] : [times.slice(0, mid), times.slice(mid)].map((slice) => Math.round((slice.length * BATCH * 1000) / slice.reduce((s, x) => s + x, 0)));
  return {
    rows: products.length,
    requests: times.length,
    totalMs: round(totalMs),
    rowsPerSecond: Math.round((products.length * 1000) / totalMs),
    requestMs: { min: round(Math.min(...times)), median: round(percentile(times, 50)), max: round(Math.max(...times)) },
    rowsPerSecondByHalf: halfRates,
  };
}

/** Reads a product back from each tenant and compares what both paths should agree on. */
async function spotCheck(authImport, authBatch, ids) {
  const keep = (p) => ({
    title: p.title, description: p.description, brand: p.brand, gtin: p.gtin, itemGroupId: p.itemGroupId, color: p.color,
    productType: p.productType, gender: p.gender, sizes: p.sizes, localizations: p.localizations, prices: p.prices, status: p.status,
  });
  for (const id of ids) {
    const a = keep(await json('GET', `/v1/products/${id}`, { headers: authImport }));
    const b = keep(await json('GET', `/v1/products/${id}`, { headers: authBatch }));
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`spot check ${id}: import stored ${JSON.stringify(a)}, batch stored ${JSON.stringify(b)}`);
  }
  return ids.length;
}

async function sampled(inspector, intervalMs, fn) {
  if (!inspector) return { value: await fn(), heap: null };
  const before = await inspector.heap();
  const stop = inspector.sample(intervalMs);
  const value = await fn();
  const s = await stop();
  return { value, heap: { before, samples: s.samples, peakUsedSize: s.peakUsedSize, peakTotalSize: s.peakTotalSize, peakBackingStorageSize: s.peakBackingStorageSize, series: s.series } };
}

async function main() {
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-imports-${at}.log`);
  const log = createWriteStream(logPath);
  const server = await loadServer();
  request = server.request;
  const git = server.gitInfo(null);

  const feed = tsv(ROWS);
  const products = Array.from({ length: ROWS }, (_, i) => canonical(row(i)));
  console.log(`imports: ${ROWS} rows, TSV ${mb(feed.length)} MB (${Math.round(feed.length / ROWS)} bytes a row), no image_link; batch floor ${BATCH} per request`);
  console.log(`imports: code: working tree at ${git.commit?.slice(0, 12)}${git.uncommittedSrcChanges ? ' + uncommitted changes' : ''}; wrangler log in ${logPath}`);

  const bench = await server.startBench(log);
  let inspector = null;
  try {
    base = bench.base;
    const runtime = findRuntime(bench.persistTo);
    console.log(`imports: Worker at ${base} (workerd pid ${runtime.workerdPid}), booted in ${bench.bootSeconds.toFixed(1)} s`);
    inspector = await Inspector.connect(runtime.inspectorPort).catch((err) => {
      console.warn(`  inspector unavailable (${err.message}): no V8 heap numbers`);
      return null;
    });
    const importer = await server.createTenant(base, 'bench-import');
    const batcher = await server.createTenant(base, 'bench-batch');
    const batcherBefore = await server.createTenant(base, 'bench-batch-before');
    const load = () => loadavg().map((n) => round(n, 2));

    // The floor before the import (floor, import, floor: alternated in one run).
    const batchedBefore = await runBatches(batcherBefore.auth, products);
    batchedBefore.load = load();
    console.log(`  batch (before the import): ${batchedBefore.rowsPerSecond} rows/s (${round(batchedBefore.totalMs / 1000)} s); load ${batchedBefore.load.join(' ')}`);

    const rssBefore = rss(runtime.workerdPid);
    resetPeakRss(runtime.workerdPid);
    const imported = { value: await runImport(importer.auth, feed, inspector, runtime) };
    imported.heap = imported.value.heap;
    delete imported.value.heap;
    const rssImport = rss(runtime.workerdPid);
    imported.value.load = load();
    console.log(`  import: ${imported.value.rowsPerSecond} rows/s (${round(imported.value.totalMs / 1000)} s, upload ${round(imported.value.uploadMs / 1000, 2)} s); load ${imported.value.load.join(' ')}`);

    resetPeakRss(runtime.workerdPid);
    const rssBeforeBatch = rss(runtime.workerdPid);
    const batched = await sampled(inspector, 100, () => runBatches(batcher.auth, products));
    const rssBatch = rss(runtime.workerdPid);
    batched.value.load = load();
    console.log(`  batch (after the import): ${batched.value.rowsPerSecond} rows/s (${round(batched.value.totalMs / 1000)} s); load ${batched.value.load.join(' ')}`);

    assertSameRuntime(runtime);
    const checked = await spotCheck(importer.auth, batcher.auth, [0, 1, Math.floor(ROWS / 2), ROWS - 1].map((i) => row(i).id));

    // One chunk's working set: heap after a full GC with the chunk's data held alive, minus without.
    const chunkArgs = { tenantId: importer.tenantId, jobId: imported.value.jobId, offset: 0 };
    const heapIdle = inspector ? await inspector.collect() : null;
    const chunk = await sampled(inspector, 10, () => json('POST', '/__bench/ext/import-chunk', { body: JSON.stringify({ ...chunkArgs, hold: true }) }));
    if (!chunk.value.ok) throw new Error(`import-chunk: ${JSON.stringify(chunk.value)}`);
    const heapHeld = inspector ? await inspector.collect() : null;
    await json('POST', '/__bench/ext/import-chunk/release', { body: '{}' });
    const heapReleased = inspector ? await inspector.collect() : null;
    const chunkLive = heapIdle && heapHeld ? { idle: heapIdle, held: heapHeld, released: heapReleased, liveBytes: heapHeld.usedSize - heapIdle.usedSize, arrayBufferBytes: heapHeld.backingStorageSize - heapIdle.backingStorageSize } : null;

    // Where a chunk's D1 time goes once the import's job holds every row (see bench-routes.ts).
    const profile = await json('POST', '/__bench/ext/import-write-profile', { body: JSON.stringify({ tenantId: importer.tenantId, jobId: imported.value.jobId, offset: Math.floor(feed.length / 2) }) });
    const byStatement = new Map();
    for (const st of profile.statements) {
      const key = st.sql.slice(0, 70);
      const agg = byStatement.get(key) ?? { sql: key, count: 0, ms: 0, rowsRead: 0 };
      agg.count += 1;
      agg.ms += st.ms;
      agg.rowsRead += st.rowsRead;
      byStatement.set(key, agg);
    }
    const profileRows = [...byStatement.values()].sort((a, b) => b.ms - a.ms);

    const floorRowsPerSecond = Math.round((batchedBefore.rowsPerSecond + batched.value.rowsPerSecond) / 2);
    const ratio = round(imported.value.rowsPerSecond / floorRowsPerSecond, 3);
    const ratioAfterOnly = round(imported.value.rowsPerSecond / batched.value.rowsPerSecond, 3);
    console.log(`\nThroughput: ${ROWS} rows (${mb(feed.length)} MB TSV), one run: batch floor, import, batch floor\n`);
    console.log(
      table(
        ['path', 'rows/s', 'seconds', 'note'],
        [
          ['import end to end', imported.value.rowsPerSecond, round(imported.value.totalMs / 1000), `POST sent -> a poll sees it completed; the upload (202) took ${round(imported.value.uploadMs / 1000, 2)} s`],
          ['  after the upload', imported.value.processingRowsPerSecond, round((imported.value.totalMs - imported.value.uploadMs) / 1000), 'queue consumer only'],
          ['batch floor before', batchedBefore.rowsPerSecond, round(batchedBefore.totalMs / 1000), `${batchedBefore.requests} x POST /v1/products/batch of ${BATCH}, median ${batchedBefore.requestMs.median} ms; load ${batchedBefore.load[0]}`],
          ['batch floor after', batched.value.rowsPerSecond, round(batched.value.totalMs / 1000), `${batched.value.requests} x POST /v1/products/batch of ${BATCH}, median ${batched.value.requestMs.median} ms; load ${batched.value.load[0]}`],
          ['ratio import / mean of the floors', ratio, '', `import / the floor after it alone: ${ratioAfterOnly}; load during the import ${imported.value.load[0]}`],
        ],
      ),
    );
    console.log(`\nrows/s, first half / second half of the rows: import ${imported.value.rowsPerSecondByHalf.join(' / ')}, batch ${batched.value.rowsPerSecondByHalf.join(' / ')}`);
    console.log(`GET /v1/imports/{id} while the import ran: median ${imported.value.pollMs.median} ms, max ${imported.value.pollMs.max} ms (${imported.value.pollMs.polls} polls)`);
    console.log(`spot check: ${checked} products read back from both tenants agree`);

    console.log(`\nOne chunk (${profile.rows} rows) written again as the consumer writes it, after the import (its job holds ${ROWS} rows): writeProducts ${profile.writeMs} ms\n`);
    console.log(table(['statement (D1 meta, summed over the chunk)', 'times', 'ms', 'rows read'], profileRows.map((r) => [r.sql, r.count, round(r.ms), r.rowsRead])));
    for (const [name, plan] of Object.entries(profile.plans)) console.log(`plan ${name}: ${plan.join(' | ')}`);
    const ex = profile.refreshExperiment;
    console.log(`what-if, REFRESH_PRODUCT_STATUS once over the chunk's ${profile.rows} ids: as is ${ex.asIs.ms} ms / ${ex.asIs.rowsRead} rows read; with +job_id ${ex.plusJobId.ms} ms / ${ex.plusJobId.rowsRead} rows read`);

    const heapRow = (label, h) => (h ? [label, mb(h.before.usedSize), mb(h.peakUsedSize), mb(h.peakTotalSize), mb(h.peakBackingStorageSize), h.samples] : [label, 'n/a', '', '', '', '']);
    console.log(`\nMemory (MB): V8 heap of the Worker's isolate sampled through the inspector (used = live + not yet collected)\n`);
    console.log(
      table(
        ['phase', 'heap used before', 'peak used', 'peak heap size', 'peak array buffers', 'samples'],
        [
          heapRow(`import upload (POST, ${mb(feed.length)} MB streamed to R2)`, imported.heap?.upload),
          heapRow('import consumer (after the 202, + polls)', imported.heap?.consumer),
          heapRow('batch floor (1,000 per request)', batched.heap),
        ],
      ),
    );
    const c = chunk.value;
    console.log(
      `\nOne chunk: ${Math.round(c.chunkBytes / 1024)} KB read, ${c.records} records, decoded text ${Math.round(c.textChars / 1024)} K chars, candidates as JSON ${Math.round(c.candidatesJsonChars / 1024)} K chars, validated docs as JSON ${Math.round(c.docsJsonChars / 1024)} K chars`,
    );
    // The chunk's step timings again, twice more (no hold): the median of three.
    const timings = [c.ms];
    for (let k = 0; k < 2; k++) timings.push((await json('POST', '/__bench/ext/import-chunk', { body: JSON.stringify(chunkArgs) })).ms);
    c.ms = Object.fromEntries(Object.keys(c.ms).map((key) => [key, percentile(timings.map((t) => t[key]), 50)]));
    c.msRuns = timings;
    if (c.ms) console.log(`One chunk's steps (worker clock, median of 3, ms): R2 read ${c.ms.r2Read}, readChunk ${c.ms.readChunk}, validateProduct x ${c.valid} ${c.ms.validate}; the consumer spends ${round((c.records * 1000) / imported.value.processingRowsPerSecond)} ms per chunk of ${c.records} rows in all`);
    if (chunkLive) {
      console.log(
        `One chunk's data held alive (bytes, text, candidates, validated docs), weighed after a full GC: +${mb(chunkLive.liveBytes)} MB of JS heap, +${mb(chunkLive.arrayBufferBytes)} MB of array buffers (heap after GC: ${mb(heapIdle.usedSize)} idle, ${mb(heapHeld.usedSize)} held, ${mb(heapReleased.usedSize)} released)`,
      );
    }
    console.log(`workerd process peak RSS - before: import +${mb(rssImport.hwm - rssBefore.rss)} MB, batch +${mb(rssBatch.hwm - rssBeforeBatch.rss)} MB (includes local D1/SQLite and R2 in the same process)`);

    const strip = (h) => h && { ...h, series: h.series.map((s) => [s.t, s.usedSize, s.totalSize, s.backingStorageSize]) };
    const path = writeResults('imports', at, {
      at: new Date().toISOString(),
      commit: git.commit,
      uncommittedSrcChanges: git.uncommittedSrcChanges,
      machine: machine(),
      config: { rows: ROWS, batch: BATCH, feedBytes: feed.length, columns: COLUMNS, imageLinks: false },
      import: imported.value,
      batch: batched.value,
      batchBefore: batchedBefore,
      floorRowsPerSecond,
      ratio,
      ratioAfterOnly,
      spotChecked: checked,
      lateChunkWriteProfile: { rows: profile.rows, writeMs: profile.writeMs, byStatement: profileRows, statements: profile.statements, plans: profile.plans, refreshExperiment: profile.refreshExperiment },
      memory: {
        import: imported.heap && { upload: strip(imported.heap.upload), consumer: strip(imported.heap.consumer) },
        batch: strip(batched.heap),
        chunk: { ...c, heap: strip(chunk.heap), live: chunkLive },
        workerdRss: { import: { before: rssBefore.rss, peak: rssImport.hwm }, batch: { before: rssBeforeBatch.rss, peak: rssBatch.hwm } },
      },
    });
    console.log(`\nimports: results in ${path}`);
  } finally {
    inspector?.close();
    await bench.stop();
  }
}

main().catch((err) => {
  console.error(`\nimports bench FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
