#!/usr/bin/env node
/**
 * Cold start and bundle size (bench/README.md "Cold start"). `npm run bench:cold-start`.
 *
 *   1. Bundle: `wrangler deploy --dry-run --outdir <tmp>` of the project (the production config);
 *      every output file's size raw and gzipped (level 9; Cloudflare's limit counts the compressed
 *      upload). The wasm modules are separate files, compiled by the runtime when the Worker loads.
 *   2. Start-up, BENCH_RUNS times (5): `wrangler dev <bundle> --no-bundle` on a fresh persist folder;
 *      spawn -> wrangler's "Ready on" line, then the first GET /health (the first request of a fresh
 *      isolate: module evaluation and app construction happen here), a second /health (warm), and
 *      the first GET /openapi.json (the document is built from the zod schemas on first use).
 *   3. The floors: the same with a one-line Worker (`fetch() { return Response.json(...) }`) and the
 *      same bindings, so what remains is the app's own cost; and that Worker importing the app's
 *      wasm modules without using them (the runtime compiles a wasm module when the Worker loads,
 *      whether or not the code that instantiates it is ever imported).
 *
 * Knobs: BENCH_RUNS [5], BENCH_PORT / BENCH_INSPECTOR_PORT [free ports] (the floor and the app
 * take turns on them).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { int, machine, percentile, root, round, table, stamp, writeResults } from './harness.mjs';

const RUNS = int('BENCH_RUNS', 5);
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
const env = {
  PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  HOME: process.env.HOME,
  TMPDIR: process.env.TMPDIR ?? tmpdir(),
  CI: 'true',
  X_LOCAL_OBSERVABILITY: 'false',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function filesOf(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => statSync(join(dir, name)).isFile() && !name.endsWith('.map') && !name.endsWith('README.md'))
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

async function timed(url) {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return round(performance.now() - started);
}

/** One start: spawn -> Ready, first /health, warm /health, first /openapi.json (when `openapi`). */
async function startOnce(entry, config, cwd, work, openapi) {
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const inspectorPort = Number(process.env.BENCH_INSPECTOR_PORT) || (await freePort());
  const persist = mkdtempSync(join(work, 'state-'));
  const started = performance.now();
  const child = spawn(wrangler, ['dev', entry, '--no-bundle', '-c', config, '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', persist, '--var', 'ADMIN_TOKEN:cold-start-admin-token-0123456789abcdef', '--var', 'IMAGE_URL_SECRET:cold-start-image-url-secret', '--var', 'SECRETS_KEYS:bench1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', '--log-level', 'info', '--show-interactive-dev-session=false'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const readyMs = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Ready on" within 120 s:\n${output.slice(-2000)}`)), 120_000);
      const onData = (chunk) => {
        output += chunk;
        if (/Ready on/.test(output)) {
          clearTimeout(timer);
          resolve(round(performance.now() - started));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => reject(new Error(`wrangler exited with ${code}:\n${output.slice(-2000)}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const firstHealthMs = await timed(`${base}/health`);
    const warmHealthMs = await timed(`${base}/health`);
    const firstOpenapiMs = openapi ? await timed(`${base}/openapi.json`) : null;
    return { readyMs, firstHealthMs, warmHealthMs, firstOpenapiMs };
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
    rmSync(persist, { recursive: true, force: true });
  }
}

async function main() {
  const at = stamp();
  const work = mkdtempSync(join(tmpdir(), 'shelfsync-cold-'));
  try {
    const load = [machine().loadAverage];
    console.log(`cold start: load average ${load[0].join(' / ')}; ${RUNS} runs each`);
    const outdir = join(work, 'dist');
    execFileSync(wrangler, ['deploy', '--dry-run', '--outdir', outdir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const files = filesOf(outdir);
    const entry = files.find((f) => f.name.endsWith('.js') && !f.name.includes('/'))?.name ?? 'index.js';

    // The floor: a one-line Worker with the same bindings (wrangler.toml, main replaced).
    const floorDir = join(work, 'floor');
    mkdirSync(floorDir);
    writeFileSync(join(floorDir, 'floor.js'), "export default { fetch() { return Response.json({ status: 'ok' }); } };\n");
    const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8')
      .replace(/^main\s*=.*$/m, 'main = "floor.js"')
      .replace(/^directory\s*=\s*"(?:\.\/)?([^"]+)"/m, (_, dir) => `directory = "${join(root, dir)}"`)
      .replace(/^migrations_dir\s*=\s*"(?:\.\/)?([^"]+)"/gm, (_, dir) => `migrations_dir = "${join(root, dir)}"`);
    writeFileSync(join(floorDir, 'wrangler.toml'), toml);
    // The floor plus the app's wasm modules, imported (so the runtime compiles them at load) but
    // never instantiated: what the wasm alone costs a cold start.
    const wasmFiles = files.filter((f) => f.name.endsWith('.wasm'));
    for (const f of wasmFiles) copyFileSync(join(outdir, f.name), join(floorDir, basename(f.name)));
    writeFileSync(
      join(floorDir, 'floor-wasm.js'),
      `${wasmFiles.map((f, i) => `import wasm${i} from './${basename(f.name)}';`).join('\n')}\nexport default { fetch() { return Response.json({ status: 'ok', modules: [${wasmFiles.map((_, i) => `wasm${i} instanceof WebAssembly.Module`).join(', ')}] }); } };\n`,
    );

    const runs = { app: [], floor: [], floorWasm: [] };
    for (let k = 0; k < RUNS; k++) {
      runs.floor.push(await startOnce(join(floorDir, 'floor.js'), join(floorDir, 'wrangler.toml'), floorDir, work, false));
      runs.floorWasm.push(await startOnce(join(floorDir, 'floor-wasm.js'), join(floorDir, 'wrangler.toml'), floorDir, work, false));
      runs.app.push(await startOnce(join(outdir, entry), join(root, 'wrangler.toml'), root, work, true));
      console.log(`  run ${k + 1}: app ${JSON.stringify(runs.app.at(-1))}, floor ${JSON.stringify(runs.floor.at(-1))}`);
    }
    load.push(machine().loadAverage);
    const med = (list, key) => (list[0][key] === null ? '-' : percentile(list.map((r) => r[key]), 50));
    const kb = (n) => round(n / 1024, 1);
    console.log(`\nBundle (wrangler deploy --dry-run; KiB)\n`);
    console.log(table(['file', 'raw', 'gzip'], [...files.map((f) => [f.name, kb(f.bytes), kb(f.gzip)]), ['total', kb(files.reduce((t, f) => t + f.bytes, 0)), kb(files.reduce((t, f) => t + f.gzip, 0))]]));
    console.log(`\nStart-up under wrangler dev (median of ${RUNS}, ms; load ${load.map((l) => l.join(' / ')).join(' -> ')})\n`);
    console.log(table(
      ['worker', 'spawn -> Ready', 'first /health', 'warm /health', 'first /openapi.json'],
      [
        ['Shelfsync', ...['readyMs', 'firstHealthMs', 'warmHealthMs', 'firstOpenapiMs'].map((k) => med(runs.app, k))],
        ['one-line Worker (floor)', ...['readyMs', 'firstHealthMs', 'warmHealthMs', 'firstOpenapiMs'].map((k) => med(runs.floor, k))],
        ['floor + the app\'s wasm modules (compiled, not instantiated)', ...['readyMs', 'firstHealthMs', 'warmHealthMs', 'firstOpenapiMs'].map((k) => med(runs.floorWasm, k))],
      ],
    ));
    const path = writeResults('cold-start', at, { at: new Date().toISOString(), commit: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(), machine: machine(), load, files, runs });
    console.log(`\ncold start: results in ${path}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`\ncold-start bench FAILED: ${err?.stack ?? err}`);
  process.exit(1);
});
