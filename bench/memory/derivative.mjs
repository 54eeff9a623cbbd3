#!/usr/bin/env node
/**
 * Memory budget of one image derivative run (memoryBudgetsMB.imageDerivative in src/config.ts), measured at
 * the largest input the decode budget (AppOptions.images.maxDecodePixels) lets into the isolate.
 *
 * Each input runs first thing in its own fresh bench Worker (bench/server.mjs under `wrangler dev`):
 * POST /__bench/ext/derivatives-memory?split=0 runs the app's own steps (probe, decode as the app
 * routes it, the derivatives processor with its WebP encodes and R2 puts, dhash) and answers every
 * wasm memory's size after each step. Around it, the isolate's V8 heap is sampled through the
 * inspector (Runtime.getHeapUsage) and the workerd process's peak RSS (VmHWM, reset first) is read.
 *
 * The isolate's peak = wasm linear memory (it only grows, so its final size is its peak) + the V8
 * heap's sampled peak (used + array-buffer backing stores). Workerd's peak RSS delta is printed as
 * a cross-check (it includes the runtime's own allocations, so it reads higher).
 *
 * Inputs: the largest 3:2 JPEG within the limit (the everyday photo), the largest 16-bit RGBA PNG
 * within it (8 bytes per pixel: counted at twice its area), and, for information, a 12 MP phone
 * photo, which goes through the Images binding (locally Sharp on the host, so only the isolate's
 * side of it is meaningful here).
 *
 * Prints human lines, then last one line: RESULT {"unit":"image derivative",...,"peakMB":N,"budgetMB":96}
 * (the largest peak of the inputs the limit admits). Knobs: BENCH_PORT, BENCH_INSPECTOR_PORT.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PhotonImage } from '@cf-wasm/photon/node';
import { assertSameRuntime, findRuntime, Inspector, loadServer, machine, mb, resetPeakRss, resultsDir, round, rss, stamp, table, writeResults } from '../harness.mjs';

/** Photo-like RGBA: gradients, soft blobs and sensor-like noise (so codecs do real work). */
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
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = (x / width) * 200;
      let g = (y / height) * 200;
      let b = ((x + y) / (width + height)) * 200;
      for (const blob of blobs) {
        const d2 = ((x - blob.x) ** 2 + (y - blob.y) ** 2) / (blob.r * blob.r);
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

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4);
  let crc = 0xffffffff;
  for (const byte of Buffer.concat([head.subarray(4), data])) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}

/** A 16-bit RGBA PNG of the photo-like picture (each 8-bit sample widened, low byte = high byte). */
function png16(width, height, seed) {
  const rgba = photoLike(width, height, seed);
  const raw = Buffer.alloc(height * (1 + width * 8));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 8);
    for (let i = 0; i < width * 4; i++) {
      const v = rgba[y * width * 4 + i];
      raw[row + 1 + i * 2] = v;
      raw[row + 2 + i * 2] = v;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 16;
  ihdr[9] = 6;
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 6 })), pngChunk('IEND', Buffer.alloc(0))]));
}

/** The largest w x h of aspect `ratio` (w / h) whose cost (area x weight) stays within `maxPixels`. */
function largestWithin(maxPixels, ratio, weight = 1) {
  let height = Math.floor(Math.sqrt(maxPixels / weight / ratio));
  let width = Math.floor(height * ratio);
  while (width * height * weight > maxPixels) width -= 1;
  while ((width + 1) * height * weight <= maxPixels) width += 1;
  return { width, height };
}

async function measure(server, log, label, bytes, contentType) {
  const bench = await server.startBench(log);
  try {
    const runtime = findRuntime(bench.persistTo);
    const inspector = await Inspector.connect(runtime.inspectorPort);
    const heapBefore = await inspector.heap();
    const rssBefore = rss(runtime.workerdPid);
    resetPeakRss(runtime.workerdPid);
    const stop = inspector.sample(20);
    const started = performance.now();
    const res = await server.request(bench.base, 'POST', '/__bench/ext/derivatives-memory?split=0', { headers: { 'content-type': contentType }, body: bytes });
    const ms = performance.now() - started;
    const sampled = await stop();
    const rssAfter = rss(runtime.workerdPid);
    inspector.close();
    assertSameRuntime(runtime);
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
    const out = JSON.parse(res.text);
    if (!out.ok || !out.results?.derivatives?.medium || !out.results?.dhash?.hash) throw new Error(`${label}: ${res.text.slice(0, 1000)}`);
    const wasm = {};
    for (const stage of out.stages) for (const m of stage.wasm) wasm[m.label] = Math.max(wasm[m.label] ?? 0, m.bytes);
    const wasmBytes = Object.values(wasm).reduce((s, n) => s + n, 0);
    const heapPeak = Math.max(sampled.peakUsedPlusBacking, (heapBefore?.usedSize ?? 0) + (heapBefore?.backingStorageSize ?? 0));
    return {
      label,
      probe: out.probe,
      inputBytes: out.inputBytes,
      withinLimits: out.withinLimits,
      limitError: out.limitError,
      ms: round(ms),
      wasm,
      wasmBytes,
      heapPeakBytes: heapPeak,
      heapSamples: sampled.samples,
      peakBytes: wasmBytes + heapPeak,
      workerdRss: { before: rssBefore.rss, peak: rssAfter.hwm, peakDelta: rssAfter.hwm - rssBefore.rss },
      stages: out.stages.map((s) => ({ stage: s.stage, workerMs: s.workerMs })),
      medium: out.results.derivatives.medium,
    };
  } finally {
    await bench.stop();
  }
}

async function limitsOf(server, log) {
  const bench = await server.startBench(log);
  try {
    const res = await server.request(bench.base, 'GET', '/__bench/ext/limits');
    if (res.status !== 200) throw new Error(`limits: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
    return JSON.parse(res.text);
  } finally {
    await bench.stop();
  }
}

async function main() {
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-memory-derivative-${at}.log`);
  const log = createWriteStream(logPath);
  const server = await loadServer();
  const git = server.gitInfo(null);

  const limits = await limitsOf(server, log);
  const maxPixels = limits.images.maxDecodePixels;
  const budgetMB = limits.memoryBudgetMB.imageDerivative;
  const photo = largestWithin(maxPixels, 3 / 2);
  const deep = largestWithin(maxPixels, 1, 2);
  console.log(`memory/derivative: decode budget ${maxPixels} pixels, memory budget ${budgetMB} MB, Images binding ${limits.imageTransforms ? 'bound' : 'not bound'}; wrangler log in ${logPath}`);

  const inputs = [
    { label: `${photo.width}x${photo.height} JPEG (${round((photo.width * photo.height) / 1e6, 2)} MP, the largest the limit admits)`, bytes: jpeg(photo.width, photo.height, 7), type: 'image/jpeg', admitted: true },
    { label: `${deep.width}x${deep.height} 16-bit RGBA PNG (counted at 2x: ${round((2 * deep.width * deep.height) / 1e6, 2)} MP)`, bytes: png16(deep.width, deep.height, 11), type: 'image/png', admitted: true },
  ];
  if (limits.imageTransforms) inputs.push({ label: '4000x3000 JPEG (12 MP phone photo, via the Images binding)', bytes: jpeg(4000, 3000, 13), type: 'image/jpeg', admitted: false });

  const runs = [];
  for (const input of inputs) {
    console.log(`  ${input.label}: ${Math.round(input.bytes.length / 1024)} KB, fresh Worker...`);
    const run = await measure(server, log, input.label, input.bytes, input.type);
    run.admitted = input.admitted;
    runs.push(run);
    console.log(`    peak ${mb(run.peakBytes)} MB (wasm ${mb(run.wasmBytes)} + V8 heap ${mb(run.heapPeakBytes)}), workerd peak RSS +${mb(run.workerdRss.peakDelta)} MB, ${run.ms} ms`);
  }

  console.log(`\nOne derivative run per fresh isolate (MB; budget ${budgetMB})\n`);
  console.log(
    table(
      ['input', 'wasm (photon, webp enc)', 'V8 heap peak', 'isolate peak', 'budget', 'workerd RSS peak - before', 'ms'],
      runs.map((r) => [r.label, `${mb(r.wasmBytes)} (${Object.entries(r.wasm).map(([k, v]) => `${k.split(' ')[0]} ${mb(v)}`).join(', ')})`, mb(r.heapPeakBytes), mb(r.peakBytes), r.admitted ? budgetMB : 'n/a (binding)', mb(r.workerdRss.peakDelta), r.ms]),
    ),
  );
  const admitted = runs.filter((r) => r.admitted);
  const worst = admitted.reduce((a, b) => (b.peakBytes > a.peakBytes ? b : a));
  const peakMB = mb(worst.peakBytes);
  console.log(`\nmeasured ${peakMB} MB vs budget ${budgetMB} MB: ${peakMB <= budgetMB ? 'within' : 'OVER'} (largest admitted input: ${worst.label})`);
  const path = writeResults('memory-derivative', at, { at: new Date().toISOString(), commit: git.commit, uncommittedSrcChanges: git.uncommittedSrcChanges, machine: machine(), limits, runs });
  console.log(`results in ${path}`);
  console.log(`RESULT ${JSON.stringify({ unit: 'image derivative', input: worst.label, peakMB, budgetMB })}`);
}

main().catch((err) => {
  console.error(`\nmemory/derivative bench FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
