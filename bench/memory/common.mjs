/**
 * What bench/memory/*.mjs share: a fresh bench Worker (bench/server.mjs through bench/harness.mjs),
 * the app's options read from it, and one request measured by the isolate's V8 heap (inspector,
 * Runtime.getHeapUsage every 10 ms: used JS heap + array-buffer backing stores) and the workerd
 * process's peak RSS (VmHWM, reset just before the request; includes local D1/R2, so it is an upper
 * bound, not the isolate's number).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRuntime, Inspector, loadServer, mb, resetPeakRss, resultsDir, rss, stamp } from '../harness.mjs';

export async function startMemoryBench(name) {
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-memory-${name}-${stamp()}.log`);
  const server = await loadServer();
  const bench = await server.startBench(createWriteStream(logPath));
  try {
    const runtime = findRuntime(bench.persistTo);
    const inspector = await Inspector.connect(runtime.inspectorPort);
    const res = await server.request(bench.base, 'GET', '/__bench/ext/options');
    const options = JSON.parse(res.text);
    const tenant = await server.createTenant(bench.base, `memory-${name}`);
    console.log(`${name}: Worker at ${bench.base} (workerd pid ${runtime.workerdPid}, booted in ${bench.bootSeconds.toFixed(1)} s); wrangler log in ${logPath}`);
    return { server, bench, runtime, inspector, options, tenant };
  } catch (err) {
    await bench.stop();
    throw err;
  }
}

/** Sends one request (body: a Buffer) and answers its status, time and memory peaks. */
export async function measure(ctx, method, path, body, headers = {}) {
  const { inspector, runtime, bench, tenant } = ctx;
  const idle = await inspector.collect();
  resetPeakRss(runtime.workerdPid);
  const rssBefore = rss(runtime.workerdPid);
  const stop = inspector.sample(10);
  const started = performance.now();
  const res = await fetch(bench.base + path, { method, headers: { ...tenant.auth, 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  const ms = performance.now() - started;
  const heap = await stop();
  const rssAfter = rss(runtime.workerdPid);
  return {
    status: res.status,
    text,
    ms: Math.round(ms),
    heapIdleMB: mb(idle.usedSize + (idle.backingStorageSize ?? 0)),
    peakMB: mb(heap.peakUsedPlusBacking),
    peakUsedMB: mb(heap.peakUsedSize),
    peakBuffersMB: mb(heap.peakBackingStorageSize),
    samples: heap.samples,
    workerdPeakDeltaMB: mb(rssAfter.hwm - rssBefore.rss),
  };
}

/** `{"k0":0,"k1":1,...}` of at most `bytes` bytes of JSON: the most objects per byte a client can send. */
export function smallKeys(bytes, prefix = 'k') {
  const out = {};
  let size = 2;
  for (let i = 0; ; i++) {
    const key = `${prefix}${i.toString(36)}`;
    const add = key.length + 5;
    if (size + add > bytes) return out;
    out[key] = i % 10;
    size += add;
  }
}

export function printRun(label, r, budgetMB) {
  console.log(`  ${label}: HTTP ${r.status} in ${r.ms} ms; isolate heap peak ${r.peakMB} MB (JS ${r.peakUsedMB} + buffers ${r.peakBuffersMB}; ${r.heapIdleMB} MB idle before; ${r.samples} samples); workerd RSS +${r.workerdPeakDeltaMB} MB; budget ${budgetMB} MB: ${r.peakMB <= budgetMB ? 'within' : 'OVER'}`);
}
