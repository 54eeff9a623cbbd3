#!/usr/bin/env node
/**
 * Memory of one import chunk against its budget (src/config.ts `memoryBudgetsMB.importChunk`, 96 MB:
 * headroom under the isolate's 128 MB, which `wrangler dev` does not enforce). One bench Worker under
 * `wrangler dev` (bench/server.mjs); each input is imported through POST /v1/imports into a fresh
 * tenant while the isolate's V8 heap is sampled through the inspector (bench/harness.mjs), until the
 * import settles. Inputs are the largest the limits allow: a record may take up to 8 MB (the
 * consumer's read window doubles from 512 KB until the record fits), so the worst chunk is one
 * record just under 8 MB, in each shape that costs the most per byte:
 *
 *   - XML, one item with one ~8 MB field; XML, one ~8 MB item of ~100,000 short fields;
 *   - JSONL, one ~8 MB line with one long string; JSONL, one ~8 MB line of small objects (a row
 *     error since lines over 1 MiB are not parsed) and one just under 1 MiB (parsed);
 *   - CSV, one ~8 MB quoted field;
 *   - and an ordinary chunk: 512 KB of a 20,000-row Merchant TSV.
 *
 * Peak = the largest (heap used + array buffers) sampled. A sample is answered only when the isolate
 * yields, so garbage made and dropped inside one synchronous step is missed by `used`; the heap
 * size V8 committed (it grows lazily and does not shrink between samples) is printed beside it as
 * an upper bound: under a real 128 MB limit V8 collects before it grows that far.
 *
 * Prints a table, then one line: RESULT {"unit":"import chunk","input":...,"peakMB":N,"budgetMB":96}
 * for the worst input. Knobs: BENCH_PORT (Worker port, inspector on the next one).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Inspector, findRuntime, loadServer, mb, resultsDir, round, sleep, stamp, table, writeResults } from '../harness.mjs';

const BUDGET_MB = 96;
const RECORD = 8 * 1024 * 1024 - 64 * 1024; // just under the consumer's 8 MB record cap
const enc = new TextEncoder();

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n';
const TAIL = '</channel>\n</rss>\n';

function filled(unit, bytes) {
  return unit.repeat(Math.floor(bytes / unit.length));
}

const INPUTS = [
  {
    name: 'xml: one item, one ~8 MB field',
    type: 'application/xml',
    body: () => enc.encode(`${HEAD}<item><g:id>big</g:id><g:description>${filled('Soft cotton tee, relaxed fit. ', RECORD)}</g:description></item>\n${TAIL}`),
  },
  {
    name: 'xml: one ~8 MB item of short fields',
    type: 'application/xml',
    body: () => enc.encode(`${HEAD}<item><g:id>many</g:id>${filled('<g:size>M</g:size>', RECORD)}</item>\n${TAIL}`),
  },
  {
    name: 'jsonl: one ~8 MB line, one string',
    type: 'application/x-ndjson',
    body: () => enc.encode(`${JSON.stringify({ id: 'big', title: 'Big', description: filled('Soft cotton tee, relaxed fit. ', RECORD) })}\n`),
  },
  {
    name: 'jsonl: one ~8 MB line of small objects',
    type: 'application/x-ndjson',
    body: () => enc.encode(`{"id":"many","title":"Many","metadata":{"a":[${filled('{},', RECORD)}{}]}}\n`),
  },
  {
    name: 'jsonl: one 1 MiB line of small objects (the longest parsed)',
    type: 'application/x-ndjson',
    body: () => enc.encode(`{"id":"many","title":"Many","metadata":{"a":[${filled('{},', 1024 * 1024 - 64)}{}]}}\n`),
  },
  {
    name: 'csv: one ~8 MB quoted field',
    type: 'text/csv',
    body: () => enc.encode(`id,title,description\nbig,Big,"${filled('Soft cotton tee, ""relaxed"" fit. ', RECORD)}"\n`),
  },
  {
    name: 'tsv: ordinary 512 KB chunks (20,000 rows)',
    type: 'text/tab-separated-values',
    body: () => {
      const lines = ['id\ttitle\tdescription\tprice\tavailability\tbrand\tgtin'];
      for (let i = 0; i < 20_000; i++) lines.push(`sku-${i}\tClassic tee ${i}\tSoft cotton, relaxed fit, size ${i % 5}\t${(i % 90) + 10}.00 USD\tin stock\tAcme\t00012345678905`);
      return enc.encode(`${lines.join('\n')}\n`);
    },
  },
];

async function main() {
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `wrangler-memory-import-chunk-${at}.log`);
  const log = createWriteStream(logPath);
  const server = await loadServer();
  const bench = await server.startBench(log);
  let inspector = null;
  try {
    const runtime = findRuntime(bench.persistTo);
    console.log(`memory/import-chunk: Worker at ${bench.base} (workerd pid ${runtime.workerdPid}), booted in ${bench.bootSeconds.toFixed(1)} s; wrangler log in ${logPath}`);
    inspector = await Inspector.connect(runtime.inspectorPort);
    const rows = [];
    const results = [];
    for (const input of INPUTS) {
      const tenant = await server.createTenant(bench.base, `mem-${results.length}`);
      const body = input.body();
      const idle = await inspector.collect();
      const stop = inspector.sample(20);
      const started = Date.now();
      const res = await server.request(bench.base, 'POST', '/v1/imports', { headers: { ...tenant.auth, 'content-type': input.type }, body });
      if (res.status !== 202) throw new Error(`${input.name}: POST answered ${res.status}: ${res.text.slice(0, 500)}`);
      const jobId = JSON.parse(res.text).job.id;
      let state;
      for (;;) {
        const poll = await server.request(bench.base, 'GET', `/v1/imports/${jobId}`, { headers: tenant.auth });
        state = JSON.parse(poll.text);
        if (!['uploading', 'pending', 'processing'].includes(state.status)) break;
        if (Date.now() - started > 300_000) throw new Error(`${input.name}: not settled after 300 s: ${poll.text}`);
        await sleep(100);
      }
      const heap = await stop();
      const peak = Math.max(0, ...heap.series.map((s) => (s.usedSize ?? 0) + (s.backingStorageSize ?? 0)));
      const result = {
        input: input.name,
        bytes: body.byteLength,
        seconds: round((Date.now() - started) / 1000),
        status: state.status,
        rows: state.rows,
        idleUsedMB: mb(idle.usedSize),
        peakUsedMB: mb(heap.peakUsedSize),
        peakHeapMB: mb(heap.peakTotalSize),
        peakBuffersMB: mb(heap.peakBackingStorageSize),
        peakMB: mb(peak),
        samples: heap.samples,
      };
      results.push(result);
      rows.push([input.name, mb(body.byteLength), `${state.status} ${state.rows.done}/${state.rows.total}`, result.seconds, result.idleUsedMB, result.peakUsedMB, result.peakBuffersMB, result.peakMB, result.peakHeapMB, result.peakMB <= BUDGET_MB ? 'yes' : 'NO']);
      console.log(`  ${input.name}: peak ${result.peakMB} MB (used ${result.peakUsedMB} + buffers ${result.peakBuffersMB}; heap size up to ${result.peakHeapMB}), ${result.seconds} s, ${state.status}`);
    }
    console.log(`\nOne import chunk, V8 heap of the Worker's isolate (MB), budget ${BUDGET_MB} MB\n`);
    console.log(table(['input', 'file MB', 'rows done/total', 's', 'idle used', 'peak used', 'peak buffers', 'peak (used+buffers)', 'heap size (bound)', 'within'], rows));
    const path = writeResults('memory-import-chunk', at, { at: new Date().toISOString(), budgetMB: BUDGET_MB, results });
    console.log(`\nresults in ${path}`);
    const worst = results.reduce((a, b) => (b.peakMB > a.peakMB ? b : a));
    console.log(`RESULT ${JSON.stringify({ unit: 'import chunk', input: worst.input, peakMB: worst.peakMB, budgetMB: BUDGET_MB })}`);
  } finally {
    inspector?.close();
    await bench.stop();
  }
}

main().catch((err) => {
  console.error(`\nmemory/import-chunk bench FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
