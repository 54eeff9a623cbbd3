#!/usr/bin/env node
/**
 * Merchant XML parser throughput (bench/README.md "Bulk import benchmark"): the import consumer's own
 * readChunk, bundled from src/ with esbuild and run in Node (V8, as in workerd), over
 *
 *   1. a large Merchant feed (BENCH_XML_ITEMS items of ~600 bytes, ~12 MB), read in 512 KB windows
 *      ending on a newline as the consumer reads it: MB/s and items/s;
 *   2. pathological items: one item whose body is `<a>` repeated (96 KB, then 192 KB: a parser that
 *      is quadratic takes 4x as long for 2x the bytes), and one of `<a></b>` repeated (96 KB).
 *
 * BENCH_REF=<commit> measures that commit's src/ instead of the working tree (extracted with
 * `git archive`), e.g. the commit before the parser changed: `BENCH_REF=72293d5 npm run bench:imports-xml`.
 * Each case runs 3 times; the median is printed. A case that takes more than BENCH_XML_CAP_S seconds
 * (default 20) on its first run is not repeated.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { int, percentile, root, round, table } from './harness.mjs';

const ITEMS = int('BENCH_XML_ITEMS', 20_000);
const CAP_S = int('BENCH_XML_CAP_S', 20);
const WINDOW = 512 * 1024;
const ref = process.env.BENCH_REF || null;

async function loadReadChunk() {
  const work = mkdtempSync(join(tmpdir(), 'shelfsync-xml-bench-'));
  try {
    let srcRoot = root;
    if (ref) {
      execFileSync('sh', ['-c', `git -C "${root}" archive "${ref}" src | tar -x -C "${work}"`]);
      srcRoot = work;
    }
    const outfile = join(work, 'read-records.mjs');
    await build({
      entryPoints: [join(srcRoot, 'src', 'imports', 'read-records.ts')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      outfile,
      nodePaths: [join(root, 'node_modules')],
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    return (await import(outfile)).readChunk;
  } finally {
    // The bundle is loaded; the folder can go.
    setTimeout(() => rmSync(work, { recursive: true, force: true }), 0);
  }
}

const enc = new TextEncoder();
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n<title>Bench</title>\n';
const TAIL = '</channel>\n</rss>\n';

function feed(items) {
  const parts = [HEAD];
  for (let i = 0; i < items; i++) {
    parts.push(
      `<item>\n<g:id>sku-${i}</g:id>\n<g:title>Classic tee ${i} &amp; more</g:title>\n<g:description><![CDATA[Soft cotton, <b>relaxed</b> fit, size ${i % 5}]]></g:description>\n` +
        `<g:link>https://shop.example/p/${i}</g:link>\n<g:image_link>https://shop.example/img/${i}.jpg</g:image_link>\n<g:availability>in_stock</g:availability>\n` +
        `<g:price>${(i % 90) + 10}.00 USD</g:price>\n<g:brand>Acme</g:brand>\n<g:gtin>00012345678905</g:gtin>\n<g:item_group_id>grp-${Math.floor(i / 5)}</g:item_group_id>\n</item>\n`,
    );
  }
  parts.push(TAIL);
  return enc.encode(parts.join(''));
}

const pathological = (unit, bytes) => enc.encode(`${HEAD}<item><g:id>evil</g:id>${unit.repeat(Math.floor(bytes / unit.length))}</item>\n${TAIL}`);

const TENANT = { defaultCurrency: 'USD', defaultLocale: 'en-US' };

/** The consumer's read loop without D1: windows ending on a newline, doubled when no record fits. */
function readAll(readChunk, bytes) {
  let cursor = { offset: 0, line: 1, encoding: null, columns: null, delimiter: null };
  let rows = 0;
  while (cursor.offset < bytes.byteLength) {
    let length = WINDOW;
    for (;;) {
      const end = Math.min(bytes.byteLength, cursor.offset + length);
      const final = end >= bytes.byteLength;
      let window = bytes.subarray(cursor.offset, end);
      if (!final) {
        const last = window.lastIndexOf(0x0a);
        window = last === -1 ? null : window.subarray(0, last + 1);
      }
      const result = window ? readChunk('xml', window, cursor, final, TENANT) : null;
      if (result) {
        rows += result.candidates.length;
        cursor = result.next;
        break;
      }
      if (final) throw new Error('no record at the end');
      length *= 2;
    }
  }
  return rows;
}

function measure(readChunk, bytes) {
  const times = [];
  let rows = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    rows = readAll(readChunk, bytes);
    times.push(performance.now() - t);
    if (times[0] > CAP_S * 1000) break;
  }
  return { ms: percentile(times, 50), runs: times.length, rows };
}

const readChunk = await loadReadChunk();
console.log(`imports-xml: src from ${ref ?? 'the working tree'}; Node ${process.version}`);
const big = feed(ITEMS);
const cases = [
  [`Merchant feed, ${ITEMS} items`, big],
  ['one item of <a> x 32,768 (96 KB)', pathological('<a>', 96 * 1024)],
  ['one item of <a> x 65,536 (192 KB)', pathological('<a>', 192 * 1024)],
  ['one item of <a></b> x 14,043 (96 KB)', pathological('<a></b>', 96 * 1024)],
];
const rows = [];
const results = {};
for (const [label, bytes] of cases) {
  const r = measure(readChunk, bytes);
  results[label] = { bytes: bytes.byteLength, ...r };
  rows.push([label, round(bytes.byteLength / 1024 / 1024, 2), r.rows, round(r.ms, 1), round(bytes.byteLength / 1024 / 1024 / (r.ms / 1000), 1), Math.round((r.rows * 1000) / r.ms), r.runs]);
}
console.log(table(['input', 'MB', 'rows', 'ms (median)', 'MB/s', 'rows/s', 'runs'], rows));
console.log(`RESULT ${JSON.stringify({ unit: 'merchant xml parse', ref: ref ?? 'working tree', results })}`);
