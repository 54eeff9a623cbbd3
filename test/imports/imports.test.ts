/**
 * POST /v1/imports, the request side: a feed is streamed to R2 (gzip decompressed on the way in,
 * hashed while streaming, multipart parts when the length is unknown) and answered at once with 202
 * and a job; the stored object is byte for byte the (decompressed) body. Refusals: 415, 422, 413.
 * Tenant isolation of the import and its job.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem } from '../helpers/api';
import {
  concat,
  getImport,
  getJob,
  gzip,
  jobErrors,
  postImport,
  runImport,
  sameBytes,
  sha256Hex,
  startImport,
  storedFile,
  streamOf,
  utf8,
  waitImport,
} from '../helpers/imports';

async function importCount(tenantId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM imports WHERE tenant_id = ?1').bind(tenantId).first<{ n: number }>();
  return row!.n;
}

/** After a refused upload: no job, no stored object, and no import left that runs or blocks (a `failed` record may stay). */
async function expectNothingKept(tenantId: string): Promise<void> {
  const jobs = await env.DB.prepare('SELECT COUNT(*) AS n FROM jobs WHERE tenant_id = ?1').bind(tenantId).first<{ n: number }>();
  expect(jobs!.n).toBe(0);
  const live = await env.DB.prepare("SELECT status FROM imports WHERE tenant_id = ?1 AND status != 'failed'").bind(tenantId).all();
  expect(live.results).toEqual([]);
  const listed = await env.IMAGES.list({ prefix: `imports/${tenantId}/` });
  expect(listed.objects).toEqual([]);
}

describe('POST /v1/imports', () => {
  it('answers 202 with a pending job at once, stores the exact bytes with their sha256, and the job ends with counts and line-numbered errors', async () => {
    const t = await createTenant();
    const csv = 'id,title,price,availability\na,Alpha,"25.00 USD",in_stock\nb,"Be\nta",12 USD,out of stock\nc,Gamma,1.0050001 USD,in stock\n';
    const bytes = utf8(csv);
    const { res, job, import: imp } = await startImport(t, csv, 'text/csv');
    expect(res.headers.get('location')).toBe(`/v1/imports/${job.id}`);
    expect(job).toMatchObject({ kind: 'import', status: 'pending', counts: { total: 0 } });
    expect(imp).toMatchObject({ format: 'csv', mode: 'upsert', status: 'pending', bytes: bytes.byteLength, rows: { total: 0, done: 0, failed: 0 }, completedAt: null });
    expect(imp.sha256).toBe(await sha256Hex(bytes));
    expect(sameBytes(await storedFile(t.id, job.id), bytes)).toBe(true);

    const done = await waitImport(t, job.id);
    expect(done).toMatchObject({ status: 'partial', rows: { total: 3, done: 2, failed: 1 }, progress: 1, sha256: imp.sha256 });
    expect([null, 'utf-8']).toContain(done.encoding); // plain ASCII: either answer is true
    expect(done.rowsPerSecond).toBeGreaterThan(0);
    expect(done.completedAt).toEqual(expect.any(String));
    const finished = await getJob(t, job.id);
    expect(finished).toMatchObject({ status: 'partial', counts: { total: 3, succeeded: 2, failed: 1, created: 2 } });
    // "c" starts on line 5: the header is line 1 and "b" spans lines 3-4.
    expect(await jobErrors(t, job.id)).toEqual([
      { index: 2, itemId: 'c', line: 5, code: 'validation_failed', errors: [expect.objectContaining({ message: expect.stringMatching(/decimal/) })] },
    ]);
    const b = await body(await call('/v1/products/b', { headers: t.headers }));
    expect(b).toMatchObject({ title: 'Be\nta', prices: { USD: { amount: '12.00' } }, localizations: { 'en-US': { availability: 'out of stock' } } });
  });

  it('decompresses a gzip body on the way in: the stored file and its sha256 are the decompressed bytes', async () => {
    const t = await createTenant();
    const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `gz-${i}`, title: `Gzipped ${i}`, prices: { EUR: { amount: `${i}.50` } } }));
    const plain = utf8(lines.join('\n') + '\n');
    const compressed = await gzip(plain);
    expect(compressed.byteLength).toBeLessThan(plain.byteLength);
    const { job, import: imp } = await startImport(t, compressed, 'application/x-ndjson', { headers: { 'content-encoding': 'gzip' } });
    expect(imp).toMatchObject({ format: 'jsonl', bytes: plain.byteLength, sha256: await sha256Hex(plain) });
    expect(sameBytes(await storedFile(t.id, job.id), plain)).toBe(true);
    const done = await waitImport(t, job.id);
    expect(done).toMatchObject({ status: 'completed', rows: { total: 200, done: 200, failed: 0 } });
    expect(await body(await call('/v1/products/gz-199', { headers: t.headers }))).toMatchObject({ title: 'Gzipped 199', prices: { EUR: { amount: '199.50' } } });
  });

  it('refuses a gzip body that does not decompress with 400 and keeps nothing', async () => {
    const t = await createTenant();
    const res = await postImport(t, utf8('this is not gzip at all\n'), 'text/csv', { headers: { 'content-encoding': 'gzip' } });
    await expectProblem(res, 400);
    await expectNothingKept(t.id);
  });

  it('streams a body of unknown length past several 8 MB parts: bytes and sha256 match, and the cursor walks ~17 MB of lines', async () => {
    const t = await createTenant();
    const blank = new Uint8Array(17_000_000).fill(0x0a);
    const bytes = concat(utf8('id,title,price\na,Alpha,1.00 USD\n'), blank, utf8('z,Zed,not-a-price\n'));
    const { job, import: imp } = await startImport(t, streamOf(bytes), 'text/csv');
    expect(imp.bytes).toBe(bytes.byteLength);
    expect(imp.sha256).toBe(await sha256Hex(bytes));
    expect(sameBytes(await storedFile(t.id, job.id), bytes)).toBe(true);
    const done = await waitImport(t, job.id, { timeoutMs: 90_000, intervalMs: 250 });
    expect(done).toMatchObject({ status: 'partial', rows: { total: 2, done: 1, failed: 1 }, progress: 1 });
    // Header line 1, "a" line 2, 17,000,000 empty lines, then "z".
    expect(await jobErrors(t, job.id)).toEqual([expect.objectContaining({ index: 1, itemId: 'z', line: 17_000_003, errors: [expect.objectContaining({ path: expect.stringMatching(/price/) })] })]);
  }, 120_000);

  it('refuses a body over 100 MB (here: a small gzip that inflates past it) with 413 and keeps nothing', async () => {
    const t = await createTenant();
    const zeros = new Uint8Array(1024 * 1024).fill(0x0a);
    let sent = 0;
    const inflated = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 101) return controller.close();
        sent += 1;
        controller.enqueue(zeros);
      },
    });
    const compressed = new Uint8Array(await new Response(inflated.pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    expect(compressed.byteLength).toBeLessThan(1024 * 1024);
    const res = await postImport(t, compressed, 'text/csv', { mode: 'replace', headers: { 'content-encoding': 'gzip' } });
    await expectProblem(res, 413);
    await expectNothingKept(t.id);
    // The refused replace upload does not hold the tenant's one replace slot.
    const next = await startImport(t, 'id,title\nafter-413,After\n', 'text/csv', { mode: 'replace' });
    expect((await waitImport(t, next.job.id)).status).toBe('completed');
  }, 120_000);

  it.each([
    ['application/json', {}],
    ['text/plain', {}],
    ['application/octet-stream', {}],
    ['text/csv', { 'content-encoding': 'br' }],
  ])('refuses %s %j with 415 and keeps nothing', async (type, headers) => {
    const t = await createTenant();
    const res = await postImport(t, 'id,title\na,Alpha\n', type, { headers });
    await expectProblem(res, 415);
    expect(await importCount(t.id)).toBe(0);
  });

  it('accepts a content type with parameters and in any case (text/csv; charset=utf-8, Application/XML)', async () => {
    const t = await createTenant();
    const a = await startImport(t, 'id,title\nct-1,One\n', 'text/csv; charset=utf-8');
    expect(a.import.format).toBe('csv');
    const b = await startImport(t, '<rss><channel><item><g:id>ct-2</g:id></item></channel></rss>', 'Application/XML');
    expect(b.import.format).toBe('xml');
    await waitImport(t, a.job.id);
    await waitImport(t, b.job.id);
  });

  it('refuses a bad mode with 422 (the query parameter named) and keeps nothing', async () => {
    const t = await createTenant();
    for (const mode of ['merge', 'REPLACE', '']) {
      const problem = await expectProblem(await postImport(t, 'id,title\na,Alpha\n', 'text/csv', { mode }), 422);
      expect(JSON.stringify(problem.errors)).toMatch(/mode/);
    }
    expect(await importCount(t.id)).toBe(0);
  });

  it('needs a key, and keeps one tenant out of another tenant\'s import, job and errors', async () => {
    const owner = await createTenant();
    const other = await createTenant();
    expect((await call('/v1/imports', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'id\na\n' })).status).toBe(401);
    const { jobId } = await runImport(owner, 'id,title,price\niso-1,One,1.00 USD\niso-2,Two,oops\n', 'text/csv');
    expect((await getImport(owner, jobId)).status).toBe('partial');
    await expectProblem(await call(`/v1/imports/${jobId}`, { headers: other.headers }), 404);
    await expectProblem(await call(`/v1/jobs/${jobId}`, { headers: other.headers }), 404);
    await expectProblem(await call(`/v1/jobs/${jobId}/errors`, { headers: other.headers }), 404);
    // The rows went to the owner only.
    expect((await call('/v1/products/iso-1', { headers: owner.headers })).status).toBe(200);
    await expectProblem(await call('/v1/products/iso-1', { headers: other.headers }), 404);
  });

  it('serves at most 1,000 errors per page and pages through the rest with line numbers', async () => {
    const t = await createTenant();
    const rows = Array.from({ length: 1200 }, (_, i) => `bad-${i},Bad ${i},nope`);
    const { jobId, imp } = await runImport(t, `id,title,price\n${rows.join('\n')}\n`, 'text/csv');
    expect(imp).toMatchObject({ status: 'failed', rows: { total: 1200, done: 0, failed: 1200 } });
    const first = await body(await call(`/v1/jobs/${jobId}/errors?limit=1000`, { headers: t.headers }));
    expect(first.data).toHaveLength(1000);
    expect(first.data[0]).toMatchObject({ index: 0, itemId: 'bad-0', line: 2 });
    expect(first.data[999]).toMatchObject({ index: 999, itemId: 'bad-999', line: 1001 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await body(await call(`/v1/jobs/${jobId}/errors?limit=1000&cursor=${encodeURIComponent(first.nextCursor)}`, { headers: t.headers }));
    expect(rest.data).toHaveLength(200);
    expect(rest.data.at(-1)).toMatchObject({ index: 1199, itemId: 'bad-1199', line: 1201 });
    expect(rest.nextCursor).toBeNull();
  });
});
