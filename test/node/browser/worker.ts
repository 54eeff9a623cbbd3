/**
 * The Worker under `npm start`'s launcher (wrangler dev + the minute cron) on its own port and its
 * own persist folder, with local-development outbound settings so image URLs and webhook targets can
 * point at the test's loopback fixture server. `stop()` ends the launcher's whole process group.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789abcdef';

const childEnv = (port: number) => ({
  ...process.env,
  PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  PORT: String(port),
  CI: 'true',
  X_LOCAL_OBSERVABILITY: 'false',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  LOCAL_CRON_SECONDS: '10',
});

export interface RunningWorker {
  base: string;
  logPath: string;
  stop: () => Promise<void>;
}

export async function startWorker(port: number, inspectorPort: number, name: string): Promise<RunningWorker> {
  const work = join(root, '.wrangler', `${name}-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const persistTo = join(work, 'state');
  const logPath = join(work, 'wrangler.log');
  const log = createWriteStream(logPath);
  execFileSync(join(root, 'node_modules', '.bin', 'wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], { cwd: root, env: childEnv(port), stdio: 'ignore' });
  const vars: Record<string, string> = {
    ADMIN_TOKEN,
    ENVIRONMENT: 'development',
    ALLOW_PRIVATE_TARGETS: '127.0.0.1/32',
    ALLOW_TARGET_PORTS: '*',
    OUTBOUND_ONLY: '127.0.0.1',
    IMAGE_URL_SECRET: 'browser-test-image-url-secret',
    SECRETS_KEYS: 'browser1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
    DELIVERY_TIMEOUT_MS: '3000',
    PUBLIC_BASE_URL: '',
  };
  const args = [
    join(root, 'scripts', 'start.mjs'),
    '--persist-to', persistTo,
    '--inspector-port', String(inspectorPort),
    '--show-interactive-dev-session=false',
    '--log-level', 'warn',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, env: childEnv(port), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, 'SIGINT');
      const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited before serving (log: ${logPath})`);
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer within 180 s (log: ${logPath})`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, logPath, stop };
}
