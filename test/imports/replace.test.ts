/**
 * ?mode=replace: a full sync. Once the import ends `completed`, the tenant's products the file does
 * not mention are deleted (a `product.deleted` event each, reason "replaced"); mentioned rows are
 * marked without bumping their version; an id on a failed row still counts as mentioned; a partial
 * or failed import deletes nothing and says so in its note; one replace import per tenant at a time.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sweepImports } from '../../src/imports/consumer';
import { createTenant, feed, product, putProduct, type TestTenant } from '../helpers/api';
import { getProduct, importRow, postImport, productIds, productStatus, runImport, sleep, startImport, utf8, waitImport } from '../helpers/imports';

const JSONL = 'application/x-ndjson';
const jsonl = (...docs: unknown[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

async function seed(t: TestTenant, ...ids: string[]): Promise<Record<string, any>> {
  const out: Record<string, any> = {};
  for (const id of ids) {
    const res = await putProduct(t, id, product(id));
    expect([200, 201]).toContain(res.status);
    out[id] = await res.json();
  }
  return out;
}

async function seenBy(tenantId: string, id: string): Promise<string | null> {
  const row = await env.DB.prepare('SELECT seen_by FROM products WHERE tenant_id = ?1 AND id = ?2').bind(tenantId, id).first<{ seen_by: string | null }>();
  return row?.seen_by ?? null;
}

describe('replace mode', () => {
  it('deletes what the file does not mention once completed, with product.deleted (reason "replaced"); unchanged rows keep their version', async () => {
    const t = await createTenant();
    const bystander = await createTenant();
    const before = await seed(t, 'keep', 'change', 'gone-1', 'gone-2');
    await seed(bystander, 'gone-1');
    const { imp, job, errors, jobId } = await runImport(t, jsonl(product('keep'), product('change', { title: 'Changed' }), product('new-1')), JSONL, { mode: 'replace' });
    expect(errors).toEqual([]);
    expect(imp).toMatchObject({ status: 'completed', mode: 'replace', rows: { total: 3, done: 3, failed: 0 } });
    expect(job).toMatchObject({ status: 'completed', counts: { total: 3, succeeded: 3, created: 1, updated: 1, unchanged: 1, deleted: 2 } });

    expect(await productIds(t.id)).toEqual(['change', 'keep', 'new-1']);
    const keep = await getProduct(t, 'keep');
    expect(keep).toMatchObject({ version: 1, updatedAt: before.keep.updatedAt });
    expect(await getProduct(t, 'change')).toMatchObject({ version: 2, title: 'Changed' });
    expect(await getProduct(t, 'new-1')).toMatchObject({ version: 1 });
    expect(await productStatus(t, 'gone-1')).toBe(404);

    const events = await feed(t);
    const deleted = events.filter((e) => e.type === 'product.deleted');
    expect(deleted.map((e) => e.data.productId).sort()).toEqual(['gone-1', 'gone-2']);
    for (const e of deleted) expect(e.data).toMatchObject({ reason: 'replaced', number: before[e.data.productId as string].number, version: 1 });
    expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
    // Being mentioned is not a change: no event about "keep" after its creation.
    expect(events.filter((e) => e.data.productId === 'keep').map((e) => e.type)).toEqual(['product.created']);
    expect(events.filter((e) => e.type === 'job.completed' && e.data.jobId === jobId)).toHaveLength(1);

    // Another tenant's product with the same id is not touched.
    expect(await productIds(bystander.id)).toEqual(['gone-1']);
  });

  it('takes the images of deleted products with them', async () => {
    const t = await createTenant();
    await putProduct(t, 'pic', product('pic', { images: [{ id: 'front', source: { url: 'https://cdn.example/pic.jpg' } }] }));
    await seed(t, 'stay');
    const { imp } = await runImport(t, jsonl(product('stay')), JSONL, { mode: 'replace' });
    expect(imp.status).toBe('completed');
    expect(await productIds(t.id)).toEqual(['stay']);
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM images WHERE tenant_id = ?1 AND product_id = 'pic'").bind(t.id).first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it('a mention anywhere in a multi-chunk file counts', async () => {
    const t = await createTenant();
    await seed(t, 'early', 'late', 'unmentioned');
    const filler = Array.from({ length: 150 }, (_, i) => `fill-${i},Filler,${'d'.repeat(4000)},1.00 USD`);
    const csv = `id,title,description,price\nearly,Early,,25.00 USD\n${filler.join('\n')}\nlate,Late,,25.00 USD\n`;
    expect(utf8(csv).byteLength).toBeGreaterThan(512 * 1024);
    const { imp, job } = await runImport(t, csv, 'text/csv', { mode: 'replace', timeoutMs: 60_000 });
    expect(imp).toMatchObject({ status: 'completed', rows: { total: 152, done: 152 } });
    expect(job.counts.deleted).toBe(1);
    const ids = await productIds(t.id);
    expect(ids).toHaveLength(152);
    expect(ids).toEqual(expect.arrayContaining(['early', 'late']));
    expect(ids).not.toContain('unmentioned');
  }, 90_000);

  it('a partial import deletes nothing and says so; the id on a failed row still counts as mentioned and keeps its version', async () => {
    const t = await createTenant();
    await seed(t, 'ok', 'broken', 'absent');
    const csv = 'id,title,price\nok,Ok,25.00 USD\nbroken,Broken,twenty-five\n';
    const { imp, job, errors, jobId } = await runImport(t, csv, 'text/csv', { mode: 'replace' });
    expect(imp).toMatchObject({ status: 'partial', rows: { total: 2, done: 1, failed: 1 } });
    expect(imp.note).toMatch(/deleted nothing/i);
    expect(imp.note).toMatch(/partial/);
    expect(job).toMatchObject({ status: 'partial', counts: { deleted: 0 } });
    expect(errors).toEqual([expect.objectContaining({ itemId: 'broken', line: 3 })]);
    expect(await productIds(t.id)).toEqual(['absent', 'broken', 'ok']);
    expect(await getProduct(t, 'broken')).toMatchObject({ version: 1, title: 'Product broken' });
    expect((await feed(t)).filter((e) => e.type === 'product.deleted')).toEqual([]);
    // Mentioned (the failed row included), not mentioned.
    expect(await seenBy(t.id, 'broken')).toBe(jobId);
    expect(await seenBy(t.id, 'ok')).toBe(jobId);
    expect(await seenBy(t.id, 'absent')).not.toBe(jobId);
  });

  it('a failed import deletes nothing and says so', async () => {
    const t = await createTenant();
    await seed(t, 'a', 'b');
    const { imp, job } = await runImport(t, '{"id":"a","title":5}\nnot json\n', JSONL, { mode: 'replace' });
    expect(imp).toMatchObject({ status: 'failed', rows: { total: 2, done: 0, failed: 2 } });
    expect(imp.note).toMatch(/deleted nothing/i);
    expect(imp.note).toMatch(/failed/);
    expect(job.counts.deleted).toBe(0);
    expect(await productIds(t.id)).toEqual(['a', 'b']);
  });

  it('an upsert import deletes nothing', async () => {
    const t = await createTenant();
    await seed(t, 'x', 'y');
    const { imp, job } = await runImport(t, jsonl(product('z')), JSONL);
    expect(imp).toMatchObject({ status: 'completed', mode: 'upsert', note: null });
    expect(job.counts.deleted).toBe(0);
    expect(await productIds(t.id)).toEqual(['x', 'y', 'z']);
  });
});

describe('one replace import per tenant at a time', () => {
  it('answers 409 while one is pending or processing; other tenants and later imports are not blocked', async () => {
    const t = await createTenant();
    const other = await createTenant();
    const now = Date.now();
    const running = `job_running_${crypto.randomUUID().replaceAll('-', '')}`;
    await env.DB.prepare(
      `INSERT INTO imports (job_id, tenant_id, format, mode, r2_key, bytes, sha256, next_offset, next_line, rows_total, rows_done, rows_failed, status, created_at, updated_at)
       VALUES (?1, ?2, 'csv', 'replace', 'imports/none', 10, '', 0, 1, 0, 0, 0, 'processing', ?3, ?3)`,
    )
      .bind(running, t.id, now)
      .run();
    const res = await postImport(t, jsonl(product('p')), JSONL, { mode: 'replace' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(running);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM imports WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>())!.n).toBe(1);

    // A replace upload still streaming in holds the slot too.
    const uploading = `job_uploading_${crypto.randomUUID().replaceAll('-', '')}`;
    await env.DB.prepare(
      `INSERT INTO imports (job_id, tenant_id, format, mode, r2_key, bytes, sha256, next_offset, next_line, rows_total, rows_done, rows_failed, status, created_at, updated_at)
       VALUES (?1, ?2, 'csv', 'replace', 'imports/none', 0, '', 0, 1, 0, 0, 0, 'uploading', ?3, ?3)`,
    )
      .bind(uploading, other.id, Date.now())
      .run();
    expect((await postImport(other, jsonl(product('p')), JSONL, { mode: 'replace' })).status).toBe(409);
    await env.DB.prepare("UPDATE imports SET status = 'failed' WHERE job_id = ?1").bind(uploading).run();

    const elsewhere = await startImport(other, jsonl(product('p')), JSONL, { mode: 'replace' });
    await waitImport(other, elsewhere.job.id);

    await env.DB.prepare("UPDATE imports SET status = 'completed', updated_at = ?2 WHERE job_id = ?1").bind(running, Date.now()).run();
    const later = await startImport(t, jsonl(product('p')), JSONL, { mode: 'replace' });
    expect((await waitImport(t, later.job.id)).status).toBe('completed');
  });

  async function deadUpload(tenantId: string): Promise<string> {
    const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
    const dead = `job_dead_${crypto.randomUUID().replaceAll('-', '')}`;
    await env.DB.prepare(
      `INSERT INTO imports (job_id, tenant_id, format, mode, r2_key, bytes, sha256, next_offset, next_line, rows_total, rows_done, rows_failed, status, created_at, updated_at)
       VALUES (?1, ?2, 'csv', 'replace', 'imports/none', 0, '', 0, 1, 0, 0, 0, 'uploading', ?3, ?3)`,
    )
      .bind(dead, tenantId, dayAgo)
      .run();
    return dead;
  }

  it('an upload that died long ago (its request never finished: isolate evicted, `npm start` restarted) does not hold the slot: the POST does not count it', async () => {
    const t = await createTenant();
    const dead = await deadUpload(t.id);
    const res = await postImport(t, jsonl(product('p')), JSONL, { mode: 'replace' });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(202);
    expect(await importRow(dead)).toMatchObject({ status: 'uploading' });
    expect((await waitImport(t, JSON.parse(text).job.id)).status).toBe('completed');
  });

  it('the import sweep ends an upload that died long ago as failed, with the reason', async () => {
    const t = await createTenant();
    const dead = await deadUpload(t.id);
    await sweepImports(env);
    expect(await importRow(dead)).toMatchObject({ status: 'failed', note: 'The upload did not complete' });
  });

  it('a second replace import posted right after the first is refused while the first runs', async () => {
    const t = await createTenant();
    const rows = Array.from({ length: 10_000 }, (_, i) => JSON.stringify(product(`q-${i}`)));
    const first = await startImport(t, rows.join('\n'), JSONL, { mode: 'replace' });
    const second = await postImport(t, jsonl(product('q-0')), JSONL, { mode: 'replace' });
    const firstNow = await waitImport(t, first.job.id, { timeoutMs: 60_000 });
    // Only meaningful when the first was still running when the second arrived; 10,000 rows take a while.
    if (second.status === 202) {
      const again = (await second.json()) as any;
      await waitImport(t, again.job.id);
      expect.fail(`a second replace import was accepted (first ended ${firstNow.status} at ${firstNow.completedAt})`);
    }
    expect(second.status).toBe(409);
  }, 90_000);

  it('two replace imports racing (the first still uploading when the second arrives) never both get 202', async () => {
    const t = await createTenant();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let sentHead = false;
    const slowBody = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sentHead) {
          sentHead = true;
          controller.enqueue(utf8(JSON.stringify(product('race-a')) + '\n'));
          return;
        }
        await released;
        controller.enqueue(utf8(JSON.stringify(product('race-b')) + '\n'));
        controller.close();
      },
    });
    const slow = postImport(t, slowBody, JSONL, { mode: 'replace' });
    await sleep(200); // the slow request is past its checks and streaming into R2
    const fast = await postImport(t, jsonl(product('race-c')), JSONL, { mode: 'replace' });
    release();
    const slowRes = await slow;
    const statuses = [slowRes.status, fast.status].sort();
    for (const res of [slowRes, fast]) {
      if (res.status === 202) await waitImport(t, ((await res.json()) as any).job.id);
      else await res.body?.cancel();
    }
    expect(statuses).toEqual([202, 409]);
  });
});
