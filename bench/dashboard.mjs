#!/usr/bin/env node
/**
 * Dashboard pages against the API floor, same run: each page of /dashboard must answer within 3x the
 * time of `GET /v1/products?limit=50` at 10k products (issue: "Accessible and fast").
 *
 * Seeds one tenant with PRODUCTS (default 10,000) products through the batch API, plus a webhook, an
 * import with errors and some events, signs in through the real form (cookie + CSRF + Origin), then
 * ROUNDS times (default 40) requests the floor and every page in turn (floor and pages alternate, so
 * load on this shared machine hits both alike) and prints p50 / p95 per page and its p50 ratio to the
 * floor's, beside os.loadavg(). Numbers are noisy on a shared 2-core machine: compare the ratios.
 *
 *   npm run bench:dashboard          (BENCH_PORT / BENCH_INSPECTOR_PORT pin the ports)
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { int, loadServer, machine, percentile, resultsDir, stamp, table, writeResults } from './harness.mjs';

const PRODUCTS = int('PRODUCTS', 10_000);
const ROUNDS = int('ROUNDS', 40);
const LIMIT = 3;

async function main() {
  const server = await loadServer();
  const at = stamp();
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `dashboard-${at}.log`);
  const log = createWriteStream(logPath);
  const bench = await server.startBench(log);
  try {
    const base = bench.base;
    const { auth } = await server.createTenant(base, 'bench-dashboard');
    const send = async (method, path, body, headers = {}) => {
      const res = await fetch(base + path, { method, headers: { ...auth, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status}: ${text.slice(0, 300)}`);
      return text ? JSON.parse(text) : null;
    };
    for (let i = 0; i < PRODUCTS; i += 1000) {
      const products = Array.from({ length: Math.min(1000, PRODUCTS - i) }, (_, j) => ({
        id: `p-${String(i + j).padStart(6, '0')}`,
        title: `Product ${i + j}`,
        brand: (i + j) % 3 ? 'Acme' : 'Globex',
        itemGroupId: `g-${Math.floor((i + j) / 4)}`,
        prices: { USD: { amount: `${((i + j) % 90) + 10}.00` } },
      }));
      await send('POST', '/v1/products/batch', { products });
    }
    const hook = await send('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes: ['endpoint.disabled'] }).catch(() => null);
    const csv = ['id,title,price', ...Array.from({ length: 200 }, (_, i) => (i % 20 === 0 ? `bad-${i},Bad,nope` : `p-${String(i).padStart(6, '0')},Product ${i} again,12.00 USD`))].join('\n');
    const imported = await send('POST', '/v1/imports', csv, { 'content-type': 'text/csv' });
    const jobId = imported.job.id;

    // Sign in through the form, as a browser does.
    const page = await fetch(`${base}/dashboard/login`);
    const loginCookie = page.headers.getSetCookie().find((c) => c.startsWith('shelfsync_login='))?.split(';')[0];
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())[1];
    const login = await fetch(`${base}/dashboard/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: loginCookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, key: auth.authorization.slice(7) }).toString(),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('shelfsync_session='))?.split(';')[0];
    if (login.status !== 303 || !cookie) throw new Error(`sign-in: HTTP ${login.status}`);

    const pages = [
      ['overview', '/dashboard'],
      ['catalog', '/dashboard/catalog'],
      ['catalog page 50', `/dashboard/catalog?after=${Math.floor(PRODUCTS / 2)}`],
      ['catalog search', '/dashboard/catalog?q=p-004242'],
      ['product', '/dashboard/products/p-004242'],
      ['jobs', '/dashboard/jobs'],
      ['import', `/dashboard/jobs/${jobId}`],
      ['import progress', `/dashboard/jobs/${jobId}/progress.json`],
      ['errors.csv', `/dashboard/jobs/${jobId}/errors.csv`],
      ['webhooks', '/dashboard/webhooks'],
      ...(hook ? [['webhook', `/dashboard/webhooks/${hook.id}`]] : []),
      ['events', '/dashboard/events'],
      ['events by type', '/dashboard/events?type=product.updated'],
    ];
    const timed = async (path, headers) => {
      const t0 = performance.now();
      const res = await fetch(base + path, { headers, redirect: 'manual' });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      return ms;
    };
    // Warm-up: one of each.
    await timed('/v1/products?limit=50', auth);
    for (const [, path] of pages) await timed(path, { cookie });

    const floor = [];
    const samples = new Map(pages.map(([name]) => [name, []]));
    const loadBefore = loadavg();
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, path] of pages) {
        floor.push(await timed('/v1/products?limit=50', auth));
        samples.get(name).push(await timed(path, { cookie }));
      }
    }
    const loadAfter = loadavg();
    const f50 = percentile(floor, 50);
    const rows = [['GET /v1/products?limit=50 (floor)', f50.toFixed(1), percentile(floor, 95).toFixed(1), '1.00', '']];
    const results = {};
    for (const [name] of pages) {
      const s = samples.get(name);
      const ratio = percentile(s, 50) / f50;
      results[name] = { p50: percentile(s, 50), p95: percentile(s, 95), ratio };
      rows.push([name, percentile(s, 50).toFixed(1), percentile(s, 95).toFixed(1), ratio.toFixed(2), ratio <= LIMIT ? 'ok' : `OVER ${LIMIT}x`]);
    }
    console.log(`dashboard: ${PRODUCTS} products, ${ROUNDS} rounds; load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')} (${JSON.stringify(machine())})`);
    console.log(table(['request', 'p50 ms', 'p95 ms', 'p50 / floor p50', `within ${LIMIT}x`], rows));
    writeResults('dashboard', at, { products: PRODUCTS, rounds: ROUNDS, floor: { p50: f50, p95: percentile(floor, 95) }, pages: results, loadBefore, loadAfter });
    const over = Object.entries(results).filter(([, r]) => r.ratio > LIMIT);
    if (over.length > 0) process.exitCode = 1;
  } finally {
    await bench.stop();
    log.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
