/**
 * Hostile feeds end as per-row errors, never as a chunk that throws (and is retried forever) or one
 * that never finishes: Merchant XML items with invalid code points or pathological nesting, JSONL rows
 * nested past 64 levels, and a consumer batch in which one tenant's hostile import sits beside
 * another tenant's ordinary one.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import { createTenant } from '../helpers/api';
import { drainImport, getProduct, importRow, jobErrors, productIds, stageImport, utf8 } from '../helpers/imports';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n';
const TAIL = '</channel>\n</rss>\n';

describe('hostile Merchant XML', () => {
  it('a character reference that is no code point XML allows (&#x110000;, &#0;, &#xD800;) is a row error on its item; the other items import', async () => {
    const t = await createTenant();
    const xml = `${HEAD}<item><g:id>ok-1</g:id><g:title>Caf&#xE9; &amp; more</g:title></item>
<item><g:id>bad-1</g:id><g:title>Big &#x110000;</g:title></item>
<item><g:id>bad-2</g:id><g:title>Nul &#0;</g:title></item>
<item><g:id>bad-3</g:id><g:description>Surrogate &#xD800;</g:description></item>
<item><g:id>ok-2</g:id><g:title>Tom & Jerry</g:title></item>
${TAIL}`;
    const jobId = await stageImport(t.id, utf8(xml), 'xml');
    const row = await drainImport(t.id, jobId);
    expect(row).toMatchObject({ status: 'partial', rows_total: 5, rows_done: 2, rows_failed: 3 });
    const errors = await jobErrors(t, jobId);
    expect(errors.map((e) => [e.itemId, e.line])).toEqual([
      ['bad-1', 5],
      ['bad-2', 6],
      ['bad-3', 7],
    ]);
    for (const e of errors) expect(e.errors[0]!.message).toMatch(/code point/i);
    expect(errors[2]!.errors[0]!.path).toBe('description');
    expect((await getProduct(t, 'ok-1')).title).toBe('Café & more');
    // A bare ampersand is read as text, as it always was.
    expect((await getProduct(t, 'ok-2')).title).toBe('Tom & Jerry');
  });

  it('an item nested 32,000 elements deep (~96 KB, quadratic for a regex) is one row error naming the limit; the items after it import', async () => {
    const t = await createTenant();
    const deep = `<item><g:id>deep</g:id>${'<a>'.repeat(32_000)}</item>\n`;
    const xml = `${HEAD}<item><g:id>before</g:id></item>\n${deep}<item><g:id>after</g:id></item>\n${TAIL}`;
    const jobId = await stageImport(t.id, utf8(xml), 'xml');
    const row = await drainImport(t.id, jobId);
    expect(row).toMatchObject({ status: 'partial', rows_total: 3, rows_done: 2, rows_failed: 1 });
    expect(await jobErrors(t, jobId)).toEqual([expect.objectContaining({ itemId: 'deep', line: 5, errors: [expect.objectContaining({ message: expect.stringMatching(/64/) })] })]);
    expect(await productIds(t.id)).toEqual(['after', 'before']);
  });

  it('a few stray tags are read leniently (the item imports); an item of nothing but stray tags is one row error naming the cap', async () => {
    const t = await createTenant();
    const xml = `${HEAD}<item><g:id>flat</g:id><g:title>Flat</g:title><g:description>x${'<a></b>'.repeat(3)}</g:description><g:price>2.00 USD</g:price></item>
<item><g:id>stray</g:id><g:description>x${'<a></b>'.repeat(10_000)}</g:description></item>
<item><g:id>next</g:id></item>\n${TAIL}`;
    const jobId = await stageImport(t.id, utf8(xml), 'xml');
    const row = await drainImport(t.id, jobId);
    expect(row).toMatchObject({ status: 'partial', rows_total: 3, rows_done: 2 });
    expect(await getProduct(t, 'flat')).toMatchObject({ title: 'Flat', prices: { USD: { amount: '2.00' } } });
    expect(await jobErrors(t, jobId)).toEqual([expect.objectContaining({ itemId: 'stray', line: 5, errors: [expect.objectContaining({ message: expect.stringMatching(/200 XML syntax errors/) })] })]);
    expect(await productIds(t.id)).toEqual(['flat', 'next']);
  });
});

describe('hostile JSONL', () => {
  it('a row nested past 64 levels is a row error on its line; the rows around it import', async () => {
    const t = await createTenant();
    const deep = `{"id":"deep","title":"Deep","metadata":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    const sixtyFour = `{"id":"edge","title":"Edge","metadata":${'{"a":'.repeat(62)}1${'}'.repeat(62)}}`;
    const jsonl = [JSON.stringify({ id: 'one', title: 'One' }), deep, JSON.stringify({ id: 'two', title: 'Two' }), sixtyFour].join('\n') + '\n';
    const jobId = await stageImport(t.id, utf8(jsonl), 'jsonl');
    const row = await drainImport(t.id, jobId);
    expect(row.rows_total).toBe(4);
    const errors = await jobErrors(t, jobId);
    expect(errors.filter((e) => e.line === 2)).toEqual([expect.objectContaining({ line: 2, errors: [expect.objectContaining({ message: expect.stringMatching(/64/) })] })]);
    // 64 levels exactly is not refused for its depth.
    expect(errors.filter((e) => e.line === 4 && /64/.test(JSON.stringify(e.errors)))).toEqual([]);
    expect(await productIds(t.id)).toEqual(expect.arrayContaining(['one', 'two']));
  });
});

describe('long JSONL rows', () => {
  it('a line over 1 MiB is a row error naming the limit (it is not parsed); the rows around it import', async () => {
    const t = await createTenant();
    const long = `{"id":"long","title":"Long","metadata":{"a":[${'{},'.repeat(400_000)}{}]}}`;
    expect(long.length).toBeGreaterThan(1024 * 1024);
    const jsonl = [JSON.stringify({ id: 'one', title: 'One' }), long, JSON.stringify({ id: 'two', title: 'Two' })].join('\n') + '\n';
    const jobId = await stageImport(t.id, utf8(jsonl), 'jsonl');
    const row = await drainImport(t.id, jobId);
    expect(row).toMatchObject({ status: 'partial', rows_total: 3, rows_done: 2, rows_failed: 1 });
    expect(await jobErrors(t, jobId)).toEqual([expect.objectContaining({ line: 2, errors: [expect.objectContaining({ message: expect.stringMatching(/1 MiB/) })] })]);
    expect(await productIds(t.id)).toEqual(['one', 'two']);
  });
});

describe('one consumer batch, two tenants', () => {
  it("a hostile import beside another tenant's ordinary one: no message is retried, both imports end", async () => {
    const hostile = await createTenant();
    const ordinary = await createTenant();
    const hostileJob = await stageImport(hostile.id, utf8(`${HEAD}<item><g:id>h1</g:id><g:title>&#x110000;</g:title></item>\n<item><g:id>h2</g:id><g:title>${'<a>'.repeat(5_000)}</g:title></item>\n${TAIL}`), 'xml');
    const ordinaryJob = await stageImport(ordinary.id, utf8('id,title\no1,One\no2,Two\n'), 'csv');
    const testEnv = { ...env, IMPORTS_QUEUE: { send: async () => {}, sendBatch: async () => {} } };
    const batch = createMessageBatch('shelfsync-imports', [
      { id: 'm-hostile', timestamp: new Date(), attempts: 1, body: { kind: 'import', tenantId: hostile.id, jobId: hostileJob } },
      { id: 'm-ordinary', timestamp: new Date(), attempts: 1, body: { kind: 'import', tenantId: ordinary.id, jobId: ordinaryJob } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, testEnv as unknown as Env);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks.sort()).toEqual(['m-hostile', 'm-ordinary']);
    expect(await importRow(hostileJob)).toMatchObject({ status: 'failed', rows_total: 2, rows_failed: 2 });
    expect(await importRow(ordinaryJob)).toMatchObject({ status: 'completed', rows_done: 2 });
    expect(await productIds(ordinary.id)).toEqual(['o1', 'o2']);
  });
});
