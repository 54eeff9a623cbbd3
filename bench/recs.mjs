#!/usr/bin/env node
/**
 * Recommendations benchmark (`npm run bench:recs`). One fresh bench Worker under `wrangler dev`
 * (bench/server.mjs); bench-only routes in bench/recs-routes.ts.
 *
 *   1. 100,000 synthetic products (BENCH_RECS_N) of one tenant: products rows, signatures and index
 *      keys seeded through POST /__bench/recs/seed, 1,000 per request (no images are processed).
 *   2. One new product's lists, BENCH_RECS_SAMPLES times (a new product each time): its signature,
 *      similar and complementary candidates through the index, ranking, and the write of signature,
 *      keys and both lists. Reported: D1's own duration (reads + write batch), candidates scored,
 *      wall time. Alternated with the floor: one primary-key read of a signature.
 *   3. A full rebuild (POST /v1/recommendations/rebuild, the resumable queue job) of a second tenant of
 *      BENCH_RECS_REBUILD products, progress read from GET /v1/jobs/{id} until it completes; the rate
 *      and the time it implies for 100,000.
 * The machine's load average is printed beside the figures: re-run on a quiet machine to compare.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { int, loadServer, percentile, resultsDir, round, sleep, stamp, table } from './harness.mjs';

const N = int('BENCH_RECS_N', 100_000);
const SAMPLES = int('BENCH_RECS_SAMPLES', 20);
const REBUILD = int('BENCH_RECS_REBUILD', 2_000);
const SEED_CHUNK = 1_000;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  const log = createWriteStream(join(resultsDir, `wrangler-recs-${stamp()}.log`));
  const server = await loadServer();
  const bench = await server.startBench(log);
  const { base } = bench;
  const post = async (path, json, headers = {}) => {
    const res = await server.request(base, 'POST', path, { headers, body: JSON.stringify(json) });
    if (res.status >= 300) throw new Error(`${path}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    return server.parseJson(res.text, path);
  };
  try {
    const { tenantId } = await server.createTenant(base, 'bench-recs');
    const seedStart = Date.now();
    for (let from = 0; from < N; from += SEED_CHUNK) {
      await post('/__bench/recs/seed', { tenantId, from, count: Math.min(SEED_CHUNK, N - from) });
      if ((from / SEED_CHUNK) % 10 === 9) process.stdout.write(`\rseeded ${from + SEED_CHUNK} / ${N} (${round((Date.now() - seedStart) / 1000)} s)`);
    }
    console.log(`\nseeded ${N} products' signatures in ${round((Date.now() - seedStart) / 1000)} s; load ${load()}`);

    const one = [];
    const floor = [];
    for (let i = 1; i <= SAMPLES; i++) {
      floor.push((await post('/__bench/recs/floor', { tenantId, n: i * 997 })).d1Ms);
      one.push(await post('/__bench/recs/one', { tenantId, n: N + i }));
    }
    const col = (f) => one.map(f);
    const rows = [
      ['D1 time, one new product (reads + write)', round(percentile(col((r) => r.d1Ms), 50), 2), round(percentile(col((r) => r.d1Ms), 90), 2), round(Math.max(...col((r) => r.d1Ms)), 2)],
      ['  of which reads (both lists)', round(percentile(col((r) => r.readMs), 50), 2), round(percentile(col((r) => r.readMs), 90), 2), round(Math.max(...col((r) => r.readMs)), 2)],
      ['  of which the write batch', round(percentile(col((r) => r.writeMs), 50), 2), round(percentile(col((r) => r.writeMs), 90), 2), round(Math.max(...col((r) => r.writeMs)), 2)],
      ['wall time in the Worker', round(percentile(col((r) => r.wallMs), 50), 1), round(percentile(col((r) => r.wallMs), 90), 1), round(Math.max(...col((r) => r.wallMs)), 1)],
      ['floor: one PK read of a signature', round(percentile(floor, 50), 3), round(percentile(floor, 90), 3), round(Math.max(...floor), 3)],
    ];
    console.log(`\nOne new product's lists in a tenant of ${N} products (${SAMPLES} samples, ms); load ${load()}`);
    console.log(table(['what', 'p50', 'p90', 'max'], rows));
    console.log(`candidates scored per list (median): similar ${percentile(col((r) => r.candidates.similar), 50)}, complementary ${percentile(col((r) => r.candidates.complementary), 50)}; list lengths: ${one[0].listed.similar} / ${one[0].listed.complementary}`);
    console.log(`target: <= 100 ms of D1 time: ${percentile(col((r) => r.d1Ms), 90) <= 100 ? 'met at p90' : 'MISSED at p90'}`);

    // The rebuild, on its own tenant so its size is known.
    const rebuildTenant = await server.createTenant(base, 'bench-recs-rebuild');
    for (let from = 0; from < REBUILD; from += SEED_CHUNK) await post('/__bench/recs/seed', { tenantId: rebuildTenant.tenantId, from, count: Math.min(SEED_CHUNK, REBUILD - from) });
    const started = Date.now();
    const { jobId } = await post('/v1/recommendations/rebuild', {}, rebuildTenant.auth);
    let job;
    for (;;) {
      const res = await server.request(base, 'GET', `/v1/jobs/${jobId}`, { headers: rebuildTenant.auth });
      job = server.parseJson(res.text, 'job');
      process.stdout.write(`\rrebuild ${job.status}: ${job.counts?.succeeded ?? job.succeeded ?? '?'} / ${job.counts?.total ?? job.total ?? '?'} steps`);
      if (job.status !== 'processing' && job.status !== 'pending') break;
      await sleep(1000);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`\nrebuild of ${REBUILD} products: ${job.status} in ${round(seconds)} s = ${round(REBUILD / seconds)} products/s (signatures, then lists); 100,000 would take ~${round(100_000 / (REBUILD / seconds) / 60)} min at this rate; load ${load()}`);
  } finally {
    await bench.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
