/**
 * Similar and complementary lists through /v1: computed by the recommendations queue after each
 * write (the real local queue and D1), read back tenant-scoped and keyset-paged, with scores and
 * reasons. Products here have no images: text and attributes only.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem } from '../helpers/api';
import { waitFor } from '../helpers/poll';
import { ids, item, JEANS, list, put, settled, TEE } from './helpers';

describe('variants', () => {
  it('are the product family, listed at once whether or not the tenant uses recommendations', async () => {
    const t = await createTenant();
    await put(t, item('v-1', { itemGroupId: 'fam-v', title: 'Tee black', recommend: 'none' }));
    await put(t, item('v-2', { itemGroupId: 'fam-v', title: 'Tee white', recommend: 'none' }));
    await put(t, item('other', { itemGroupId: 'fam-w', title: 'Jeans', recommend: 'none' }));
    expect(ids(await list(t, 'v-1', 'variants'))).toEqual(['v-2']);
    expect(ids(await list(t, 'v-2', 'variants'))).toEqual(['v-1']);
    expect(ids(await list(t, 'other', 'variants'))).toEqual([]);
  });
});

describe('similar and complementary lists', () => {
  it('an empty catalog: a lone product has empty lists; an unknown product is 404', async () => {
    const t = await createTenant();
    await put(t, item('lone', { title: 'Plain white tee', productType: TEE }));
    const similar = await settled(t, 'lone', 'similar');
    expect(similar).toMatchObject({ productId: 'lone', list: 'similar', status: 'ready', data: [], nextCursor: null });
    expect((await settled(t, 'lone', 'complementary')).data).toEqual([]);
    await expectProblem(await call('/v1/products/nope/similar', { headers: t.headers }), 404, 'not_found');
  });

  it('text and attributes only: the closest tee first with its reasons, variants excluded (listed as variants), complements from other branches', async () => {
    const t = await createTenant();
    await put(t, item('tee-1', { itemGroupId: 'fam-a', title: 'Classic white cotton tee', color: 'white', productType: TEE }));
    await put(t, item('tee-1-navy', { itemGroupId: 'fam-a', title: 'Classic navy cotton tee', color: 'navy', productType: TEE }));
    await put(t, item('tee-2', { itemGroupId: 'fam-b', title: 'Classic white cotton tee with pocket', color: 'white', productType: TEE }));
    await put(t, item('tee-3', { itemGroupId: 'fam-c', title: 'Neon graphic festival tee', brand: 'Concrete', color: 'yellow', productType: TEE, prices: { USD: { amount: '12.00' } } }));
    await put(t, item('jeans-1', { itemGroupId: 'fam-d', title: 'Classic straight jeans', color: 'navy', productType: JEANS }));
    await put(t, item('men-jeans', { itemGroupId: 'fam-e', title: 'Classic jeans', gender: 'male', productType: 'MEN > BOTTOMS > JEANS' }));

    const similar = await settled(t, 'tee-1', 'similar', (p) => p.data.length === 2);
    expect(ids(similar)).toEqual(['tee-2', 'tee-3']);
    expect(similar.data[0].reasons).toEqual(expect.arrayContaining(['same productType', 'brand', 'color', 'text']));
    expect(similar.data[0].score).toBeGreaterThan(similar.data[1].score);
    expect(similar.data[0].score).toBeLessThanOrEqual(1);
    expect(similar.data[0]).toEqual({ id: 'tee-2', number: expect.any(Number), score: expect.any(Number), reasons: expect.any(Array) });

    const variants = await list(t, 'tee-1', 'variants');
    expect(ids(variants)).toEqual(['tee-1-navy']);

    // Complements: bottoms for the same gender; never a tee (same leaf), never the men's jeans.
    const complementary = await settled(t, 'tee-1', 'complementary', (p) => p.data.length > 0);
    expect(ids(complementary)).toEqual(['jeans-1']);
  });

  it('pagination: keyset pages by rank cover the stored list once, in order; a foreign cursor is 422', async () => {
    const t = await createTenant();
    await put(t, item('a', { title: 'Linen summer shirt', productType: TEE }));
    for (let i = 1; i <= 7; i++) await put(t, item(`n${i}`, { title: `Linen summer shirt ${'x'.repeat(i)} edition ${i}`, productType: TEE, prices: { USD: { amount: `${20 + i}.00` } } }));
    const full = await settled(t, 'a', 'similar', (p) => p.data.length === 7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await list(t, 'a', 'similar', `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...ids(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids(full));
    const problem = await expectProblem(await call('/v1/products/a/similar?cursor=bogus', { headers: t.headers }), 422);
    expect(problem.errors?.[0]?.path).toBe('query.cursor');
    await expectProblem(await call('/v1/products/a/similar?limit=0', { headers: t.headers }), 422);
  });

  it('tenant isolation: lists hold only the tenant’s own products; another tenant’s product is 404', async () => {
    const a = await createTenant();
    const b = await createTenant();
    // B holds products that would rank first for A's anchor, under other ids.
    await put(b, item('b-twin', { title: 'Organic cotton crew tee', productType: TEE }));
    await put(b, item('shared', { title: 'Organic cotton crew tee', productType: TEE }));
    await put(a, item('shared', { title: 'Organic cotton crew tee', productType: TEE }));
    await put(a, item('a-other', { title: 'Organic cotton crew tee v2', productType: TEE }));
    const mine = await settled(a, 'shared', 'similar', (p) => p.data.length > 0);
    expect(ids(mine)).toEqual(['a-other']);
    const theirs = await settled(b, 'shared', 'similar', (p) => p.data.length > 0);
    expect(ids(theirs)).toEqual(['b-twin']);
    await expectProblem(await call('/v1/products/a-other/similar', { headers: b.headers }), 404, 'not_found');
    await expectProblem(await call('/v1/products/a-other/complementary', { headers: b.headers }), 404, 'not_found');
  });

  it('refresh after an update: a neighbour that changed leaves the list (reverse index), with product.recommendations.updated; an unchanged list emits nothing', async () => {
    const t = await createTenant();
    await put(t, item('anchor', { title: 'Cable knit wool sweater', productType: 'WOMEN > TOPS > SWEATERS' }));
    await put(t, item('near', { title: 'Cable knit wool sweater cream', productType: 'WOMEN > TOPS > SWEATERS' }));
    await put(t, item('far', { title: 'Striped linen beach sweater', brand: 'Tidal', productType: 'WOMEN > TOPS > SWEATERS' }));
    await settled(t, 'anchor', 'similar', (p) => ids(p).join() === 'near,far');
    const updatesOf = async () => (await feedOf(t)).filter((e) => e.type === 'product.recommendations.updated' && e.data.productId === 'anchor');
    const before = (await updatesOf()).length;
    expect(before).toBeGreaterThan(0);

    // The neighbour becomes a bag from another brand: every list holding it is re-ranked.
    await put(t, item('near', { title: 'Leather tote bag', brand: 'Velour', productType: 'WOMEN > ACCESSORIES > BAGS' }));
    const after = await settled(t, 'anchor', 'similar', (p) => !ids(p).includes('near'));
    expect(ids(after)).toEqual(['far']);
    const updates = await waitFor(async () => ((await updatesOf()).length > before ? await updatesOf() : undefined), 'an updated event');
    expect(updates.at(-1)!.data).toMatchObject({ productId: 'anchor', lists: expect.arrayContaining(['similar']) });

    // The anchor's own description changes; its lists stay the same: no new event for it.
    const count = (await updatesOf()).length;
    await put(t, item('anchor', { title: 'Cable knit wool sweater', description: 'Warm.', productType: 'WOMEN > TOPS > SWEATERS' }));
    await waitFor(async () => {
      const [row] = (await env.DB.prepare('SELECT version FROM rec_signatures WHERE tenant_id = ?1 AND product_id = ?2').bind(t.id, 'anchor').all<{ version: number }>()).results;
      return row?.version === 2;
    }, 'the anchor re-signed', 20_000, 100);
    expect((await updatesOf()).length).toBe(count);
  });

  it('refresh after a delete: the product vanishes from every list at once, and the queue removes it from the stored lists', async () => {
    const t = await createTenant();
    await put(t, item('s1', { title: 'Silk evening dress', productType: 'WOMEN > DRESSES > EVENING' }));
    await put(t, item('s2', { title: 'Silk evening dress long', productType: 'WOMEN > DRESSES > EVENING' }));
    await put(t, item('s3', { title: 'Satin evening dress', productType: 'WOMEN > DRESSES > EVENING' }));
    await settled(t, 's1', 'similar', (p) => p.data.length === 2);
    await settled(t, 's3', 'similar', (p) => p.data.length === 2);
    expect((await call('/v1/products/s2', { method: 'DELETE', headers: t.headers })).status).toBeLessThan(300);
    // No waiting: read time already leaves it out of every list.
    expect(ids(await list(t, 's1', 'similar'))).toEqual(['s3']);
    expect(ids(await list(t, 's3', 'similar'))).toEqual(['s1']);
    await waitFor(async () => {
      const { results } = await env.DB.prepare('SELECT COUNT(*) AS n FROM rec_lists WHERE tenant_id = ?1 AND product_id = ?2').bind(t.id, 's2').all<{ n: number }>();
      const keys = await env.DB.prepare('SELECT COUNT(*) AS n FROM rec_keys WHERE tenant_id = ?1 AND product_id = ?2').bind(t.id, 's2').all<{ n: number }>();
      return results[0]!.n === 0 && keys.results[0]!.n === 0;
    }, 'the stored lists and the index cleaned', 20_000, 100);
    await expectProblem(await call('/v1/products/s2/similar', { headers: t.headers }), 404);
  });
});

async function feedOf(t: { headers: Record<string, string> }): Promise<Array<{ type: string; data: any }>> {
  const res = await call('/v1/events?after=0&limit=1000', { headers: t.headers });
  return (await body(res)).data;
}
