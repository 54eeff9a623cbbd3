#!/usr/bin/env node
/**
 * Memory of one PUT /v1/products/{id} at the single-body cap (src/config.ts bodyLimits.single), with
 * an Idempotency-Key: the largest image a product may carry inline (base64 of the 10 MB image cap,
 * decoded and put to R2 before the write), a 10,000-character description and ten localizations,
 * whitespace up to the cap. Prints the isolate's V8 heap peak against memoryBudgetsMB.singleRequest,
 * then one RESULT line. Knobs: BENCH_BYTES (body size; default the cap), BENCH_PORT.
 */
import { int, round } from '../harness.mjs';
import { measure, printRun, startMemoryBench } from './common.mjs';

const IMAGE_CAP = 10 * 1024 * 1024;
const LOCALES = ['en-US', 'pt-BR', 'es-ES', 'fr-FR', 'de-DE', 'it-IT', 'ja-JP', 'nl-NL', 'sv-SE', 'pl-PL'];

async function main() {
  const ctx = await startMemoryBench('single');
  try {
    const cap = ctx.options.bodyLimits.single;
    const budgetMB = ctx.options.memoryBudgetsMB.singleRequest;
    const target = int('BENCH_BYTES', cap);
    const fields = {
      title: 'Heavy product',
      description: 'd'.repeat(10_000),
      prices: { USD: { amount: '25.00' } },
      localizations: Object.fromEntries(LOCALES.map((l) => [l, { title: `Title ${l}`, description: 'l'.repeat(10_000) }])),
    };
    const room = target - JSON.stringify(fields).length - 200;
    // Base64 grows 4/3: the decoded image is the smaller of the image cap and what the body leaves room for.
    const imageBytes = Math.max(0, Math.min(IMAGE_CAP, Math.floor((room * 3) / 4) - 4));
    const image = Buffer.alloc(imageBytes);
    for (let i = 0; i < imageBytes; i++) image[i] = (i * 2654435761) >>> 24;
    const doc = { ...fields, images: [{ source: { base64: image.toString('base64'), fileName: 'big.jpg' } }] };
    let body = Buffer.from(JSON.stringify(doc));
    if (body.length < target) body = Buffer.concat([body, Buffer.alloc(target - body.length, 0x20)]);
    console.log(`single: body ${round(body.length / 2 ** 20, 2)} MB (cap ${round(cap / 2 ** 20, 2)} MB): one ${round(imageBytes / 2 ** 20, 2)} MB image as base64, description, 10 localizations`);

    const r = await measure(ctx, 'PUT', '/v1/products/mem-single', body, { 'idempotency-key': `mem-${Date.now()}` });
    if (r.status !== 201) throw new Error(`single: HTTP ${r.status}: ${r.text.slice(0, 500)}`);
    printRun('PUT /v1/products/{id} (201)', r, budgetMB);
    console.log(`RESULT ${JSON.stringify({ unit: 'single product request', input: `${round(body.length / 2 ** 20, 2)} MB JSON with a ${round(imageBytes / 2 ** 20, 2)} MB base64 image, Idempotency-Key`, peakMB: r.peakMB, budgetMB })}`);
  } finally {
    ctx.inspector.close();
    await ctx.bench.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
