/**
 * A 50,000-row CSV generated in the test (~4 MB): the import crosses several 512 KB chunks (seen in
 * GET /v1/imports as progress between 0 and 1) and completes with every row created once.
 *
 * A 4,000-row import goes first: if that one does not complete, the 50,000-row test does not start.
 * How fast the write path is (rows/s, and whether the second half of a file is slower than the first,
 * the sign of a cost that grows with the rows) is measured by `npm run bench:imports`, not asserted
 * here; a 50,000-row import that misses waitImport's deadline is stopped (marked failed).
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createTenant } from '../helpers/api';
import { getProduct, jobErrors, getJob, sha256Hex, startImport, utf8, waitImport } from '../helpers/imports';

const ROWS = 50_000;
const PREFLIGHT_ROWS = 4_000;
let preflightCompleted = false;

function feedOf(rows: number, prefix = 'sku'): Uint8Array {
  const lines = ['id,title,description,price,availability,brand'];
  for (let i = 0; i < rows; i++) lines.push(`${prefix}-${String(i).padStart(5, '0')},Item ${i},Plain cotton tee in size ${i % 7},${(i % 100) + 1}.${String(i % 100).padStart(2, '0')} USD,in_stock,Acme`);
  return utf8(lines.join('\n') + '\n');
}

describe.sequential('a 50,000-row feed', () => {
  it(`imports ${PREFLIGHT_ROWS} rows (one chunk)`, async () => {
    const t = await createTenant();
    const { job } = await startImport(t, feedOf(PREFLIGHT_ROWS), 'text/csv');
    const imp = await waitImport(t, job.id, { timeoutMs: 60_000, intervalMs: 250 });
    expect(imp).toMatchObject({ status: 'completed', rows: { total: PREFLIGHT_ROWS, done: PREFLIGHT_ROWS, failed: 0 } });
    expect(await getJob(t, job.id)).toMatchObject({ status: 'completed', counts: { created: PREFLIGHT_ROWS } });
    preflightCompleted = true;
  }, 90_000);

  it('completes with 50,000 created, chunk by chunk', async () => {
    if (!preflightCompleted) throw new Error(`not started: the ${PREFLIGHT_ROWS}-row import did not complete`);
    const t = await createTenant();
    const bytes = feedOf(ROWS);
    expect(bytes.byteLength).toBeGreaterThan(3 * 1024 * 1024);

    const started = Date.now();
    const { job, import: accepted } = await startImport(t, bytes, 'text/csv');
    const acceptedMs = Date.now() - started;
    expect(accepted.sha256).toBe(await sha256Hex(bytes));
    const seen: any[] = [];
    let imp: any;
    try {
      imp = await waitImport(t, job.id, { timeoutMs: 120_000, intervalMs: 500, seen });
    } finally {
      const last = seen.at(-1);
      console.log(`50k rows: 202 after ${acceptedMs} ms; after ${Date.now() - started} ms: ${last?.status}, rows ${JSON.stringify(last?.rows)}, progress ${last?.progress}, ${last?.rowsPerSecond} rows/s`);
    }
    expect(imp).toMatchObject({ status: 'completed', rows: { total: ROWS, done: ROWS, failed: 0 }, progress: 1 });
    expect(imp.rowsPerSecond).toBeGreaterThan(0);

    // Several chunks: the import was seen part-way through, with counts that only grew.
    const partway = seen.filter((s) => s.progress > 0 && s.progress < 1);
    expect(partway.length).toBeGreaterThan(0);
    expect(partway.every((s) => s.rows.total > 0 && s.rows.total < ROWS)).toBe(true);
    const totals = seen.map((s) => s.rows.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));

    expect(await getJob(t, job.id)).toMatchObject({ status: 'completed', counts: { total: ROWS, succeeded: ROWS, failed: 0, created: ROWS, updated: 0 } });
    expect(await jobErrors(t, job.id)).toEqual([]);
    const count = await env.DB.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT number) AS numbers, MAX(version) AS v FROM products WHERE tenant_id = ?1').bind(t.id).first<{ n: number; numbers: number; v: number }>();
    expect(count).toEqual({ n: ROWS, numbers: ROWS, v: 1 });
    expect(await getProduct(t, 'sku-00000')).toMatchObject({ title: 'Item 0', prices: { USD: { amount: '1.00' } }, localizations: { 'en-US': { availability: 'in stock' } } });
    expect(await getProduct(t, 'sku-49999')).toMatchObject({ title: 'Item 49999', prices: { USD: { amount: '100.99' } } });
  }, 180_000);
});
