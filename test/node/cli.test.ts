/**
 * The CLI's pure parts, that it starts and refuses to run without a key, and `import` + `status` end
 * to end against the Worker served by the `npm start` launcher (wrangler dev on its own local state;
 * CLI_PORT picks the port, default a free one).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM JavaScript, no types
import { ADMIN_TOKEN, createScenario } from '../../bench/fault-scenario.mjs';
// @ts-expect-error: plain ESM JavaScript, no types
import { importContentType, summarize } from '../../cli/format.mjs';

const run = promisify(execFile);

describe('shelfsync CLI', () => {
  it('names the content type of each format', () => {
    expect(['csv', 'tsv', 'jsonl', 'xml'].map(importContentType)).toEqual(['text/csv', 'text/tab-separated-values', 'application/x-ndjson', 'application/xml']);
  });

  it('summarizes an import with its first errors and line numbers', () => {
    const text = summarize(
      { jobId: 'job_1', status: 'partial', rows: { total: 3, done: 2, failed: 1 }, rowsPerSecond: 150, note: null },
      [{ line: 5, itemId: 'c', errors: [{ path: '/prices/USD/amount', message: 'USD allows at most 2 decimal places' }] }],
    );
    expect(text).toBe('partial: 2 of 3 rows imported, 1 failed (150 rows/s)\n  line 5 (c): /prices/USD/amount USD allows at most 2 decimal places');
  });

  it('prints its help, and exits 2 without an API key', async () => {
    const help = await run(process.execPath, ['cli/shelfsync.mjs', '--help']);
    expect(help.stdout).toContain('import [options] <source>');
    const env = { ...process.env, SHELFSYNC_KEY: '' };
    await expect(run(process.execPath, ['cli/shelfsync.mjs', 'status', 'job_1'], { env })).rejects.toMatchObject({ code: 2 });
  });
});

describe('shelfsync CLI against a running Worker', () => {
  let scenario: { base: string; start: () => Promise<unknown>; close: () => Promise<void>; call: (method: string, path: string, init?: Record<string, unknown>) => Promise<{ status: number; json: any }> } | null = null;
  const work = mkdtempSync(join(tmpdir(), 'shelfsync-cli-'));
  afterAll(async () => {
    await scenario?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports a CSV (exit 1 on a partial import, the failed line printed), and status shows the job', async () => {
    scenario = await createScenario({ port: process.env.CLI_PORT ? Number(process.env.CLI_PORT) : undefined });
    const s = scenario!;
    await s.start();
    const tenant = await s.call('POST', '/v1/admin/tenants', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ name: 'CLI', defaultCurrency: 'USD', defaultLocale: 'en-US' }),
    });
    expect(tenant.status).toBe(201);
    const key: string = tenant.json.apiKey.key;
    const cli = (args: string[]) => run(process.execPath, ['cli/shelfsync.mjs', '--url', s.base, ...args], { env: { ...process.env, SHELFSYNC_KEY: key } });

    const good = join(work, 'good.csv');
    writeFileSync(good, 'id,title,price\ncli-1,First,10.00 USD\ncli-2,Second,12.50 USD\n');
    const imported = await cli(['import', good]);
    expect(imported.stdout).toMatch(/^completed: 2 of 2 rows imported, 0 failed/);
    const jobId = /import (job_\w+)/.exec(imported.stderr)?.[1];
    expect(jobId).toBeDefined();
    expect((await s.call('GET', '/v1/products/cli-2', { headers: { authorization: `Bearer ${key}` } })).json).toMatchObject({ title: 'Second', prices: { USD: { amount: '12.50' } } });

    const status = await cli(['status', jobId!]);
    expect(JSON.parse(status.stdout)).toMatchObject({ id: jobId, status: 'completed', counts: { total: 2, succeeded: 2, failed: 0, created: 2 } });

    const bad = join(work, 'bad.csv');
    writeFileSync(bad, 'id,title,price\ncli-3,Third,1.00 USD\ncli-4,Fourth,twelve USD\n');
    const partial = await cli(['import', bad]).then(
      () => null,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(partial).toMatchObject({ code: 1 });
    expect(partial!.stdout).toMatch(/^partial: 1 of 2 rows imported, 1 failed/);
    expect(partial!.stdout).toMatch(/\n  line 3 \(cli-4\): price Expected an amount and a currency/);
    const partialJob = /import (job_\w+)/.exec(partial!.stderr)?.[1];
    const partialStatus = await cli(['status', partialJob!]).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(partialStatus).toMatchObject({ code: 1 });
    expect(JSON.parse(partialStatus!.stdout)).toMatchObject({ id: partialJob, status: 'partial', counts: { succeeded: 1, failed: 1 } });

    // jobs watch: until the job ends (here already ended), exit 1 for partial.
    const watched = await cli(['jobs', 'watch', jobId!]);
    expect(watched.stdout).toBe('completed: 2 of 2 items succeeded, 0 failed\n');
    const watchedPartial = await cli(['jobs', 'watch', partialJob!]).then(() => null, (err: { code: number; stdout: string }) => err);
    expect(watchedPartial).toMatchObject({ code: 1, stdout: 'partial: 1 of 2 items succeeded, 1 failed\n' });

    // products put | get | list, through the typed client.
    const product = join(work, 'tee.json');
    writeFileSync(product, JSON.stringify({ title: 'Tee', prices: { USD: { amount: '25.00' } }, sizes: ['S', 'M'] }));
    const put = await cli(['products', 'put', 'tee-1', product]);
    expect(put.stderr).toMatch(/^created tee-1 \(version 1, job job_\w+\)/);
    expect(JSON.parse(put.stdout)).toMatchObject({ id: 'tee-1', version: 1, prices: { USD: { amount: '25.00', amountMicros: '25000000' } } });
    const got = await cli(['products', 'get', 'tee-1']);
    expect(JSON.parse(got.stdout)).toMatchObject({ id: 'tee-1', title: 'Tee', sizes: ['S', 'M'] });
    const list = await cli(['products', 'list', '--limit', '2']);
    const lines = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(list.stderr).toMatch(/^next: shelfsync products list --cursor \S+/);
    // The API's refusal: exit 1 with its detail and field errors; bad input: exit 2.
    writeFileSync(product, JSON.stringify({ gtin: '123' }));
    const refused = await cli(['products', 'put', 'tee-2', product]).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused!.stderr).toMatch(/422 .*\n  \/gtin: Must be a GTIN/);
    const missing = await cli(['products', 'get', 'nope']).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(missing).toMatchObject({ code: 1 });
    writeFileSync(product, 'not json');
    const notJson = await cli(['products', 'put', 'tee-3', product]).then(() => null, (err: { code: number }) => err);
    expect(notJson).toMatchObject({ code: 2 });
  }, 240_000);
});
