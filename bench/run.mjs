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
 *   3. the statement floor: the same products validated beforehand (untimed) and written by the write
 *      path's own statements (catalog/write's writeProducts, bench/write-floor.ts) into another tenant,
 *      and the ratio batch path / statement floor (what the route adds: reading, auth, validation);
 *   4. unchanged re-sends: each update batch sent a second time (same content: every item
 *      `unchanged`), and the ratio re-send products/s / changed products/s;
 *   5. validation alone inside workerd (POST /__bench/validate, client-timed), ms per 1,000 products;
 *   6. p50/p99 latency at concurrency 16 of GET /health, PUT /v1/products/{id}, PATCH
 *      /v1/products/{id} and GeSmart's single write (POST /compat/gesmart/api/products/sync), in
 *      interleaved rounds.
 *
 * Requests of the phases alternate (batch i, re-send i, floor i, statement floor i, batch i+1, ...) so
 * drift on a noisy machine hits every side alike, and the machine's load average is printed beside the
 * figures. Every response is checked (HTTP status, job status, every item's outcome and version; the
 * floors' change counts): a failure aborts the run instead of being timed.
 *
 * Knobs (environment, defaults in brackets): BENCH_TOTAL [20000], BENCH_BATCH [1000],
 * BENCH_LATENCY_REQUESTS [2000], BENCH_CONCURRENCY [16], BENCH_IMAGES=1 keeps the 2 image URLs per
 * product (default: none, as issue 11's targets are stated), BENCH_KEEP=1 keeps the temporary folder,
 * BENCH_REF=<commit> measures a commit instead of the working tree, BENCH_EXPERIMENT=cross-join a
 * proposed fix of the write path's SQL (both in server.mjs).
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { makeBatches as makeSeries, makeProduct, productId } from './products.mjs';
import { createTenant, gitInfo, parseJson, request, root, startBench } from './server.mjs';

const TOTAL = int('BENCH_TOTAL', 20_000);
const BATCH = int('BENCH_BATCH', 1_000);
const LATENCY_REQUESTS = int('BENCH_LATENCY_REQUESTS', 2_000);
const CONCURRENCY = int('BENCH_CONCURRENCY', 16);
const IMAGES = process.env.BENCH_IMAGES === '1';
/** Issue 11: batch >= 0.5x the bare upsert and >= 0.8x the statement floor; re-sends >= 2x changed writes. */
const TARGET_RATIO = 0.5;
const TARGET_STATEMENTS = 0.8;
const TARGET_RESEND = 2;
const resultsDir = join(root, 'bench', 'results');

function int(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

/** A bench product as sent: without its image URLs unless BENCH_IMAGES=1. */
const shaped = (product) => {
  if (IMAGES) return product;
  const { images: _images, ...rest } = product;
  return rest;
};
const makeBatches = (prefix, count, revision) => makeSeries(prefix, count, revision, BATCH).map((batch) => batch.map(shaped));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

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

/** Documents validated by the app's own function, for the statement floor (untimed). */
async function prevalidate(products) {
  const res = await call('POST', '/__bench/prevalidate', { body: JSON.stringify({ products }) });
  if (res.status !== 200) throw httpError('prevalidate', res);
  return parseJson(res.text, 'prevalidate').items;
}

/** The write path's statements over pre-validated documents; throws unless every item is `expected` at `expectedVersion`. */
async function timedStatementFloor(tenantId, items, expected, expectedVersion) {
  const body = JSON.stringify({ tenantId, items });
  const started = performance.now();
  const res = await call('POST', '/__bench/write-floor', { body });
  const ms = performance.now() - started;
  if (res.status !== 200) throw httpError('statement floor', res);
  const json = parseJson(res.text, 'statement floor');
  if (json.jobStatus !== 'completed' && json.jobStatus !== 'processing') throw new Error(`statement floor: job ${json.jobStatus}`);
  if (json.outcomes?.[expected] !== items.length || json.missing !== 0 || json.versions.some((v) => v !== expectedVersion)) {
    throw new Error(`statement floor: ${res.text.slice(0, 500)} (expected ${items.length} ${expected} at version ${expectedVersion})`);
  }
  return { ms, bytes: body.length };
}

/**
 * One phase: for each batch, every step in turn (so drift hits all alike). `steps`: name -> (products,
 * prepared, number) => {ms, bytes}; `prepare` (untimed) runs once per batch before the steps.
 */
async function phase(name, batches, steps, prepare = async () => null, firstNumber = 0) {
  const times = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  let number = firstNumber;
  const live = process.stdout.isTTY;
  for (const [i, products] of batches.entries()) {
    const prepared = await prepare(products);
    const last = [];
    for (const [step, run] of Object.entries(steps)) {
      const t = await run(products, prepared, number);
      times[step].push(t);
      last.push(`${step} ${t.ms.toFixed(0)} ms`);
    }
    number += products.length;
    if (live) process.stdout.write(`\r  ${name}: ${i + 1}/${batches.length} requests (last: ${last.join(', ')})   `);
  }
  if (live) process.stdout.write('\n');
  const products = batches.reduce((n, b) => n + b.length, 0);
  const result = Object.fromEntries(Object.entries(times).map(([step, t]) => [step, summarize(products, t)]));
  console.log(`  ${name}: ${Object.entries(result).map(([step, r]) => `${step} ${r.productsPerSecond}/s`).join(', ')} (load ${load()})`);
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
    samples,
    wallMs,
    requests: count,
    concurrency,
    requestsPerSecond: Math.round((count * 1000) / wallMs),
    p50: round(percentile(samples, 50)),
    p90: round(percentile(samples, 90)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
  };
}

/** Rounds of `latency()` merged: p50/p90/p99/max over every sample, requests/s over the summed wall time. */
function merged(parts) {
  const samples = parts.flatMap((p) => p.samples);
  const wallMs = parts.reduce((s, p) => s + p.wallMs, 0);
  return {
    requests: samples.length,
    concurrency: parts[0].concurrency,
    requestsPerSecond: Math.round((samples.length * 1000) / wallMs),
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
  const loadAtStart = loadavg();
  console.log(`bench: ${TOTAL} products in requests of ${BATCH}, ${IMAGES ? 'with' : 'without'} images; latency: ${LATENCY_REQUESTS} requests at concurrency ${CONCURRENCY}; load average ${load()}`);
  console.log(`bench: code: ${ref ? `${ref} = ` : 'working tree at '}${git.commit?.slice(0, 12) ?? 'unknown commit'}${git.uncommittedSrcChanges ? ' + uncommitted changes' : ''}; wrangler log in ${logPath}`);

  const experiment = process.env.BENCH_EXPERIMENT || null;
  if (experiment) console.log(`bench: EXPERIMENT ${experiment}: the app runs with a modified DB binding, not as committed (bench/worker.ts)`);
  const server = await startBench(log, { keep: Boolean(process.env.BENCH_KEEP), ref, experiment });
  try {
    base = server.base;
    console.log(`bench: wrangler dev serving ${base} (${server.bootSeconds.toFixed(1)} s to /health), state in ${server.persistTo}`);
    const { tenantId, auth } = await createTenant(base, 'Bench tenant');
    // The statement floor writes the same ids into a tenant of its own.
    const { tenantId: floorTenantId } = await createTenant(base, 'Bench statement floor');
    const reset = await call('POST', '/__bench/floor/reset');
    if (reset.status !== 200) throw new Error(`floor reset: HTTP ${reset.status}: ${reset.text}`);

    const creates = makeBatches('p', TOTAL, 1);
    const updates = makeBatches('p', TOTAL, 2);
    const productBytes = Math.round(creates.flat().reduce((s, p) => s + JSON.stringify(p).length, 0) / TOTAL);
    console.log(`bench: a product is ~${productBytes} bytes of JSON; a batch request ~${(JSON.stringify({ products: creates[0] }).length / 1e6).toFixed(2)} MB`);

    const createSteps = {
      batch: (products) => timedBatch(auth, products, 'created', 1),
      floor: (products, _items, number) => timedFloor(tenantId, products, number),
      statements: (_products, items) => timedStatementFloor(floorTenantId, items, 'created', 1),
    };
    const updateSteps = {
      batch: (products) => timedBatch(auth, products, 'updated', 2),
      // The same batch again: same content, every item validated and left `unchanged`.
      resend: (products) => timedBatch(auth, products, 'unchanged', 2),
      floor: (products, _items, number) => timedFloor(tenantId, products, number),
      statements: (_products, items) => timedStatementFloor(floorTenantId, items, 'updated', 2),
    };
    // Warm-up on other ids (numbered apart on the floor side): compiles every code path.
    await phase('warm-up creates', makeBatches('warm', BATCH, 1), createSteps, prevalidate, 1_000_000);
    await phase('warm-up updates', makeBatches('warm', BATCH, 2), updateSteps, prevalidate, 1_000_000);

    const createPhase = await phase('creates', creates, createSteps, prevalidate);
    const updatePhase = await phase('updates', updates, updateSteps, prevalidate);

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

    // Validation alone in workerd: N rounds over 1,000 fresh products minus 0 rounds (the same
    // request without the work), alternated, client-timed.
    const validation = await validationCost(makeBatches('v', Math.min(BATCH, 1000), 1)[0]);
    console.log(`  validation in workerd: ${validation.msPer1000} ms per 1,000 products (load ${load()})`);

    // Latency: GET /health, PUT (a product at version 2 -> 3), PATCH (another, 2 -> 3) and GeSmart's
    // single write (a third, merged), each at concurrency 16, in interleaved rounds.
    const latencyCount = Math.min(LATENCY_REQUESTS, Math.floor(TOTAL / 3));
    const key = auth.authorization.slice('Bearer '.length);
    const login = await call('POST', '/compat/gesmart/api/auth/login', { body: JSON.stringify({ apiKey: key }) });
    if (login.status !== 200) throw httpError('GeSmart login', login);
    const gesmartAuth = { authorization: `Bearer ${parseJson(login.text, 'login').data.token}` };
    const health = async () => {
      const res = await call('GET', '/health');
      if (res.status !== 200) throw new Error(`health: HTTP ${res.status}`);
    };
    const put = (prefix, offset) => async (i) => {
      const { id, ...body } = shaped(makeProduct(prefix, offset + i, 3));
      const res = await call('PUT', `/v1/products/${id}`, { headers: auth, body: JSON.stringify(body) });
      if (res.status !== 200) throw httpError(`PUT ${id}`, res);
      const json = parseJson(res.text, 'PUT');
      if (json.version !== 3 || json.title !== body.title) throw new Error(`PUT ${id}: version ${json.version}, expected 3`);
    };
    const patch = (prefix, offset) => async (i) => {
      const id = productId(prefix, offset + i);
      const title = `Patched ${id}`;
      const res = await call('PATCH', `/v1/products/${id}`, { headers: { ...auth, 'content-type': 'application/merge-patch+json' }, body: JSON.stringify({ title }) });
      if (res.status !== 200) throw httpError(`PATCH ${id}`, res);
      const json = parseJson(res.text, 'PATCH');
      if (json.version !== 3 || json.title !== title) throw new Error(`PATCH ${id}: version ${json.version}, expected 3`);
    };
    const gesmart = (prefix, offset) => async (i) => {
      const reference = productId(prefix, offset + i);
      const body = { operation: 'update', reference, name: `GeSmart ${reference}`, price: 19.99, quantity: 5 };
      const res = await call('POST', '/compat/gesmart/api/products/sync', { headers: gesmartAuth, body: JSON.stringify(body) });
      if (res.status !== 200) throw httpError(`GeSmart sync ${reference}`, res);
      const json = parseJson(res.text, 'GeSmart sync');
      if (json.success !== true || json.data?.reference !== reference || json.data?.operation !== 'update') throw new Error(`GeSmart sync ${reference}: ${res.text.slice(0, 300)}`);
    };
    const warm = Math.min(200, Math.floor(BATCH / 3));
    await latency(warm, CONCURRENCY, health);
    await latency(warm, CONCURRENCY, put('warm', 0));
    await latency(warm, CONCURRENCY, patch('warm', warm));
    await latency(warm, CONCURRENCY, gesmart('warm', 2 * warm));
    const ROUNDS = 4;
    const per = Math.floor(latencyCount / ROUNDS);
    const parts = { health: [], put: [], patch: [], gesmart: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const from = r * per;
      parts.health.push(await latency(per, CONCURRENCY, health));
      parts.put.push(await latency(per, CONCURRENCY, (i) => put('p', from)(i)));
      parts.patch.push(await latency(per, CONCURRENCY, (i) => patch('p', latencyCount + from)(i)));
      parts.gesmart.push(await latency(per, CONCURRENCY, (i) => gesmart('p', 2 * latencyCount + from)(i)));
    }
    const lat = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, merged(v)]));
    console.log(`  latency p50 / p99 ms: health ${lat.health.p50} / ${lat.health.p99}, PUT ${lat.put.p50} / ${lat.put.p99}, PATCH ${lat.patch.p50} / ${lat.patch.p99}, GeSmart ${lat.gesmart.p50} / ${lat.gesmart.p99} (load ${load()})`);

    const images = parseJson((await call('GET', '/__bench/images')).text, 'images');
    if (Object.keys(images).length > 0) {
      console.log(`  background image ingest at the end: ${Object.entries(images).map(([status, n]) => `${n} ${status}`).join(', ')}`);
    }

    const r3 = (x) => Math.round(x * 1000) / 1000;
    const ratio = {
      creates: r3(createPhase.batch.productsPerSecond / createPhase.floor.productsPerSecond),
      updates: r3(updatePhase.batch.productsPerSecond / updatePhase.floor.productsPerSecond),
      createsVsStatements: r3(createPhase.batch.productsPerSecond / createPhase.statements.productsPerSecond),
      updatesVsStatements: r3(updatePhase.batch.productsPerSecond / updatePhase.statements.productsPerSecond),
      resendVsChanged: r3(updatePhase.resend.productsPerSecond / updatePhase.batch.productsPerSecond),
      putVsHealthP50: r3(lat.put.p50 / lat.health.p50),
      putVsHealthP99: r3(lat.put.p99 / lat.health.p99),
      patchVsPutP50: r3(lat.patch.p50 / lat.put.p50),
      gesmartVsPutP50: r3(lat.gesmart.p50 / lat.put.p50),
    };
    const atLeast = (r, target) => (r >= target ? 'met' : 'MISSED');
    const atMost = (r, target) => (r <= target ? 'met' : 'MISSED');

    console.log(`\nThroughput: ${TOTAL} products per phase, sequential requests of ${BATCH}, ${IMAGES ? 'with' : 'without'} images${experiment ? ` (EXPERIMENT ${experiment})` : ''}\n`);
    console.log(
      table(
        ['phase', 'batch path /s', 'bare floor /s', 'statement floor /s', 'batch / bare', 'batch / statements', 'batch ms (median)', 'bare ms', 'statements ms'],
        [createPhase, updatePhase].map((ph, k) => [
          k === 0 ? 'creates' : 'updates',
          ph.batch.productsPerSecond, ph.floor.productsPerSecond, ph.statements.productsPerSecond,
          `${(k === 0 ? ratio.creates : ratio.updates).toFixed(3)} ${atLeast(k === 0 ? ratio.creates : ratio.updates, TARGET_RATIO)}`,
          `${(k === 0 ? ratio.createsVsStatements : ratio.updatesVsStatements).toFixed(3)} ${atLeast(k === 0 ? ratio.createsVsStatements : ratio.updatesVsStatements, TARGET_STATEMENTS)}`,
          ph.batch.requestMs.median, ph.floor.requestMs.median, ph.statements.requestMs.median,
        ]),
      ),
    );
    console.log(`\nUnchanged re-sends: ${updatePhase.resend.productsPerSecond}/s vs changed ${updatePhase.batch.productsPerSecond}/s = ${ratio.resendVsChanged.toFixed(2)}x (target >= ${TARGET_RESEND}: ${atLeast(ratio.resendVsChanged, TARGET_RESEND)}); median ${updatePhase.resend.requestMs.median} vs ${updatePhase.batch.requestMs.median} ms`);
    console.log(`Validation in workerd: ${validation.msPer1000} ms per 1,000 products (target <= 30; the Node micro bench: npm run bench:validate)`);
    console.log(`\nLatency: ${per * ROUNDS} requests per route at concurrency ${CONCURRENCY} in ${ROUNDS} interleaved rounds, milliseconds\n`);
    console.log(
      table(
        ['route', 'p50', 'p90', 'p99', 'max', 'requests/s'],
        [
          ['GET /health', lat.health],
          ['PUT /v1/products/{id}', lat.put],
          ['PATCH /v1/products/{id}', lat.patch],
          ['GeSmart POST /api/products/sync', lat.gesmart],
        ].map(([name, l]) => [name, l.p50, l.p90, l.p99, l.max, l.requestsPerSecond]),
      ),
    );
    console.log(
      `\nPUT / health: p50 ${ratio.putVsHealthP50} (target <= 2.5: ${atMost(ratio.putVsHealthP50, 2.5)}), p99 ${ratio.putVsHealthP99} (target <= 3: ${atMost(ratio.putVsHealthP99, 3)}); ` +
        `PATCH / PUT p50 ${ratio.patchVsPutP50}, GeSmart / PUT p50 ${ratio.gesmartVsPutP50} (target <= 1.2: ${atMost(ratio.patchVsPutP50, 1.2)}, ${atMost(ratio.gesmartVsPutP50, 1.2)})`,
    );
    console.log(`Load average (1, 5, 15 min): at start ${loadAtStart.map((x) => x.toFixed(2)).join(' ')}, at end ${load()}`);

    const result = {
      at: new Date().toISOString(),
      ...git,
      experiment,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30), node: process.version, loadAtStart, loadAtEnd: loadavg() },
      config: { total: TOTAL, batch: BATCH, images: IMAGES, latencyRequests: per * ROUNDS, concurrency: CONCURRENCY, productJsonBytes: productBytes },
      throughput: { creates: createPhase, updates: updatePhase, ratio, targets: { bare: TARGET_RATIO, statements: TARGET_STATEMENTS, resend: TARGET_RESEND } },
      validation,
      latency: lat,
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

/** Client-timed validation of `products` inside the Worker: (N rounds - 0 rounds) / N, median of 5 pairs. */
async function validationCost(products) {
  const N = 5;
  const send = async (rounds) => {
    const body = JSON.stringify({ products, rounds });
    const started = performance.now();
    const res = await call('POST', '/__bench/validate', { body });
    const ms = performance.now() - started;
    if (res.status !== 200) throw httpError('validate', res);
    const json = parseJson(res.text, 'validate');
    if (json.valid !== rounds * products.length) throw new Error(`validate: ${res.text.slice(0, 300)}`);
    return ms;
  };
  await send(1);
  const perRound = [];
  for (let k = 0; k < 5; k++) {
    const empty = await send(0);
    const full = await send(N);
    perRound.push((full - empty) / N);
  }
  const ms = percentile(perRound, 50);
  return { products: products.length, perRoundMs: perRound.map(round), msPer1000: round((ms * 1000) / products.length) };
}

main().catch((err) => {
  console.error(`\nbench failed: ${err?.stack ?? err}`);
  process.exitCode = 1;
});
