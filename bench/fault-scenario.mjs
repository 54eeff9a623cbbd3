/**
 * A crash-and-restart scenario, shared by the fault-injection test (test/node/faults.test.ts) and
 * `npm run bench:recovery`. The Worker runs through scripts/start.mjs, the launcher `npm start` uses
 * (so its minute cron ticker is part of what is tested), on its own `--persist-to` folder. The load
 * has all three kinds of background work in flight at once: an import reading its file in chunks,
 * webhook fan-out and deliveries for every product event, and image ingest (images served slowly by
 * a loopback fixture server). `kill()` SIGKILLs the launcher's whole process group (launcher,
 * wrangler, workerd): every queued message is lost, D1 and R2 stay.
 *
 * Everything contacts loopback only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhotonImage } from '@cf-wasm/photon/node';
import standardwebhooks from 'standardwebhooks';
import { startFixtures } from './fixtures-server.mjs';

const { Webhook } = standardwebhooks;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_TOKEN = 'faults-admin-token';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const childEnv = (port) => ({
  ...process.env,
  PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  PORT: String(port),
  CI: 'true',
  X_LOCAL_OBSERVABILITY: 'false',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
});

/** A uniquely coloured JPEG (so every image is its own blob). */
function jpeg(seed) {
  const width = 160;
  const height = 120;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = (seed * 37 + i) % 256;
    rgba[i + 1] = (seed * 91 + (i >> 8)) % 256;
    rgba[i + 2] = (seed * 13) % 256;
    rgba[i + 3] = 255;
  }
  const image = new PhotonImage(rgba, width, height);
  try {
    return image.get_bytes_jpeg(80);
  } finally {
    image.free();
  }
}

/**
 * A fresh persist folder, a fixture server, and the Worker through the launcher. `options.port`
 * (default: a free one), `options.logPath` (default: inside the work folder), `options.vars` (Worker
 * vars over the defaults; `undefined` leaves one out), `options.inspectorPort` (default: a free one).
 */
export async function createScenario({ port, imageDelayMs = 300, cronSeconds = 60, logPath, vars: extraVars = {}, inspectorPort: fixedInspectorPort } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'shelfsync-faults-'));
  const persistTo = join(work, 'state');
  const log = createWriteStream(logPath ?? join(work, 'wrangler.log'), { flags: 'a' });
  const deliveries = [];
  // Verified on arrival (Standard Webhooks refuses timestamps more than 5 minutes old).
  const signing = { verifier: null };
  const onDelivery = (d) => {
    let valid = false;
    try {
      signing.verifier?.verify(d.body, { 'webhook-id': d.headers['webhook-id'], 'webhook-timestamp': d.headers['webhook-timestamp'], 'webhook-signature': d.headers['webhook-signature'] });
      valid = signing.verifier !== null;
    } catch {
      valid = false;
    }
    deliveries.push({ id: d.headers['webhook-id'], arrivedAt: d.arrivedAt, valid });
  };
  const fixtures = await startFixtures({ onDelivery, imageDelayMs });
  const serverPort = port ?? (await freePort());
  const base = `http://127.0.0.1:${serverPort}`;
  execFileSync(join(root, 'node_modules', '.bin', 'wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    cwd: root,
    env: childEnv(serverPort),
    stdio: 'ignore',
  });

  let child = null;
  let exited = null;

  async function start() {
    const inspectorPort = fixedInspectorPort ?? (await freePort());
    const vars = {
      ADMIN_TOKEN,
      ENVIRONMENT: 'development',
      ALLOW_PRIVATE_TARGETS: '127.0.0.1/32',
      ALLOW_TARGET_PORTS: '*',
      OUTBOUND_ONLY: '127.0.0.1',
      IMAGE_URL_SECRET: 'faults-image-url-secret',
      PUBLIC_BASE_URL: base,
      ...extraVars,
    };
    const args = [
      join(root, 'scripts', 'start.mjs'),
      '--persist-to', persistTo,
      '--inspector-port', String(inspectorPort),
      '--show-interactive-dev-session=false',
      '--log-level', 'warn',
      ...Object.entries(vars).filter(([, value]) => value !== undefined).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    ];
    const startedAt = Date.now();
    // Its own process group: kill() takes the launcher, wrangler and workerd together.
    child = spawn(process.execPath, args, { cwd: root, env: { ...childEnv(serverPort), LOCAL_CRON_SECONDS: String(cronSeconds) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const current = child;
    exited = new Promise((resolve) => current.on('exit', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (current.exitCode !== null || current.signalCode !== null) throw new Error(`the launcher exited before serving (log: ${log.path})`);
      try {
        const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        if (res.ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`the Worker did not answer within 180 s (log: ${log.path})`);
      await sleep(250);
    }
    return { startedAt, servingAt: Date.now() };
  }

  /** SIGKILL to the whole process group: nothing gets to clean up. */
  async function kill() {
    if (!child) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    child = null;
    // workerd may outlive the group leader by a moment: wait until the port is free.
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`${base}/health`, { signal: AbortSignal.timeout(500) });
        await sleep(100);
      } catch {
        return;
      }
    }
  }

  /** An orderly stop (SIGINT to the launcher, which stops wrangler), then the work folder. */
  async function close() {
    if (child) {
      const current = child;
      try {
        process.kill(current.pid, 'SIGINT');
      } catch {
        // already gone
      }
      const timeout = sleep(20_000).then(() => 'timeout');
      if ((await Promise.race([exited, timeout])) === 'timeout') await kill();
      child = null;
    }
    await fixtures.close();
    log.end();
    rmSync(work, { recursive: true, force: true });
  }

  async function call(method, path, { headers = {}, body, contentType = 'application/json' } = {}) {
    const res = await fetch(base + path, {
      method,
      headers: body !== undefined ? { 'content-type': contentType, ...headers } : headers,
      body,
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, json, text };
  }

  return { base, work, fixtures, deliveries, signing, start, kill, close, call, logPath: log.path };
}

/** The load: a tenant subscribed to `product.*`, products with images, a batch, then an import. */
export async function startLoad(s, { importRows = 3000, images = 30, batchProducts = 1000 } = {}) {
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const tenant = await s.call('POST', '/v1/admin/tenants', { headers: admin, body: JSON.stringify({ name: 'Faults', defaultCurrency: 'USD', defaultLocale: 'en-US' }) });
  if (tenant.status !== 201) throw new Error(`tenant: ${tenant.status} ${tenant.text}`);
  const auth = { authorization: `Bearer ${tenant.json.apiKey.key}` };
  const hook = await s.call('POST', '/v1/webhooks', { headers: auth, body: JSON.stringify({ url: `${s.fixtures.url}/hook/main`, eventTypes: ['product.*'] }) });
  if (hook.status !== 201) throw new Error(`webhook: ${hook.status} ${hook.text}`);
  s.signing.verifier = new Webhook(hook.json.secret);

  const withImages = [];
  for (let i = 0; i < images; i++) {
    s.fixtures.addImage(`img-${i}.jpg`, jpeg(i + 1));
    withImages.push({ id: `img-${i}`, title: `With image ${i}`, images: [{ id: 'main', source: { url: `${s.fixtures.url}/img/img-${i}.jpg` } }] });
  }
  const first = await s.call('POST', '/v1/products/batch', { headers: auth, body: JSON.stringify({ products: withImages }) });
  if (first.status !== 200) throw new Error(`image batch: ${first.status} ${first.text}`);

  for (let i = 0; i < batchProducts; i += 500) {
    const products = [];
    for (let j = i; j < Math.min(batchProducts, i + 500); j++) products.push({ id: `bat-${j}`, title: `Batch ${j}`, prices: { USD: { amount: '5.00' } } });
    const res = await s.call('POST', '/v1/products/batch', { headers: auth, body: JSON.stringify({ products }) });
    if (res.status !== 200) throw new Error(`batch: ${res.status} ${res.text}`);
  }
  // The import last: it is the quickest to finish, and the kill must catch it half-way.
  const description = 'A product line long enough to make an import file of realistic size. '.repeat(12);
  const lines = [];
  for (let i = 0; i < importRows; i++) {
    lines.push(JSON.stringify({ id: `imp-${i}`, title: `Imported ${i}`, description, brand: 'Faults', sizes: ['S', 'M'], prices: { USD: { amount: `${10 + (i % 50)}.00` } } }));
  }
  const accepted = await s.call('POST', '/v1/imports', { headers: auth, body: `${lines.join('\n')}\n`, contentType: 'application/x-ndjson' });
  if (accepted.status !== 202) throw new Error(`import: ${accepted.status} ${accepted.text}`);
  const importJob = accepted.json.job?.id ?? accepted.json.import?.jobId;

  return { auth, importJob, importRows, images, batchProducts };
}

export async function importState(s, load) {
  const res = await s.call('GET', `/v1/imports/${load.importJob}`, { headers: load.auth });
  return res.json;
}

/**
 * Waits until the import, the images and the deliveries are all in flight at once (none finished),
 * so that a kill now interrupts all three. Null if that moment passed without being seen.
 */
export async function waitMidWork(s, load, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const imp = await importState(s, load);
    // Processing and not finished: a slice is being read (its rows may not be counted yet: an import
    // counts a slice's rows when the slice commits, so a small file can go 0 -> all in one step).
    const importMid = imp?.status === 'processing' && imp.rows.done < load.importRows;
    const ingestMid = s.fixtures.counts.imageRequests > 0 && s.fixtures.counts.imageRequests < load.images;
    const deliveriesMid = s.deliveries.length > 0;
    if (importMid && ingestMid && deliveriesMid) {
      return { rowsDone: imp.rows.done, imagesFetched: s.fixtures.counts.imageRequests, deliveries: s.deliveries.length };
    }
    if (imp && imp.status !== 'pending' && imp.status !== 'processing') {
      // Say why, so a failing run tells what to enlarge.
      console.error(JSON.stringify({ waitMidWork: 'the import ended first', import: imp.rows, imagesFetched: s.fixtures.counts.imageRequests, deliveries: s.deliveries.length }));
      return null;
    }
    await sleep(200);
  }
  return null;
}

/** Everything the load started has finished: import done, no image pending, every product event delivered. */
export async function checkComplete(s, load, feed) {
  const imp = await importState(s, load);
  if (!imp || imp.status === 'pending' || imp.status === 'processing') return { done: false, why: `import ${imp?.status}` };
  for (const status of ['pending', 'processing']) {
    const res = await s.call('GET', `/v1/products?status=${status}&limit=1`, { headers: load.auth });
    if (res.json?.data?.length) return { done: false, why: `products still ${status}` };
  }
  // The feed is read incrementally: `feed` keeps the cursor and the product events seen so far.
  for (;;) {
    const res = await s.call('GET', `/v1/events?after=${feed.cursor}&limit=1000`, { headers: load.auth });
    if (res.status !== 200) return { done: false, why: `events ${res.status}` };
    for (const e of res.json.data) if (e.type.startsWith('product.')) feed.ids.add(e.id);
    if (res.json.nextCursor === feed.cursor || res.json.data.length === 0) break;
    feed.cursor = res.json.nextCursor;
  }
  const received = new Set(s.deliveries.map((d) => d.id));
  const missing = [...feed.ids].filter((id) => !received.has(id));
  if (missing.length > 0) return { done: false, why: `${missing.length} of ${feed.ids.size} events not delivered` };
  return { done: true, import: imp };
}

export async function waitComplete(s, load, { timeoutMs = 240_000, intervalMs = 2_000 } = {}) {
  const feed = { cursor: '0', ids: new Set() };
  const deadline = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < deadline) {
    last = await checkComplete(s, load, feed);
    if (last.done) return { ...last, completedAt: Date.now(), eventIds: feed.ids };
    await sleep(intervalMs);
  }
  return { ...last, done: false, completedAt: null, eventIds: feed.ids };
}

/** Deliveries counted per webhook-id, and how many failed signature verification. */
export function auditDeliveries(s) {
  const perId = new Map();
  for (const d of s.deliveries) perId.set(d.id, (perId.get(d.id) ?? 0) + 1);
  const duplicates = [...perId.values()].reduce((sum, n) => sum + n - 1, 0);
  return { total: s.deliveries.length, distinct: perId.size, duplicates, invalid: s.deliveries.filter((d) => !d.valid).length, perId };
}
