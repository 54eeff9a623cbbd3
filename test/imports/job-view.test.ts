/**
 * One job, two views: GET /v1/imports/{id} and GET /v1/jobs/{id} describe the same import. Driven
 * slice by slice through the imports consumer (each message reads a few 512 KB chunks, then the import
 * re-enqueues itself), both views are compared after every slice: the same status, and job counts
 * that grow with the rows committed so far.
 */
import { describe, expect, it } from 'vitest';
import { createTenant } from '../helpers/api';
import { getImport, getJob, importRow, runImportConsumer, stageImport, utf8 } from '../helpers/imports';

/** ~4.4 MB: more than one message's worth of chunks (6 x 512 KB), so the import takes two slices. */
function feedOf(rows: number): Uint8Array {
  const lines = ['id,title,description,price'];
  for (let i = 0; i < rows; i++) lines.push(`v-${String(i).padStart(5, '0')},Item ${i},${'x'.repeat(60)} ${i},${(i % 90) + 1}.00 USD`);
  // One row that fails validation, so `failed` is counted too.
  lines.push('v-bad,Bad,a bad price,not money');
  return utf8(lines.join('\n') + '\n');
}

describe('an import seen through its job', () => {
  it('GET /v1/jobs/{id} agrees with GET /v1/imports/{id} after every slice', async () => {
    const t = await createTenant();
    const rows = 50_000;
    const jobId = await stageImport(t.id, feedOf(rows), 'csv');
    const snapshots: Array<{ status: string; total: number; done: number; failed: number }> = [];
    for (let slice = 0; slice < 10; slice++) {
      const { result, requeued } = await runImportConsumer(t.id, jobId);
      expect(result.retryMessages).toEqual([]);
      const [imp, job, row] = await Promise.all([getImport(t, jobId), getJob(t, jobId), importRow(jobId)]);
      // The file's view and the job's view: one state.
      expect(job.status, JSON.stringify({ imp, job })).toBe(imp.status);
      expect(job.counts).toMatchObject({ total: imp.rows.total, succeeded: imp.rows.done, failed: imp.rows.failed });
      expect(job.counts.created + job.counts.updated + job.counts.unchanged).toBe(imp.rows.done);
      expect(row.rows_total).toBe(imp.rows.total);
      snapshots.push({ status: job.status, total: job.counts.total, done: job.counts.succeeded, failed: job.counts.failed });
      if (requeued.length === 0) break;
      expect(job.status).toBe('processing');
      expect(job.completedAt).toBeNull();
    }
    // At least one slice was seen part-way, with counts that only grew.
    const partway = snapshots.filter((s) => s.status === 'processing');
    expect(partway.length).toBeGreaterThan(0);
    expect(partway.every((s) => s.total > 0 && s.total < rows + 1)).toBe(true);
    const totals = snapshots.map((s) => s.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(snapshots.at(-1)).toEqual({ status: 'partial', total: rows + 1, done: rows, failed: 1 });
    expect(await getJob(t, jobId)).toMatchObject({ status: 'partial', counts: { created: rows, updated: 0, unchanged: 0, deleted: 0 } });
  }, 180_000);
});
