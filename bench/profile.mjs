#!/usr/bin/env node
/**
 * Where does a 1,000-product batch spend its time? (`node bench/profile.mjs`, after `npm run setup`.)
 *
 * Serves the bench Worker like run.mjs, then sends fresh 1,000-product batches to
 * POST /__bench/profile (bench/worker.ts), which runs the service's own functions stage by stage:
 *   parse      read the JSON body only
 *   params-1   parse + ONE db.batch() binding each 200-item chunk's JSON to 1 trivial statement
 *   params-5   the same with 5 statements per chunk, as the write path binds it (transfer cost)
 *   schema     + zod BatchProductInput per item
 *   normalize  + normalizeProduct per item (image-id hashing)
 *   validate   validateProduct per item, as the batch route does
 *   write-dry  validate + writeProducts with db.batch() answered without D1 (the JS cost of the write)
 *   write      validate + writeProducts, answering each statement's D1 meta.duration and rows read/written
 *   write-x    the same with every `FROM json_each(?4) AS j JOIN products AS p` rewritten to
 *              `CROSS JOIN` (SQLite then keeps json_each as the outer loop): an experiment, src/ untouched
 * Stages are timed by this client (inside workerd the clock only moves on I/O). The tenant grows by
 * 1,000 products per write round, so costs that scale with the tenant's size show up as a trend.
 *
 * PROFILE_ROUNDS [3] write / write-x rounds; PROFILE_VERBOSE=1 prints every statement.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeBatches } from './products.mjs';
import { createTenant, parseJson, request, root, startBench } from './server.mjs';

const ROUNDS = Number(process.env.PROFILE_ROUNDS ?? 3);
const VERBOSE = Boolean(process.env.PROFILE_VERBOSE);

async function main() {
  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const log = createWriteStream(join(resultsDir, `wrangler-profile-${new Date().toISOString().replace(/[:.]/g, '-')}.log`));
  const server = await startBench(log);
  try {
    const { tenantId } = await createTenant(server.base, 'Profile tenant');
    let series = 0;
    const stage = async (name, crossJoin = false) => {
      const products = makeBatches(`s${series++}`, 1000, 1, 1000)[0];
      const body = JSON.stringify({ tenantId, products, stage: name === 'write-x' ? 'write' : name, crossJoin });
      const started = performance.now();
      const res = await request(server.base, 'POST', '/__bench/profile', { body });
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}: ${res.text.slice(0, 1000)}`);
      const json = parseJson(res.text, name);
      if (json.n !== products.length) throw new Error(`${name}: ${json.n} of ${products.length} items went through`);
      return { ms, ...json };
    };

    console.log('\nValidation stages (1,000 products, client-timed, includes the HTTP round trip):');
    const names = ['parse', 'params-1', 'params-5', 'schema', 'normalize', 'validate', 'write-dry'];
    for (const name of [...names, ...names]) {
      const r = await stage(name);
      console.log(`  ${name.padEnd(10)} ${r.ms.toFixed(0).padStart(6)} ms`);
    }

    console.log('\nWrite rounds (1,000 new products each; the tenant grows by 1,000 per round):');
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['write', 'write-x']) {
        const r = await stage(name, name === 'write-x');
        console.log(`  ${name.padEnd(8)} ${r.ms.toFixed(0).padStart(6)} ms total, D1 ${r.sqlMs.toFixed(0).padStart(5)} ms in ${r.durations.length} statements`);
        const byKind = new Map();
        for (const d of r.durations) {
          const kind = d.sql.slice(0, 40);
          const agg = byKind.get(kind) ?? { ms: 0, rows: 0, n: 0 };
          agg.ms += d.ms;
          agg.rows += d.rows;
          agg.n += 1;
          byKind.set(kind, agg);
        }
        const top = [...byKind.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, VERBOSE ? byKind.size : 5);
        for (const [kind, agg] of top) {
          console.log(`      ${agg.ms.toFixed(0).padStart(6)} ms ${String(agg.rows).padStart(9)} rows read+written  ${agg.n} x ${kind}`);
        }
      }
    }
  } finally {
    await server.stop();
    log.end();
  }
}

main().catch((err) => {
  console.error(`\nprofile failed: ${err?.stack ?? err}`);
  process.exitCode = 1;
});
