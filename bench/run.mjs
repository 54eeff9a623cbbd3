#!/usr/bin/env node
/**
 * Foundation benchmark (`npm run bench`; README.md explains the numbers). Serves the bench Worker
 * (bench/worker.ts = the real app + /__bench routes) under `wrangler dev` with a fresh local D1 and
 * measures, in one run:
 *
 *   1. products/s through POST /v1/products/batch (1,000 products of ~1.2 KB per request, sequential):
 *      20,000 creates, then the same 20,000 as updates (title and prices change, versions bump);
 *   2. the raw floor: the same rows upserted by a bare endpoint with multi-row INSERT ... ON CONFLICT
 *      (14 rows x 7 columns per statement) inside ONE db.batch() per 1,000 rows, and the ratios
 *      batch path / floor;
 *   3. p50/p99 latency of GET /health and of PUT /v1/products/{id}, both at concurrency 16.
 *
 * Batch-path and floor requests alternate (batch i, floor i, batch i+1, ...) so drift on a noisy
 * machine hits both sides alike. Every response is checked (HTTP status, job status, every item's
 * outcome and version; the floor's change counts): a failure aborts the run instead of being timed.
 *
 * Knobs (environment, defaults in brackets): BENCH_TOTAL [20000], BENCH_BATCH [1000],
 * BENCH_LATENCY_REQUESTS [2000], BENCH_CONCURRENCY [16], BENCH_KEEP=1 keeps the temporary folder,
 * BENCH_REF=<commit> measures a commit instead of the working tree, BENCH_EXPERIMENT=cross-join a
 * proposed fix of the write path's SQL (both in server.mjs).
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { makeBatches as makeSeries, makeProduct, productId } from './products.mjs';
import { createTenant, gitInfo, parseJson, request, root, startBench } from './server.mjs';

const TOTAL = int('BENCH_TOTAL', 20_000);
const BATCH = int('BENCH_BATCH', 1_000);
const LATENCY_REQUESTS = int('BENCH_LATENCY_REQUESTS', 2_000);
const CONCURRENCY = int('BENCH_CONCURRENCY', 16);
const TARGET_RATIO = 0.5;
const resultsDir = join(root, 'bench', 'results');

function int(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

const makeBatches = (prefix, count, revision) => makeSeries(prefix, count, revision, BATCH);

let base = '';
const call = (method, path, init) => request(base, method, path, init);

// ---------------------------------------------------------------------------------------------
// Throughput

/** POST /v1/products/batch; throws unless the job completed and every item is `expected` at `expectedVersion`. */
async function timedBatch(auth, products, expected, expectedVersion) {
  const body = JSON.stringify({ products });
  const started = performance.now();
  const res = await call('POST', '/v1/products/batch', { headers: auth, body });
  const ms = performance.now() - started;
  if (res.status !== 200) throw httpError('batch', res);
  const json = parseJson(res.text, 'batch');
  // `processing`: committed, with image work still running (a job covers the images it started).
  if (json.job?.status !== 'completed' && json.job?.status !== 'processing') {
    throw new Error(`batch: job ${json.job?.id} is ${json.job?.status}, not completed or processing`);
  }
  if (!Array.isArray(json.results) || json.results.length !== products.length) {
    throw new Error(`batch: ${json.results?.length} results for ${products.length} products`);
  }
  json.results.forEach((result, i) => {
    if (!result?.ok || result.status !== expected || result.id !== products[i].id || result.version !== expectedVersion) {
      throw new Error(`batch: item ${i} is ${JSON.stringify(result)}, expected ok, ${expected}, version ${expectedVersion}`);
    }
  });
  const counts = json.job.counts ?? {};
  if (counts[expected] !== products.length || counts.succeeded !== products.length || counts.failed !== 0) {
    throw new Error(`batch: job counts ${JSON.stringify(counts)}, expected ${products.length} ${expected} and succeeded, 0 failed`);
  }
  return { ms, bytes: body.length };
}

/** The floor endpoint with the same products; `number` is the product's position (the app assigns its own). */
async function timedFloor(tenantId, products, firstNumber) {
  const body = JSON.stringify({ tenantId, products: products.map((p, i) => ({ ...p, number: firstNumber + i })) });
  const started = performance.now();
  const res = await call('POST', '/__bench/floor', { body });
  const ms = performance.now() - started;
  if (res.status !== 200) throw httpError('floor', res);
  const json = parseJson(res.text, 'floor');
  // Every row is inserted (creates) or changed (updates): one change each.
  if (!json.ok || json.rows !== products.length || json.changes !== products.length) {
    throw new Error(`floor: ${res.text.slice(0, 500)} (expected ${products.length} changes)`);
  }
  return { ms, bytes: body.length, statements: json.statements };
}

async function pairedPhase(name, auth, tenantId, batches, expected, expectedVersion, firstNumber = 0) {
  const batchTimes = [];
  const floorTimes = [];
  let number = firstNumber;
  const live = process.stdout.isTTY;
  for (const [i, products] of batches.entries()) {
    const b = await timedBatch(auth, products, expected, expectedVersion);
    const f = await timedFloor(tenantId, products, number);
    number += products.length;
    batchTimes.push(b);
    floorTimes.push(f);
    if (live) process.stdout.write(`\r  ${name}: ${i + 1}/${batches.length} requests (last: batch ${b.ms.toFixed(0)} ms, floor ${f.ms.toFixed(0)} ms)   `);
  }
  if (live) process.stdout.write('\n');
  const products = batches.reduce((n, b) => n + b.length, 0);
  const result = { batch: summarize(products, batchTimes), floor: summarize(products, floorTimes) };
  console.log(`  ${name}: batch path ${result.batch.productsPerSecond} products/s, floor ${result.floor.productsPerSecond} rows/s`);
  return result;
}

/** A 503 from wrangler itself (not the app) means the runtime restarted under the request. */
function httpError(what, res) {
  const restarted = res.status === 503 && res.text.includes('restarted mid-request');
  const hint = restarted
    ? ' [the Worker runtime restarted: workerd crashed, was killed from outside, or miniflare gave up on a queue backlog; see the wrangler log]'
    : '';
  return new Error(`${what}: HTTP ${res.status}: ${res.text.slice(0, 2000)}${hint}`);
}

function summarize(products, times) {
  const perRequest = times.map((t) => t.ms);
  const totalMs = perRequest.reduce((s, ms) => s + ms, 0);
  return {
    products,
    requests: times.length,
    totalMs: round(totalMs),
    productsPerSecond: Math.round((products * 1000) / totalMs),
    requestMs: { min: round(Math.min(...perRequest)), median: round(percentile(perRequest, 50)), max: round(Math.max(...perRequest)) },
    requestBytes: Math.round(times.reduce((s, t) => s + t.bytes, 0) / times.length),
    ...(times[0]?.statements !== undefined ? { statementsPerRequest: times[0].statements } : {}),
    perRequestMs: perRequest.map(round),
  };
}

// ---------------------------------------------------------------------------------------------
// Latency

/** `count` requests, `concurrency` in flight; `send(i)` throws on a wrong answer. */
async function latency(count, concurrency, send) {
  const samples = new Array(count);
  let next = 0;
  const started = performance.now();
  async function lane() {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await send(i);
      samples[i] = performance.now() - t0;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  const wallMs = performance.now() - started;
  return {
    requests: count,
    concurrency,
    requestsPerSecond: Math.round((count * 1000) / wallMs),
    p50: round(percentile(samples, 50)),
    p90: round(percentile(samples, 90)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
  };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function round(x) {
  return Math.round(x * 10) / 10;
}

// ---------------------------------------------------------------------------------------------
// Report

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-${stamp}.log`);
  const log = createWriteStream(logPath);
  const ref = process.env.BENCH_REF || null;
  const git = gitInfo(ref);
  console.log(`bench: ${TOTAL} products in requests of ${BATCH}; latency: ${LATENCY_REQUESTS} requests at concurrency ${CONCURRENCY}`);
  console.log(`bench: code: ${ref ? `${ref} = ` : 'working tree at '}${git.commit?.slice(0, 12) ?? 'unknown commit'}${git.uncommittedSrcChanges ? ' + uncommitted changes' : ''}; wrangler log in ${logPath}`);

  const experiment = process.env.BENCH_EXPERIMENT || null;
  if (experiment) console.log(`bench: EXPERIMENT ${experiment}: the app runs with a modified DB binding, not as committed (bench/worker.ts)`);
  const server = await startBench(log, { keep: Boolean(process.env.BENCH_KEEP), ref, experiment });
  try {
    base = server.base;
    console.log(`bench: wrangler dev serving ${base} (${server.bootSeconds.toFixed(1)} s to /health), state in ${server.persistTo}`);
    const { tenantId, auth } = await createTenant(base, 'Bench tenant');
    const reset = await call('POST', '/__bench/floor/reset');
    if (reset.status !== 200) throw new Error(`floor reset: HTTP ${reset.status}: ${reset.text}`);

    const creates = makeBatches('p', TOTAL, 1);
    const updates = makeBatches('p', TOTAL, 2);
    const productBytes = Math.round(creates.flat().reduce((s, p) => s + JSON.stringify(p).length, 0) / TOTAL);
    console.log(`bench: a product is ~${productBytes} bytes of JSON; a batch request ~${(JSON.stringify({ products: creates[0] }).length / 1e6).toFixed(2)} MB`);

    // Warm-up on other ids (numbered apart on the floor side): compiles both code paths.
    await pairedPhase('warm-up creates', auth, tenantId, makeBatches('warm', BATCH, 1), 'created', 1, 1_000_000);
    await pairedPhase('warm-up updates', auth, tenantId, makeBatches('warm', BATCH, 2), 'updated', 2, 1_000_000);

    const createPhase = await pairedPhase('creates', auth, tenantId, creates, 'created', 1);
    const updatePhase = await pairedPhase('updates', auth, tenantId, updates, 'updated', 2);

    // What was stored: the floor table holds every row once at version 2; the last product is at revision 2.
    const stats = parseJson((await call('GET', '/__bench/floor/stats')).text, 'floor stats');
    const floorRows = TOTAL + BATCH;
    if (stats.rows !== floorRows || stats.versions !== 2 * floorRows) {
      throw new Error(`floor table holds ${JSON.stringify(stats)}, expected ${floorRows} rows at version 2`);
    }
    const last = updates.at(-1).at(-1);
    const spot = await call('GET', `/v1/products/${last.id}`, { headers: auth });
    const spotJson = parseJson(spot.text, 'spot check');
    if (spot.status !== 200 || spotJson.version !== 2 || spotJson.title !== last.title) {
      throw new Error(`spot check of ${last.id} failed: ${spot.status} ${spot.text.slice(0, 500)}`);
    }

    // Latency: GET /health, then PUT /v1/products/{id} replacing an existing product (-> version 3).
    const latencyCount = Math.min(LATENCY_REQUESTS, TOTAL);
    const health = async () => {
      const res = await call('GET', '/health');
      if (res.status !== 200) throw new Error(`health: HTTP ${res.status}`);
    };
    const put = (prefix) => async (i) => {
      const { id, ...body } = makeProduct(prefix, i, 3);
      const res = await call('PUT', `/v1/products/${id}`, { headers: auth, body: JSON.stringify(body) });
      if (res.status !== 200) throw httpError(`PUT ${id}`, res);
      const json = parseJson(res.text, 'PUT');
      if (json.version !== 3 || json.title !== makeProduct(prefix, i, 3).title) throw new Error(`PUT ${id}: version ${json.version}, expected 3`);
    };
    const warm = Math.min(200, BATCH);
    await latency(warm, CONCURRENCY, health);
    await latency(warm, CONCURRENCY, put('warm'));
    const healthLatency = await latency(latencyCount, CONCURRENCY, health);
    console.log(`  latency GET /health: p50 ${healthLatency.p50} ms, p99 ${healthLatency.p99} ms`);
    const putLatency = await latency(latencyCount, CONCURRENCY, put('p'));
    console.log(`  latency PUT /v1/products/{id}: p50 ${putLatency.p50} ms, p99 ${putLatency.p99} ms`);

    const images = parseJson((await call('GET', '/__bench/images')).text, 'images');
    if (Object.keys(images).length > 0) {
      console.log(`  background image ingest at the end: ${Object.entries(images).map(([status, n]) => `${n} ${status}`).join(', ')}`);
    }

    const ratio = {
      creates: Math.round((createPhase.batch.productsPerSecond / createPhase.floor.productsPerSecond) * 1000) / 1000,
      updates: Math.round((updatePhase.batch.productsPerSecond / updatePhase.floor.productsPerSecond) * 1000) / 1000,
    };
    const verdict = (r) => (r >= TARGET_RATIO ? 'met' : 'MISSED');

    console.log(`\nThroughput: ${TOTAL} products per phase, sequential requests of ${BATCH}${experiment ? ` (EXPERIMENT ${experiment})` : ''}\n`);
    console.log(
      table(
        ['phase', 'batch path products/s', 'floor rows/s', 'ratio', `target ${TARGET_RATIO}`, 'batch ms/request (median)', 'floor ms/request (median)'],
        [
          ['creates', createPhase.batch.productsPerSecond, createPhase.floor.productsPerSecond, ratio.creates.toFixed(3), verdict(ratio.creates), createPhase.batch.requestMs.median, createPhase.floor.requestMs.median],
          ['updates', updatePhase.batch.productsPerSecond, updatePhase.floor.productsPerSecond, ratio.updates.toFixed(3), verdict(ratio.updates), updatePhase.batch.requestMs.median, updatePhase.floor.requestMs.median],
        ],
      ),
    );
    console.log(`\nLatency: ${latencyCount} requests at concurrency ${CONCURRENCY}, milliseconds\n`);
    console.log(
      table(
        ['route', 'p50', 'p90', 'p99', 'max', 'requests/s'],
        [
          ['GET /health', healthLatency.p50, healthLatency.p90, healthLatency.p99, healthLatency.max, healthLatency.requestsPerSecond],
          ['PUT /v1/products/{id}', putLatency.p50, putLatency.p90, putLatency.p99, putLatency.max, putLatency.requestsPerSecond],
        ],
      ),
    );

    const result = {
      at: new Date().toISOString(),
      ...git,
      experiment,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version },
      config: { total: TOTAL, batch: BATCH, latencyRequests: latencyCount, concurrency: CONCURRENCY, productJsonBytes: productBytes },
      throughput: { creates: createPhase, updates: updatePhase, ratio, targetRatio: TARGET_RATIO },
      latency: { health: healthLatency, put: putLatency },
      imagesAtEnd: images,
    };
    const out = join(resultsDir, `foundation-${experiment ? `${experiment}-` : ''}${stamp}.json`);
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nbench: results in ${out}`);
  } finally {
    await server.stop();
    log.end();
  }
}

main().catch((err) => {
  console.error(`\nbench failed: ${err?.stack ?? err}`);
  process.exitCode = 1;
});
