#!/usr/bin/env node
/**
 * `npm start`: `wrangler dev` plus the minute cron that production runs. `wrangler dev` never fires
 * cron triggers by itself, and the cron is what finds due work in D1 again after a restart (local
 * queues live in memory), so this launcher runs a ticker beside it: the first tick as soon as the
 * server answers (that first sweep is the recovery sweep, see src/cron/recovery.ts), then one a
 * minute.
 *
 * PORT (default 8787) picks the port; arguments are passed on to `wrangler dev` (e.g. `--persist-to`).
 * LOCAL_CRON_SECONDS sets the tick interval (default 60; 0 turns the ticker off).
 * Signals are forwarded to wrangler, and the launcher exits with wrangler's exit code.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT || '8787';
const intervalSeconds = Number(process.env.LOCAL_CRON_SECONDS ?? 60);
const base = `http://127.0.0.1:${port}`;
const CRON_URL = `${base}/cdn-cgi/local/scheduled?cron=*+*+*+*+*`;

const wrangler = spawn(join(root, 'node_modules', '.bin', 'wrangler'), ['dev', '--ip', '127.0.0.1', '--port', port, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // Node 22 (the project's devDependency) for wrangler, as under `npm run`.
  env: { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) },
});

let stopped = false;
let timer = null;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopped = true;
    clearTimeout(timer);
    // SIGINT is wrangler's orderly stop (on SIGTERM its esbuild service dies noisily).
    if (wrangler.exitCode === null && wrangler.signalCode === null) wrangler.kill('SIGINT');
  });
}

wrangler.on('exit', (code, signal) => {
  stopped = true;
  clearTimeout(timer);
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
});
wrangler.on('error', (err) => {
  console.error(`start: cannot run wrangler: ${err.message}`);
  process.exit(1);
});

async function answers() {
  try {
    const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

async function tick() {
  try {
    const res = await fetch(CRON_URL, { signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    if (!res.ok) console.error(`start: the local cron tick answered ${res.status}`);
  } catch (err) {
    // wrangler restarting (a file changed) or stopping: the next tick tries again.
    if (!stopped) console.error(`start: the local cron tick failed (${err?.cause?.code ?? err})`);
  }
}

async function runTicker() {
  while (!stopped && !(await answers())) await new Promise((resolve) => setTimeout(resolve, 500));
  const loop = async () => {
    if (stopped) return;
    await tick();
    if (!stopped) timer = setTimeout(loop, intervalSeconds * 1000);
  };
  await loop();
}

if (intervalSeconds > 0) void runTicker();
