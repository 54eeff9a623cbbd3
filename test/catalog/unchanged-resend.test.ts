/**
 * Unchanged re-sends: a multi-item write decides which items equal what is stored before it writes,
 * answers those from what it read, and binds only the others into its statements. The answer, the
 * job's counts and the events are what they were when every item went through the statements; a read
 * that is behind the primary (a replica) never makes a change look unchanged.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/config';
import { validateDocument } from '../../src/catalog/model/validate-document';
import { BatchProductInput } from '../../src/catalog/model/product.schema';
import { SELECT_STORED_FOR_IDS } from '../../src/catalog/write/statements';
import { type WriteItem, writeProducts } from '../../src/catalog/write/write-products';
import { body, call, createTenant, feed, postBatch, product, putProduct } from '../helpers/api';

const withImage = (id: string, extra: Record<string, unknown> = {}) =>
  product(id, { images: [{ source: { url: `https://cdn.shop.example/${id}.jpg` } }], ...extra });

async function item(index: number, doc: Record<string, unknown>): Promise<WriteItem> {
  const validated = await validateDocument(doc, BatchProductInput, resolveOptions(), null);
  if (!validated.ok) throw new Error(`invalid test product: ${JSON.stringify(validated.errors)}`);
  return { index, id: validated.id!, doc: validated.doc };
}

interface Bound {
  sql: string;
  params: unknown[];
}

/** env.DB, recording every statement sent in a batch; `storedRows` answers the pre-read instead of D1 (a lagging replica). */
function spyDb(storedRows?: unknown[]) {
  const bound = new WeakMap<object, Bound>();
  const batches: Bound[][] = [];
  const db = {
    prepare(sql: string) {
      const real = env.DB.prepare(sql);
      return {
        bind(...params: unknown[]) {
          const statement = real.bind(...params);
          bound.set(statement, { sql, params });
          if (sql === SELECT_STORED_FOR_IDS && storedRows) {
            return { all: async () => ({ results: storedRows, success: true, meta: {} }) } as unknown as D1PreparedStatement;
          }
          return statement;
        },
      };
    },
    async batch(statements: D1PreparedStatement[]) {
      batches.push(statements.map((s) => bound.get(s)!));
      return await env.DB.batch(statements);
    },
  } as unknown as D1Database;
  return { db, batches };
}

describe('unchanged re-sends', () => {
  it('answers a mixed batch as before, with events only for the changed and new items', async () => {
    const t = await createTenant();
    const first = await body(await postBatch(t, [withImage('same'), product('other'), product('edited', { title: 'before' })]));
    expect(first.results.map((r: { status: string }) => r.status)).toEqual(['created', 'created', 'created']);
    const before = await env.DB.prepare('SELECT id, version, job_id, updated_at, data FROM products WHERE tenant_id = ?1 ORDER BY id').bind(t.id).all();
    const etag = (await call('/v1/products/same', { headers: t.headers })).headers.get('etag');
    const seqBefore = Math.max(...(await feed(t)).map((e) => e.seq));

    const res = await postBatch(t, [product('new'), withImage('same'), product('edited', { title: 'after' }), product('other'), { id: 'bad', gender: 'x' }]);
    expect(res.status).toBe(200);
    const out = await body(res);
    expect(out.results.map((r: Record<string, unknown>) => [r.index, r.id, r.ok, r.status, r.version])).toEqual([
      [0, 'new', true, 'created', 1],
      [1, 'same', true, 'unchanged', 1],
      [2, 'edited', true, 'updated', 2],
      [3, 'other', true, 'unchanged', 1],
      [4, 'bad', false, 'failed', undefined],
    ]);
    const numbers = Object.fromEntries(first.results.map((r: { id: string; number: number }) => [r.id, r.number]));
    expect(out.results[1].number).toBe(numbers.same);
    expect(out.results[3].number).toBe(numbers.other);
    expect(out.job).toMatchObject({ counts: { total: 5, succeeded: 4, failed: 1, created: 1, updated: 1, unchanged: 2, deleted: 0 } });

    const events = (await feed(t, seqBefore)).filter((e) => e.type.startsWith('product.'));
    expect(events.map((e) => [e.type, e.data.productId, e.data.version])).toEqual([
      ['product.created', 'new', 1],
      ['product.updated', 'edited', 2],
    ]);
    const after = await env.DB.prepare('SELECT id, version, job_id, updated_at, data FROM products WHERE tenant_id = ?1 ORDER BY id').bind(t.id).all();
    const unchangedRows = (rows: typeof before) => rows.results.filter((r) => r.id === 'same' || r.id === 'other');
    expect(unchangedRows(after)).toEqual(unchangedRows(before));
    expect((await call('/v1/products/same', { headers: t.headers })).headers.get('etag')).toBe(etag);
  });

  it('binds only the changed items into the write statements', async () => {
    const t = await createTenant();
    await postBatch(t, [withImage('keep-a'), product('keep-b'), product('change', { title: 'one' })]);
    const items = await Promise.all([withImage('keep-a'), product('change', { title: 'two' }), product('keep-b'), product('fresh')].map((doc, i) => item(i, doc)));
    const { db, batches } = spyDb();

    const result = await writeProducts(db, { tenantId: t.id, kind: 'products.batch', items, failures: [] });

    expect(result.written.map((w) => [w.index, w.id, w.outcome, w.version])).toEqual([
      [0, 'keep-a', 'unchanged', 1],
      [1, 'change', 'updated', 2],
      [2, 'keep-b', 'unchanged', 1],
      [3, 'fresh', 'created', 1],
    ]);
    expect(result.toIngest).toEqual([]);
    expect(batches).toHaveLength(1);
    // Only the guard (first) names the unchanged ids; no other statement of the write binds them.
    const [guard, ...rest] = batches[0]!;
    expect(guard!.sql).toMatch(/INSERT INTO products/);
    expect(JSON.parse(guard!.params[1] as string).map((g: { id: string }) => g.id)).toEqual(['keep-a', 'keep-b']);
    const mentions = rest.filter((s) => s.params.some((p) => typeof p === 'string' && /keep-[ab]/.test(p)));
    expect(mentions).toEqual([]);
    expect(rest.some((s) => s.params.some((p) => typeof p === 'string' && p.includes('"change"')))).toBe(true);
  });

  it('writes an item a lagging read called unchanged (the guard rolls back and the write is redone)', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'p', product('p', { title: 'B' }))).status).toBe(201);
    // What a replica behind the primary would answer: the product as it was at version 1 (title B).
    const stale = await env.DB.prepare(SELECT_STORED_FOR_IDS).bind(t.id, JSON.stringify(['p', 'q']), 0).all();
    expect(stale.results).toHaveLength(1);
    expect((await putProduct(t, 'p', product('p', { title: 'A' }))).status).toBe(200);
    await putProduct(t, 'q', product('q'));
    const seqBefore = Math.max(...(await feed(t)).map((e) => e.seq));

    const items = await Promise.all([product('p', { title: 'B' }), product('q')].map((doc, i) => item(i, doc)));
    const { db, batches } = spyDb(stale.results);
    const result = await writeProducts(db, { tenantId: t.id, kind: 'products.batch', items, failures: [] });

    expect(batches).toHaveLength(2);
    expect(result.written.map((w) => [w.id, w.outcome, w.version])).toEqual([
      ['p', 'updated', 3],
      ['q', 'unchanged', 1],
    ]);
    expect(result.job).toMatchObject({ status: 'completed', updated: 1, unchanged: 1 });
    const stored = await body(await call('/v1/products/p', { headers: t.headers }));
    expect([stored.title, stored.version]).toEqual(['B', 3]);
    const events = (await feed(t, seqBefore)).filter((e) => e.type.startsWith('product.'));
    expect(events.map((e) => [e.type, e.data.productId, e.data.version])).toEqual([['product.updated', 'p', 3]]);
    // The rolled-back attempt left no job behind.
    const jobs = await env.DB.prepare("SELECT COUNT(*) AS n FROM jobs WHERE tenant_id = ?1 AND kind = 'products.batch'").bind(t.id).first<{ n: number }>();
    expect(jobs?.n).toBe(1);
  });

  it('compares a row without a content hash (written before it, or by the money backfill) by its text', async () => {
    const t = await createTenant();
    await postBatch(t, [product('old-same'), product('old-edited', { title: 'one' })]);
    const hashes = await env.DB.prepare('SELECT content_hash FROM products WHERE tenant_id = ?1').bind(t.id).all<{ content_hash: string | null }>();
    expect(hashes.results.map((r) => r.content_hash)).toEqual([expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/), expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/)]);
    await env.DB.prepare('UPDATE products SET content_hash = NULL WHERE tenant_id = ?1').bind(t.id).run();

    const out = await body(await postBatch(t, [product('old-same'), product('old-edited', { title: 'two' })]));
    expect(out.results.map((r: Record<string, unknown>) => [r.id, r.status, r.version])).toEqual([
      ['old-same', 'unchanged', 1],
      ['old-edited', 'updated', 2],
    ]);
    const after = await env.DB.prepare('SELECT id, content_hash FROM products WHERE tenant_id = ?1 ORDER BY id').bind(t.id).all<{ id: string; content_hash: string | null }>();
    expect(after.results.map((r) => [r.id, r.content_hash === null])).toEqual([
      ['old-edited', false],
      ['old-same', true],
    ]);
  });

  it('sends no image or status statements for a write without images, and a product whose images it removes ends done with no open round', async () => {
    const t = await createTenant();
    const first = await body(await putProduct(t, 'pic', withImage('pic')));
    expect(first.status).toBe('pending');
    const { db, batches } = spyDb();
    const result = await writeProducts(db, { tenantId: t.id, kind: 'products.put', items: [await item(0, product('pic'))], failures: [], returnDocuments: true });

    expect(result.written.map((w) => [w.outcome, w.version, w.productStatus])).toEqual([['updated', 2, 'done']]);
    expect(result.job.status).toBe('completed');
    // The write's own batch (a second one settles the round its removed image left open).
    const sent = batches[0]!.map((s) => s.sql);
    expect(sent.filter((sql) => /INSERT INTO images|INSERT INTO processing_rounds|UPDATE products SET status/.test(sql))).toEqual([]);
    const images = await env.DB.prepare('SELECT COUNT(*) AS n FROM images WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>();
    expect(images?.n).toBe(0);
    // The round the first write opened for its image is closed by this write (the image is gone).
    const open = await env.DB.prepare('SELECT COUNT(*) AS n FROM processing_rounds WHERE tenant_id = ?1 AND closed_at IS NULL').bind(t.id).first<{ n: number }>();
    expect(open?.n).toBe(0);
    const stored = await body(await call('/v1/products/pic', { headers: t.headers }));
    expect([stored.version, stored.status, stored.images]).toEqual([2, 'done', []]);
  });
});
