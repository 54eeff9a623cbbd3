/**
 * What bench/images.mjs, bench/webhooks.mjs and bench/imports.mjs share: starting the bench Worker
 * (bench/server.mjs, reused as is) with local-development outbound settings, finding its workerd
 * process and V8 inspector, sampling memory, and printing / saving results.
 *
 * Outbound settings. server.mjs passes `OUTBOUND_ONLY=127.0.0.1` but not `ENVIRONMENT` or
 * `ALLOW_PRIVATE_TARGETS`, so the outbound guard refuses http://127.0.0.1 targets. Wrangler adds
 * the variables of its own environment to the Worker's when `CLOUDFLARE_INCLUDE_PROCESS_ENV=true`
 * (and no bench/.dev.vars exists), and server.mjs hands wrangler this process's environment, read
 * when server.mjs is first imported. So `startServer()` first trims this process's environment to
 * a few harmless names (nothing of the caller's shell leaks into the Worker), sets the
 * settings below, and only then imports server.mjs.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = join(root, 'bench', 'results');

const KEEP_ENV = new Set(['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TERM', 'USER', 'SHELL']);

/** The Worker settings every capability bench runs with (on top of server.mjs's own). */
export const WORKER_VARS = {
  ENVIRONMENT: 'development',
  ALLOW_PRIVATE_TARGETS: '127.0.0.1/32',
  // The bench receivers listen on ports of their own.
  ALLOW_TARGET_PORTS: '*',
  IMAGE_URL_SECRET: 'bench-image-url-secret',
  // GeSmart login (bench/memory/inbound.mjs); 32+ characters or login stays disabled.
  JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123',
};

let server = null;

/** Imports server.mjs with the environment described above (plus a bench's own `extraVars`); answers its exports. */
export async function loadServer(extraVars = {}) {
  if (server) return server;
  for (const name of Object.keys(process.env)) if (!KEEP_ENV.has(name) && !name.startsWith('BENCH_')) delete process.env[name];
  Object.assign(process.env, { CLOUDFLARE_INCLUDE_PROCESS_ENV: 'true', ...WORKER_VARS, ...extraVars });
  server = await import('./server.mjs');
  return server;
}

export function int(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

export function stamp() {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

// ---------------------------------------------------------------------------------------------
// The running Worker's processes

function pids() {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name));
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/**
 * The wrangler started for `persistTo`, its inspector port, and the workerd process that runs the
 * Worker (the one started with `--inspector-addr`; the other workerd is wrangler's proxy).
 */
export function findRuntime(persistTo) {
  const wrangler = pids().find((pid) => {
    const args = cmdline(pid);
    return args.includes('--persist-to') && args.includes(persistTo) && args.includes('--inspector-port');
  });
  if (!wrangler) throw new Error(`no wrangler process for ${persistTo}`);
  const args = cmdline(wrangler);
  const inspectorPort = Number(args[args.indexOf('--inspector-port') + 1]);
  const pgid = readFileSync(`/proc/${wrangler}/stat`, 'utf8').split(') ')[1].split(' ')[2];
  const workerd = pids().find((pid) => {
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[2] !== pgid) return false;
    } catch {
      return false;
    }
    const a = cmdline(pid);
    return a[0]?.endsWith('workerd') && a.some((x) => x.startsWith('--inspector-addr'));
  });
  if (!workerd) throw new Error('no workerd process with --inspector-addr in the wrangler process group');
  return { wranglerPid: Number(wrangler), workerdPid: Number(workerd), inspectorPort };
}

/**
 * Throws if the Worker's runtime is no longer the workerd process `runtime` named: wrangler restarts
 * it when a watched file changes (e.g. `npm run setup`, run by every `npm test`, rewrites
 * public/swagger-ui, the assets folder), and local queues lose their messages with it, so whatever
 * was being timed is void.
 */
export function assertSameRuntime(runtime, what = 'the run') {
  let alive = false;
  try {
    alive = cmdline(runtime.workerdPid).some((x) => x.startsWith('--inspector-addr'));
  } catch {
    alive = false;
  }
  if (!alive) {
    throw new Error(
      `the Worker's runtime (workerd pid ${runtime.workerdPid}) was restarted during ${what}: wrangler dev restarts it when a watched file changes (public/ is rewritten by \`npm run setup\`, which \`npm test\` runs). Queued work was lost; run the bench again.`,
    );
  }
}

/** VmRSS / VmHWM of a process, in bytes. */
export function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets the process's peak RSS (VmHWM) to its current RSS (Linux clear_refs, value 5). */
export function resetPeakRss(pid) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

// ---------------------------------------------------------------------------------------------
// V8 inspector of the Worker's isolate (through wrangler's inspector proxy)

export class Inspector {
  static async connect(port) {
    // Wrangler's proxy wants an Origin on localhost; Node's WebSocket (undici) takes headers.
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { origin: 'http://127.0.0.1' } });
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = (e) => reject(new Error(`inspector: ${e.message ?? 'connection failed'}`));
    });
    return new Inspector(ws);
  }

  constructor(ws) {
    this.ws = ws;
    this.next = 0;
    this.pending = new Map();
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      const waiter = message.id !== undefined ? this.pending.get(message.id) : undefined;
      if (waiter) {
        this.pending.delete(message.id);
        waiter(message);
      }
    };
  }

  /** One DevTools protocol call; null after `timeoutMs` (the isolate may be busy in a long task). */
  call(method, params = {}, timeoutMs = 10_000) {
    return new Promise((resolve) => {
      const id = ++this.next;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(null);
      }, timeoutMs);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        resolve(message.error ? null : message.result);
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * A full garbage collection, then heap(). The inspector's HeapProfiler.collectGarbage never answers
   * in workerd; taking a heap snapshot collects first (its chunks are ignored; ~1 s per 10 MB of heap).
   */
  async collect() {
    await this.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, 120_000);
    return this.heap();
  }

  /** {usedSize, totalSize, embedderHeapUsedSize, backingStorageSize} of the isolate, in bytes. */
  heap() {
    return this.call('Runtime.getHeapUsage');
  }

  /**
   * Samples heap() every `intervalMs` until stop() is called; answers the peaks and the samples.
   * A sample answered late (the isolate was inside a long task) is still a valid value for then.
   */
  sample(intervalMs = 50) {
    const samples = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const at = performance.now();
        const heap = await this.heap();
        if (heap) samples.push({ t: Math.round(performance.now()), ...heap });
        const wait = intervalMs - (performance.now() - at);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    })();
    return async () => {
      running = false;
      await loop;
      const peak = (key) => Math.max(0, ...samples.map((s) => s[key] ?? 0));
      return {
        samples: samples.length,
        peakUsedSize: peak('usedSize'),
        peakTotalSize: peak('totalSize'),
        peakBackingStorageSize: peak('backingStorageSize'),
        peakUsedPlusBacking: Math.max(0, ...samples.map((s) => (s.usedSize ?? 0) + (s.backingStorageSize ?? 0))),
        series: samples,
      };
    };
  }

  close() {
    this.ws.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers and output

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
export const mb = (bytes) => round(bytes / 1024 / 1024, 1);

export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: round(totalmem() / 2 ** 30), node: process.version, loadAverage: loadavg().map((x) => round(x, 2)) };
}

export function writeResults(name, at, data) {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}-${at}.json`);
  writeFileSync(path, `${JSON.stringify(data, null, 1)}\n`);
  return path;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
