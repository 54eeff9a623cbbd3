#!/usr/bin/env node
/**
 * Webhooks benchmark (issue "Webhooks"; bench/README.md "Webhooks benchmark"). One fresh bench Worker
 * under `wrangler dev` (bench/server.mjs); the receiver is bench/fixtures-server.mjs in this process.
 *
 *   1. A tenant and 10 webhook endpoints http://127.0.0.1:<port>/hook/<n>, each subscribed to
 *      `product.created` only, so the expected count is exact: endpoints x events.
 *   2. 10,000 events: 10 x POST /v1/products/batch of 1,000 new products (no images), one request
 *      after another, as fast as the Worker answers. Each product makes one `product.created`.
 *   3. The receiver records every delivery's arrival (Date.now() once its body is in) and the event's
 *      `timestamp` from the Standard Webhooks payload; 1 delivery in 100 (and every one of the first
 *      10) is verified on arrival with the `standardwebhooks` package and the endpoint's secret.
 *   4. Waits until endpoints x events distinct (endpoint, webhook-id) pairs have arrived.
 *   5. Paced: 1,000 more events at 100 per second (batches of 25 every 250 ms), once the burst has
 *      drained: the latency when the pipeline is not behind.
 *   Before, between and after both, the floor: POST /__bench/ext/post-floor sends 10,000 bare POSTs
 *   from the Worker to the receiver with 6 in flight (no D1, no signing): what the transport alone
 *   allows; then the same 10,000 each signed first with the app's batchSigner() (what signing adds).
 *   Floor and project alternate in one run, so the ratio compares like with like on a shared machine;
 *   the machine's load average is printed beside every figure.
 *
 * The 10 endpoints stand for 10 receivers but share 127.0.0.1, so the Worker runs with
 * WEBHOOK_HOST_CONCURRENCY=6 (BENCH_HOST_CONCURRENCY): with the default 2 per host, one host would
 * get 2 of the invocation's 6 connections and the comparison with the 6-connection floor would
 * measure the per-host cap instead of the delivery path.
 *
 * Reported: deliveries/s (all deliveries / first batch sent -> last delivery arrived; and the steady
 * rate first -> last arrival), event -> arrival latency p50/p90/p99/max, the share within 1 s, per-
 * endpoint counts, duplicates, signatures verified.
 *
 * Knobs: BENCH_EVENTS [10000], BENCH_ENDPOINTS [10], BENCH_BATCH [1000], BENCH_PACED_EVENTS [1000],
 * BENCH_PACED_RATE [100 events/s], BENCH_FLOOR_POSTS [10000], BENCH_HOST_CONCURRENCY [6], BENCH_STALL_SECONDS [180]
 * (give up when nothing arrives for that long), BENCH_KEEP=1, BENCH_FLOOR_WARMUP [2000] (uncounted POSTs before the
 * first floor), BENCH_D1_FLOOR [20000] (the delivery path's D1 statements alone; 0 skips), BENCH_CPU_PROFILE=1 (V8
 * CPU profiles of the burst and of the signed floor after it), BENCH_FLOOR_VARIANTS=1, BENCH_REF=<commit>.
 * Since run 5 the run also prints workerd's CPU per delivery / per POST (from /proc) and splits a delivery's CPU
 * into signed POST + D1 statements + the rest: the workerd thread is the bottleneck on 2 cores.
 */
import { createWriteStream, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import standardwebhooks from 'standardwebhooks';
import { startFixtures } from './fixtures-server.mjs';
import { assertSameRuntime, findRuntime, Inspector, int, loadServer, machine, percentile, resultsDir, round, sleep, stamp, table, writeResults } from './harness.mjs';

const { Webhook } = standardwebhooks;
const EVENTS = int('BENCH_EVENTS', 10_000);
const ENDPOINTS = int('BENCH_ENDPOINTS', 10);
const BATCH = int('BENCH_BATCH', 1_000);
const STALL_MS = int('BENCH_STALL_SECONDS', 180) * 1000;
const EXPECTED = EVENTS * ENDPOINTS;
const VERIFY_EVERY = 100;
const PACED_EVENTS = int('BENCH_PACED_EVENTS', 1_000);
const PACED_RATE = int('BENCH_PACED_RATE', 100);
const PACED_BATCH = Math.max(1, Math.round(PACED_RATE / 4));
const FLOOR_POSTS = int('BENCH_FLOOR_POSTS', 10_000);
const HOST_CONCURRENCY = int('BENCH_HOST_CONCURRENCY', 6);
const load = () => loadavg().map((n) => round(n, 2));
/** BENCH_CPU_PROFILE=1: a V8 CPU profile of the Worker's isolate during the burst (bench/results/*.cpuprofile + a summary). */
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE === '1';
/** BENCH_FLOOR_WARMUP [2000]: POSTs sent (bare and signed) and not counted before the first floor, so it is not timed cold. */
const FLOOR_WARMUP = int('BENCH_FLOOR_WARMUP', 2_000);
/** BENCH_D1_FLOOR [20000]: deliveries run through the delivery path's D1 statements alone (no fetch), before the burst and at the end (0: skip). */
const D1_FLOOR = process.env.BENCH_D1_FLOOR === '0' ? 0 : int('BENCH_D1_FLOOR', 20_000);

/** CPU seconds (user + system) a process has used so far, from /proc: workerd runs the Worker, D1 and the queues. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
/** CPU seconds per thread of a process, by thread name: which of workerd's threads is saturated. */
function threadCpu(pid) {
  const out = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[`${name}#${tid}`] = (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // the thread ended
    }
  }
  return out;
}
/** CPU used by workerd (total and its busiest thread) and by this process (the receiver) between two calls. */
function cpuMeter(pid) {
  const t0 = performance.now();
  const w0 = cpuSeconds(pid);
  const th0 = threadCpu(pid);
  const n0 = process.cpuUsage();
  return () => {
    const wall = (performance.now() - t0) / 1000;
    const th1 = threadCpu(pid);
    const busiest = Math.max(0, ...Object.entries(th1).map(([k, v]) => v - (th0[k] ?? 0)));
    const n1 = process.cpuUsage(n0);
    return { wallS: round(wall, 2), workerdCpuS: round(cpuSeconds(pid) - w0, 2), workerdBusiestThreadS: round(busiest, 2), receiverCpuS: round((n1.user + n1.system) / 1e6, 2) };
  };
}

/** Self time by function and by source file of a V8 CPU profile, largest first. */
function summarizeProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const fns = new Map();
  const files = new Map();
  for (const [id, us] of selfUs) {
    const f = byId.get(id).callFrame;
    const file = (f.url || '').split('/').slice(-2).join('/') || '(native)';
    const fn = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => ({ what: k, ms: Math.round(us / 1000), share: round((100 * us) / total, 1) }));
  return { totalMs: Math.round(total / 1000), functions: top(fns, 40), files: top(files, 15) };
}

let base = '';
let request;

function product(i, prefix = 'wh') {
  return {
    id: `${prefix}-${String(i).padStart(6, '0')}`,
    title: `Webhook bench product ${i}`,
    brand: 'Bench',
    color: ['Red', 'Blue', 'Green'][i % 3],
    sizes: ['S', 'M', 'L'],
    prices: { USD: { amount: `${10 + (i % 90)}.99` } },
  };
}

async function main() {
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-webhooks-${at}.log`);
  const log = createWriteStream(logPath);
  const server = await loadServer({ WEBHOOK_HOST_CONCURRENCY: String(HOST_CONCURRENCY) });
  request = server.request;
  const git = server.gitInfo(process.env.BENCH_REF || null);

  // Receiver state: arrivals, per-endpoint secrets (known once the endpoints exist).
  const secrets = new Map();
  const seen = new Set();
  const phases = { burst: { arrivals: [], perEndpoint: new Map() }, paced: { arrivals: [], perEndpoint: new Map() } };
  const types = new Map();
  let floorReceived = 0;
  let duplicates = 0;
  let verified = 0;
  let verifyFailed = 0;
  const verifyErrors = [];
  let malformed = 0;
  const onDelivery = ({ endpoint, arrivedAt, headers, body }) => {
    if (endpoint === 'floor') {
      floorReceived += 1;
      return;
    }
    const id = headers['webhook-id'];
    const key = `${endpoint} ${id}`;
    if (seen.has(key)) {
      duplicates += 1;
      return;
    }
    seen.add(key);
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      malformed += 1;
      return;
    }
    types.set(payload.type, (types.get(payload.type) ?? 0) + 1);
    const phase = phases[String(payload.data?.productId).startsWith('whp-') ? 'paced' : 'burst'];
    phase.perEndpoint.set(endpoint, (phase.perEndpoint.get(endpoint) ?? 0) + 1);
    phase.arrivals.push({ arrivedAt, eventAt: Date.parse(payload.timestamp) });
    const n = phases.burst.arrivals.length + phases.paced.arrivals.length;
    if (n <= 10 || n % VERIFY_EVERY === 0) {
      try {
        new Webhook(secrets.get(endpoint)).verify(body, {
          'webhook-id': headers['webhook-id'],
          'webhook-timestamp': headers['webhook-timestamp'],
          'webhook-signature': headers['webhook-signature'],
        });
        verified += 1;
      } catch (err) {
        verifyFailed += 1;
        if (verifyErrors.length < 5) verifyErrors.push(String(err?.message ?? err));
      }
    }
  };
  const fixtures = await startFixtures({ onDelivery });
  console.log(`webhooks: ${EVENTS} product.created events x ${ENDPOINTS} endpoints = ${EXPECTED} deliveries; receiver at ${fixtures.url}`);
  console.log(`webhooks: code: ${git.ref} at ${git.commit?.slice(0, 12)}${git.uncommittedSrcChanges ? ' + uncommitted changes' : ''}; wrangler log in ${logPath}`);

  const bench = await server.startBench(log);
  try {
    base = bench.base;
    const runtime = findRuntime(bench.persistTo);
    console.log(`webhooks: Worker at ${base} (workerd pid ${runtime.workerdPid}), booted in ${bench.bootSeconds.toFixed(1)} s`);
    const { auth, tenantId } = await server.createTenant(base, 'bench-webhooks');
    const endpointIds = [];
    for (let n = 0; n < ENDPOINTS; n++) {
      const res = await request(base, 'POST', '/v1/webhooks', { headers: auth, body: JSON.stringify({ url: `${fixtures.url}/hook/${n}`, eventTypes: ['product.created'] }) });
      if (res.status !== 201) throw new Error(`webhook ${n}: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
      secrets.set(String(n), JSON.parse(res.text).secret);
      endpointIds.push(JSON.parse(res.text).id);
    }

    // A tampered body must fail verification (the check is real).
    const tamperedRejected = await (async () => {
      const probe = new Webhook(secrets.get('0'));
      try {
        probe.verify('{"x":1}', { 'webhook-id': 'evt_x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' });
        return false;
      } catch {
        return true;
      }
    })();

    // The floor: bare POSTs from the Worker to the receiver, the delivery pool's concurrency.
    const floorBody = JSON.stringify({ type: 'product.created', timestamp: new Date().toISOString(), data: { productId: 'floor', number: 1, version: 1 } });
    const postFloor = async (secret) => {
      const received = floorReceived;
      const t = performance.now();
      const out = await request(base, 'POST', '/__bench/ext/post-floor', { body: JSON.stringify({ url: `${fixtures.url}/hook/floor`, count: FLOOR_POSTS, concurrency: 6, body: floorBody, secret }) });
      const ms = performance.now() - t;
      await sleep(200);
      if (out.status !== 200 || !JSON.parse(out.text).ok || floorReceived - received !== FLOOR_POSTS) throw new Error(`post floor: HTTP ${out.status} ${out.text.slice(0, 300)}; received ${floorReceived - received}`);
      return { posts: FLOOR_POSTS, concurrency: 6, signed: Boolean(secret), ms: round(ms), postsPerSecond: round((FLOOR_POSTS * 1000) / ms) };
    };
    const floors = [];
    let floorProfile = null;
    const startProfile = async () => {
      const inspector = await Inspector.connect(runtime.inspectorPort);
      await inspector.call('Profiler.enable');
      await inspector.call('Profiler.setSamplingInterval', { interval: 500 });
      await inspector.call('Profiler.start');
      return inspector;
    };
    const stopProfile = async (inspector, name, units) => {
      const stopped = await inspector.call('Profiler.stop', {}, 120_000);
      inspector.close();
      if (!stopped?.profile) {
        console.log(`  ${name} CPU profile: the inspector did not answer Profiler.stop`);
        return null;
      }
      const file = join(resultsDir, `webhooks-${name}-${at}.cpuprofile`);
      writeFileSync(file, JSON.stringify(stopped.profile));
      const summary = { file, ...summarizeProfile(stopped.profile) };
      const per = (ms) => round((1000 * ms) / units, 1);
      console.log(`  ${name} CPU profile of the Worker's isolate (${summary.totalMs} ms sampled, ${file}); self time, us per ${name === 'floor' ? 'POST' : 'delivery'}:`);
      for (const f of summary.files) console.log(`    ${String(f.share).padStart(5)}%  ${String(per(f.ms)).padStart(6)}  ${f.what}`);
      for (const f of summary.functions.slice(0, 30)) console.log(`    ${String(f.share).padStart(5)}%  ${String(per(f.ms)).padStart(6)}  ${f.what}`);
      return summary;
    };
    const floorPair = async (when) => {
      const meter = cpuMeter(runtime.workerdPid);
      const bare = await postFloor(undefined);
      const bareCpu = meter();
      const signedMeter = cpuMeter(runtime.workerdPid);
      // The signed floor after the burst is profiled too: the same isolate's CPU for a bare signed POST, to compare with a delivery's.
      const profiling = CPU_PROFILE && when === 'after the burst' ? await startProfile() : null;
      const signed = await postFloor(secrets.get('0'));
      const signedCpu = signedMeter();
      if (profiling) floorProfile = await stopProfile(profiling, 'floor', FLOOR_POSTS);
      const pair = { when, bare: bare.postsPerSecond, signed: signed.postsPerSecond, load: load(), cpu: { bare: bareCpu, signed: signedCpu } };
      floors.push(pair);
      const perPost = (c) => round((1000 * c.workerdCpuS) / FLOOR_POSTS, 3);
      console.log(`  floor (${when}): ${pair.bare} bare POSTs/s from the Worker to the receiver (6 in flight); ${pair.signed}/s signed first; load ${pair.load.join(' ')}; workerd CPU ${perPost(bareCpu)} / ${perPost(signedCpu)} ms per POST (busiest thread ${signedCpu.workerdBusiestThreadS} of ${signedCpu.wallS} s), receiver ${signedCpu.receiverCpuS} s`);
      return pair;
    };

    // The D1 floor: the delivery path's D1 statements alone, workerd CPU per delivery (bench-routes.ts /d1-floor).
    const d1Floors = [];
    const d1Floor = async (when) => {
      if (D1_FLOOR <= 0) return;
      const meter = cpuMeter(runtime.workerdPid);
      const out = await request(base, 'POST', '/__bench/ext/d1-floor', { body: JSON.stringify({ tenantId, endpointIds, count: D1_FLOOR, group: 500 }) });
      const cpu = meter();
      if (out.status !== 200) throw new Error(`d1 floor: HTTP ${out.status}: ${out.text.slice(0, 500)}`);
      const entry = { when, deliveries: D1_FLOOR, ...cpu, workerdMsPerDelivery: round((1000 * cpu.workerdCpuS) / D1_FLOOR, 3), perSecond: round(D1_FLOOR / cpu.wallS), load: load() };
      d1Floors.push(entry);
      console.log(`  D1 floor (${when}): ${D1_FLOOR} deliveries through the delivery statements alone (insert, claim + load, record; groups of 500): ${entry.perSecond}/s, workerd CPU ${entry.workerdMsPerDelivery} ms per delivery; load ${entry.load.join(' ')}`);
    };
    await d1Floor('before the burst');
    // Warm-up (not counted): the first floor of a fresh isolate ran at ~60% of the later ones (JIT,
    // connection set-up), which flattered the ratio (0.81 against the mean; 0.64 against the later floor alone).
    if (FLOOR_WARMUP > 0) {
      for (const secret of [undefined, secrets.get('0')]) {
        const received = floorReceived;
        const out = await request(base, 'POST', '/__bench/ext/post-floor', { body: JSON.stringify({ url: `${fixtures.url}/hook/floor`, count: FLOOR_WARMUP, concurrency: 6, body: floorBody, secret }) });
        await sleep(200);
        if (out.status !== 200 || floorReceived - received !== FLOOR_WARMUP) throw new Error(`floor warm-up: HTTP ${out.status}; received ${floorReceived - received} of ${FLOOR_WARMUP}`);
      }
    }

    // BENCH_FLOOR_VARIANTS=1: the bare floor with one of the delivery path's fetch options at a time (bench-routes.ts).
    if (process.env.BENCH_FLOOR_VARIANTS === '1') {
      for (const variant of ['none', 'timeout', 'shared', 'manual', 'body', 'none', 'timeout', 'shared', 'manual', 'body']) {
        const meter = cpuMeter(runtime.workerdPid);
        const t = performance.now();
        // At most 5,000: one request may hold 10,000 active timers (workerd's limit), and 'timeout' arms one per POST.
        const count = Math.min(FLOOR_POSTS, 5_000);
        const out = await request(base, 'POST', '/__bench/ext/post-floor', { body: JSON.stringify({ url: `${fixtures.url}/hook/floor`, count, concurrency: 6, body: floorBody, variant }) });
        const ms = performance.now() - t;
        const cpu = meter();
        if (out.status !== 200) throw new Error(`floor variant ${variant}: HTTP ${out.status}: ${out.text.slice(0, 500)}`);
        console.log(`  floor variant ${variant.padEnd(8)} ${round((count * 1000) / ms)} POSTs/s, workerd CPU ${round((1000 * cpu.workerdCpuS) / count, 3)} ms per POST`);
      }
      await sleep(500);
    }
    // Floor, burst, floor, paced, floor: each phase between two floors measured in the same run.
    await floorPair('before the burst');
    // Burst: every event written as fast as the Worker takes them.
    const profiling = CPU_PROFILE ? await startProfile() : null;
    const burst = await phase('burst', phases.burst, EVENTS, BATCH, 0, 'wh');
    if (profiling) burst.cpuProfile = await stopProfile(profiling, 'burst', EXPECTED);
    await floorPair('after the burst');
    // Paced: events at PACED_RATE per second, after the burst drained.
    const paced = await phase('paced', phases.paced, PACED_EVENTS, PACED_BATCH, Math.round((1000 * PACED_BATCH) / PACED_RATE), 'whp');
    await floorPair('after the paced phase');
    await d1Floor('at the end (~130k deliveries in the table)');
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const burstFloor = { bare: round(mean(floors.slice(0, 2).map((f) => f.bare))), signed: round(mean(floors.slice(0, 2).map((f) => f.signed))) };

    async function phase(name, state, events, batchSize, gapMs, prefix) {
      const expected = events * ENDPOINTS;
      const started = Date.now();
      const meter = cpuMeter(runtime.workerdPid);
      const batches = [];
      const live = process.stdout.isTTY;
      for (let first = 0; first < events; first += batchSize) {
        const products = Array.from({ length: Math.min(batchSize, events - first) }, (_, k) => product(first + k, prefix));
        const sentAt = Date.now();
        const res = await request(base, 'POST', '/v1/products/batch', { headers: auth, body: JSON.stringify({ products }) });
        const answeredAt = Date.now();
        if (res.status !== 200) throw new Error(`${name} batch at ${first}: HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
        const created = JSON.parse(res.text).results.filter((r) => r.ok && r.status === 'created').length;
        if (created !== products.length) throw new Error(`${name} batch at ${first}: ${created} of ${products.length} created`);
        batches.push({ sentMs: sentAt - started, ms: answeredAt - sentAt });
        if (live) process.stdout.write(`\r  ${name} writes: ${first + products.length}/${events} products; deliveries so far ${state.arrivals.length}   `);
        if (gapMs > 0) await sleep(Math.max(0, started + (first / batchSize + 1) * gapMs - Date.now()));
      }
      const writesMs = Date.now() - started;
      const loadAtStart = load();
      if (live) process.stdout.write('\n');
      console.log(`  ${name}: ${events} products in ${round(writesMs / 1000)} s (${batches.length} batches of ${batchSize}, median ${percentile(batches.map((b) => b.ms), 50)} ms)`);

      let lastCount = -1;
      let lastChange = Date.now();
      while (state.arrivals.length < expected) {
        await sleep(250);
        if (state.arrivals.length !== lastCount) {
          lastCount = state.arrivals.length;
          lastChange = Date.now();
        } else if (Date.now() - lastChange > STALL_MS) {
          throw new Error(`${name}: deliveries stalled at ${state.arrivals.length} of ${expected} for ${STALL_MS / 1000} s`);
        }
        assertSameRuntime(runtime, `the ${name} phase`);
        const elapsed = (Date.now() - started) / 1000;
        if (live) process.stdout.write(`\r  ${name} deliveries: ${state.arrivals.length}/${expected} (${round(elapsed)} s, ${Math.round(state.arrivals.length / elapsed)}/s overall)   `);
      }
      const cpu = meter();
      if (live) process.stdout.write('\n');
      // Late duplicates (a retried attempt) would show up shortly after: give them a moment.
      await sleep(2000);

      const arrivals = state.arrivals;
      const firstArrival = arrivals.reduce((m, a) => Math.min(m, a.arrivedAt), Infinity);
      const lastArrival = arrivals.reduce((m, a) => Math.max(m, a.arrivedAt), -Infinity);
      const latencies = arrivals.map((a) => a.arrivedAt - a.eventAt);
      const within1s = latencies.filter((ms) => ms <= 1000).length;
      const perSecond = {};
      for (const a of arrivals) {
        const second = Math.floor((a.arrivedAt - started) / 1000);
        perSecond[second] = (perSecond[second] ?? 0) + 1;
      }
      const endpointCounts = Object.fromEntries([...state.perEndpoint.entries()].sort((a, b) => Number(a[0]) - Number(b[0])));
      const badEndpoints = Object.entries(endpointCounts).filter(([, n]) => n !== events);
      if (badEndpoints.length > 0 || Object.keys(endpointCounts).length !== ENDPOINTS) throw new Error(`${name}: per-endpoint counts are off: ${JSON.stringify(endpointCounts)}`);
      // Drain time: from the first write until 50% / 99% / all of the phase's deliveries had arrived.
      const byArrival = arrivals.map((a) => a.arrivedAt - started).sort((x, y) => x - y);
      const drainMs = { p50: byArrival[Math.ceil(byArrival.length * 0.5) - 1], p99: byArrival[Math.ceil(byArrival.length * 0.99) - 1], all: byArrival.at(-1) };
      const result = {
        load: { atStart: loadAtStart, atEnd: load() },
        drainMs,
        events,
        deliveries: arrivals.length,
        batchSize,
        eventsPerSecondOffered: round((events * 1000) / writesMs),
        writesMs,
        batches,
        endpointCounts,
        firstArrivalMs: firstArrival - started,
        lastArrivalMs: lastArrival - started,
        deliveriesPerSecond: round((arrivals.length * 1000) / (lastArrival - started)),
        steadyDeliveriesPerSecond: round(((arrivals.length - 1) * 1000) / (lastArrival - firstArrival)),
        latencyMs: { min: percentile(latencies, 0), p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
        within1s,
        shareWithin1s: round(within1s / arrivals.length, 4),
        arrivalsPerSecond: perSecond,
        cpu: { ...cpu, workerdMsPerDelivery: round((1000 * cpu.workerdCpuS) / arrivals.length, 3) },
      };
      console.log(`  ${name}: workerd CPU ${cpu.workerdCpuS} s in ${cpu.wallS} s (${result.cpu.workerdMsPerDelivery} ms per delivery, writes and fan-out included; busiest thread ${cpu.workerdBusiestThreadS} s); receiver ${cpu.receiverCpuS} s`);
      console.log(`  ${name}: ${result.deliveriesPerSecond} deliveries/s, ${round(result.shareWithin1s * 100, 2)}% within 1 s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms; drained 50% / 99% / all in ${round(drainMs.p50 / 1000, 1)} / ${round(drainMs.p99 / 1000, 1)} / ${round(drainMs.all / 1000, 1)} s; load ${result.load.atEnd.join(' ')}`);
      return result;
    }

    if (verifyFailed > 0 || verified === 0 || !tamperedRejected) throw new Error(`signatures: ${JSON.stringify({ verified, verifyFailed, verifyErrors, tamperedRejected })}`);
    if ((types.get('product.created') ?? 0) !== (EVENTS + PACED_EVENTS) * ENDPOINTS || types.size !== 1) throw new Error(`event types: ${JSON.stringify(Object.fromEntries(types))}`);
    const signatures = { verified, failed: verifyFailed, errors: verifyErrors, tamperedRejected };

    console.log(`\nWebhooks: product.created events x ${ENDPOINTS} endpoints (local receiver, Standard Webhooks payloads)\n`);
    const row = (label, f) => [label, f(burst), f(paced)];
    console.log(
      table(
        ['measure', `burst: ${EVENTS} events`, `paced: ${PACED_EVENTS} at ${PACED_RATE}/s`],
        [
          row('deliveries (distinct endpoint x webhook-id)', (r) => r.deliveries),
          row('events offered per second', (r) => r.eventsPerSecondOffered),
          row('deliveries/s, first write -> last arrival', (r) => r.deliveriesPerSecond),
          row('deliveries/s, first -> last arrival', (r) => r.steadyDeliveriesPerSecond),
          row('last delivery arrived after (s)', (r) => round(r.lastArrivalMs / 1000, 1)),
          row('share arriving within 1 s of the event', (r) => `${round(r.shareWithin1s * 100, 2)}%`),
          row('event -> arrival p50 (ms)', (r) => r.latencyMs.p50),
          row('event -> arrival p90 (ms)', (r) => r.latencyMs.p90),
          row('event -> arrival p99 (ms)', (r) => r.latencyMs.p99),
          row('event -> arrival max (ms)', (r) => r.latencyMs.max),
          row('drained 50% after (s, from the first write)', (r) => round(r.drainMs.p50 / 1000, 2)),
          row('drained 99% after (s)', (r) => round(r.drainMs.p99 / 1000, 2)),
          row('load average (1 min) at the end', (r) => r.load.atEnd[0]),
        ],
      ),
    );
    const ratio = { ofSigned: round(burst.steadyDeliveriesPerSecond / burstFloor.signed, 3), ofBare: round(burst.steadyDeliveriesPerSecond / burstFloor.bare, 3) };
    console.log(`\nfloors (bare / signed POSTs/s, 6 in flight): ${floors.map((f) => `${f.when}: ${f.bare} / ${f.signed} (load ${f.load[0]})`).join('; ')}`);
    console.log(`burst delivery rate (first -> last arrival) ${burst.steadyDeliveriesPerSecond}/s = **${ratio.ofSigned}** of the signed floor around it (${burstFloor.signed}/s), ${ratio.ofBare} of the bare floor (${burstFloor.bare}/s); load ${load().join(' ')}`);
    // Where a delivery's workerd CPU goes, against the floors measured in this run (CPU, not wall time: the
    // workerd thread that runs the Worker, local D1 and the queues is the bottleneck on 2 cores).
    const signedCpu = round(mean(floors.slice(0, 2).map((f) => (1000 * f.cpu.signed.workerdCpuS) / FLOOR_POSTS)), 3);
    const d1Cpu = d1Floors.length > 0 ? round(mean(d1Floors.map((f) => f.workerdMsPerDelivery)), 3) : null;
    const cpuSplit = { deliveryMs: burst.cpu.workerdMsPerDelivery, signedPostMs: signedCpu, d1Ms: d1Cpu, restMs: d1Cpu === null ? null : round(burst.cpu.workerdMsPerDelivery - signedCpu - d1Cpu, 3) };
    console.log(`workerd CPU per burst delivery ${cpuSplit.deliveryMs} ms = signed POST (floor) ${cpuSplit.signedPostMs} ms${d1Cpu === null ? '' : ` + delivery D1 statements (D1 floor) ${d1Cpu} ms + the rest (fan-out reads, queue, JS glue, the product writes) ${cpuSplit.restMs} ms`}; CPU ratio signed POST / delivery ${round(signedCpu / cpuSplit.deliveryMs, 3)}`);
    console.log(`duplicates received: ${duplicates}; signatures verified with standardwebhooks: ${verified} ok, ${verifyFailed} failed (a tampered body is rejected: ${tamperedRejected})`);
    const path = writeResults('webhooks', at, {
      at: new Date().toISOString(),
      commit: git.commit,
      uncommittedSrcChanges: git.uncommittedSrcChanges,
      machine: machine(),
      config: { events: EVENTS, endpoints: ENDPOINTS, batch: BATCH, pacedEvents: PACED_EVENTS, pacedRate: PACED_RATE, floorPosts: FLOOR_POSTS, hostConcurrency: HOST_CONCURRENCY },
      floors,
      burstFloor,
      floorProfile,
      d1Floors,
      cpuSplit,
      ratio,
      burst,
      paced,
      duplicates,
      malformed,
      signatures,
    });
    console.log(`\nwebhooks: results in ${path}`);
  } finally {
    await bench.stop();
    await fixtures.close();
  }
}

main().catch((err) => {
  console.error(`\nwebhooks bench FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
