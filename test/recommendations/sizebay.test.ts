/**
 * Sizebay's processType decides which lists are computed, and its callback fires once per POST when
 * both the images and the requested recommendations are done (the error callback carries the reason
 * when the recommendations fail). Delivered for real to the local receiver.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant } from '../helpers/api';
import { img } from '../helpers/images';
import { createWebhook, deliveries, newBucket, received, sleep, target, waitFor, waitReceived } from '../helpers/webhooks';
import seedCreate from '../dialects/fixtures/sizebay/create-product.json';
import { list, settled } from './helpers';

let n = 0;
async function sizebayTenant() {
  n += 1;
  const alias = `${7 + (Date.now() % 1_000_000_000)}${String(n).padStart(3, '0')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const t = await createTenant({ aliases: [alias] });
  return { ...t, tenantId: Number(alias) };
}

function createBody(tenantId: number, processType: string, item: Record<string, unknown>) {
  const doc = structuredClone(seedCreate) as Record<string, any>;
  doc.tenantId = tenantId;
  doc.processType = processType;
  Object.assign(doc.productItem, { additionalImageLinks: [], ...item });
  return doc;
}

const post = (key: string, json: unknown) => call('/compat/sizebay/products', { method: 'POST', headers: { 'x-api-key': key }, json });

describe('Sizebay processType and the callback', { timeout: 60_000 }, () => {
  it('processType maps to recommend: SIMILAR -> similar, COMPLEMENTARY -> complementary, ALL -> all', async () => {
    const t = await sizebayTenant();
    for (const [type, recommend] of [['SIMILAR', 'similar'], ['COMPLEMENTARY', 'complementary'], ['ALL', 'all']] as const) {
      const id = `pt-${type}`;
      expect((await post(t.key, createBody(t.tenantId, type, { id, imageLink: 'www.example.com/image.jpg' }))).status).toBe(202);
      const product = await body(await call(`/v1/products/${id}`, { headers: t.headers }));
      expect(product.recommend).toBe(recommend);
    }
  });

  it('one callback per POST, sent for product.recommendations.ready (after the lists), not for product.processed; the image gave a visual signature', async () => {
    const t = await sizebayTenant();
    const bucket = newBucket();
    const wh = await createWebhook(t, { url: target(bucket), format: 'sizebay', eventTypes: ['product.processed'], headers: { Authorization: 'Bearer cb' } });
    // A neighbour first, so the list has something to hold.
    expect((await post(t.key, createBody(t.tenantId, 'ALL', { id: 'twin', itemGroupId: 'g2', imageLink: img('graphic.png') }))).status).toBe(202);
    expect((await post(t.key, createBody(t.tenantId, 'ALL', { id: 'main', itemGroupId: 'g1', imageLink: img('photo.jpg') }))).status).toBe(202);
    const got = await waitReceived(bucket, 2, 30_000);
    expect(got.map((r) => JSON.parse(r.body)).sort((a, b) => a.productId.localeCompare(b.productId))).toEqual([
      { productId: 'main', status: 'success' },
      { productId: 'twin', status: 'success' },
    ]);
    expect(got[0]!.headers.authorization).toBe('Bearer cb');
    // The lists were computed when the callback went out.
    const similar = await list(t, 'main', 'similar');
    expect(similar.status).toBe('ready');
    expect(similar.data.map((r: any) => r.id)).toContain('twin');
    // What was sent, and for which event: product.processed rendered nothing (a subscription to it receives the ready event).
    const sent = await waitFor(async () => {
      const all = await deliveries(t, wh.id);
      return all.filter((d) => d.status === 'succeeded').length >= 4 ? all : undefined;
    }, 'the deliveries', 15_000);
    expect(sent.filter((d) => d.eventType === 'product.recommendations.ready')).toHaveLength(2);
    expect(sent.filter((d) => d.eventType === 'product.processed')).toHaveLength(2);
    await sleep(300);
    expect(await received(bucket)).toHaveLength(2);
    const { results } = await env.DB.prepare('SELECT sig FROM rec_signatures WHERE tenant_id = ?1 AND product_id = ?2').bind(t.id, 'main').all<{ sig: string }>();
    const visual = JSON.parse(results[0]!.sig).visual;
    expect(visual.hist).toHaveLength(15);
    expect(visual.shape).toHaveLength(64);
  });

  it('the error callback with the reason when the recommendations cannot be computed', async () => {
    const t = await sizebayTenant();
    const bucket = newBucket();
    await createWebhook(t, { url: target(bucket), format: 'sizebay' });
    // Rules that no longer parse (as if written by an older version): no list can be ranked.
    await env.DB.prepare("INSERT INTO rec_settings (tenant_id, rules, updated_at) VALUES (?1, '{broken', 0)").bind(t.id).run();
    expect((await post(t.key, createBody(t.tenantId, 'SIMILAR', { id: 'p1', imageLink: img('photo.jpg') }))).status).toBe(202);
    const [got] = await waitReceived(bucket, 1, 30_000);
    expect(JSON.parse(got!.body)).toEqual({ productId: 'p1', status: 'error', message: "Recommendations could not be computed: the tenant's recommendation rules are unreadable" });
    await sleep(500);
    expect(await received(bucket)).toHaveLength(1);
  });
});

describe('canonical products choose with recommend or the tenant default', () => {
  it('absent recommend = the tenant default: none (status off), then what an admin sets', async () => {
    const t = await createTenant();
    const put = (id: string, extra: Record<string, unknown> = {}) =>
      call(`/v1/products/${id}`, { method: 'PUT', headers: t.headers, json: { id, title: 'Wool scarf', productType: 'WOMEN > ACCESSORIES > SCARVES', ...extra } });
    expect((await put('d1')).status).toBe(201);
    expect((await put('d2', { recommend: 'similar' })).status).toBe(201);
    await settled(t, 'd2', 'similar', (p) => p.data.length === 1);
    expect(await list(t, 'd1', 'similar')).toMatchObject({ status: 'off', data: [] });
    expect(await list(t, 'd2', 'complementary')).toMatchObject({ status: 'off' });

    const admin = { authorization: 'Bearer test-admin-token-0123456789abcdef0123' };
    const patched = await call(`/v1/admin/tenants/${t.id}`, { method: 'PATCH', headers: admin, json: { recommend: 'all' } });
    expect(patched.status).toBe(200);
    expect((await body(patched)).recommend).toBe('all');
    const bad = await call(`/v1/admin/tenants/${t.id}`, { method: 'PATCH', headers: admin, json: { recommend: 'some' } });
    expect(bad.status).toBe(422);
    // The default applies at the product's next change.
    expect((await put('d1', { title: 'Wool scarf, grey' })).status).toBe(200);
    const page = await settled(t, 'd1', 'similar', (p) => p.data.length === 1);
    expect(page.data[0].id).toBe('d2');
  });
});
