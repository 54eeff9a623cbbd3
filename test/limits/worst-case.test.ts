/**
 * The worst-case invocation of every write and background path, on one database (the default
 * deployment), checked against D1's limits (src/db/d1-limits.ts): every statement <= 100 bound
 * parameters, <= 1,000 statements per invocation, SQL text <= 100 KB. The sizes come from the
 * Worker's own options (maxBatchItems, maxImagesPerProduct, maxWebhookEndpoints) and the queue batch
 * sizes in wrangler.toml, never from numbers written here. Each stage is fed what the previous one
 * really enqueued (batch write -> events -> fan-out -> deliveries; -> ingest).
 */
import { env } from 'cloudflare:test';
import { inject } from 'vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROW_BYTES } from '../../src/db/d1-limits';
import { ADMIN } from '../helpers/api';
import { Invocation, worker } from './harness';

const receiverUrl = inject('receiverUrl');
const options = worker.options;
/** Consumer batch sizes (wrangler.toml [[queues.consumers]] max_batch_size). */
const BATCH = { events: 100, deliveries: 10, ingest: 5, imports: 1, recs: 10 } as const;

interface Tenant {
  id: string;
  auth: Record<string, string>;
}

async function tenant(): Promise<Tenant> {
  const res = await new Invocation().fetch('/v1/admin/tenants', { method: 'POST', headers: ADMIN, json: { name: 'Limits', defaultCurrency: 'USD', defaultLocale: 'en-US' } });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { tenant: { id: string }; apiKey: { key: string } };
  return { id: created.tenant.id, auth: { authorization: `Bearer ${created.apiKey.key}` } };
}

/** A product at the option limits: the most images the options allow, each its own URL. */
function fullProduct(id: string, imageUrl: (i: number) => string): Record<string, unknown> {
  return {
    id,
    title: `Product ${id}`,
    brand: 'Acme',
    gender: 'unisex',
    sizes: ['XS', 'S', 'M', 'L', 'XL'],
    prices: { USD: { amount: '25.00' }, EUR: { amount: '23.00' } },
    images: Array.from({ length: options.maxImagesPerProduct }, (_, i) => ({ id: `i${i}`, source: { url: imageUrl(i) } })),
  };
}

describe('worst cases on one database stay inside D1 limits', () => {
  let t: Tenant;
  let batchWrite: Invocation;

  beforeAll(async () => {
    t = await tenant();
    // The most webhook endpoints a tenant may have, each subscribed to everything: the widest fan-out.
    for (let i = 0; i < options.maxWebhookEndpoints; i++) {
      const res = await new Invocation().fetch('/v1/webhooks', { method: 'POST', headers: t.auth, json: { url: `${receiverUrl}/r/limits${i}/ok` } });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  });

  it('a PUT with the most images a product may have', async () => {
    const inv = new Invocation();
    const res = await inv.fetch('/v1/products/put-max', { method: 'PUT', headers: t.auth, json: fullProduct('put-max', (i) => `${receiverUrl}/img/not-an-image.jpg?t=put${i}`) });
    expect(res.status, await res.clone().text()).toBe(201);
    inv.expectWithinLimits(`PUT, ${options.maxImagesPerProduct} images`);
  });

  it('the largest batch write: the most items, each with the most images', async () => {
    batchWrite = new Invocation();
    const products = Array.from({ length: options.maxBatchItems }, (_, n) => fullProduct(`b${n}`, (i) => `${receiverUrl}/img/not-an-image.jpg?t=b${n}-${i}`));
    const res = await batchWrite.fetch('/v1/products/batch', { method: 'POST', headers: t.auth, json: { products } });
    expect(res.status, (await res.clone().text()).slice(0, 300)).toBeLessThan(300);
    batchWrite.expectWithinLimits(`batch write, ${options.maxBatchItems} items x ${options.maxImagesPerProduct} images`, { valueBytes: true });
    expect(batchWrite.messages('EVENTS_QUEUE').length + batchWrite.messages('INGEST_QUEUE').length).toBeGreaterThan(0);
  });

  // The write once bound every item's slim JSON (image sources included) as ONE value, 3.2 MB at the
  // option limits, over D1's 2 MB per string/BLOB (local SQLite allows 1 GB, so only production
  // would have failed); every bound value now stays under it.
  it('the largest batch write binds no value over D1\'s string size', () => {
    expect(batchWrite.usage('batch write').maxValueBytes).toBeLessThanOrEqual(MAX_ROW_BYTES);
  });

  it('the events fan-out batch after it (every endpoint subscribed)', async () => {
    const wakeUps = batchWrite.messages('EVENTS_QUEUE');
    expect(wakeUps.length).toBeGreaterThan(0);
    const inv = new Invocation();
    // A full consumer batch: the wake-ups repeated up to the batch size (duplicates are what a busy queue holds).
    expect((await inv.queue('shelfsync-events', Array.from({ length: BATCH.events }, (_, i) => wakeUps[i % wakeUps.length]))).retried).toBe(0);
    inv.expectWithinLimits(`events fan-out, ${BATCH.events} messages, ${options.maxWebhookEndpoints} endpoints`);
    const deliver = inv.messages<{ ids: string[] }>('DELIVERIES_QUEUE');
    expect(deliver.length).toBeGreaterThan(0);

    const deliveries = new Invocation();
    expect((await deliveries.queue('shelfsync-deliveries', deliver.slice(0, BATCH.deliveries))).retried).toBe(0);
    deliveries.expectWithinLimits(`deliveries, ${Math.min(BATCH.deliveries, deliver.length)} messages of ${deliver[0]!.ids.length} ids`);
  });

  // The ingest consumer spends at most its statement budget per invocation (src/images/ingest-budget.ts):
  // one message of the batch write (50 products x 20 images, ~11 statements an image) once sent
  // ~11,100 statements; now it processes what the budget allows and hands the rest to a new message.
  it('an ingest consumer batch of the batch write\'s messages (the most products per message, the most images each)', { timeout: 600_000 }, async () => {
    const ingest = batchWrite.messages<{ productIds?: string[] }>('INGEST_QUEUE');
    expect(ingest.length).toBeGreaterThan(0);
    const full = ingest.slice(0, BATCH.ingest);
    const productIds = full[0]!.productIds ?? [];
    const products = Math.max(1, productIds.length);
    const inv = new Invocation();
    // A full consumer batch: one budget is shared by its messages, so the first one spends it.
    const result = await inv.queue('shelfsync-ingest', full);
    const { n: finished } = (await env.DB.prepare(
      "SELECT count(*) AS n FROM images WHERE tenant_id = ?1 AND status IN ('done', 'error') AND product_id IN (SELECT value FROM json_each(?2))",
    )
      .bind(t.id, JSON.stringify(full.flatMap((m) => m.productIds ?? [])))
      .first<{ n: number }>())!;
    const u = inv.usage('ingest');
    console.log(`[d1-limits] ingest, ${full.length} messages of ${products} products x ${options.maxImagesPerProduct} images: ${u.statements} statements for the ${finished} images this invocation finished (${(u.statements / finished).toFixed(2)} per image)`);
    inv.expectWithinLimits(`ingest, ${full.length} messages of ${products} products`);
    // It did real work, and what it could not finish went to new messages (acked, not retried).
    expect(finished).toBeGreaterThan(0);
    expect(finished).toBeLessThan(products * options.maxImagesPerProduct);
    expect(result).toEqual({ retried: 0, acked: full.length });
    const rest = inv.messages<{ productIds: string[] }>('INGEST_QUEUE');
    expect(rest).toHaveLength(full.length);
    expect(productIds).toEqual(expect.arrayContaining(rest[0]!.productIds));
    expect(rest.slice(1).map((m) => m.productIds)).toEqual(full.slice(1).map((m) => m.productIds));
  });

  it('one slice of an import (the first slice: the most bytes, short rows: the most rows)', async () => {
    const rows = ['id,title,price,availability,image_link'];
    for (let n = 0; rows.join('\n').length < 600 * 1024; n++) rows.push(`i${n},T${n},1 USD,in_stock,${receiverUrl}/img/not-an-image.jpg?t=imp${n}`);
    const post = new Invocation();
    const res = await post.fetch('/v1/imports', { method: 'POST', headers: { ...t.auth, 'content-type': 'text/csv' }, body: rows.join('\n') });
    expect(res.status, await res.clone().text()).toBe(202);
    post.expectWithinLimits('import accepted');
    const wake = post.messages('IMPORTS_QUEUE');
    expect(wake.length).toBe(1);
    const inv = new Invocation();
    await inv.queue('shelfsync-imports', wake);
    // The slice did real work: rows of the file are products now.
    const done = await env.DB.prepare("SELECT count(*) AS n FROM products WHERE tenant_id = ?1 AND id LIKE 'i%'").bind(t.id).first<{ n: number }>();
    expect(done!.n).toBeGreaterThan(1000);
    inv.expectWithinLimits(`import slice (${rows.length - 1} rows in the file)`);
  });

  it('a recommendations rebuild slice', async () => {
    const post = new Invocation();
    const res = await post.fetch('/v1/recommendations/rebuild', { method: 'POST', headers: t.auth });
    expect(res.status, await res.clone().text()).toBe(202);
    const wake = post.messages('RECS_QUEUE');
    expect(wake.length).toBeGreaterThan(0);
    for (let slice = 0; slice < 2; slice++) {
      const inv = new Invocation();
      expect((await inv.queue('shelfsync-recommendations', wake)).retried).toBe(0);
      inv.expectWithinLimits(`recommendations rebuild, slice ${slice + 1}`);
    }
  });

  it('one cron run', async () => {
    const inv = new Invocation();
    await inv.cron();
    inv.expectWithinLimits('cron, 1 database');
  });
});
