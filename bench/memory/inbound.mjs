#!/usr/bin/env node
/**
 * Memory of one inbound push (DESIGN "Budgets"; memoryBudgetsMB.inboundPush in src/config.ts) at the
 * largest body the cap allows (options.inbound.bodyBytes): canonical products filled up to the cap
 * (long descriptions, full metadata, attribute rows), signed, POSTed to /v1/inbound/{sourceId}, and
 * followed until the queue has applied it. The isolate's V8 heap (used + ArrayBuffer backing stores)
 * is sampled through the inspector for the whole time, and the workerd process's peak RSS is read.
 * Then the GeSmart sync body at the dialect's cap: 10 base64 images filling it.
 *
 * Prints human lines and, last, one line:
 *   RESULT {"unit":"inbound push","input":"...","peakMB":N,"budgetMB":96}
 * Knobs: BENCH_PORT (Worker port; the inspector takes the next), BENCH_KEEP=1, BENCH_INBOUND_BYTES and
 * BENCH_GESMART_BYTES (measure another body size than the caps).
 */
import { createHmac } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRuntime, Inspector, loadServer, mb, resetPeakRss, resultsDir, rss, sleep, stamp, writeResults } from '../harness.mjs';

const BUDGET_MB = 96;
const INBOUND_CAP = Number(process.env.BENCH_INBOUND_BYTES) || 32 * 1024 * 1024; // defaultOptions.inbound.bodyBytes
const GESMART_CAP = Number(process.env.BENCH_GESMART_BYTES) || 16 * 1024 * 1024; // the GeSmart sync/webhook cap
const SECRET = 'bench-inbound-secret-0123456789abcdef';

function product(i, fill) {
  return {
    id: `in-${String(i).padStart(5, '0')}`,
    title: `Inbound bench product ${i}`,
    description: 'd'.repeat(9_000),
    brand: 'Bench',
    prices: { USD: { amount: '25.00' } },
    metadata: { blob: 'm'.repeat(fill) },
    attributes: Array.from({ length: 60 }, (_, k) => ({ group: 'Specs', name: `attribute ${k}`, value: `value ${k} ${'v'.repeat(20)}`, order: k })),
  };
}

/** `{products: [...]}` as close to `cap` bytes as 1,000 products of bounded fields get. */
function pushBody(cap) {
  const max = 1000;
  const per = Math.floor(cap / max) - 64;
  const base = JSON.stringify(product(0, 0)).length;
  const fill = Math.max(0, Math.min(16 * 1024 - 32, per - base));
  const products = Array.from({ length: max }, (_, i) => product(i, fill));
  let text = JSON.stringify({ products });
  while (Buffer.byteLength(text) > cap) {
    products.pop();
    text = JSON.stringify({ products });
  }
  return { text, count: products.length };
}

async function measure(inspector, runtime, run) {
  await inspector.collect();
  const before = await inspector.heap();
  const rssBefore = rss(runtime.workerdPid);
  resetPeakRss(runtime.workerdPid);
  const stop = inspector.sample(20);
  const out = await run();
  const sampled = await stop();
  const rssAfter = rss(runtime.workerdPid);
  return { out, before, peakUsed: sampled.peakUsedSize, peakUsedPlusBacking: sampled.peakUsedPlusBacking, samples: sampled.samples, rssPeakDelta: rssAfter.hwm - rssBefore.rss };
}

async function main() {
  const server = await loadServer();
  mkdirSync(resultsDir, { recursive: true });
  const at = stamp();
  const log = createWriteStream(join(resultsDir, `wrangler-memory-inbound-${at}.log`));
  const bench = await server.startBench(log, { keep: process.env.BENCH_KEEP === '1' });
  try {
    const base = bench.base;
    const runtime = findRuntime(bench.persistTo);
    const inspector = await Inspector.connect(runtime.inspectorPort);
    const { auth } = await server.createTenant(base, 'inbound-memory');
    const created = await server.request(base, 'POST', '/v1/inbound-sources', { headers: auth, body: JSON.stringify({ name: 'bench', secret: SECRET }) });
    if (created.status !== 201) throw new Error(`source: ${created.status} ${created.text}`);
    const source = JSON.parse(created.text);

    const { text, count } = pushBody(INBOUND_CAP);
    const bytes = Buffer.byteLength(text);
    const signature = createHmac('sha256', SECRET).update(text).digest('base64');
    console.log(`inbound push: ${count} products, ${mb(bytes)} MB of JSON (cap ${mb(INBOUND_CAP)} MB)`);
    const push = await measure(inspector, runtime, async () => {
      const res = await server.request(base, 'POST', `/v1/inbound/${source.id}`, { headers: { 'x-signature': signature }, body: text });
      if (res.status !== 202) throw new Error(`push: ${res.status} ${res.text.slice(0, 500)}`);
      const { jobId } = JSON.parse(res.text);
      for (let i = 0; i < 2400; i++) {
        const job = JSON.parse((await server.request(base, 'GET', `/v1/jobs/${jobId}`, { headers: auth })).text);
        if (!['pending', 'processing'].includes(job.status)) return job;
        await sleep(250);
      }
      throw new Error('push: job did not settle in 10 minutes');
    });
    if (push.out.status !== 'completed') throw new Error(`push job: ${JSON.stringify(push.out).slice(0, 500)}`);
    console.log(`  V8 heap used peak ${mb(push.peakUsed)} MB; used + ArrayBuffers peak ${mb(push.peakUsedPlusBacking)} MB (${push.samples} samples); workerd peak RSS +${mb(push.rssPeakDelta)} MB`);

    // GeSmart sync at its cap: 10 images of base64 filling it (each image's decoded size under 10 MB).
    const login = await server.request(base, 'POST', '/compat/gesmart/api/auth/login', { body: JSON.stringify({ apiKey: auth.authorization.slice(7) }) });
    if (login.status !== 200) throw new Error(`gesmart login: ${login.status} ${login.text.slice(0, 300)}`);
    const token = JSON.parse(login.text).data.token;
    const perImage = Math.floor((GESMART_CAP - 2048) / 10 / 4) * 4;
    const images = Array.from({ length: 10 }, (_, i) => ({ fileName: `i${i}.jpg`, base64: 'A'.repeat(perImage) }));
    const sync = JSON.stringify({ operation: 'create', reference: 'MEM001', name: 'Memory', price: 1, quantity: 1, images });
    console.log(`gesmart sync: 10 base64 images, ${mb(Buffer.byteLength(sync))} MB of JSON (cap ${mb(GESMART_CAP)} MB)`);
    const g = await measure(inspector, runtime, async () => {
      const res = await server.request(base, 'POST', '/compat/gesmart/api/products/sync', { headers: { authorization: `Bearer ${token}` }, body: sync });
      return { status: res.status, text: res.text.slice(0, 300) };
    });
    console.log(`  answered ${g.out.status}; V8 heap used peak ${mb(g.peakUsed)} MB; used + ArrayBuffers peak ${mb(g.peakUsedPlusBacking)} MB; workerd peak RSS +${mb(g.rssPeakDelta)} MB`);
    inspector.close();

    const peak = Math.max(push.peakUsedPlusBacking, g.peakUsedPlusBacking);
    writeResults('memory-inbound', at, { inbound: { bytes, count, ...push, out: undefined }, gesmart: { bytes: Buffer.byteLength(sync), ...g } });
    console.log(`budget ${BUDGET_MB} MB: inbound ${mb(push.peakUsedPlusBacking)} MB, gesmart sync ${mb(g.peakUsedPlusBacking)} MB`);
    console.log(`RESULT ${JSON.stringify({ unit: 'inbound push', input: `${count} products, ${mb(bytes)} MB JSON; gesmart sync ${mb(Buffer.byteLength(sync))} MB`, peakMB: mb(peak), budgetMB: BUDGET_MB })}`);
  } finally {
    await bench.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
