/**
 * The imports consumer reads the stored file in 512 KB chunks; each chunk commits its rows, its
 * per-row errors and the cursor of the next record (byte offset, line, encoding, header) in ONE D1
 * batch. Here: records straddling the chunk boundary (a quoted newline, a multi-line XML item), a
 * crash in the middle of a chunk (driven directly through the Worker's queue entry), a file missing
 * from storage, Latin-1 bytes that only show up after the first chunk, and a lost wake-up that the
 * cron's sweep recovers.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sweepImports } from '../../src/imports/consumer';
import { createTenant, feed } from '../helpers/api';
import {
  concat,
  drainImport,
  getImport,
  getJob,
  getProduct,
  importRow,
  jobErrors,
  latin1,
  productIds,
  runImport,
  runImportConsumer,
  stageImport,
  utf8,
  waitImport,
} from '../helpers/imports';

const CHUNK = 512 * 1024;
const enc = new TextEncoder();
const byteLen = (s: string) => enc.encode(s).byteLength;

/**
 * A CSV whose record `s1` has quoted newlines and straddles byte 524,288: the last newline before
 * the boundary is inside its quotes. Fillers carry multi-byte characters so that byte offsets and
 * character offsets differ. Layout (lines): header 1, fillers 2..F+1, bad0 F+2, s1 F+3..F+7 (four
 * quoted newlines), bad1 F+8, after F+9.
 */
function straddlingCsv() {
  const header = 'id,title,description,price\n';
  const lines: string[] = [header];
  let bytes = byteLen(header);
  const filler = (i: number) => `f${String(i).padStart(4, '0')},Filler ${i},"${'é'.repeat(1990)} ${i}",1.00 USD\n`;
  let fillers = 0;
  while (bytes + byteLen(filler(fillers)) < CHUNK - 1500) {
    const row = filler(fillers);
    lines.push(row);
    bytes += byteLen(row);
    fillers += 1;
  }
  const bad0 = 'bad0,Bad zero,,zero dollars\n';
  lines.push(bad0);
  bytes += byteLen(bad0);
  const s1Offset = bytes;
  const description = `start\n${'ü'.repeat(1500)}\nmiddle, with "quotes"\n${'z'.repeat(3000)}\nend`;
  const s1 = `s1,Straddle,"${description.replaceAll('"', '""')}",2.00 USD\n`;
  lines.push(s1);
  bytes += byteLen(s1);
  const tail = 'bad1,Bad one,,oops\nafter,After,,3.00 USD\n';
  lines.push(tail);
  const text = lines.join('');
  const data = enc.encode(text);

  // The layout is what the test means: s1 crosses the boundary, and the window's last newline is inside it.
  const s1End = s1Offset + byteLen(s1);
  expect(s1Offset).toBeLessThan(CHUNK);
  expect(s1End).toBeGreaterThan(CHUNK);
  expect(data.subarray(0, CHUNK).lastIndexOf(0x0a)).toBeGreaterThan(s1Offset);
  return { data, fillers, s1Offset, description, firstIds: Array.from({ length: fillers }, (_, i) => `f${String(i).padStart(4, '0')}`) };
}

describe('chunk boundaries', () => {
  it('a CSV record whose quoted newlines straddle the 512 KB boundary is read whole, and every line number stays right', async () => {
    const t = await createTenant();
    const { data, fillers: F, description } = straddlingCsv();
    const { imp, errors, job } = await runImport(t, data, 'text/csv', { timeoutMs: 60_000 });
    expect(imp).toMatchObject({ status: 'partial', rows: { total: F + 4, done: F + 2, failed: 2 }, progress: 1, bytes: data.byteLength });
    expect(job.counts).toMatchObject({ created: F + 2, failed: 2 });
    expect(errors.map((e) => [e.index, e.itemId, e.line])).toEqual([
      [F, 'bad0', F + 2],
      [F + 2, 'bad1', F + 8],
    ]);
    expect(await getProduct(t, 's1')).toMatchObject({ title: 'Straddle', description, prices: { USD: { amount: '2.00' } } });
    expect(await getProduct(t, 'after')).toMatchObject({ title: 'After' });
    expect((await getProduct(t, `f${String(F - 1).padStart(4, '0')}`)).description).toBe(`${'é'.repeat(1990)} ${F - 1}`);
    expect(await productIds(t.id)).toHaveLength(F + 2);
  }, 90_000);

  it('an XML item spanning many lines across the boundary keeps its fields, and items after it keep their line numbers', async () => {
    const t = await createTenant();
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n';
    // Each item: 5 lines, ~2 KB.
    const item = (id: string, price: string) => `<item>\n<g:id>${id}</g:id>\n<g:description>${'ß'.repeat(1000)}</g:description>\n<g:price>${price}</g:price>\n</item>\n`;
    const parts = [head];
    let bytes = byteLen(head);
    let n = 0;
    while (bytes + 2200 < CHUNK - 3000) {
      const it = item(`x${n}`, '1.00 USD');
      parts.push(it);
      bytes += byteLen(it);
      n += 1;
    }
    // The straddler: one item of ~8 KB over 40 lines, starting before the boundary.
    const straddleLine = 3 + n * 5 + 1;
    const straddleOffset = bytes;
    const longDescription = Array.from({ length: 36 }, (_, i) => `line ${i} ${'ø'.repeat(100)}`).join('\n');
    const straddler = `<item>\n<g:id>long</g:id>\n<g:description>${longDescription}</g:description>\n<g:price>9.00 USD</g:price>\n</item>\n`;
    parts.push(straddler);
    bytes += byteLen(straddler);
    expect(straddleOffset).toBeLessThan(CHUNK);
    expect(bytes).toBeGreaterThan(CHUNK);
    const afterLine = straddleLine + straddler.split('\n').length - 1;
    parts.push(item('broken', 'free'), item('tail', '2.00 USD'), '</channel>\n</rss>\n');
    const { imp, errors } = await runImport(t, parts.join(''), 'application/xml', { timeoutMs: 60_000 });
    expect(imp).toMatchObject({ status: 'partial', rows: { total: n + 3, done: n + 2, failed: 1 } });
    expect(errors.map((e) => [e.index, e.itemId, e.line])).toEqual([[n + 1, 'broken', afterLine]]);
    expect(await getProduct(t, 'long')).toMatchObject({ description: longDescription, prices: { USD: { amount: '9.00' } } });
    expect((await getProduct(t, 'tail')).prices).toEqual({ USD: { amount: '2.00', amountMicros: '2000000' } });
  }, 90_000);

  it('Latin-1 bytes that first appear after an all-ASCII first chunk still read as Latin-1, and the byte cursor does not drift', async () => {
    const t = await createTenant();
    const ascii = (from: number, count: number) => Array.from({ length: count }, (_, i) => `a${from + i},Ascii ${from + i},${'x'.repeat(900)},1.00 EUR\n`).join('');
    // ~600 KB of ASCII (the whole first chunk), then Latin-1 rows, then another ~600 KB so that a third chunk follows.
    const text = `id,title,description,price\n${ascii(0, 650)}c1,Café,Crème brûlée,2.00 EUR\nc2,Ação,Señor,3.00 EUR\n${ascii(650, 650)}last,Last,End,4.00 EUR\n`;
    const bytes = latin1(text);
    expect(bytes.subarray(0, CHUNK).every((b) => b < 0x80)).toBe(true);
    const { imp, errors } = await runImport(t, bytes, 'text/csv', { timeoutMs: 60_000 });
    expect(await getProduct(t, 'c1')).toMatchObject({ title: 'Café', description: 'Crème brûlée' });
    expect(await getProduct(t, 'c2')).toMatchObject({ title: 'Ação', description: 'Señor' });
    // The next chunk starts on the byte after c2's row: no record after it is cut short.
    expect(errors).toEqual([]);
    expect(imp).toMatchObject({ status: 'completed', rows: { total: 1303, done: 1303, failed: 0 } });
    const ids = await productIds(t.id);
    expect(ids).toHaveLength(1303);
    expect(ids).toContain('a1299');
    expect(ids).toContain('last');
  }, 90_000);

  it('a stray non-UTF-8 byte in a later chunk of a UTF-8 file does not shift the byte cursor into the next record', async () => {
    const t = await createTenant();
    const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => `u${from + i},Ünïcode ${from + i},${'x'.repeat(900)},1.00 EUR\n`).join('');
    // Chunk 1 is UTF-8 with multi-byte characters (decides utf-8); one row in chunk 2 carries a lone 0xE9.
    const bytes = concat(utf8(`id,title,description,price\n${rows(0, 650)}`), latin1('stray,Caf\u00e9,Lone byte,2.00 EUR\n'), utf8(`${rows(650, 650)}last,Last,End,4.00 EUR\n`));
    const { imp, errors } = await runImport(t, bytes, 'text/csv', { timeoutMs: 60_000 });
    // Whatever becomes of the stray row itself, every other row is read whole.
    expect(errors.filter((e) => e.itemId !== 'stray')).toEqual([]);
    const expected = [...Array.from({ length: 1300 }, (_, i) => `u${i}`), 'last'].sort();
    expect((await productIds(t.id)).filter((id) => id !== 'stray')).toEqual(expected);
    expect(imp.rows.total).toBe(1302);
    expect(await getProduct(t, 'u1000')).toMatchObject({ title: 'Ünïcode 1000' });
  }, 90_000);

  it('a duplicate id in a later chunk is reported like one in the same chunk: first row wins, the repeat is a duplicate_id error on its line', async () => {
    const t = await createTenant();
    const filler = Array.from({ length: 150 }, (_, i) => `d${i},Filler,${'d'.repeat(4000)},1.00 USD`);
    const csv = `id,title,description,price\ntwice,First,,1.00 USD\n${filler.join('\n')}\ntwice,Second,,2.00 USD\n`;
    expect(csv.indexOf('twice,Second')).toBeGreaterThan(CHUNK);
    const { imp, errors, job } = await runImport(t, csv, 'text/csv', { timeoutMs: 60_000 });
    expect(imp.rows).toEqual({ total: 152, done: 151, failed: 1 });
    expect(errors).toEqual([expect.objectContaining({ index: 151, itemId: 'twice', line: 153, code: 'duplicate_id' })]);
    expect(await getProduct(t, 'twice')).toMatchObject({ title: 'First', version: 1 });
    expect(job.counts).toMatchObject({ created: 151, updated: 0 });
  }, 90_000);
});

describe('a crash in the middle of a chunk', () => {
  it('rolls the whole chunk back with its cursor; the retry resumes at the record boundary and writes every row exactly once', async () => {
    const t = await createTenant();
    const { data, fillers: F, s1Offset, firstIds } = straddlingCsv();
    const jobId = await stageImport(t.id, data, 'csv');
    // The chunk after the first will record bad1's error at index F+2: a row already there makes its D1 batch fail.
    await env.DB.prepare("INSERT INTO job_errors (job_id, idx, item_id, line, code, errors, created_at) VALUES (?1, ?2, 'planted', 0, 'planted', '[]', 0)")
      .bind(jobId, F + 2)
      .run();

    for (const attempt of [1, 2]) {
      const { result, requeued } = await runImportConsumer(t.id, jobId, attempt);
      expect(result.retryMessages).toHaveLength(1);
      expect(requeued).toEqual([]);
      // The first chunk committed (once); the second did not: the cursor sits on s1, where the straddler starts.
      const row = await importRow(jobId);
      expect(row).toMatchObject({ status: 'processing', next_offset: s1Offset, next_line: F + 3, encoding: 'utf-8', rows_total: F + 1, rows_done: F, rows_failed: 1 });
      expect(await productIds(t.id)).toEqual(firstIds);
      const { results: errs } = await env.DB.prepare('SELECT idx, item_id, line FROM job_errors WHERE job_id = ?1 ORDER BY idx').bind(jobId).all();
      expect(errs).toEqual([
        { idx: F, item_id: 'bad0', line: F + 2 },
        { idx: F + 2, item_id: 'planted', line: 0 },
      ]);
    }
    expect((await feed(t)).filter((e) => e.type.startsWith('product.')).map((e) => e.data.productId)).toEqual(firstIds);
    expect((await getImport(t, jobId)).progress).toBeCloseTo(s1Offset / data.byteLength, 5);

    // The cause goes away; the next delivery picks up exactly where the cursor is.
    await env.DB.prepare('DELETE FROM job_errors WHERE job_id = ?1 AND idx = ?2').bind(jobId, F + 2).run();
    const row = await drainImport(t.id, jobId);
    expect(row).toMatchObject({ status: 'partial', next_offset: data.byteLength, rows_total: F + 4, rows_done: F + 2, rows_failed: 2 });
    expect(await jobErrors(t, jobId)).toEqual([
      expect.objectContaining({ index: F, itemId: 'bad0', line: F + 2 }),
      expect.objectContaining({ index: F + 2, itemId: 'bad1', line: F + 8 }),
    ]);
    const ids = await productIds(t.id);
    expect(ids).toEqual([...firstIds, 'after', 's1'].sort());
    const { results: versions } = await env.DB.prepare('SELECT DISTINCT version FROM products WHERE tenant_id = ?1').bind(t.id).all<{ version: number }>();
    expect(versions).toEqual([{ version: 1 }]);
    const productEvents = (await feed(t)).filter((e) => e.type.startsWith('product.'));
    expect(productEvents.map((e) => e.type)).toEqual(Array(F + 2).fill('product.created'));
    expect(new Set(productEvents.map((e) => e.data.productId)).size).toBe(F + 2);
    const job = await getJob(t, jobId);
    expect(job).toMatchObject({ status: 'partial', counts: { total: F + 4, succeeded: F + 2, failed: 2, created: F + 2, updated: 0 } });

    // A late duplicate delivery of the message changes nothing.
    const late = await runImportConsumer(t.id, jobId, 3);
    expect(late.result.retryMessages).toEqual([]);
    expect(await importRow(jobId)).toMatchObject({ status: 'partial', rows_total: F + 4 });
    expect((await feed(t)).filter((e) => e.type === 'job.completed')).toHaveLength(1);
  }, 120_000);

  it('a file missing from storage retries without moving the cursor, and completes once it is back', async () => {
    const t = await createTenant();
    const jobId = await stageImport(t.id, utf8('id,title\nm1,One\nm2,Two\n'), 'csv');
    const key = (await importRow(jobId)).r2_key;
    await env.DB.prepare('UPDATE imports SET r2_key = ?2 WHERE job_id = ?1').bind(jobId, `${key}-missing`).run();
    const { result } = await runImportConsumer(t.id, jobId);
    expect(result.retryMessages).toHaveLength(1);
    expect(await importRow(jobId)).toMatchObject({ status: 'pending', next_offset: 0, next_line: 1, rows_total: 0 });
    expect(await productIds(t.id)).toEqual([]);
    await env.DB.prepare('UPDATE imports SET r2_key = ?2 WHERE job_id = ?1').bind(jobId, key).run();
    expect(await drainImport(t.id, jobId)).toMatchObject({ status: 'completed', rows_total: 2, rows_done: 2 });
    expect(await productIds(t.id)).toEqual(['m1', 'm2']);
  });

  it('an import whose wake-up was lost is picked up by the cron sweep', async () => {
    const t = await createTenant();
    const jobId = await stageImport(t.id, concat(utf8('id,title\n'), utf8('w1,Woken\n')), 'csv', 'upsert', Date.now() - 120_000);
    expect(await sweepImports(env)).toBeGreaterThanOrEqual(1);
    const imp = await waitImport(t, jobId);
    expect(imp).toMatchObject({ status: 'completed', rows: { total: 1, done: 1 } });
    expect((await getProduct(t, 'w1')).title).toBe('Woken');
  });
});
