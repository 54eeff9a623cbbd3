#!/usr/bin/env node
/**
 * Recovery benchmark (bench/README.md "Recovery benchmark"): the same load twice, each on a fresh
 * local state under the `npm start` launcher (scripts/start.mjs, with its minute cron ticker):
 *
 *   no crash   load -> everything finished (import completed, no image pending, every product
 *              event delivered).
 *   crash      the same load; once the import, image ingest and deliveries are all in flight, the
 *              whole process group is SIGKILLed and the launcher started again on the same state,
 *              nothing else done by hand; -> everything finished.
 *
 * Reported: the time of each, and for the crash run restart -> serving and restart -> finished (the
 * recovery time), what was done at the kill, deliveries and duplicates (same webhook-id), failed
 * signatures. The scenario itself is bench/fault-scenario.mjs (shared with test/node/faults.test.ts).
 *
 * Knobs: BENCH_IMPORT_ROWS [10000], BENCH_IMAGES [40], BENCH_PRODUCTS [10000] (a batch of new
 * products, no images), BENCH_IMAGE_DELAY_MS [300] (the image host's latency), BENCH_TIMEOUT_SECONDS [900].
 */
import { auditDeliveries, createScenario, startLoad, waitComplete, waitMidWork } from './fault-scenario.mjs';
import { int, machine, stamp, table, writeResults } from './harness.mjs';

const LOAD = { importRows: int('BENCH_IMPORT_ROWS', 10_000), images: int('BENCH_IMAGES', 40), batchProducts: int('BENCH_PRODUCTS', 10_000) };
const IMAGE_DELAY_MS = int('BENCH_IMAGE_DELAY_MS', 300);
const TIMEOUT_MS = int('BENCH_TIMEOUT_SECONDS', 900) * 1000;
const seconds = (ms) => Math.round(ms / 100) / 10;

async function run(crash) {
  const s = await createScenario({ imageDelayMs: IMAGE_DELAY_MS });
  try {
    await s.start();
    const loadStarted = Date.now();
    const load = await startLoad(s, LOAD);
    let restart = null;
    let killedAt = null;
    if (crash) {
      killedAt = await waitMidWork(s, load, TIMEOUT_MS);
      if (!killedAt) throw new Error('the import, ingest and deliveries were never in flight together: raise BENCH_IMPORT_ROWS');
      await s.kill();
      restart = await s.start();
    }
    const result = await waitComplete(s, load, { timeoutMs: TIMEOUT_MS, intervalMs: 1_000 });
    if (!result.done) throw new Error(`${crash ? 'crash' : 'no-crash'} run did not finish within ${TIMEOUT_MS / 1000} s: ${result.why} (log: ${s.logPath})`);
    const audit = auditDeliveries(s);
    if (audit.distinct !== result.eventIds.size) throw new Error(`delivered ${audit.distinct} distinct events of ${result.eventIds.size}`);
    return {
      crash,
      totalSeconds: seconds(result.completedAt - loadStarted),
      killedAt,
      restartToServingSeconds: restart ? seconds(restart.servingAt - restart.startedAt) : null,
      recoverySeconds: restart ? seconds(result.completedAt - restart.startedAt) : null,
      events: result.eventIds.size,
      deliveries: audit.total,
      duplicates: audit.duplicates,
      invalidSignatures: audit.invalid,
    };
  } finally {
    await s.close();
  }
}

async function main() {
  const at = stamp();
  console.log(`recovery bench: ${LOAD.importRows} import rows, ${LOAD.images} products with an image, ${LOAD.batchProducts} batch products`);
  const calm = await run(false);
  console.log(`no crash: ${calm.totalSeconds} s`);
  const crashed = await run(true);
  console.log(
    table(
      ['run', 'load -> finished s', 'restart -> serving s', 'restart -> finished s', 'events', 'deliveries', 'duplicates', 'bad signatures'],
      [calm, crashed].map((r) => [r.crash ? 'crash' : 'no crash', r.totalSeconds, r.restartToServingSeconds ?? '-', r.recoverySeconds ?? '-', r.events, r.deliveries, r.duplicates, r.invalidSignatures]),
    ),
  );
  console.log(`killed with ${crashed.killedAt.rowsDone} of ${LOAD.importRows} rows imported, ${crashed.killedAt.imagesFetched} of ${LOAD.images} images fetched, ${crashed.killedAt.deliveries} deliveries made`);
  console.log(`results: ${writeResults('recovery', at, { at, machine: machine(), load: LOAD, imageDelayMs: IMAGE_DELAY_MS, runs: [calm, crashed] })}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
