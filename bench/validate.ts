/**
 * Validation + normalisation cost per 1,000 products, in Node 22 (`npm run bench:validate`): the
 * write path's own function (catalog/model/validate-document.ts) over the foundation bench's
 * products (bench/products.mjs, without images unless BENCH_IMAGES=1), stage by stage. zod runs
 * `jitless` by default, as in workerd, where `new Function` is refused and zod 4 falls back to its
 * interpreter (BENCH_ZOD_JIT=1 measures Node's JIT path instead). Median of 20 rounds after 10 warm-ups.
 */
import { z } from 'zod';
import { loadavg } from 'node:os';
// @ts-expect-error plain ESM helper without types
import { makeBatches } from './products.mjs';

const IMAGES = process.env.BENCH_IMAGES === '1';
const JIT = process.env.BENCH_ZOD_JIT === '1';
const WARM = 10;
const ROUNDS = 20;

async function main() {
  if (!JIT) z.config({ jitless: true });
  const { BatchProductInput } = await import('../src/catalog/model/product.schema');
  const { validateDocument } = await import('../src/catalog/model/validate-document');
  const { canonicalJson } = await import('../src/lib/canonical-json');
  const limits = { maxImagesPerProduct: 20 };
  const rows: Array<{ schema: number; validate: number; canonical: number }> = [];
  for (let r = 0; r < WARM + ROUNDS; r++) {
    const products = (makeBatches(`r${r}`, 1000, 1, 1000)[0] as Array<Record<string, unknown>>).map((p) => {
      if (IMAGES) return p;
      const { images: _images, ...rest } = p;
      return rest;
    });
    const t0 = performance.now();
    for (const p of products) if (!BatchProductInput.safeParse(p).success) throw new Error('invalid bench product');
    const t1 = performance.now();
    const docs = [];
    for (const p of products) {
      const v = await validateDocument(p, BatchProductInput, limits);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      docs.push(v.doc);
    }
    const t2 = performance.now();
    for (const d of docs) canonicalJson(d);
    const t3 = performance.now();
    if (r >= WARM) rows.push({ schema: t1 - t0, validate: t2 - t1, canonical: t3 - t2 });
  }
  const median = (k: keyof (typeof rows)[number]) => {
    const sorted = rows.map((row) => row[k]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!.toFixed(1);
  };
  console.log(`validation, ms per 1,000 products (${IMAGES ? 'with' : 'without'} images, zod ${JIT ? 'JIT' : 'jitless as in workerd'}, Node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}):`);
  console.log(`  zod schema alone            ${median('schema')}`);
  console.log(`  validate + normalise (all)  ${median('validate')}   target <= 30`);
  console.log(`  canonical JSON of the docs  ${median('canonical')}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
