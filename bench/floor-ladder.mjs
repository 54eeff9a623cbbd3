#!/usr/bin/env node
/**
 * The floor ladder (`npm run bench:floor-ladder`): from the bare upsert to the write path's statement
 * floor one feature at a time, through the Worker's own local D1, so each feature's share of the gap
 * is a number. Per request of 1,000 products (no images), in this order, alternating:
 *
 *   bare        bench/worker.ts /__bench/floor: multi-row INSERT ... ON CONFLICT of 7 columns
 *   shape ...   bench/ladder-routes.ts: the write path's encoding and upsert into scratch copies of
 *               `products` (primary key only, + indexes, + FTS5 ...; the rungs are listed there)
 *   statements  bench/write-floor.ts: writeProducts itself (job, events, counts, outcomes) into `products`
 *
 * 20,000 creates, then the same 20,000 as updates (title and prices change). Every response is checked
 * (each rung's change count, the statement floor's outcomes and versions; at the end every table's
 * rows and versions, and a title search in each FTS rung). Ratios are to the bare upsert of the same run.
 *
 * Knobs: BENCH_TOTAL [20000], BENCH_BATCH [1000], BENCH_LOCALIZATIONS=0 (products without localizations), BENCH_RUNGS (comma-separated, default LADDER and
 * EXPERIMENTS below; e.g. `shape,idx,fts,fts:columnsize=0`), BENCH_PORT / BENCH_INSPECTOR_PORT.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { int, loadServer, machine, resultsDir, round, stamp, table, writeResults } from './harness.mjs';
import { makeBatches } from './products.mjs';

const TOTAL = int('BENCH_TOTAL', 20_000);
const BATCH = int('BENCH_BATCH', 1_000);
/** The ladder proper: each rung adds one feature to the one before; the `step` column is that feature's cost. */
const LADDER = ['shape', 'plain-idx', 'idx', 'trig-plain', 'fts'];
/**
 * Variants priced beside the ladder (no step of their own): the triggers reading the search text out
 * of `data` (before migration 0013), FTS5 options, the documents bound apart from the items, the unchanged pre-read's round trip.
 */
const EXPERIMENTS = ['fts-json', 'fts:columnsize=0', 'fts:columnsize=0+detail=column', 'fts:content=+contentless_delete=1', 'fts+docs', 'fts+preread'];
const RUNGS = (process.env.BENCH_RUNGS || [...LADDER, ...EXPERIMENTS].join(',')).split(',').filter(Boolean);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const { startBench, createTenant, request, parseJson, gitInfo } = await loadServer();
let base = '';
const call = async (path, body, what) => {
  const res = await request(base, 'POST', path, { body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
  return parseJson(res.text, what);
};
/** {ms: client time, sql: D1's meta.duration summed, as the route answers it} */
const timed = async (fn) => {
  const started = performance.now();
  const sql = await fn();
  return { ms: performance.now() - started, sql };
};

/** BENCH_LOCALIZATIONS=0: products without their two localizations (a single-locale feed). */
const LOCALIZED = process.env.BENCH_LOCALIZATIONS !== '0';
/** The bench products without images (issue 11's targets are stated without them). */
const shaped = ({ images: _images, localizations, ...rest }) => (LOCALIZED ? { ...rest, localizations } : rest);
const batches = (count, revision, prefix = 'p') => makeBatches(prefix, count, revision, BATCH).map((b) => b.map(shaped));

/** The statement floor's D1 time (meta.duration) by statement, summed over the current phase. */
let sqlTimes = {};

function steps(tenantId, expected, version) {
  const s = {
    bare: (products, _items, number) =>
      timed(async () => {
        const json = await call('/__bench/floor', { tenantId, products: products.map((p, i) => ({ ...p, number: number + i })) }, 'bare');
        if (!json.ok || json.changes !== products.length) throw new Error(`bare: ${JSON.stringify(json)}`);
        return json.sqlMs;
      }),
  };
  for (const rung of RUNGS) {
    s[rung] = (_products, items) =>
      timed(async () => {
        const json = await call('/__bench/ladder/write', { rung, items }, rung);
        // D1's `changes` counts the FTS triggers' rows too: an FTS rung changes more than one row per
        // item (its table's rows, versions and a search are checked at the end of the run).
        const ok = rung.startsWith('fts') || rung.startsWith('trig') ? json.changes >= items.length : json.changes === items.length;
        if (!json.ok || !ok) throw new Error(`${rung}: ${JSON.stringify(json)} (expected ${items.length} changes)`);
        return json.sqlMs;
      });
  }
  s.statements = (_products, items) =>
    timed(async () => {
      const json = await call('/__bench/write-floor', { tenantId, items, timings: true }, 'statements');
      for (const [head, ms] of Object.entries(json.timings ?? {})) sqlTimes[head] = (sqlTimes[head] ?? 0) + ms;
      return Object.values(json.timings ?? {}).reduce((a, b) => a + b, 0);
      if (json.outcomes?.[expected] !== items.length || json.missing !== 0 || json.versions.some((v) => v !== version)) {
        throw new Error(`statements: ${JSON.stringify(json).slice(0, 500)} (expected ${items.length} ${expected} at version ${version})`);
      }
    });
  return s;
}

async function phase(name, list, stepsOf, firstNumber) {
  const times = Object.fromEntries(Object.keys(stepsOf).map((k) => [k, []]));
  sqlTimes = {};
  let number = firstNumber;
  const order = Object.entries(stepsOf);
  for (const [i, products] of list.entries()) {
    const { items } = await call('/__bench/prevalidate', { products }, 'prevalidate');
    // The order rotates by one each request, so no step always follows the same one (GC, D1's cache).
    for (let k = 0; k < order.length; k++) {
      const [step, run] = order[(i + k) % order.length];
      times[step].push(await run(products, items, number));
    }
    number += products.length;
    if (process.stdout.isTTY) process.stdout.write(`\r  ${name}: ${i + 1}/${list.length}   `);
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  const products = list.reduce((n, b) => n + b.length, 0);
  const per1000 = (values) => round((values.reduce((a, b) => a + b, 0) * 1000) / products);
  const result = Object.fromEntries(
    Object.entries(times).map(([step, t]) => [step, { msPer1000: per1000(t.map((x) => x.ms)), sqlPer1000: per1000(t.map((x) => x.sql)), median: round([...t.map((x) => x.ms)].sort((a, b) => a - b)[Math.floor(t.length / 2)]) }]),
  );
  console.log(`  ${name}: ${Object.entries(result).map(([s, r]) => `${s} ${r.msPer1000} ms/1000`).join(', ')} (load ${load()})`);
  result.statementsSql = Object.fromEntries(Object.entries(sqlTimes).map(([head, ms]) => [head, round((ms * 1000) / products, 2)]));
  return result;
}

async function main() {
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-ladder-${at}.log`);
  const log = createWriteStream(logPath);
  const git = gitInfo(null);
  const loadAtStart = load();
  console.log(`floor-ladder: ${TOTAL} products in requests of ${BATCH}, no images, ${LOCALIZED ? 'two localizations each' : 'no localizations'}; rungs bare, ${RUNGS.join(', ')}, statements; load ${loadAtStart}`);
  const server = await startBench(log, { keep: false, ref: null, experiment: null });
  try {
    base = server.base;
    const { tenantId } = await createTenant(base, 'Ladder tenant');
    const reset = await request(base, 'POST', '/__bench/floor/reset');
    if (reset.status !== 200) throw new Error(`floor reset: ${reset.status}`);
    const setup = await call('/__bench/ladder/setup', { rungs: RUNGS }, 'setup');
    console.log(`floor-ladder: git ${git.commit?.slice(0, 12)}${git.uncommittedSrcChanges ? ' + uncommitted changes' : ''}`);
    if (process.env.BENCH_SHOW_DDL) console.log(JSON.stringify(setup.tables, null, 1));

    await phase('warm-up', batches(BATCH, 1, 'warm'), steps(tenantId, 'created', 1), 1_000_000);
    const creates = await phase('creates', batches(TOTAL, 1), steps(tenantId, 'created', 1), 0);
    const updates = await phase('updates', batches(TOTAL, 2), steps(tenantId, 'updated', 2), 0);

    // Every table holds TOTAL + BATCH rows at version 2 (warm-up rows at 1), and every FTS rung finds
    // the updated titles ("rev" is only in revision 2's titles).
    const expectRows = TOTAL + BATCH;
    const expectVersions = 2 * TOTAL + BATCH;
    const floorStats = parseJson((await request(base, 'GET', '/__bench/floor/stats')).text, 'floor stats');
    if (floorStats.rows !== expectRows || floorStats.versions !== expectVersions) throw new Error(`bare table: ${JSON.stringify(floorStats)}`);
    for (const rung of RUNGS) {
      const stats = await call('/__bench/ladder/stats', { rung, word: 'rev' }, 'stats');
      if (stats.rows !== expectRows || stats.versions !== expectVersions) throw new Error(`${rung} table: ${JSON.stringify(stats)}`);
      if (rung.startsWith('fts') && stats.matches !== TOTAL) throw new Error(`${rung}: a search for "rev*" found ${stats.matches}, expected ${TOTAL}`);
    }

    const rows = ['bare', ...RUNGS.filter((r) => LADDER.includes(r)), 'statements', ...RUNGS.filter((r) => !LADDER.includes(r))].map((step, k, all) => {
      const c = creates[step].msPer1000;
      const u = updates[step].msPer1000;
      const onLadder = (name) => name === 'bare' || name === 'statements' || LADDER.includes(name);
      const prev = k > 0 ? all.slice(0, k).filter(onLadder).at(-1) : null;
      const delta = (phaseResult, value) => (prev && onLadder(step) ? `${value >= phaseResult[prev].msPer1000 ? '+' : ''}${round(value - phaseResult[prev].msPer1000)}` : '');
      return [step, c, delta(creates, c), round(creates.bare.msPer1000 / c, 3), creates[step].sqlPer1000, u, delta(updates, u), round(updates.bare.msPer1000 / u, 3), updates[step].sqlPer1000];
    });
    console.log(`\nFloor ladder: ms per 1,000 products (client-timed, whole requests), ratio = bare / rung (products/s relative to the bare upsert);\nrows after "statements" are variants of a rung, priced beside the ladder (no step);\n"of it in D1" = the statements' own time inside D1 (meta.duration, whole ms per statement, summed)\n`);
    console.log(table(['rung', 'creates ms', 'step', 'ratio', 'of it in D1', 'updates ms', 'step', 'ratio', 'of it in D1'], rows));
    const heads = [...new Set([...Object.keys(creates.statementsSql), ...Object.keys(updates.statementsSql)])];
    const sqlRows = heads.map((h) => [h, creates.statementsSql[h] ?? '', updates.statementsSql[h] ?? '']);
    sqlRows.push(['(sum)', round(Object.values(creates.statementsSql).reduce((a, b) => a + b, 0)), round(Object.values(updates.statementsSql).reduce((a, b) => a + b, 0))]);
    console.log(`\nThe statement floor's SQL time inside D1 (meta.duration), ms per 1,000 products\n`);
    console.log(table(['statement', 'creates', 'updates'], sqlRows));
    console.log(`\nLoad average (1, 5, 15 min): at start ${loadAtStart}, at end ${load()}`);
    const out = writeResults('floor-ladder', at, { ...git, machine: machine(), config: { total: TOTAL, batch: BATCH, rungs: RUNGS, localizations: LOCALIZED }, creates, updates });
    console.log(`floor-ladder: results in ${out}`);
  } finally {
    await server.stop();
    log.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
