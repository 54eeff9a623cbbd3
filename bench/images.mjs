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
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PhotonImage } from '@cf-wasm/photon/node';
import { startFixtures } from './fixtures-server.mjs';
import { assertSameRuntime, findRuntime, Inspector, int, loadServer, machine, mb, percentile, resetPeakRss, resultsDir, round, rss, sleep, stamp, table, writeResults } from './harness.mjs';

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

async function pipeline(auth, fixtures, runtime) {
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
    if (settled >= TOTAL) break;
    if (performance.now() - t0 > PIPELINE_TIMEOUT_MS) throw new Error(`pipeline: not settled after ${PIPELINE_TIMEOUT_MS / 1000} s: ${JSON.stringify(times)}`);
    await sleep(200);
  }
  if (live) process.stdout.write('\n');
  const done = times.done ?? { n: 0 };
  if (done.n !== TOTAL || (times.error?.n ?? 0) > 0) throw new Error(`pipeline: expected ${TOTAL} done, got ${JSON.stringify(times)}`);
  if (done.with_derivatives !== TOTAL) throw new Error(`pipeline: ${done.with_derivatives} of ${TOTAL} images carry both derivatives`);
  const lastDoneMs = done.last_at - started;
  return {
    images: TOTAL,
    products: PRODUCTS,
    writesMs: round(writesDoneMs),
    putMsMedian: round(percentile(putMs, 50)),
    firstDoneMs: done.first_at - started,
    lastDoneMs,
    imagesPerSecond: round((TOTAL * 1000) / lastDoneMs, 2),
    steadyImagesPerSecond: round(((TOTAL - 1) * 1000) / (done.last_at - done.first_at), 2),
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

async function main() {
  if (process.argv.includes('--memory-sweep')) return memorySweep();
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-images-${at}.log`);
  const log = createWriteStream(logPath);
  const server = await loadServer();
  request = server.request;
  const git = server.gitInfo(null);

  console.log(`images: generating ${TOTAL} distinct ${WIDTH}x${HEIGHT} JPEGs and one ${BIG_WIDTH}x${BIG_HEIGHT}`);
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
  console.log(`images: fixtures ${mb(fixtureBytes)} MB (mean ${Math.round(fixtureBytes / TOTAL / 1024)} KB per image), 6 MP JPEG ${Math.round(big.length / 1024)} KB, served at ${fixtures.url}`);
  console.log(`images: code: working tree at ${git.commit?.slice(0, 12)}${git.uncommittedSrcChanges ? ' + uncommitted changes' : ''}; wrangler log in ${logPath}`);

  const bench = await server.startBench(log);
  try {
    base = bench.base;
    const runtime = findRuntime(bench.persistTo);
    console.log(`images: Worker at ${base} (workerd pid ${runtime.workerdPid}), booted in ${bench.bootSeconds.toFixed(1)} s`);

    console.log('  memory: one derivative run on the 6 MP JPEG, fresh isolate');
    const memory = await memoryRun(big, runtime);

    const { auth } = await server.createTenant(base, 'bench-images');
    console.log('  floor 1: fetch + R2 put, sequential');
    const floor1 = await floor(urls, 'a');
    console.log(`  floor 1: ${floor1.imagesPerSecond} images/s`);
    const imageRequestsBefore = fixtures.counts.imageRequests;
    const whole = await pipeline(auth, fixtures, runtime);
    const pipelineFetches = fixtures.counts.imageRequests - imageRequestsBefore;
    console.log(`  pipeline: ${whole.imagesPerSecond} images/s (${pipelineFetches} image fetches)`);
    console.log('  floor 2');
    const floor2 = await floor(urls, 'b');
    console.log(`  floor 2: ${floor2.imagesPerSecond} images/s`);
    // Where a 1 MP image's time goes inside the isolate (warm: wasm already grown by the pipeline).
    const stageRuns = [];
    for (let k = 0; k < 3; k++) stageRuns.push(await json('POST', '/__bench/ext/derivatives-memory', { headers: { 'content-type': 'image/jpeg' }, body: jpeg(WIDTH, HEIGHT, 500_000 + k) }));
    const appStages = stageRuns[0].stages.map((st, i) => [st.stage, i]).filter(([name]) => name !== 'before' && name !== 'free' && !name.startsWith('derivatives again'));
    const stageMs = Object.fromEntries(appStages.map(([name, i]) => [name, percentile(stageRuns.map((r) => r.stages[i].workerMs), 50)]));
    const splitMs = Object.fromEntries(Object.keys(stageRuns[0].breakdown ?? {}).map((k) => [k, percentile(stageRuns.map((r) => r.breakdown[k]), 50)]));
    assertSameRuntime(runtime);
    const floorMean = round((floor1.imagesPerSecond + floor2.imagesPerSecond) / 2, 2);
    const ratio = round(whole.imagesPerSecond / floorMean, 3);

    console.log(`\nThroughput: ${TOTAL} distinct ${WIDTH}x${HEIGHT} JPEGs (mean ${Math.round(fixtureBytes / TOTAL / 1024)} KB) from ${fixtures.url}\n`);
    console.log(
      table(
        ['path', 'images/s', 'seconds', 'note'],
        [
          ['whole pipeline', whole.imagesPerSecond, round(whole.lastDoneMs / 1000), `first PUT -> last image done; ${PRODUCTS} PUTs took ${round(whole.writesMs / 1000)} s; first done at ${round(whole.firstDoneMs / 1000)} s`],
          ['  steady state', whole.steadyImagesPerSecond, round((whole.lastDoneMs - whole.firstDoneMs) / 1000), 'first image done -> last image done'],
          ['floor (fetch + put)', floorMean, round((floor1.ms + floor2.ms) / 2000), `mean of ${floor1.imagesPerSecond} (before) and ${floor2.imagesPerSecond} (after), sequential`],
          ['ratio pipeline/floor', ratio, '', `the pipeline costs ${round(1 / ratio, 1)}x the bare fetch + put`],
        ],
      ),
    );
    const perImageMs = round(whole.lastDoneMs / TOTAL);
    const codecMs = Object.values(stageMs).reduce((t, x) => t + x, 0);
    console.log(`\nOne ${WIDTH}x${HEIGHT} image inside the isolate (median of 3, worker clock, warm), vs ${perImageMs} ms per image in the pipeline\n`);
    console.log(
      table(
        ['step', 'ms'],
        [
          ...Object.entries(stageMs).map(([k, v]) => [k, v]),
          ...Object.entries(splitMs).map(([k, v]) => [`  of which (second pass) ${k}`, v]),
          ['sum of the codec steps', codecMs],
          ['rest of the pipeline per image (fetch, probe, sha-256, R2, D1, events)', round(perImageMs - codecMs)],
        ],
      ),
    );
    console.log(`\nPeak memory of one derivative run: ${memory.image.width}x${memory.image.height} JPEG (${Math.round(memory.image.inputBytes / 1024)} KB; decoded RGBA ${mb(memory.image.decodedRgbaBytes)} MB), ${memory.ms} ms\n`);
    console.log(
      table(
        ['stage', 'ms (worker clock)', 'wasm memories after the stage (MB)'],
        memory.stages.map((s) => [s.stage, s.workerMs, s.wasm.map((m) => `${m.label} ${mb(m.bytes)}`).join(', ') || '(none instantiated)']),
      ),
    );
    if (memory.derivativesSplitMs) console.log(`\n6 MP derivatives split (second pass, ms): ${Object.entries(memory.derivativesSplitMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    const v8 = memory.v8;
    console.log(
      `\n${table(
        ['measure', 'MB'],
        [
          ['wasm linear memory, all instances (peak = final size)', mb(memory.wasmTotalBytes)],
          ...Object.entries(memory.wasmPeakBytes).map(([label, bytes]) => [`  ${label}`, mb(bytes)]),
          ...(v8
            ? [
                ['V8 JS heap used before -> after (no GC forced)', `${mb(v8.before.usedSize)} -> ${mb(v8.after.usedSize)}`],
                ['V8 JS heap used, peak sampled during', mb(v8.peakDuring.usedSize)],
                ['V8 array buffer backing stores before -> after', `${mb(v8.before.backingStorageSize)} -> ${mb(v8.after.backingStorageSize)}`],
              ]
            : []),
          ['workerd process RSS before', mb(memory.workerdRss.before)],
          ['workerd process peak RSS during the run (VmHWM)', mb(memory.workerdRss.peak)],
          ['  peak - before', mb(memory.workerdRss.peakDelta)],
        ],
      )}`,
    );

    const path = writeResults('images', at, {
      at: new Date().toISOString(),
      commit: git.commit,
      uncommittedSrcChanges: git.uncommittedSrcChanges,
      machine: machine(),
      config: { products: PRODUCTS, imagesPerProduct: PER_PRODUCT, width: WIDTH, height: HEIGHT, bigWidth: BIG_WIDTH, bigHeight: BIG_HEIGHT, fixtureBytes, meanImageBytes: Math.round(fixtureBytes / TOTAL), bigBytes: big.length },
      throughput: { pipeline: { ...whole, imageFetches: pipelineFetches }, floor: { runs: [floor1, floor2], imagesPerSecond: floorMean, concurrency: 1 }, ratio },
      oneImageStagesMs: stageMs,
      oneImageDerivativesSplitMs: splitMs,
      memory,
    });
    console.log(`\nimages: results in ${path}`);
  } finally {
    await bench.stop();
    await fixtures.close();
  }
}

main().catch((err) => {
  console.error(`\nimages bench FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
