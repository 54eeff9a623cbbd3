#!/usr/bin/env node
/**
 * A V8 CPU profile of the bench Worker's isolate while it serves `POST /v1/products/batch`
 * (`npm run bench:cpu-profile`): where the route's own time goes, per function and
 * per module, for creates, updates and unchanged re-sends of 1,000 products (the shapes bench/run.mjs
 * sends; no images unless BENCH_IMAGES=1), and for the statement floor (bench/write-floor.ts: the same
 * rows by the write path's own statements from documents validated beforehand, unprofiled).
 *
 * The bundle is unminified, so each function's line falls under one of esbuild's `// path` module
 * markers; self time is summed per function and per module (hono, zod, src/..., and workerd's own
 * `cloudflare-internal:` modules such as D1's result parsing). `(program)` is time in native code
 * outside any JS frame (D1 I/O waits are `(idle)`). Also writes the raw `.cpuprofile` files (open them
 * in Chrome DevTools) under bench/results/.
 *
 * Read it with care: under load the sampler thread is descheduled and a late sample carries the
 * whole gap, so a frame that blocks (D1's `fetch` of a write batch) collects tens of ms in one
 * sample; and with the profiler on, every console.log captures a
 * stack for the inspector: ~5-7 ms a line here against ~0.2-0.5 ms measured without it (100 lines
 * in one request), so log lines look ~20x dearer than they are. Compare a phase with its floor
 * (floor-creates, floor-updates) from the same run.
 *
 * Knobs: PROFILE_BATCHES [5] requests per profiled phase (after 2 unprofiled warm-up requests),
 * PROFILE_TOP [25] functions listed, PROFILE_INTERVAL_US [200] sampling interval, PROFILE_ALLOC=1:
 * V8's sampling heap profiler instead (bytes allocated per function and module, every object sampled
 * about once per 16 KB allocated, garbage included: what feeds the collector).
 */
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { findRuntime, Inspector, int, loadServer, resultsDir, stamp } from './harness.mjs';
import { makeBatches } from './products.mjs';

const BATCHES = int('PROFILE_BATCHES', 5);
const TOP = int('PROFILE_TOP', 25);
const INTERVAL = int('PROFILE_INTERVAL_US', 200);
const IMAGES = process.env.BENCH_IMAGES === '1';
const ALLOC = process.env.PROFILE_ALLOC === '1';
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Line (1-based) -> module path, from esbuild's `// path` markers in the unminified bundle. */
function moduleMap(bundle) {
  const lines = bundle.split('\n');
  const starts = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ ((?:node_modules|src|bench|\.\.\/)[^\s]*\.(?:m?js|ts|cjs|json))$/.exec(lines[i]);
    if (m) starts.push({ line: i + 1, path: m[1] });
  }
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(bundle preamble)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].line <= line) {
        found = starts[mid].path;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** Groups a module path: a package name for node_modules, the path for the project's own files. */
function group(path) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? m[1] : path;
}

/** Adds `amount` to a call frame's function and module (native frames by their url or name). */
function tally(f, amount, moduleOf, fns, modules) {
  const native = f.url === '' || !f.url.endsWith('worker.js');
  const mod = native ? f.url || f.functionName : group(moduleOf(f.lineNumber + 1));
  const key = `${f.functionName || '(anonymous)'} ${native ? f.url || '' : `${moduleOf(f.lineNumber + 1)}:${f.lineNumber + 1}`}`;
  fns.set(key, (fns.get(key) ?? 0) + amount);
  modules.set(mod, (modules.get(mod) ?? 0) + amount);
}

function summarize(profile, moduleOf) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (dt[i + 1] ?? dt[i] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + ms);
  }
  const fns = new Map();
  const modules = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const { callFrame: f } = byId.get(id);
    if (f.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    total += ms;
    tally(f, ms, moduleOf, fns, modules);
  }
  return { total, idle, fns, modules };
}

/** A sampling heap profile (HeapProfiler.stopSampling) -> bytes allocated per function and module. */
function summarizeAlloc(profile, moduleOf) {
  const fns = new Map();
  const modules = new Map();
  let total = 0;
  const walk = (node) => {
    const f = node.callFrame;
    const bytes = (node.selfSize ?? 0) / 1024;
    if (bytes > 0) {
      total += bytes;
      tally(f, bytes, moduleOf, fns, modules);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(profile.head);
  return { total, idle: 0, fns, modules, unit: 'KB allocated' };
}

function print(name, products, s) {
  if (s.unit) {
    const per = (kb) => ((kb / products) * 1000).toFixed(0).padStart(7);
    console.log(`\n${name}: ${per(s.total)} KB allocated per 1,000 products (sampled); load ${load()}`);
    console.log('  by module (KB per 1,000 products):');
    for (const [k, kb] of [...s.modules].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`    ${per(kb)}  ${k}`);
    console.log('  by function (KB per 1,000 products):');
    for (const [k, kb] of [...s.fns].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`    ${per(kb)}  ${k}`);
    return;
  }
  const per = (ms) => ((ms / products) * 1000).toFixed(1).padStart(7);
  console.log(`\n${name}: ${s.total.toFixed(0)} ms busy (${per(s.total)} ms per 1,000 products), ${s.idle.toFixed(0)} ms idle; load ${load()}`);
  console.log('  by module (self, ms per 1,000 products):');
  for (const [k, ms] of [...s.modules].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`    ${per(ms)}  ${k}`);
  console.log('  by function (self, ms per 1,000 products):');
  for (const [k, ms] of [...s.fns].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`    ${per(ms)}  ${k}`);
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  const at = stamp();
  const log = createWriteStream(join(resultsDir, `wrangler-cpu-profile-${at}.log`));
  const server = await loadServer();
  const bench = await server.startBench(log);
  let inspector = null;
  try {
    console.log(`cpu-profile: load at start ${load()}; ${BATCHES} requests of 1,000 per phase, sampling every ${INTERVAL} us`);
    const moduleOf = moduleMap(readFileSync(join(bench.work, 'dist', 'worker.js'), 'utf8'));
    const runtime = findRuntime(bench.persistTo);
    inspector = await Inspector.connect(runtime.inspectorPort);
    const { auth } = await server.createTenant(bench.base, 'CPU profile tenant');
    const shaped = (p) => (IMAGES ? p : { ...p, images: undefined });
    const send = async (products, expected) => {
      const res = await server.request(bench.base, 'POST', '/v1/products/batch', { headers: auth, body: JSON.stringify({ products: products.map(shaped) }) });
      if (res.status !== 200) throw new Error(`batch: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
      const json = JSON.parse(res.text);
      const bad = json.results.find((r) => r.status !== expected);
      if (bad) throw new Error(`batch: expected ${expected}, got ${JSON.stringify(bad)}`);
    };
    // The statement floor (bench/write-floor.ts): the same rows by the write path's own statements
    // from documents validated beforehand (unprofiled), into a tenant of its own.
    const floorTenant = await server.createTenant(bench.base, 'CPU profile floor tenant');
    const prevalidate = async (products) => {
      const res = await server.request(bench.base, 'POST', '/__bench/prevalidate', { body: JSON.stringify({ products: products.map(shaped) }) });
      if (res.status !== 200) throw new Error(`prevalidate: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
      return JSON.parse(res.text).items;
    };
    const floor = async (items, expected) => {
      const res = await server.request(bench.base, 'POST', '/__bench/write-floor', { body: JSON.stringify({ tenantId: floorTenant.tenantId, items }) });
      if (res.status !== 200) throw new Error(`write-floor: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
      if (JSON.parse(res.text).outcomes[expected] !== items.length) throw new Error(`write-floor: not every item ${expected}: ${res.text.slice(0, 300)}`);
    };
    const count = (BATCHES + 2) * 1000;
    const creates = makeBatches('p', count, 1, 1000);
    const updates = makeBatches('p', count, 2, 1000);
    const phases = [
      ['creates', creates, 'created', send],
      ['floor-creates', creates, 'created', floor, prevalidate],
      ['updates', updates, 'updated', send],
      ['floor-updates', updates, 'updated', floor, prevalidate],
      ['re-sends', updates, 'unchanged', send],
    ];
    await inspector.call(ALLOC ? 'HeapProfiler.enable' : 'Profiler.enable');
    if (!ALLOC) await inspector.call('Profiler.setSamplingInterval', { interval: INTERVAL });
    for (const [name, batches, expected, step, prepare = async (b) => b] of phases) {
      const inputs = [];
      for (const b of batches) inputs.push(await prepare(b));
      for (const b of inputs.slice(0, 2)) await step(b, expected);
      // includeObjectsCollectedByMajorGC/MinorGC: garbage is what this mode is after.
      if (ALLOC) await inspector.call('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      else await inspector.call('Profiler.start');
      const started = performance.now();
      for (const b of inputs.slice(2)) await step(b, expected);
      const wall = performance.now() - started;
      const result = await inspector.call(ALLOC ? 'HeapProfiler.stopSampling' : 'Profiler.stop', {}, 120_000);
      if (!result) throw new Error(`${ALLOC ? 'HeapProfiler.stopSampling' : 'Profiler.stop'} did not answer`);
      const file = join(resultsDir, `${ALLOC ? 'alloc' : 'cpu'}-${name}-${at}.${ALLOC ? 'heapprofile' : 'cpuprofile'}`);
      writeFileSync(file, JSON.stringify(result.profile));
      const products = BATCHES * 1000;
      console.log(`\n${name}: ${(wall / BATCHES).toFixed(1)} ms per request (client wall time); profile ${file}`);
      print(name, products, ALLOC ? summarizeAlloc(result.profile, moduleOf) : summarize(result.profile, moduleOf));
    }
  } finally {
    inspector?.close();
    await bench.stop();
    log.end();
  }
}

main().catch((err) => {
  console.error(`\ncpu-profile failed: ${err?.stack ?? err}`);
  process.exitCode = 1;
});
