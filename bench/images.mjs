#!/usr/bin/env node
/**
 * Images benchmark (issue "Images"; bench/README.md "Images benchmark"). One run, one fresh bench
 * Worker under `wrangler dev` (bench/server.mjs), images served by bench/fixtures-server.mjs:
 *
 *   1. Peak memory of ONE derivative run on a 6 MP JPEG (3000x2000), first thing in a fresh isolate:
 *      POST /__bench/ext/derivatives-memory runs the app's own steps (decodeOriented, the
 *      derivatives processor with its WebP encodes and R2 puts, dhash) and answers every wasm
 *      memory's size after each step; around it this script reads the isolate's V8 heap through the
 *      inspector (Runtime.getHeapUsage) and the workerd process's peak RSS (VmHWM, reset first).
 *   2. The floor: POST /__bench/ext/fetch-put with the same 200 URLs the pipeline gets: a plain
 *      fetch() and R2 put() per image, one after another (the ingest consumer's concurrency: one
 *      image at a time per isolate, and the local queue hands it one batch at a time).
 *   3. The whole pipeline: 20 products x 10 distinct 1 MP JPEGs (PUT /v1/products/{id}, one after
 *      another), then polling until all 200 images are `done`; images/s = 200 / (first PUT sent ->
 *      last image's `updated_at`). Every image must end `done` with both derivatives.
 *   4. The floor again (drift check); the reported floor is the mean of the two.
 *
 * `node bench/images.mjs --memory-sweep` measures only (1), for several sizes (BENCH_MEMORY_SIZES,
 * default 1280x800,2000x1500,2449x1633,2739x1826,3000x2000), each in its own fresh Worker.
 *
 * Knobs: BENCH_PRODUCTS [20], BENCH_IMAGES_PER_PRODUCT [10], BENCH_WIDTH x BENCH_HEIGHT [1280x800],
 * BENCH_BIG_WIDTH x BENCH_BIG_HEIGHT [3000x2000], BENCH_KEEP=1 keeps the temporary folder.
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PhotonImage } from '@cf-wasm/photon/node';
import { startFixtures } from './fixtures-server.mjs';
import { assertSameRuntime, findRuntime, Inspector, int, loadServer, machine, mb, percentile, resetPeakRss, resultsDir, root, round, rss, sleep, stamp, table, writeResults } from './harness.mjs';
import { qualityTable, REFERENCE, SSIM_FLOOR } from './images-quality.mjs';

const PRODUCTS = int('BENCH_PRODUCTS', 20);
const PER_PRODUCT = int('BENCH_IMAGES_PER_PRODUCT', 10);
const WIDTH = int('BENCH_WIDTH', 1280);
const HEIGHT = int('BENCH_HEIGHT', 800);
const BIG_WIDTH = int('BENCH_BIG_WIDTH', 3000);
const BIG_HEIGHT = int('BENCH_BIG_HEIGHT', 2000);
const TOTAL = PRODUCTS * PER_PRODUCT;
const PIPELINE_TIMEOUT_MS = 30 * 60_000;

// ---------------------------------------------------------------------------------------------
// Fixtures: distinct, photo-like JPEGs (gradients, a few soft shapes, sensor-like noise)

function photoLike(width, height, seed) {
  const rgba = new Uint8Array(width * height * 4);
  let state = (seed * 2654435761) >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const blobs = Array.from({ length: 6 }, () => ({ x: random() * width, y: random() * height, r: (0.1 + random() * 0.3) * Math.min(width, height), c: [random() * 255, random() * 255, random() * 255] }));
  const tint = [random() * 80, random() * 80, random() * 80];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = (x / width) * 160 + tint[0];
      let g = (y / height) * 160 + tint[1];
      let b = ((x + y) / (width + height)) * 160 + tint[2];
      for (const blob of blobs) {
        const dx = x - blob.x;
        const dy = y - blob.y;
        const d2 = (dx * dx + dy * dy) / (blob.r * blob.r);
        if (d2 < 1) {
          const w = 1 - d2;
          r = r * (1 - w) + blob.c[0] * w;
          g = g * (1 - w) + blob.c[1] * w;
          b = b * (1 - w) + blob.c[2] * w;
        }
      }
      const noise = (random() - 0.5) * 24;
      const i = (y * width + x) * 4;
      rgba[i] = r + noise;
      rgba[i + 1] = g + noise;
      rgba[i + 2] = b + noise;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

function jpeg(width, height, seed) {
  const image = new PhotonImage(photoLike(width, height, seed), width, height);
  try {
    return image.get_bytes_jpeg(85);
  } finally {
    image.free();
  }
}

// ---------------------------------------------------------------------------------------------

let base = '';
let request;

async function call(method, path, init) {
  const res = await request(base, method, path, init);
  return res;
}

async function json(method, path, init, expected = 200) {
  const res = await call(method, path, init);
  if (res.status !== expected) throw new Error(`${method} ${path}: HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
  return JSON.parse(res.text);
}

async function floor(urls, label) {
  const started = performance.now();
  const out = await json('POST', '/__bench/ext/fetch-put', { body: JSON.stringify({ urls, prefix: `floor-${label}` }) });
  const ms = performance.now() - started;
  if (!out.ok || out.images !== urls.length) throw new Error(`floor: ${JSON.stringify(out)}`);
  return { label, images: out.images, bytes: out.bytes, ms: round(ms), workerMs: out.workerMs, imagesPerSecond: round((urls.length * 1000) / ms, 2) };
}

async function memoryRun(big, runtime) {
  const inspector = await Inspector.connect(runtime.inspectorPort).catch((err) => {
    console.warn(`  inspector unavailable (${err.message}): no V8 heap numbers`);
    return null;
  });
  const heapBefore = inspector ? await inspector.heap() : null;
  const rssBefore = rss(runtime.workerdPid);
  resetPeakRss(runtime.workerdPid);
  const stop = inspector?.sample(20);
  const started = performance.now();
  const res = await call('POST', '/__bench/ext/derivatives-memory', { headers: { 'content-type': 'image/jpeg' }, body: big });
  const ms = performance.now() - started;
  const sampled = stop ? await stop() : null;
  const rssAfter = rss(runtime.workerdPid);
  const heapAfter = inspector ? await inspector.heap() : null;
  inspector?.close();
  if (res.status !== 200) throw new Error(`derivatives-memory: HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
  const out = JSON.parse(res.text);
  if (!out.ok || !out.results?.derivatives?.medium || !out.results?.dhash?.hash) throw new Error(`derivatives-memory: ${res.text.slice(0, 1000)}`);
  const wasmPeak = {};
  for (const stage of out.stages) for (const m of stage.wasm) wasmPeak[m.label] = Math.max(wasmPeak[m.label] ?? 0, m.bytes);
  const wasmTotal = Object.values(wasmPeak).reduce((s, n) => s + n, 0);
  return {
    image: { ...out.probe, inputBytes: out.inputBytes, decodedRgbaBytes: out.decodedRgbaBytes, withinLimits: out.withinLimits },
    ms: round(ms),
    stages: out.stages,
    derivativesSplitMs: out.breakdown,
    wasmPeakBytes: wasmPeak,
    wasmTotalBytes: wasmTotal,
    v8: heapBefore && heapAfter ? { before: heapBefore, after: heapAfter, peakDuring: sampled && { samples: sampled.samples, usedSize: sampled.peakUsedSize, totalSize: sampled.peakTotalSize, backingStorageSize: sampled.peakBackingStorageSize } } : null,
    workerdRss: { before: rssBefore.rss, peak: rssAfter.hwm, after: rssAfter.rss, peakDelta: rssAfter.hwm - rssBefore.rss },
    performanceMemory: out.performanceMemory,
    results: out.results,
  };
}

async function pipeline(auth, fixtures, runtime, earlierRuns = 0) {
  // image-times counts every image of the Worker: earlier rounds' images are already settled.
  const expected = TOTAL * (earlierRuns + 1);
  const processingSamples = [];
  const started = Date.now();
  const t0 = performance.now();
  const putMs = [];
  for (let p = 0; p < PRODUCTS; p++) {
    const images = Array.from({ length: PER_PRODUCT }, (_, i) => ({ id: `i${i}`, source: { url: `${fixtures.url}/img/p${p}-${i}.jpg` } }));
    const t = performance.now();
    const res = await call('PUT', `/v1/products/bench-img-${p}`, { headers: auth, body: JSON.stringify({ title: `Bench product ${p}`, images }) });
    putMs.push(performance.now() - t);
    if (res.status !== 200 && res.status !== 201) throw new Error(`PUT product ${p}: HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
  }
  const writesDoneMs = performance.now() - t0;
  const live = process.stdout.isTTY;
  let times;
  for (;;) {
    times = await json('GET', '/__bench/ext/image-times');
    const count = (s) => times[s]?.n ?? 0;
    processingSamples.push(count('processing'));
    const settled = count('done') + count('error');
    if (live) process.stdout.write(`\r  pipeline: ${count('done')} done, ${count('error')} error, ${count('processing')} processing, ${count('pending')} pending (${round((performance.now() - t0) / 1000)} s)   `);
    assertSameRuntime(runtime, 'the pipeline');
    if (settled >= expected) break;
    if (performance.now() - t0 > PIPELINE_TIMEOUT_MS) throw new Error(`pipeline: not settled after ${PIPELINE_TIMEOUT_MS / 1000} s: ${JSON.stringify(times)}`);
    await sleep(200);
  }
  if (live) process.stdout.write('\n');
  const done = times.done ?? { n: 0 };
  if (done.n !== expected || (times.error?.n ?? 0) > 0) throw new Error(`pipeline: expected ${expected} done, got ${JSON.stringify(times)}`);
  if (done.with_derivatives !== expected) throw new Error(`pipeline: ${done.with_derivatives} of ${TOTAL} images carry both derivatives`);
  const lastDoneMs = done.last_at - started;
  return {
    images: TOTAL,
    products: PRODUCTS,
    writesMs: round(writesDoneMs),
    putMsMedian: round(percentile(putMs, 50)),
    // Only meaningful for a Worker's first round (first_at is over all its images).
    firstDoneMs: earlierRuns === 0 ? done.first_at - started : null,
    lastDoneMs,
    imagesPerSecond: round((TOTAL * 1000) / lastDoneMs, 2),
    steadyImagesPerSecond: earlierRuns === 0 ? round(((TOTAL - 1) * 1000) / (done.last_at - done.first_at), 2) : null,
    maxProcessingSeen: Math.max(...processingSamples),
  };
}

/** `--memory-sweep`: one fresh Worker (fresh isolate) per size, one derivative run each. */
async function memorySweep() {
  const sizes = (process.env.BENCH_MEMORY_SIZES || '1280x800,2000x1500,2449x1633,2739x1826,3000x2000')
    .split(',')
    .map((s) => s.trim().split('x').map(Number));
  const at = stamp();
  const logPath = join(resultsDir, `wrangler-images-memory-${at}.log`);
  mkdirSync(resultsDir, { recursive: true });
  const log = createWriteStream(logPath);
  const server = await loadServer();
  request = server.request;
  const git = server.gitInfo(null);
  console.log(`images memory sweep: ${sizes.map(([w, h]) => `${w}x${h}`).join(', ')}; one fresh Worker each; wrangler log in ${logPath}`);
  const runs = [];
  for (const [w, h] of sizes) {
    const bytes = jpeg(w, h, w * 7 + h);
    const bench = await server.startBench(log);
    try {
      base = bench.base;
      const runtime = findRuntime(bench.persistTo);
      const m = await memoryRun(bytes, runtime);
      assertSameRuntime(runtime);
      runs.push(m);
      console.log(`  ${w}x${h}: wasm ${mb(m.wasmTotalBytes)} MB (${Object.entries(m.wasmPeakBytes).map(([k, v]) => `${k.split(' ')[0]} ${mb(v)}`).join(', ')}), workerd peak RSS +${mb(m.workerdRss.peakDelta)} MB`);
    } finally {
      await bench.stop();
    }
  }
  console.log(`\nOne derivative run per fresh isolate (MB; wasm memory never shrinks, so its final size is its peak)\n`);
  console.log(
    table(
      ['image', 'MP', 'JPEG KB', 'photon wasm', 'webp wasm', 'wasm total', 'V8 heap used after', 'wasm + V8 heap', 'workerd peak RSS - before'],
      runs.map((m) => {
        const photon = m.wasmPeakBytes.photon ?? 0;
        const webp = m.wasmTotalBytes - photon;
        const heap = m.v8?.after.usedSize ?? 0;
        return [`${m.image.width}x${m.image.height}`, round((m.image.width * m.image.height) / 1e6), Math.round(m.image.inputBytes / 1024), mb(photon), mb(webp), mb(m.wasmTotalBytes), mb(heap), mb(m.wasmTotalBytes + heap), mb(m.workerdRss.peakDelta)];
      }),
    ),
  );
  const path = writeResults('images-memory', at, { at: new Date().toISOString(), commit: git.commit, uncommittedSrcChanges: git.uncommittedSrcChanges, machine: machine(), runs });
  console.log(`\nimages memory sweep: results in ${path}`);
}

/**
 * BENCH_REF=<commit>: that commit's code runs beside the working tree's, in the same run: a copy of
 * the commit (`git archive`, so the shared repository gains no worktree entry) in a temporary folder
 * with this tree's node_modules and public/ linked, started with its OWN bench/server.mjs and
 * bench routes (they import its src/), so each side is measured by the code that matches it.
 */
async function refServer(ref, work) {
  const { execFileSync } = await import('node:child_process');
  const { symlinkSync } = await import('node:fs');
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const dir = join(work, `ref-${commit.slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', '--format=tar', commit], { cwd: root, maxBuffer: 1 << 30 }) });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(root, 'public'), join(dir, 'public'));
  return { commit, module: await import(join(dir, 'bench', 'server.mjs')) };
}

/**
 * The size/quality table, for two kinds of source: the pipeline's own 1 MP photos (sensor-like noise
 * kept at 1200 px) and 2 and 4 MP ones (the downscale to 1200 px averages the noise away: smoother).
 */
async function qualityTables() {
  const groups = [
    { label: `3 x ${WIDTH}x${HEIGHT}`, sources: [1, 2, 3].map((seed) => ({ rgba: photoLike(WIDTH, HEIGHT, seed), width: WIDTH, height: HEIGHT })) },
    { label: '2 MP + 4 MP', sources: [2, 4].map((mp) => { const [w, h] = sizeFor(mp); return { rgba: photoLike(w, h, mp * 11), width: w, height: h }; }) },
  ];
  const rows = [];
  for (const group of groups) for (const row of await qualityTable(group.sources)) rows.push({ sources: group.label, ...row });
  return rows;
}

function printQuality(rows) {
  console.log(`\nWebP settings (Node, the Worker's wasm codecs; reference = q${REFERENCE.quality} m${REFERENCE.method} filter 60, the code before; passes = SSIM vs reference >= ${SSIM_FLOOR} on every image and mean SSIM vs source within 0.001 of the reference's)\n`);
  console.log(table(
    ['sources', 'variant', 'size', 'quality', 'method', 'filter', 'mean bytes', 'x ref bytes', 'encode ms', 'x faster', 'SSIM vs source', 'SSIM vs ref (min)', 'passes'],
    rows.map((r) => [r.sources, r.variant, r.size, r.quality, r.method, r.filterStrength, r.meanBytes, r.bytesVsReference, r.encodeMsMedian, r.encodeSpeedup, r.ssimVsSource, `${r.ssimVsReference} (${r.ssimVsReferenceMin})`, r.passes ? 'yes' : 'no']),
  ));
}

/** A 16:10 JPEG of about `mp` megapixels. */
function sizeFor(mp) {
  const width = Math.round(Math.sqrt(mp * 1e6 * 1.6));
  return [width, Math.round(width / 1.6)];
}

/** Per-image steps on one Worker, warm: the app's decode, derivatives and dhash (worker clock). */
async function oneImage(bytes) {
  const out = await json('POST', '/__bench/ext/derivatives-memory?split=0', { headers: { 'content-type': 'image/jpeg' }, body: bytes });
  const ms = (prefix) => out.stages.find((s) => s.stage.startsWith(prefix))?.workerMs ?? NaN;
  if (!out.ok || !out.results?.derivatives?.medium || !out.results?.dhash?.hash) return { error: JSON.stringify(out.results ?? out).slice(0, 300) };
  return { decode: ms('decode'), derivatives: ms('derivatives ('), dhash: ms('dhash'), withinLimits: out.withinLimits, medium: out.results.derivatives.medium, thumb: out.results.derivatives.thumb, dhashValue: out.results.dhash.hash };
}

async function main() {
  if (process.argv.includes('--memory-sweep')) return memorySweep();
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-images-${at}.log`);
  const log = createWriteStream(logPath);
  const server = await loadServer();
  request = server.request;
  const git = server.gitInfo(null);
  const refName = process.env.BENCH_REF || null;
  const rounds = int('BENCH_ROUNDS', refName ? 2 : 1);
  const sizesMp = (process.env.BENCH_SIZES_MP || '0.5,1,2,4').split(',').map(Number);
  const load = [];
  const loadNow = () => load.push(machine().loadAverage) && machine().loadAverage.join(' / ');

  console.log(`images: load average ${loadNow()} (1 / 5 / 15 min; 2 shared cores: compare ratios within this run, not absolutes)`);
  console.log('images: WebP size/quality table (Node, the same wasm codecs as the Worker)');
  const quality = await qualityTables();
  if (process.argv.includes('--quality')) return printQuality(quality);

  console.log(`images: generating ${TOTAL} distinct ${WIDTH}x${HEIGHT} JPEGs, one ${BIG_WIDTH}x${BIG_HEIGHT} and one per size (${sizesMp.join(', ')} MP)`);
  const fixtures = await startFixtures();
  const urls = [];
  let fixtureBytes = 0;
  for (let p = 0; p < PRODUCTS; p++) {
    for (let i = 0; i < PER_PRODUCT; i++) {
      const bytes = jpeg(WIDTH, HEIGHT, p * PER_PRODUCT + i + 1);
      fixtureBytes += bytes.length;
      fixtures.addImage(`p${p}-${i}.jpg`, bytes);
      urls.push(`${fixtures.url}/img/p${p}-${i}.jpg`);
    }
  }
  const big = jpeg(BIG_WIDTH, BIG_HEIGHT, 999_999);
  const bySize = sizesMp.map((mp) => {
    const [w, h] = sizeFor(mp);
    return { mp, width: w, height: h, bytes: jpeg(w, h, Math.round(mp * 1000) + 7) };
  });
  console.log(`images: fixtures ${mb(fixtureBytes)} MB (mean ${Math.round(fixtureBytes / TOTAL / 1024)} KB per image), served at ${fixtures.url}`);

  const work = mkdtempSync(join(tmpdir(), 'shelfsync-images-'));
  const workers = [];
  try {
    const ref = refName ? await refServer(refName, work) : null;
    // Fresh isolate first: the 6 MP memory run must be the current tree's first request.
    const current = await server.startBench(log, { ref: null });
    workers.push({ label: `this tree (${git.commit?.slice(0, 8)}${git.uncommittedSrcChanges ? ' + uncommitted' : ''})`, key: 'current', bench: current, base: current.base, runtime: findRuntime(current.persistTo) });
    if (ref) {
      // BENCH_PORT / BENCH_INSPECTOR_PORT pin the first Worker's ports; the ref takes the next ones.
      for (const name of ['BENCH_PORT', 'BENCH_INSPECTOR_PORT']) if (process.env[name]) process.env[name] = String(Number(process.env[name]) + 1);
      const bench = await ref.module.startBench(log, { ref: null });
      workers.unshift({ label: `ref ${ref.commit.slice(0, 8)}`, key: 'ref', commit: ref.commit, bench, base: bench.base, runtime: findRuntime(bench.persistTo) });
    }
    const use = (w) => {
      base = w.base;
      return w;
    };
    for (const w of workers) console.log(`images: ${w.label} at ${w.base} (workerd pid ${w.runtime.workerdPid}), booted in ${w.bench.bootSeconds.toFixed(1)} s`);

    const cur = workers.find((w) => w.key === 'current');
    use(cur);
    console.log('  memory: one derivative run on the 6 MP JPEG, fresh isolate (this tree)');
    const memory = await memoryRun(big, cur.runtime);

    // Pipelines, alternating: ref, this tree, ref, this tree, ... each with a fresh tenant (nothing deduplicated).
    const runs = [];
    const floors = [];
    use(cur);
    floors.push(await floor(urls, 'a'));
    console.log(`  floor 1: ${floors[0].imagesPerSecond} images/s`);
    for (let round = 0; round < rounds; round++) {
      for (const w of workers) {
        use(w);
        const { auth } = await server.createTenant(w.base, `bench-images-${round}`);
        const before = fixtures.counts.imageRequests;
        const whole = await pipeline(auth, fixtures, w.runtime, round);
        const fetches = fixtures.counts.imageRequests - before;
        if (fetches !== TOTAL) throw new Error(`${w.label}: ${fetches} image fetches, expected ${TOTAL}`);
        runs.push({ worker: w.key, label: w.label, round, load: loadNow(), ...whole });
        console.log(`  round ${round + 1}, ${w.label}: ${whole.imagesPerSecond} images/s (load ${runs.at(-1).load})`);
      }
    }
    use(cur);
    floors.push(await floor(urls, 'b'));
    console.log(`  floor 2: ${floors[1].imagesPerSecond} images/s`);

    // Per image by source size, warm, alternating workers, median of 3.
    const sizeRows = [];
    for (const size of bySize) {
      const samples = Object.fromEntries(workers.map((w) => [w.key, []]));
      for (let k = 0; k < 3; k++) {
        for (const w of workers) {
          use(w);
          samples[w.key].push(await oneImage(size.bytes));
        }
      }
      for (const w of workers) {
        const ok = samples[w.key].filter((s) => !s.error);
        const med = (key) => (ok.length ? percentile(ok.map((s) => s[key]), 50) : NaN);
        sizeRows.push({
          mp: size.mp, size: `${size.width}x${size.height}`, worker: w.key, label: w.label,
          path: ok.length === 0 ? `error: ${samples[w.key][0].error}` : ok[0].withinLimits && size.width * size.height <= 2_800_000 ? 'in the isolate' : 'Images binding (local: sharp), then the isolate',
          decodeMs: med('decode'), derivativesMs: med('derivatives'), dhashMs: med('dhash'), totalMs: med('decode') + med('derivatives') + med('dhash'),
          medium: ok[0] ? `${ok[0].medium.width}x${ok[0].medium.height} ${Math.round(ok[0].medium.bytes / 1024)} KB` : '',
          thumb: ok[0] ? `${ok[0].thumb.width}x${ok[0].thumb.height} ${ok[0].thumb.bytes} B` : '',
          dhash: ok[0]?.dhashValue ?? '',
        });
      }
    }
    for (const w of workers) assertSameRuntime(w.runtime);

    const floorMean = round((floors[0].imagesPerSecond + floors[1].imagesPerSecond) / 2, 2);
    const mean = (key) => {
      const mine = runs.filter((r) => r.worker === key);
      return mine.length ? round(mine.reduce((t, r) => t + r.imagesPerSecond, 0) / mine.length, 2) : null;
    };
    const speedup = ref ? round(mean('current') / mean('ref'), 2) : null;

    printQuality(quality);
    console.log(`\nThroughput: ${TOTAL} distinct ${WIDTH}x${HEIGHT} JPEGs per run, ${rounds} round(s), alternating; floor = sequential fetch + R2 put (${floors.map((f) => f.imagesPerSecond).join(' / ')} images/s, mean ${floorMean})\n`);
    console.log(table(
      ['round', 'code', 'images/s', 'seconds', 'ms per image', 'x floor', 'load avg (1/5/15)'],
      runs.map((r) => [r.round + 1, r.label, r.imagesPerSecond, round(r.lastDoneMs / 1000), round(r.lastDoneMs / TOTAL), round(r.imagesPerSecond / floorMean, 3), r.load]),
    ));
    if (ref) console.log(`\n**speed-up (mean images/s, this tree / ref): ${speedup}x** (${mean('current')} vs ${mean('ref')} images/s)`);
    console.log(`\nOne image by source size (warm, worker clock, median of 3, alternating; ms)\n`);
    console.log(table(
      ['MP', 'source', 'code', 'path', 'decode', 'derivatives', 'dhash', 'total', 'medium', 'thumb', 'dhash value'],
      sizeRows.map((r) => [r.mp, r.size, r.label, r.path, r.decodeMs, r.derivativesMs, r.dhashMs, r.totalMs, r.medium, r.thumb, r.dhash]),
    ));
    console.log(`\nPeak memory of one derivative run (this tree, fresh isolate): ${memory.image.width}x${memory.image.height} JPEG, ${memory.ms} ms; wasm ${mb(memory.wasmTotalBytes)} MB (${Object.entries(memory.wasmPeakBytes).map(([k, v]) => `${k.split(' ')[0]} ${mb(v)}`).join(', ')}), V8 heap used after ${memory.v8 ? mb(memory.v8.after.usedSize) : '?'} MB, workerd peak RSS +${mb(memory.workerdRss.peakDelta)} MB`);
    console.log(`\nimages: load average at the end ${loadNow()}. Re-run on a quiet machine for absolute numbers.`);

    const path = writeResults('images', at, {
      at: new Date().toISOString(),
      commit: git.commit,
      uncommittedSrcChanges: git.uncommittedSrcChanges,
      ref: ref ? { name: refName, commit: ref.commit } : null,
      machine: machine(),
      loadSamples: load,
      config: { products: PRODUCTS, imagesPerProduct: PER_PRODUCT, width: WIDTH, height: HEIGHT, rounds, bigWidth: BIG_WIDTH, bigHeight: BIG_HEIGHT, fixtureBytes, meanImageBytes: Math.round(fixtureBytes / TOTAL) },
      quality,
      throughput: { runs, floors, floorImagesPerSecond: floorMean, meanImagesPerSecond: { current: mean('current'), ref: mean('ref') }, speedup },
      bySize: sizeRows,
      memory,
    });
    console.log(`\nimages: results in ${path}`);
  } finally {
    for (const w of workers) await w.bench.stop();
    await fixtures.close();
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`\nimages bench FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
