#!/usr/bin/env node
/**
 * Memory of one POST /v1/products/batch at the largest input the limits allow (src/config.ts:
 * bodyLimits.batch bytes, maxBatchItems products), with an Idempotency-Key (the body is hashed while
 * it streams). Each product is valid and as heavy in objects per byte as a client can make it:
 * metadata of small keys up to its 16 KB cap, a 10,000-character description, and localizations of
 * small entries filling the rest of its share of the body. Prints the isolate's V8 heap peak against
 * the budget (memoryBudgetsMB.batchRequest), then one RESULT line.
 *
 * Knobs: BENCH_BYTES (body size; default the cap), BENCH_ITEMS (default maxBatchItems), BENCH_PORT.
 */
import { int, round } from '../harness.mjs';
import { measure, printRun, smallKeys, startMemoryBench } from './common.mjs';

const LOCALES = ['en-US', 'pt-BR', 'es-ES', 'fr-FR', 'de-DE', 'it-IT', 'ja-JP', 'nl-NL', 'sv-SE', 'pl-PL'];

/** One product of about `bytes` bytes of JSON. */
function heavyProduct(i, bytes) {
  const doc = {
    id: `mem-${i}`,
    title: `Product ${i}`,
    description: 'd'.repeat(Math.min(10_000, Math.max(0, bytes - 17_000))),
    prices: { USD: { amount: '25.00' } },
    metadata: smallKeys(Math.min(16 * 1024 - 64, Math.max(0, bytes - 1_000))),
  };
  let size = JSON.stringify(doc).length;
  const localizations = {};
  for (const [n, locale] of LOCALES.entries()) {
    const room = bytes - size - 64;
    if (room < 100) break;
    const description = 'l'.repeat(Math.min(10_000, room));
    localizations[locale] = { title: `Title ${n}`, description };
    size += description.length + 40;
  }
  if (Object.keys(localizations).length > 0) doc.localizations = localizations;
  return doc;
}

async function main() {
  const ctx = await startMemoryBench('batch');
  try {
    const cap = ctx.options.bodyLimits.batch;
    const budgetMB = ctx.options.memoryBudgetsMB.batchRequest;
    const items = int('BENCH_ITEMS', ctx.options.maxBatchItems);
    const target = int('BENCH_BYTES', cap);
    const per = Math.floor((target - 20) / items) - 2;
    const products = Array.from({ length: items }, (_, i) => heavyProduct(i, per));
    let body = Buffer.from(JSON.stringify({ products }));
    // Pad with whitespace (still the same JSON) up to the exact size.
    if (body.length < target) body = Buffer.concat([body, Buffer.alloc(target - body.length, 0x20)]);
    console.log(`batch: ${items} products, body ${round(body.length / 2 ** 20, 2)} MB (cap ${round(cap / 2 ** 20, 2)} MB), ~${per} bytes a product (metadata of small keys, 10 KB description, localizations)`);

    const r = await measure(ctx, 'POST', '/v1/products/batch', body, { 'idempotency-key': `mem-${Date.now()}` });
    if (r.status !== 200) throw new Error(`batch: HTTP ${r.status}: ${r.text.slice(0, 500)}`);
    const results = JSON.parse(r.text).results;
    const failed = results.filter((x) => !x.ok);
    if (failed.length > 0) throw new Error(`batch: ${failed.length} items failed, e.g. ${JSON.stringify(failed[0]).slice(0, 500)}`);
    printRun(`POST /v1/products/batch (${items} created)`, r, budgetMB);
    console.log(`RESULT ${JSON.stringify({ unit: 'batch request', input: `${items} products, ${round(body.length / 2 ** 20, 2)} MB JSON, Idempotency-Key`, peakMB: r.peakMB, budgetMB })}`);
  } finally {
    ctx.inspector.close();
    await ctx.bench.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
