/**
 * Concurrent writes to one product: every answer describes the write that produced it (its version,
 * its document, its ETag), never a later writer's state read back after the commit.
 */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, patchProduct, postBatch, product, productEvents, putProduct } from '../helpers/api';

const WRITERS = 60;

function etagVersion(res: Response): number {
  const tag = res.headers.get('etag') ?? '';
  return Number(tag.replace(/^W\//, '').replaceAll('"', ''));
}

/** The feed's versions of the product, which must be 1..n once each, in order. */
async function feedVersions(t: Awaited<ReturnType<typeof createTenant>>, id: string): Promise<number[]> {
  return (await productEvents(t, id)).filter((e) => e.type === 'product.created' || e.type === 'product.updated').map((e) => e.data.version as number);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('concurrent writes to one product', () => {
  it('PUT: each answer carries the version and the document its own write produced', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'race', product('race', { title: 'first' }))).status).toBe(201);

    const answers = await Promise.all(
      range(1, WRITERS).map(async (n) => {
        const res = await putProduct(t, 'race', product('race', { title: `title ${n}` }));
        expect(res.status).toBe(200);
        const doc = await body(res);
        return { sent: `title ${n}`, title: doc.title as string, version: doc.version as number, etag: etagVersion(res) };
      }),
    );

    for (const a of answers) {
      expect(a.title).toBe(a.sent);
      expect(a.etag).toBe(a.version);
    }
    const versions = answers.map((a) => a.version).sort((x, y) => x - y);
    expect(versions).toEqual(range(2, WRITERS + 1));
    expect(await feedVersions(t, 'race')).toEqual(range(1, WRITERS + 1));
    // The newest answer is what is stored.
    const latest = answers.find((a) => a.version === WRITERS + 1)!;
    expect((await body(await call('/v1/products/race', { headers: t.headers }))).title).toBe(latest.sent);
  });

  it('PATCH without If-Match: each applied patch answers with its own merge, and its ETag is safe to send back', async () => {
    const t = await createTenant();
    await putProduct(t, 'race', product('race'));
    const answers = await Promise.all(
      range(1, 12).map(async (n) => {
        const res = await patchProduct(t, 'race', { title: `patched ${n}` });
        // Past its retries a patch that keeps losing the race is a 409, and writes nothing.
        expect([200, 409]).toContain(res.status);
        if (res.status !== 200) return null;
        const doc = await body(res);
        return { sent: `patched ${n}`, title: doc.title as string, version: doc.version as number, etag: etagVersion(res) };
      }),
    );
    const applied = answers.filter((a) => a !== null);
    expect(applied.length).toBeGreaterThan(1);
    for (const a of applied) {
      expect(a.title).toBe(a.sent);
      expect(a.etag).toBe(a.version);
    }
    expect(applied.map((a) => a.version).sort((x, y) => x - y)).toEqual(range(2, applied.length + 1));
    expect(await feedVersions(t, 'race')).toEqual(range(1, applied.length + 1));
  });

  it('batch: each item answer carries the version its batch produced', async () => {
    const t = await createTenant();
    const answers = await Promise.all(
      range(1, 20).map(async (n) => {
        const res = await postBatch(t, [product('race', { title: `batch ${n}` })]);
        expect(res.status).toBeLessThan(300);
        return (await body(res)).results[0].version as number;
      }),
    );
    expect(answers.sort((x, y) => x - y)).toEqual(range(1, 20));
    expect(await feedVersions(t, 'race')).toEqual(range(1, 20));
  });

  it('a dialect answer (try-on upsert) shows the document its own write produced', async () => {
    const t = await createTenant();
    const answers = await Promise.all(
      range(1, 30).map(async (n) => {
        const res = await call('/compat/tryon/products', { method: 'POST', headers: t.headers, json: { externalId: 'race', name: `name ${n}` } });
        expect(res.status).toBeLessThan(300);
        return { sent: `name ${n}`, name: (await body(res)).name as string };
      }),
    );
    for (const a of answers) expect(a.name).toBe(a.sent);
    expect(await feedVersions(t, 'race')).toEqual(range(1, 30));
  });
});
