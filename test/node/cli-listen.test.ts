/**
 * `shelfsync webhooks listen` end to end: against the Worker served by the `npm start` launcher
 * (wrangler dev), a product write reaches the local forward target with a valid Standard Webhooks
 * signature and one printed line, and SIGINT removes the temporary endpoint.
 * LISTEN_PORT picks the Worker's port (default a free one); the receiver and target ports are free ones.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM JavaScript, no types
import { ADMIN_TOKEN, createScenario } from '../../bench/fault-scenario.mjs';
// @ts-expect-error: plain ESM JavaScript, no types
import { eventLine, parseDuration, parseEvents } from '../../cli/listen.mjs';

const run = promisify(execFile);

async function until<T>(what: string, probe: () => T | undefined | null | Promise<T | undefined | null>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('webhooks listen: the pure parts', () => {
  it('reads durations up to 7 days, event lists, and formats the event line', () => {
    expect([parseDuration('90s'), parseDuration('2h'), parseDuration('7d')]).toEqual([90_000, 7_200_000, 604_800_000]);
    expect([parseDuration('8d'), parseDuration('0m'), parseDuration('2 hours')]).toEqual([null, null, null]);
    expect(parseEvents('product.*, image.*,')).toEqual(['product.*', 'image.*']);
    const at = new Date('2026-12-05T17:00:00.000Z');
    expect(eventLine(at, { type: 'product.created', data: { productId: 'tee-1' } }, 'msg_1', 200)).toBe('2026-12-05T17:00:00.000Z product.created tee-1 -> 200');
    expect(eventLine(at, { type: 'job.completed', data: { id: 'job_1' } }, 'msg_1', 'failed (ECONNREFUSED)')).toBe('2026-12-05T17:00:00.000Z job.completed job_1 -> failed (ECONNREFUSED)');
  });

  it('has --help, and exits 2 on a bad --expires-in or a missing --forward-to', async () => {
    const env = { ...process.env, SHELFSYNC_KEY: 'k' };
    expect((await run(process.execPath, ['cli/shelfsync.mjs', 'webhooks', 'listen', '--help'])).stdout).toContain('--forward-to <url>');
    await expect(run(process.execPath, ['cli/shelfsync.mjs', 'webhooks', 'listen', '--forward-to', 'http://127.0.0.1:9/', '--expires-in', '8d'], { env })).rejects.toMatchObject({ code: 2 });
    await expect(run(process.execPath, ['cli/shelfsync.mjs', 'webhooks', 'listen'], { env })).rejects.toMatchObject({ code: 2 });
  });
});

describe('webhooks listen against a running Worker', () => {
  let scenario: { base: string; start: () => Promise<unknown>; close: () => Promise<void>; call: (method: string, path: string, init?: Record<string, unknown>) => Promise<{ status: number; json: any }> } | null = null;
  let target: Server | null = null;
  let cli: ChildProcess | null = null;
  afterAll(async () => {
    if (cli && cli.exitCode === null) cli.kill('SIGKILL');
    target?.close();
    await scenario?.close();
  });

  it('forwards a signed delivery, prints its line, and removes the endpoint on SIGINT', async () => {
    scenario = await createScenario({
      port: process.env.LISTEN_PORT ? Number(process.env.LISTEN_PORT) : undefined,
      inspectorPort: process.env.LISTEN_INSPECTOR_PORT ? Number(process.env.LISTEN_INSPECTOR_PORT) : undefined,
    });
    const s = scenario!;
    await s.start();
    const tenant = await s.call('POST', '/v1/admin/tenants', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ name: 'Listen', defaultCurrency: 'USD', defaultLocale: 'en-US' }),
    });
    expect(tenant.status).toBe(201);
    const key: string = tenant.json.apiKey.key;
    const auth = { authorization: `Bearer ${key}` };

    // The local app the CLI forwards to.
    const forwarded: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
    target = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      forwarded.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => target!.listen(0, '127.0.0.1', resolve));
    const forwardTo = `http://127.0.0.1:${(target.address() as AddressInfo).port}/hooks`;

    let stdout = '';
    let stderr = '';
    cli = spawn(process.execPath, ['cli/shelfsync.mjs', '--url', s.base, 'webhooks', 'listen', '--forward-to', forwardTo, '--events', 'product.*', '--expires-in', '30m'], {
      env: { ...process.env, SHELFSYNC_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cli.stdout!.on('data', (d) => (stdout += d));
    cli.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => cli!.on('exit', (code) => resolve(code)));

    const secret = await until('the signing secret', () => /signing secret: (whsec_\S+)/.exec(stderr)?.[1]);
    const endpointId = /endpoint (wh_\w+)/.exec(stderr)![1]!;
    const endpoint = await s.call('GET', `/v1/webhooks/${endpointId}`, { headers: auth });
    expect(endpoint.status).toBe(200);
    expect(endpoint.json).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/), eventTypes: ['product.*'] });
    const expiresIn = Date.parse(endpoint.json.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(25 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 60_000);

    const put = await s.call('PUT', '/v1/products/listen-1', { headers: auth, body: JSON.stringify({ title: 'Listened', prices: { USD: { amount: '9.00' } } }) });
    expect(put.status).toBe(201);
    const delivery = await until('the forwarded delivery', () => forwarded.find((f) => f.body.includes('"product.created"')));
    expect(delivery.path).toBe('/hooks');
    const verified = new Webhook(secret).verify(delivery.body, {
      'webhook-id': String(delivery.headers['webhook-id']),
      'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
      'webhook-signature': String(delivery.headers['webhook-signature']),
    }) as { type: string; data: { productId: string } };
    expect(verified).toMatchObject({ type: 'product.created', data: { productId: 'listen-1' } });
    await until('the printed line', () => /^\d{4}-\d\d-\d\dT\S+Z product\.created listen-1 -> 204$/m.test(stdout));

    cli.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain(`endpoint ${endpointId} removed`);
    expect((await s.call('GET', `/v1/webhooks/${endpointId}`, { headers: auth })).status).toBe(404);
  }, 240_000);
});
