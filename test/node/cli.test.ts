/**
 * The CLI's pure parts, and that it starts and refuses to run without a key (its end-to-end run
 * against a server is exercised by `npm run bench`, which needs `wrangler dev`).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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
