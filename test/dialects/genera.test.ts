/**
 * The Genera dialect (seed 000) under /compat/genera: every example request of the seed sent
 * verbatim (fixtures copied from the seed, placeholders substituted from the table below) gets the
 * documented status and shape; then errors in Genera's shape, tenancy by alias, all-or-nothing,
 * merging with /v1 writes, status and image URLs, and real webhook deliveries to the local receiver.
 */
import { describe, expect, it } from 'vitest';
import { eventOutputUrl, generaField, generaStatus, outputUrl, toMergeItem, withScheme } from '../../src/dialects/genera/mapping';
import { generaPayload } from '../../src/dialects/genera/webhook-payload';
import { body, call, createTenant, putProduct, type TestTenant } from '../helpers/api';
import { newBucket, received, receiverUrl, target, waitFor, waitReceived } from '../helpers/webhooks';
import syncRequest from './fixtures/genera/sync.request.json?raw';
import syncResponse from './fixtures/genera/sync.response.json?raw';
import statusResponse from './fixtures/genera/status.response.json?raw';
import webhookCreateRequest from './fixtures/genera/webhook-create.request.json?raw';
import webhookCreateResponse from './fixtures/genera/webhook-create.response.json?raw';
import webhookListResponse from './fixtures/genera/webhook-list.response.json?raw';
import webhookDeleteResponse from './fixtures/genera/webhook-delete.response.json?raw';
import payloadDone from './fixtures/genera/payload-done.json?raw';
import payloadError from './fixtures/genera/payload-error.json?raw';

const BASE = '/compat/genera';

/**
 * The seed's placeholders and what they become here. `{brandId}` (paths) and `brand_123` (payloads)
 * are the tenant's alias; `webhook_123` the id the subscription returned; `API_KEY` the tenant's key.
 * `product_123`, the image ids and the example.com URLs are sent as written.
 */
interface Substitutions {
  brandId: string;
  apiKey: string;
  webhookId?: string;
}

function substitute(text: string, s: Substitutions): string {
  let out = text.replaceAll('{brandId}', s.brandId).replaceAll('brand_123', s.brandId).replaceAll('API_KEY', s.apiKey);
  if (s.webhookId) out = out.replaceAll('webhook_123', s.webhookId);
  return out;
}

const parsed = (text: string, s?: Substitutions) => JSON.parse(s ? substitute(text, s) : text) as any;

interface Brand {
  t: TestTenant;
  brandId: string;
  subs: Substitutions;
}

let brands = 0;
async function brandTenant(extraAliases: string[] = []): Promise<Brand> {
  brands += 1;
  const brandId = `brand_${brands}_${crypto.randomUUID().slice(0, 8)}`;
  const t = await createTenant({ aliases: [brandId, ...extraAliases] });
  return { t, brandId, subs: { brandId, apiKey: t.key } };
}

/** A request to the dialect; `path` is the seed's, e.g. `/v1/{brandId}/catalog/sync`. */
function genera(b: Brand, method: string, path: string, init: { raw?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${b.subs.apiKey}`, ...init.headers };
  const url = BASE + substitute(path, b.subs);
  if (init.raw !== undefined) return call(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: substitute(init.raw, b.subs) });
  return call(url, { method, headers, ...(init.json !== undefined ? { json: init.json } : {}) });
}

async function expectGeneraError(res: Response, status: number): Promise<{ success: false; error: string; details: Array<{ field: string; message: string }> }> {
  const text = await res.clone().text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const err = JSON.parse(text);
  expect(Object.keys(err).sort()).toEqual(['details', 'error', 'success']);
  expect(err.success).toBe(false);
  expect(typeof err.error).toBe('string');
  expect(err.error.length).toBeGreaterThan(0);
  expect(Array.isArray(err.details)).toBe(true);
  for (const d of err.details) {
    expect(Object.keys(d).sort()).toEqual(['field', 'message']);
    expect(typeof d.field).toBe('string');
    expect(typeof d.message).toBe('string');
  }
  return err;
}

const fields = (err: { details: Array<{ field: string }> }) => err.details.map((d) => d.field);

async function canonical(b: Brand, id: string): Promise<any> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}`, { headers: b.t.headers });
  return res.status === 200 ? body(res) : null;
}

async function status(b: Brand, productId: string): Promise<any> {
  const res = await genera(b, 'GET', `/v1/{brandId}/catalog/sync/${productId}`);
  expect(res.status).toBe(200);
  return body(res);
}

/** Polls the Genera status until the product leaves `processing`. */
function settled(b: Brand, productId: string, timeoutMs = 15_000): Promise<any> {
  return waitFor(async () => {
    const s = await status(b, productId);
    return s.status === 'processing' ? undefined : s;
  }, `${productId} to settle`, timeoutMs, 100);
}

/** The documented key set of an image status entry, by its status (from the seed's example). */
const documentedImageKeys = Object.fromEntries(
  (parsed(statusResponse).images as Array<Record<string, unknown>>).map((image) => [image.status, Object.keys(image).sort()]),
) as Record<'processing' | 'done' | 'error', string[]>;

function expectStatusShape(s: any, productId: string, imageIds: string[]): void {
  expect(Object.keys(s).sort()).toEqual(Object.keys(parsed(statusResponse)).sort());
  expect(s.id).toBe(productId);
  expect(['processing', 'done', 'error']).toContain(s.status);
  expect(s.images.map((i: any) => i.id)).toEqual(imageIds);
  for (const image of s.images) {
    expect(['processing', 'done', 'error']).toContain(image.status);
    expect(Object.keys(image).sort()).toEqual(documentedImageKeys[image.status as 'done']);
    expect(image.product_id).toBe(productId);
    if (image.url !== undefined) expect(typeof image.url).toBe('string');
    if (image.error !== undefined) expect(typeof image.error).toBe('string');
  }
}

const img = (name: string) => `${receiverUrl}/img/${name}`;

describe('seed examples, verbatim', () => {
  it('POST /v1/{brandId}/catalog/sync: the example body gets {"success": true}, and the product is stored as sent', async () => {
    const b = await brandTenant();
    const res = await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { raw: syncRequest });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual(parsed(syncResponse));
    expect(res.headers.get('job-id')).toMatch(/^job_/);

    const sent = parsed(syncRequest).products[0];
    const product = await canonical(b, sent.id);
    expect(product.title).toBe(sent.name);
    expect(product.active).toBe(sent.eanbled);
    expect(product.images.map((i: any) => ({ id: i.id, source: i.source, pipelines: i.pipelines }))).toEqual(
      sent.images.map((i: any) => ({ id: i.id, source: { url: i.url }, pipelines: { tryOn: i.tryOn, localization: i.localization } })),
    );
    expect(product.extensions).toEqual({ genera: { brandId: b.brandId } });
  });

  it('the same endpoint with the same product id updates the product', async () => {
    const b = await brandTenant();
    expect((await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { raw: syncRequest })).status).toBe(200);
    const first = await canonical(b, 'product_123');
    const again = await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { raw: syncRequest.replace('"Product 1"', '"Product 1, renamed"') });
    expect(again.status).toBe(200);
    expect(await body(again)).toEqual({ success: true });
    const second = await canonical(b, 'product_123');
    expect(second.title).toBe('Product 1, renamed');
    expect(second.number).toBe(first.number);
    expect(second.version).toBe(first.version + 1);
    expect(second.images.map((i: any) => i.id)).toEqual(['image_123', 'image_124', 'image_125']);
  });

  it('GET /v1/{brandId}/catalog/sync/{productId}: the documented shape; example.com images end error (nothing leaves the machine)', async () => {
    const b = await brandTenant();
    expect((await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { raw: syncRequest })).status).toBe(200);
    const ids = ['image_123', 'image_124', 'image_125'];
    expectStatusShape(await status(b, 'product_123'), 'product_123', ids);

    const done = await settled(b, 'product_123');
    expectStatusShape(done, 'product_123', ids);
    expect(done.status).toBe('error');
    for (const image of done.images) {
      expect(image.status).toBe('error');
      expect(image.error).toMatch(/outbound traffic is limited/);
    }
  });

  it('POST, GET /v1/{brandId}/webhook and DELETE /v1/{brandId}/webhook/{webhookId}: the documented answers', async () => {
    const b = await brandTenant();
    const created = await genera(b, 'POST', '/v1/{brandId}/webhook', { raw: webhookCreateRequest });
    expect(created.status).toBe(200);
    const { id } = await body(created);
    expect(typeof id).toBe('string');
    expect(id).toMatch(/^wh_/);
    const subs = { ...b.subs, webhookId: id };
    expect({ id }).toEqual(parsed(webhookCreateResponse, subs));

    const list = await genera(b, 'GET', '/v1/{brandId}/webhook');
    expect(list.status).toBe(200);
    expect(await body(list)).toEqual(parsed(webhookListResponse, subs));

    // Under the hood: an ordinary endpoint in Genera's payload format, listening to image events.
    const endpoint = await body(await call(`/v1/webhooks/${id}`, { headers: b.t.headers }));
    expect(endpoint).toMatchObject({ url: 'https://example.com/webhook', format: 'genera', eventTypes: ['image.processed', 'image.failed'], enabled: true });

    const removed = await genera(b, 'DELETE', `/v1/{brandId}/webhook/${id}`);
    expect(removed.status).toBe(200);
    expect(await body(removed)).toEqual(parsed(webhookDeleteResponse));
    expect(await body(await genera(b, 'GET', '/v1/{brandId}/webhook'))).toEqual({ webhooks: [] });
    await expectGeneraError(await genera(b, 'DELETE', `/v1/{brandId}/webhook/${id}`), 404);
  });

  it('accepts the key as x-api-key as well as Bearer', async () => {
    const b = await brandTenant();
    const res = await call(`${BASE}/v1/${b.brandId}/catalog/sync`, {
      method: 'POST',
      headers: { 'x-api-key': b.t.key, 'content-type': 'application/json' },
      body: syncRequest,
    });
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ success: true });
    const list = await call(`${BASE}/v1/${b.brandId}/webhook`, { headers: { 'x-api-key': b.t.key } });
    expect(await body(list)).toEqual({ webhooks: [] });
  });
});

describe('webhook deliveries', () => {
  it('POSTs the documented per-image payload to the subscribed URL once each image is finished', async () => {
    const b = await brandTenant();
    const bucket = newBucket();
    const sub = await genera(b, 'POST', '/v1/{brandId}/webhook', { json: { type: 'processing', url: target(bucket) } });
    expect(sub.status).toBe(200);

    const sync = await genera(b, 'POST', '/v1/{brandId}/catalog/sync', {
      json: {
        products: [
          {
            id: 'product_123',
            name: 'Product 1',
            eanbled: true,
            images: [
              { id: 'image_123', url: img('photo.jpg'), tryOn: false, localization: false },
              { id: 'image_124', url: img('graphic.png'), tryOn: true, localization: false },
            ],
          },
        ],
      },
    });
    expect(sync.status).toBe(200);

    const got = await waitReceived(bucket, 2, 20_000);
    const payloads = got.map((r) => {
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      return JSON.parse(r.body);
    });
    const byImage = Object.fromEntries(payloads.map((p) => [p.imageId, p]));

    const done = byImage.image_123;
    expect(Object.keys(done).sort()).toEqual(Object.keys(parsed(payloadDone)).sort());
    expect(done).toMatchObject({ ...parsed(payloadDone, b.subs), imageId: 'image_123', url: expect.any(String) });
    // The url is a signed link to the stored original, fetchable without a key.
    const content = await call(String(done.url).replace(/^https?:\/\/[^/]+/, ''));
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('image/jpeg');

    const failed = byImage.image_124;
    expect(Object.keys(failed).sort()).toEqual(Object.keys(parsed(payloadError)).sort());
    expect(failed).toEqual({ ...parsed(payloadError, b.subs), imageId: 'image_124', error: 'No processor is configured for the "tryOn" pipeline' });

    // Only image events reach a Genera endpoint: nothing about products or jobs follows.
    const final = await settled(b, 'product_123');
    expect(final.status).toBe('done');
    await new Promise((r) => setTimeout(r, 500));
    expect((await received(bucket)).length).toBe(2);
  });

  it('a pipeline-processed image: the webhook carries the same output URL as the status endpoint (the seed example, images on loopback)', async () => {
    const b = await brandTenant();
    const hooks = newBucket();
    const jobs = newBucket();
    // Stub tryOn and localization services on loopback: each answers with an output naming itself.
    for (const name of ['tryOn', 'localization']) {
      const res = await call(`/v1/processors/${name}`, { method: 'PUT', headers: b.t.headers, json: { url: `${receiverUrl}/r/${jobs}/pipeline-echo`, config: {} } });
      expect(res.status).toBe(201);
    }
    expect((await genera(b, 'POST', '/v1/{brandId}/webhook', { json: { type: 'processing', url: target(hooks) } })).status).toBe(200);

    // The seed's sync body as written, its example.com images served on loopback; one image more
    // that asks for no pipeline.
    const seed = parsed(syncRequest);
    const product = seed.products[0];
    for (const image of product.images) image.url = image.url.replace('https://example.com/', `${receiverUrl}/img/`).replace(/image[12]\.png$/, 'graphic.png');
    product.images.push({ id: 'image_plain', url: img('photo.jpg') });
    expect((await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { json: seed })).status).toBe(200);

    const got = await waitReceived(hooks, 4, 30_000);
    const byImage = Object.fromEntries(got.map((r) => JSON.parse(r.body)).map((p) => [p.imageId, p]));
    const s = await settled(b, 'product_123', 30_000);
    expect(s.status).toBe('done');
    // Tests run without PUBLIC_BASE_URL: queue-made URLs are then relative, request-made ones absolute.
    const path = (url: string) => url.replace(/^http:\/\/shelfsync\.test/, '');
    for (const image of s.images) {
      expect(image.status).toBe('done');
      expect({ ...byImage[image.id], url: path(byImage[image.id].url) }).toEqual({ type: 'processing', brandId: b.brandId, productId: 'product_123', imageId: image.id, status: 'done', url: path(image.url) });
    }
    // Both flags set: the try-on output is the one shown (tryOn comes first in the seed's flags).
    const [first] = s.images;
    expect(first.url).toMatch(/^https:\/\/cdn\.processor\.example\/tryOn\/[0-9a-f]{64}\.png$/);
    // No pipeline ran on the last one: the stored original, signed.
    expect(byImage.image_plain.url).toMatch(/\/v1\/images\/img_[0-9A-Z]+\/content\?v=/);
  });

  it('names the brand the webhook was subscribed under, and only that brand lists it', async () => {
    const second = `alt_${crypto.randomUUID().slice(0, 8)}`;
    const b = await brandTenant([second]);
    const bucket = newBucket();
    const other: Brand = { ...b, brandId: second, subs: { ...b.subs, brandId: second } };
    const sub = await body(await genera(other, 'POST', '/v1/{brandId}/webhook', { json: { type: 'processing', url: target(bucket) } }));
    expect(await body(await genera(b, 'GET', '/v1/{brandId}/webhook'))).toEqual({ webhooks: [] });
    expect(await body(await genera(other, 'GET', '/v1/{brandId}/webhook'))).toEqual({ webhooks: [{ id: sub.id, type: 'processing', url: target(bucket) }] });

    // Written through the first alias, reported under the subscription's.
    await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { json: { products: [{ id: 'p', images: [{ id: 'front', url: img('photo.jpg') }] }] } });
    const [delivery] = await waitReceived(bucket, 1, 20_000);
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'processing', brandId: second, productId: 'p', imageId: 'front', status: 'done' });
  });
});

describe('status and image URLs', () => {
  it('an image URL is the pipeline output if one made an image, else the signed stored original; errors carry their text', async () => {
    const b = await brandTenant();
    const bucket = newBucket();
    const configured = await call('/v1/processors/tryOn', { method: 'PUT', headers: b.t.headers, json: { url: `${receiverUrl}/r/${bucket}/tryon-done`, config: {} } });
    expect(configured.status).toBe(201);

    const sync = await genera(b, 'POST', '/v1/{brandId}/catalog/sync', {
      json: {
        products: [
          {
            id: 'shirt',
            name: 'Shirt',
            enabled: true,
            images: [
              { id: 'plain', url: img('photo.jpg') },
              { id: 'tried', url: img('picture.webp'), tryOn: true },
              { id: 'localized', url: img('graphic.png'), localization: true },
              { id: 'missing', url: `${receiverUrl}/img/no-such-image.jpg` },
            ],
          },
        ],
      },
    });
    expect(sync.status).toBe(200);
    const s = await settled(b, 'shirt', 20_000);
    expectStatusShape(s, 'shirt', ['plain', 'tried', 'localized', 'missing']);
    expect(s.status).toBe('done');
    const [plain, tried, localized, missing] = s.images;

    expect(plain.status).toBe('done');
    expect(plain.url).toMatch(/^http:\/\/shelfsync\.test\/v1\/images\/img_[0-9A-Z]+\/content\?v=[0-9a-f]{64}&exp=\d+&sig=/);
    const content = await call(plain.url.replace('http://shelfsync.test', ''));
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('image/jpeg');

    expect(tried).toEqual({ id: 'tried', product_id: 'shirt', status: 'done', url: 'https://cdn.tryon.example/result.jpg' });
    expect(localized).toEqual({ id: 'localized', product_id: 'shirt', status: 'error', error: 'No processor is configured for the "localization" pipeline' });
    expect(missing.status).toBe('error');
    expect(missing.error).toEqual(expect.any(String));
  });

  it('pending shows as processing; no images is done', async () => {
    expect(['pending', 'processing', 'done', 'error'].map(generaStatus)).toEqual(['processing', 'processing', 'done', 'error']);
    const b = await brandTenant();
    await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { json: { products: [{ id: 'bare', name: 'No images' }] } });
    expect(await status(b, 'bare')).toEqual({ id: 'bare', status: 'done', images: [] });
  });

  it('an unknown product is 404', async () => {
    const b = await brandTenant();
    const err = await expectGeneraError(await genera(b, 'GET', '/v1/{brandId}/catalog/sync/nope'), 404);
    expect(err.error).toMatch(/nope/);
  });
});

describe('merge with /v1 and vendor fields', () => {
  it('a later sync changes the name and keeps what /v1 wrote (prices, description, attributes)', async () => {
    const b = await brandTenant();
    const put = await putProduct(b.t, 'tee', {
      title: 'Old title',
      description: 'Cotton',
      brand: 'Acme',
      prices: { USD: { amount: '25.00' }, EUR: { amount: '23.50' } },
      attributes: [{ group: 'Dimensions', name: 'Width', value: '30', unit: 'cm', order: 1 }],
      images: [{ id: 'kept', source: { url: img('photo.jpg') } }],
    });
    expect(put.status).toBe(201);

    const renamed = await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { json: { products: [{ id: 'tee', name: 'New title' }] } });
    expect(renamed.status).toBe(200);
    const after = await canonical(b, 'tee');
    expect(after).toMatchObject({
      title: 'New title',
      description: 'Cotton',
      brand: 'Acme',
      prices: { USD: { amount: '25.00' }, EUR: { amount: '23.50' } },
      attributes: [{ group: 'Dimensions', name: 'Width', value: '30', unit: 'cm', order: 1 }],
      extensions: { genera: { brandId: b.brandId } },
    });
    // No `images` sent: the list stays; sent: it replaces the list.
    expect(after.images.map((i: any) => i.id)).toEqual(['kept']);
    await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { json: { products: [{ id: 'tee', images: [{ id: 'new', url: img('graphic.png') }] }] } });
    const replaced = await canonical(b, 'tee');
    expect(replaced.images.map((i: any) => i.id)).toEqual(['new']);
    expect(replaced.title).toBe('New title');
    expect(replaced.prices.EUR.amount).toBe('23.50');
  });

  it('`enabled` wins over `eanbled`; either alone sets active; neither leaves it', async () => {
    const b = await brandTenant();
    const sync = (product: Record<string, unknown>) => genera(b, 'POST', '/v1/{brandId}/catalog/sync', { json: { products: [product] } });
    expect((await sync({ id: 'a', enabled: false, eanbled: true })).status).toBe(200);
    expect((await canonical(b, 'a')).active).toBe(false);
    expect((await sync({ id: 'a', eanbled: true })).status).toBe(200);
    expect((await canonical(b, 'a')).active).toBe(true);
    expect((await sync({ id: 'a', name: 'Still on' })).status).toBe(200);
    expect((await canonical(b, 'a')).active).toBe(true);
    expect((await sync({ id: 'a', enabled: false })).status).toBe(200);
    expect((await canonical(b, 'a')).active).toBe(false);
  });

  it('tolerates unknown fields and reads scheme-less URLs as https', async () => {
    const b = await brandTenant();
    const res = await genera(b, 'POST', '/v1/{brandId}/catalog/sync', {
      json: { products: [{ id: 'x', name: 'X', color: 'blue', images: [{ id: 'i', url: 'example.com/image1.png', tryOn: true, extra: 1 }] }], batch: 7 },
    });
    expect(res.status).toBe(200);
    const product = await canonical(b, 'x');
    expect(product.images[0].source).toEqual({ url: 'https://example.com/image1.png' });
    expect(product.color).toBeUndefined();
  });
});

describe('all or nothing', () => {
  it('one invalid product: 422 naming it, and nothing is written', async () => {
    const b = await brandTenant();
    const res = await genera(b, 'POST', '/v1/{brandId}/catalog/sync', {
      json: {
        products: [
          { id: 'good', name: 'Good', images: [{ id: 'a', url: img('photo.jpg') }] },
          { id: 'bad', name: 'Bad', images: [{ id: 'a', url: 'ftp://example.com/x.png' }, { id: 'b c', url: img('photo.jpg') }] },
        ],
      },
    });
    const err = await expectGeneraError(res, 422);
    expect(fields(err)).toEqual(expect.arrayContaining(['products[1].images[0].url', 'products[1].images[1].id']));
    expect(fields(err).every((f) => f.startsWith('products[1]'))).toBe(true);
    expect(await canonical(b, 'good')).toBeNull();
    await expectGeneraError(await genera(b, 'GET', '/v1/{brandId}/catalog/sync/good'), 404);
    const events = await body(await call('/v1/events?after=0', { headers: b.t.headers }));
    expect(events.data).toEqual([]);
  });

  it('a product id twice in one request is refused whole', async () => {
    const b = await brandTenant();
    const err = await expectGeneraError(
      await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { json: { products: [{ id: 'dup', name: 'A' }, { id: 'dup', name: 'B' }] } }),
      422,
    );
    expect(fields(err)).toEqual(['products[1].id']);
    expect(await canonical(b, 'dup')).toBeNull();
  });
});

describe('errors, in Genera\'s shape', () => {
  it('401 without a key or with a wrong one', async () => {
    const b = await brandTenant();
    const missing = await call(`${BASE}/v1/${b.brandId}/catalog/sync`, { method: 'POST', json: parsed(syncRequest) });
    expect((await expectGeneraError(missing, 401)).details).toEqual([]);
    await expectGeneraError(await call(`${BASE}/v1/${b.brandId}/webhook`, { headers: { authorization: 'Bearer nope' } }), 401);
    await expectGeneraError(await call(`${BASE}/v1/${b.brandId}/webhook`, { headers: { 'x-api-key': 'nope' } }), 401);
  });

  it('400 for a body that is not JSON, 415 for another media type', async () => {
    const b = await brandTenant();
    await expectGeneraError(await genera(b, 'POST', '/v1/{brandId}/catalog/sync', { raw: '{"products": [' }), 400);
    const plain = await call(`${BASE}/v1/${b.brandId}/catalog/sync`, { method: 'POST', headers: { ...b.t.headers, 'content-type': 'text/plain' }, body: syncRequest });
    await expectGeneraError(plain, 415);
  });

  it('422 with details for a body of the wrong shape', async () => {
    const b = await brandTenant();
    const sync = (json: unknown) => genera(b, 'POST', '/v1/{brandId}/catalog/sync', { json });
    expect(fields(await expectGeneraError(await sync({}), 422))).toEqual(['products']);
    expect(fields(await expectGeneraError(await sync({ products: [] }), 422))).toEqual(['products']);
    expect(fields(await expectGeneraError(await sync({ products: [{ name: 'no id' }] }), 422))).toEqual(['products[0].id']);
    expect(fields(await expectGeneraError(await sync({ products: [{ id: 'p', images: [{ id: 'i' }] }] }), 422))).toEqual(['products[0].images[0].url']);
    expect(fields(await expectGeneraError(await sync({ products: [{ id: 'p', eanbled: 'yes' }] }), 422))).toEqual(['products[0].eanbled']);
    expect(fields(await expectGeneraError(await sync({ products: [{ id: 'p', name: 'x'.repeat(501) }] }), 422))).toEqual(['products[0].name']);

    const hook = (json: unknown) => genera(b, 'POST', '/v1/{brandId}/webhook', { json });
    expect(fields(await expectGeneraError(await hook({ type: 'delivery', url: 'https://example.com/webhook' }), 422))).toEqual(['type']);
    expect(fields(await expectGeneraError(await hook({ type: 'processing' }), 422))).toEqual(['url']);
    expect(fields(await expectGeneraError(await hook({ type: 'processing', url: 'http://10.0.0.1/hook' }), 422))).toEqual(['url']);
    expect(fields(await expectGeneraError(await hook({ type: 'processing', url: 'not a url' }), 422))).toEqual(['url']);
  });

  it('unknown paths are 404 and wrong methods 405 with Allow, in the same shape', async () => {
    const b = await brandTenant();
    await expectGeneraError(await genera(b, 'GET', '/v1/{brandId}/nothing-here'), 404);
    const wrong = await genera(b, 'PUT', '/v1/{brandId}/webhook', { json: {} });
    await expectGeneraError(wrong, 405);
    expect(wrong.headers.get('allow')).toMatch(/GET/);
    expect(wrong.headers.get('allow')).toMatch(/POST/);
  });
});

describe('tenants are named by their aliases', () => {
  it("another tenant's alias is 404 on every route, exactly like an unknown one", async () => {
    const a = await brandTenant();
    const b = await brandTenant();
    await genera(a, 'POST', '/v1/{brandId}/catalog/sync', { raw: syncRequest });
    const aHook = await body(await genera(a, 'POST', '/v1/{brandId}/webhook', { raw: webhookCreateRequest }));

    // B's key, A's alias.
    const intruder: Brand = { ...b, brandId: a.brandId, subs: { ...b.subs, brandId: a.brandId } };
    const stranger: Brand = { ...b, brandId: 'no_such_brand', subs: { ...b.subs, brandId: 'no_such_brand' } };
    const attempts: Array<[string, string, { raw?: string }]> = [
      ['POST', '/v1/{brandId}/catalog/sync', { raw: syncRequest }],
      ['GET', '/v1/{brandId}/catalog/sync/product_123', {}],
      ['POST', '/v1/{brandId}/webhook', { raw: webhookCreateRequest }],
      ['GET', '/v1/{brandId}/webhook', {}],
      ['DELETE', `/v1/{brandId}/webhook/${aHook.id}`, {}],
    ];
    for (const [method, path, init] of attempts) {
      const foreign = await expectGeneraError(await genera(intruder, method, path, init), 404);
      const unknown = await expectGeneraError(await genera(stranger, method, path, init), 404);
      expect(foreign).toEqual(unknown);
    }
    // Nothing of A's changed, and B got nothing.
    expect((await canonical(a, 'product_123')).version).toBe(1);
    expect(await canonical(b, 'product_123')).toBeNull();
    expect((await body(await genera(a, 'GET', '/v1/{brandId}/webhook'))).webhooks).toHaveLength(1);
  });

  it("a webhook of another brand (or another tenant) cannot be removed through this brand: 404", async () => {
    const second = `alt_${crypto.randomUUID().slice(0, 8)}`;
    const a = await brandTenant([second]);
    const sibling: Brand = { ...a, brandId: second, subs: { ...a.subs, brandId: second } };
    const other = await brandTenant();
    const hook = await body(await genera(a, 'POST', '/v1/{brandId}/webhook', { raw: webhookCreateRequest }));

    await expectGeneraError(await genera(sibling, 'DELETE', `/v1/{brandId}/webhook/${hook.id}`), 404);
    await expectGeneraError(await genera(other, 'DELETE', `/v1/{brandId}/webhook/${hook.id}`), 404);
    // A /v1 endpoint of the same tenant is not a Genera webhook either.
    const plain = await body(await call('/v1/webhooks', { method: 'POST', headers: a.t.headers, json: { url: target(newBucket()) } }));
    await expectGeneraError(await genera(a, 'DELETE', `/v1/{brandId}/webhook/${plain.id}`), 404);
    expect((await body(await genera(a, 'GET', '/v1/{brandId}/webhook'))).webhooks.map((w: any) => w.id)).toEqual([hook.id]);

    expect((await genera(a, 'DELETE', `/v1/{brandId}/webhook/${hook.id}`)).status).toBe(200);
  });
});

describe('the dialect document', () => {
  it('GET /compat/genera/openapi.json documents the seed paths, the error shape and the webhook payload', async () => {
    const res = await call(`${BASE}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await body(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: BASE }]);
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/{brandId}/catalog/sync', '/v1/{brandId}/catalog/sync/{productId}', '/v1/{brandId}/webhook', '/v1/{brandId}/webhook/{webhookId}']);
    expect(Object.keys(doc.paths['/v1/{brandId}/webhook']).sort()).toEqual(['get', 'post']);
    expect(doc.components.schemas.GeneraError.required.sort()).toEqual(['details', 'error', 'success']);
    expect(doc.components.schemas.GeneraProduct.properties).toHaveProperty('eanbled');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    expect(doc.components.securitySchemes).toHaveProperty('apiKey');
    expect(doc.webhooks.processing.post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/GeneraWebhookPayload' });
  });
});

describe('pure parts', () => {
  it('maps a Genera product onto a canonical patch with only the fields sent', () => {
    expect(toMergeItem({ id: 'p', name: 'N', eanbled: false, images: [{ id: 'i', url: '//cdn.example/a.png', tryOn: true }] }, 'brand')).toEqual({
      id: 'p',
      patch: { title: 'N', active: false, images: [{ id: 'i', source: { url: 'https://cdn.example/a.png' }, pipelines: { tryOn: true } }] },
      extensions: { brandId: 'brand' },
      mode: 'upsert',
    });
    expect(toMergeItem({ id: 'p' }, 'brand').patch).toEqual({});
    expect(withScheme('http://x.example/a')).toBe('http://x.example/a');
  });

  it('names canonical fields in Genera words', () => {
    expect(generaField(2, '/title')).toBe('products[2].name');
    expect(generaField(0, '/active')).toBe('products[0].enabled');
    expect(generaField(0, '/images/3/source/url')).toBe('products[0].images[3].url');
    expect(generaField(0, '/images/3/source')).toBe('products[0].images[3].url');
    expect(generaField(0, '/images/1/pipelines/tryOn')).toBe('products[0].images[1].tryOn');
    expect(generaField(0, '/images/1/id')).toBe('products[0].images[1].id');
    expect(generaField(1, '/images')).toBe('products[1].images');
    expect(generaField(1, '/id')).toBe('products[1].id');
  });

  it('picks the first requested pipeline that made an image, else the original', () => {
    const results = { tryOn: { status: 'error', error: 'x' }, localization: { status: 'done', url: 'https://out.example/l.jpg' } };
    expect(outputUrl({ tryOn: true, localization: true }, results, 'orig')).toBe('https://out.example/l.jpg');
    expect(outputUrl({ tryOn: true, localization: false }, results, 'orig')).toBe('orig');
    expect(outputUrl({}, null, null)).toBeNull();
    // Both made an image: tryOn first, whatever the stored key order.
    const both = { localization: { status: 'done', url: 'l' }, tryOn: { status: 'done', url: 't' } };
    expect(outputUrl({ localization: true, tryOn: true }, both, 'orig')).toBe('t');
    expect(eventOutputUrl({ localization: 'l', tryOn: 't' }, 'orig')).toBe('t');
    expect(eventOutputUrl({ localization: 'l' }, 'orig')).toBe('l');
    expect(eventOutputUrl(undefined, 'orig')).toBe('orig');
  });

  it('renders image events only, with the subscription brand', () => {
    const event = (type: string, data: Record<string, unknown>) => ({ id: 'evt_1', type, data, createdAt: 0 });
    const meta = { metadata: { brandId: 'brand_123', type: 'processing' } };
    expect(JSON.parse(generaPayload(event('image.processed', { productId: 'product_123', imageId: 'image_123', id: 'img_1', status: 'done', url: 'https://example.com/image1.png' }), meta)!)).toEqual(parsed(payloadDone));
    expect(JSON.parse(generaPayload(event('image.failed', { productId: 'product_123', imageId: 'image_123', id: 'img_1', status: 'error', error: 'Human body is not recognized' }), meta)!)).toEqual(parsed(payloadError));
    // A pipeline's output replaces the original.
    const processed = event('image.processed', { productId: 'product_123', imageId: 'image_123', id: 'img_1', status: 'done', url: 'https://x/orig', outputs: { tryOn: 'https://example.com/image1.png' } });
    expect(JSON.parse(generaPayload(processed, meta)!)).toEqual(parsed(payloadDone));
    for (const type of ['product.created', 'product.processed', 'job.completed', 'webhook.test']) expect(generaPayload(event(type, { productId: 'p' }), meta)).toBeNull();
    expect(JSON.parse(generaPayload(event('image.failed', { productId: 'p', imageId: 'i', error: 'e' }), { metadata: null })!).brandId).toBeNull();
  });
});
