/**
 * POST /v1/imports limits: a gzip body that expands more than 100:1 is refused (413, naming the
 * ratio) and nothing is kept; a tenant runs at most 2 imports at once (429 with Retry-After past it,
 * other tenants unaffected); an ended import's file is deleted from R2 once it is a week old.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { runHousekeeping } from '../../src/cron/scheduled';
import { createTenant, expectProblem } from '../helpers/api';
import { drainImport, getImport, gzip, postImport, stageImport, startImport, storedFile, utf8, waitImport } from '../helpers/imports';

const DAY_MS = 86_400_000;

async function nothingKept(tenantId: string) {
  const jobs = await env.DB.prepare('SELECT COUNT(*) AS n FROM jobs WHERE tenant_id = ?1').bind(tenantId).first<{ n: number }>();
  expect(jobs!.n).toBe(0);
  const listed = await env.IMAGES.list({ prefix: `imports/${tenantId}/` });
  expect(listed.objects).toEqual([]);
}

describe('gzip expansion', () => {
  it('refuses a gzip body that expands more than 100:1 (here ~20 KB -> 20 MB) with 413 naming the ratio, and keeps nothing', async () => {
    const t = await createTenant();
    const plain = new Uint8Array(20 * 1024 * 1024).fill(0x0a);
    plain.set(utf8('id,title\nz,Zed\n'));
    const compressed = await gzip(plain);
    expect(plain.byteLength / compressed.byteLength).toBeGreaterThan(100);
    const problem = await expectProblem(await postImport(t, compressed, 'text/csv', { headers: { 'content-encoding': 'gzip' } }), 413);
    expect(problem.detail).toMatch(/100:1/);
    await nothingKept(t.id);
  });

  it('accepts an ordinary gzip feed (a few times smaller than its text)', async () => {
    const t = await createTenant();
    const rows = Array.from({ length: 3000 }, (_, i) => `r-${i},Row number ${i} in a feed,${(i % 90) + 1}.00 USD`);
    const plain = utf8(`id,title,price\n${rows.join('\n')}\n`);
    const compressed = await gzip(plain);
    const { job } = await startImport(t, compressed, 'text/csv', { headers: { 'content-encoding': 'gzip' } });
    expect(await waitImport(t, job.id)).toMatchObject({ status: 'completed', rows: { total: 3000, done: 3000 } });
  });
});

describe('imports running at once', () => {
  it('a third import while two run is a 429 with Retry-After; another tenant is not held up; once one ends the next is accepted', async () => {
    const t = await createTenant();
    const other = await createTenant();
    const first = await stageImport(t.id, utf8('id,title\na1,One\n'), 'csv');
    const second = await stageImport(t.id, utf8('id,title\nb1,One\n'), 'csv');
    const res = await postImport(t, 'id,title\nc1,One\n', 'text/csv');
    const problem = await expectProblem(res, 429, 'rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(problem.detail).toMatch(/2 imports/);
    const refused = await env.DB.prepare("SELECT COUNT(*) AS n FROM imports WHERE tenant_id = ?1 AND status != 'pending'").bind(t.id).first<{ n: number }>();
    expect(refused!.n).toBe(0);

    const elsewhere = await startImport(other, 'id,title\nx1,One\n', 'text/csv');
    await waitImport(other, elsewhere.job.id);

    await drainImport(t.id, first);
    const third = await startImport(t, 'id,title\nc1,One\n', 'text/csv');
    await waitImport(t, third.job.id);
    await drainImport(t.id, second);
  });
});

describe('import files in R2', () => {
  it('an ended import keeps its file for 7 days (GET still answers), then the cron deletes the file and keeps the record', async () => {
    const t = await createTenant();
    const { job } = await startImport(t, 'id,title\nr1,One\n', 'text/csv');
    await waitImport(t, job.id);
    const running = await stageImport(t.id, utf8('id,title\nr2,Two\n'), 'csv', 'upsert', Date.now() - 30 * DAY_MS);

    await runHousekeeping(env, Date.now() + 6 * DAY_MS);
    expect(await storedFile(t.id, job.id)).not.toBeNull();

    await runHousekeeping(env, Date.now() + 8 * DAY_MS);
    expect(await storedFile(t.id, job.id)).toBeNull();
    expect(await getImport(t, job.id)).toMatchObject({ status: 'completed', rows: { total: 1, done: 1 } });
    // An import that has not ended keeps its file, however old.
    expect(await storedFile(t.id, running)).not.toBeNull();
    await drainImport(t.id, running);
  });
});
