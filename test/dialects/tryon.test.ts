/**
 * The tryon dialect (seed 003, "Upsert Product") under /compat/tryon. The seed has no literal request
 * bodies, so the fixtures follow each documented shape exactly: the recommended nested
 * `images[].source`, the deprecated flat shape, the legacy `imageUrls` alias, and a multipart upload
 * with a `data` field and files named by `images[].fileKey`. Image URLs point at the local receiver.
 */
import { env } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { runCron } from '../../src/cron/scheduled';
import { body, call, createTenant, feed, sha256Hex, type TestTenant } from '../helpers/api';
import { waitFor } from '../helpers/poll';
import flatFixture from './fixtures/tryon/flat.json';
import imageUrlsFixture from './fixtures/tryon/image-urls.json';
import multipartFixture from './fixtures/tryon/multipart-data.json';
import nestedFixture from './fixtures/tryon/nested.json';

const BASE = '/compat/tryon';
const DAY = 86_400_000;
const receiver = () => inject('receiverUrl');

/** A fixture with `{{receiver}}` replaced by the local image server. */
function load<T>(fixture: T): any {
  return JSON.parse(JSON.stringify(fixture).replaceAll('{{receiver}}', receiver()));
}

function upsert(t: TestTenant, payload: unknown, headers: Record<string, string> = t.headers): Promise<Response> {
  return call(`${BASE}/products`, { method: 'POST', headers, json: payload });
}

function read(t: TestTenant, externalId: string): Promise<Response> {
  return call(`${BASE}/products/${encodeURIComponent(externalId)}`, { headers: t.headers });
}

async function image(name: string): Promise<Uint8Array> {
  const res = await fetch(`${receiver()}/img/${name}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Polls until no image is pending or processing. */
function settled(t: TestTenant, externalId: string): Promise<any> {
  return waitFor(async () => {
    const product = await body(await read(t, externalId));
    return product.status !== 'pending' && product.status !== 'processing' ? product : undefined;
  }, `${externalId} to settle`, 20_000, 100);
}

/** Asserts the one error shape and returns it. */
async function expectError(res: Response, status: number, code: string): Promise<{ code: string; message: string; details?: Array<{ field: string; message: string }>; requestId?: string }> {
  const text = await res.clone().text();
  expect(res.status, `status (body: ${text.slice(0, 400)})`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const parsed = JSON.parse(text);
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error).toMatchObject({ code, message: expect.any(String) });
  expect(parsed.error.message.length).toBeGreaterThan(0);
  for (const key of Object.keys(parsed.error)) expect(['code', 'message', 'details', 'requestId']).toContain(key);
  return parsed.error;
}

const fields = (error: { details?: Array<{ field: string }> }) => (error.details ?? []).map((d) => d.field);

const PRODUCT_KEYS = ['createdAt', 'description', 'expiresAt', 'externalId', 'images', 'metadata', 'name', 'status', 'updatedAt', 'validForDays'];
const IMAGE_KEYS = ['classifications', 'contentUrl', 'error', 'height', 'imageId', 'sha256', 'source', 'status', 'width'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

function expectProductShape(product: any): void {
  expect(Object.keys(product).sort()).toEqual(PRODUCT_KEYS);
  expect(product.externalId).toEqual(expect.any(String));
  expect(product.createdAt).toMatch(ISO);
  expect(product.updatedAt).toMatch(ISO);
  expect(product.expiresAt === null || ISO.test(product.expiresAt)).toBe(true);
  expect(['pending', 'processing', 'done', 'error']).toContain(product.status);
  expect(Array.isArray(product.images)).toBe(true);
  for (const img of product.images) {
    expect(Object.keys(img).sort()).toEqual(IMAGE_KEYS);
    expect(img.imageId).toMatch(/^img_/);
    expect(['pending', 'processing', 'done', 'error']).toContain(img.status);
    expect(img.error === null || typeof img.error === 'string').toBe(true);
  }
}

function expectExpiry(product: any, days: number, before: number, after: number): void {
  const at = Date.parse(product.expiresAt);
  expect(at).toBeGreaterThanOrEqual(before + days * DAY);
  expect(at).toBeLessThanOrEqual(after + days * DAY);
}

describe('POST /products — the recommended nested shape (JSON)', () => {
  it('creates (201) with every field as sent, then answers 200 on a repeat, and GET returns the same', async () => {
    const t = await createTenant();
    const payload = load(nestedFixture);
    const before = Date.now();
    const res = await upsert(t, payload);
    const after = Date.now();
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${BASE}/products/tee-nested`);
    expect(res.headers.get('job-id')).toMatch(/^job_/);
    const created = await body(res);
    expectProductShape(created);
    expect(created).toMatchObject({
      externalId: 'tee-nested',
      name: 'Classic White T-Shirt',
      description: '100% cotton, regular fit',
      metadata: { season: 'SS25', sizes: ['S', 'M', 'L'], stock: { warehouse: 12 } },
      validForDays: 30,
      status: 'pending',
    });
    expect(created.createdAt).toBe(created.updatedAt);
    expectExpiry(created, 30, before, after);
    expect(created.images).toHaveLength(2);
    expect(created.images[0]).toMatchObject({
      source: { url: `${receiver()}/img/photo.jpg` },
      classifications: { view: 'front', category: 'tops' },
      status: 'pending',
      error: null,
      sha256: null,
      width: null,
      height: null,
      contentUrl: null,
    });
    expect(created.images[1]).toMatchObject({ source: { url: `${receiver()}/img/picture.webp` }, classifications: null, status: 'pending', error: null });

    const again = await upsert(t, payload);
    expect(again.status).toBe(200);
    const repeated = await body(again);
    expectProductShape(repeated);
    expect(repeated.updatedAt).toBe(created.updatedAt);
    expect(repeated.expiresAt).toBe(created.expiresAt);
    expect(repeated.images.map((i: any) => i.imageId)).toEqual(created.images.map((i: any) => i.imageId));

    const done = await settled(t, 'tee-nested');
    expectProductShape(done);
    const { images: _a, status: _s, ...stable } = created;
    expect(done).toMatchObject(stable);
    expect(done.status).toBe('done');
    expect(done.images.map((i: any) => [i.imageId, i.status, i.error, i.width, i.height])).toEqual([
      [created.images[0].imageId, 'done', null, 640, 480],
      [created.images[1].imageId, 'done', null, 300, 300],
    ]);
    expect(done.images[0].sha256).toBe(await sha256Hex(await image('photo.jpg')));
    expect(done.images[0].contentUrl).toMatch(/^http:\/\/shelfsync\.test\/v1\/images\/img_[^/]+\/content\?v=[0-9a-f]{64}&exp=\d+&sig=/);
    // The signed URL serves the bytes without a key.
    const content = await call(new URL(done.images[0].contentUrl).pathname + new URL(done.images[0].contentUrl).search);
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('image/jpeg');
  });

  it('answers 200 with the changed values on an update, and the canonical API sees the same product', async () => {
    const t = await createTenant();
    expect((await upsert(t, load(nestedFixture))).status).toBe(201);
    const res = await upsert(t, { externalId: 'tee-nested', name: 'Renamed', metadata: { season: 'FW25' } });
    expect(res.status).toBe(200);
    const updated = await body(res);
    expectProductShape(updated);
    expect(updated).toMatchObject({ name: 'Renamed', description: '100% cotton, regular fit', validForDays: 30 });
    expect(updated.metadata).toEqual({ season: 'FW25' });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(updated.createdAt));

    const canonical = await body(await call('/v1/products/tee-nested', { headers: t.headers }));
    expect(canonical).toMatchObject({ id: 'tee-nested', title: 'Renamed', description: '100% cotton, regular fit', metadata: { season: 'FW25' }, validForDays: 30, version: 2 });
    expect(canonical.extensions).toBeUndefined();
    expect(canonical.images.map((i: any) => i.source)).toEqual([{ url: `${receiver()}/img/photo.jpg` }, { url: `${receiver()}/img/picture.webp` }]);
  });

  it('keeps fields only the canonical API can set (dialect writes merge)', async () => {
    const t = await createTenant();
    const put = await call('/v1/products/merge-me', { method: 'PUT', headers: t.headers, json: { title: 'From v1', brand: 'Acme', prices: { USD: { amount: '25.00' } } } });
    expect(put.status).toBe(201);
    const res = await upsert(t, { externalId: 'merge-me', description: 'From tryon' });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ name: 'From v1', description: 'From tryon' });
    const canonical = await body(await call('/v1/products/merge-me', { headers: t.headers }));
    expect(canonical).toMatchObject({ title: 'From v1', brand: 'Acme', prices: { USD: { amount: '25.00' } }, description: 'From tryon' });
  });

  it('accepts x-api-key as well as Bearer', async () => {
    const t = await createTenant();
    const res = await upsert(t, { externalId: 'by-header', name: 'x-api-key' }, { 'x-api-key': t.key });
    expect(res.status).toBe(201);
    expect((await body(await call(`${BASE}/products/by-header`, { headers: { 'x-api-key': t.key } }))).name).toBe('x-api-key');
  });
});

describe('POST /products — the deprecated flat shape and the legacy imageUrls alias', () => {
  it('maps flat {url, classifications} entries to sources', async () => {
    const t = await createTenant();
    const res = await upsert(t, load(flatFixture));
    expect(res.status).toBe(201);
    const created = await body(res);
    expectProductShape(created);
    expect(created).toMatchObject({ externalId: 'tee-flat', name: 'Flat-shape T-Shirt', description: null, metadata: null, validForDays: null, expiresAt: null });
    expect(created.images.map((i: any) => [i.source, i.classifications])).toEqual([
      [{ url: `${receiver()}/img/photo.jpg` }, { view: 'front' }],
      [{ url: `${receiver()}/img/graphic.png` }, null],
    ]);
    expect((await upsert(t, load(flatFixture))).status).toBe(200);
    const done = await settled(t, 'tee-flat');
    expect(done.images.map((i: any) => [i.status, i.width, i.height])).toEqual([
      ['done', 640, 480],
      ['done', 320, 200],
    ]);
  });

  it('maps imageUrls to images [{source: {url}}]', async () => {
    const t = await createTenant();
    const res = await upsert(t, load(imageUrlsFixture));
    expect(res.status).toBe(201);
    const created = await body(res);
    expectProductShape(created);
    expect(created).toMatchObject({ externalId: 'tee-legacy', name: 'Legacy imageUrls T-Shirt', description: 'Sent with the legacy alias', validForDays: null, expiresAt: null });
    expect(created.images.map((i: any) => [i.source, i.classifications, i.status])).toEqual([
      [{ url: `${receiver()}/img/photo.jpg` }, null, 'pending'],
      [{ url: `${receiver()}/img/picture.webp` }, null, 'pending'],
    ]);
    // The same list through `images` is the same product: nothing changes.
    const same = await upsert(t, { externalId: 'tee-legacy', images: load(imageUrlsFixture).imageUrls.map((url: string) => ({ source: { url } })) });
    expect(same.status).toBe(200);
    expect((await body(same)).updatedAt).toBe(created.updatedAt);
  });

  it('refuses images and imageUrls together (400)', async () => {
    const t = await createTenant();
    const payload = { ...load(imageUrlsFixture), images: [{ source: { url: `${receiver()}/img/photo.jpg` } }] };
    const error = await expectError(await upsert(t, payload), 400, 'invalid_request');
    expect(fields(error)).toEqual(['imageUrls']);
    expect((await read(t, 'tee-legacy')).status).toBe(404);
  });
});

describe('POST /products — multipart/form-data', () => {
  it('takes the JSON from the data field and files from parts named by fileKey (nested and flat)', async () => {
    const t = await createTenant();
    const jpg = await image('photo.jpg');
    const webp = await image('picture.webp');
    const form = new FormData();
    form.append('data', JSON.stringify(multipartFixture));
    form.append('front', new Blob([jpg], { type: 'image/jpeg' }), 'front.jpg');
    form.append('back', new Blob([webp], { type: 'image/webp' }), 'back.webp');
    const res = await call(`${BASE}/products`, { method: 'POST', headers: t.headers, body: form });
    expect(res.status).toBe(201);
    const created = await body(res);
    expectProductShape(created);
    expect(created).toMatchObject({ externalId: 'tee-upload', name: 'Uploaded T-Shirt', description: 'Image bytes sent inline', metadata: { origin: 'multipart' }, validForDays: null, expiresAt: null });
    const [jpgHash, webpHash] = [await sha256Hex(jpg), await sha256Hex(webp)];
    expect(created.images.map((i: any) => [i.source, i.classifications, i.sha256])).toEqual([
      [{ sha256: jpgHash, fileName: 'front.jpg' }, { view: 'front' }, jpgHash],
      [{ sha256: webpHash, fileName: 'back.webp' }, { view: 'back' }, webpHash],
    ]);
    expect(await env.IMAGES.head(`${t.id}/${jpgHash}`)).not.toBeNull();

    const done = await settled(t, 'tee-upload');
    expect(done.images.map((i: any) => [i.status, i.width, i.height])).toEqual([
      ['done', 640, 480],
      ['done', 300, 300],
    ]);

    // The same upload again changes nothing: 200, same images.
    const again = new FormData();
    again.append('data', JSON.stringify(multipartFixture));
    again.append('front', new Blob([jpg], { type: 'image/jpeg' }), 'front.jpg');
    again.append('back', new Blob([webp], { type: 'image/webp' }), 'back.webp');
    const repeat = await call(`${BASE}/products`, { method: 'POST', headers: t.headers, body: again });
    expect(repeat.status).toBe(200);
    expect((await body(repeat)).images.map((i: any) => i.imageId)).toEqual(created.images.map((i: any) => i.imageId));
  });

  it('names a fileKey with no file part, needs the data field, and refuses fileKey in a JSON body', async () => {
    const t = await createTenant();
    const form = new FormData();
    form.append('data', JSON.stringify({ externalId: 'mp-missing', images: [{ source: { fileKey: 'nope' } }, { fileKey: 'gone' }] }));
    const error = await expectError(await call(`${BASE}/products`, { method: 'POST', headers: t.headers, body: form }), 400, 'invalid_request');
    expect(fields(error)).toEqual(['images[0].source.fileKey', 'images[1].fileKey']);
    expect(error.details![0]!.message).toBe('No file part named "nope" in this request');

    const noData = new FormData();
    noData.append('front', new Blob([await image('photo.jpg')], { type: 'image/jpeg' }), 'front.jpg');
    expect(fields(await expectError(await call(`${BASE}/products`, { method: 'POST', headers: t.headers, body: noData }), 400, 'invalid_request'))).toEqual(['data']);

    const badData = new FormData();
    badData.append('data', '{not json');
    await expectError(await call(`${BASE}/products`, { method: 'POST', headers: t.headers, body: badData }), 400, 'invalid_request');

    const big = new FormData();
    big.append('data', JSON.stringify({ externalId: 'mp-big', images: [{ source: { fileKey: 'f' } }] }));
    big.append('f', new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), 'big.jpg');
    await expectError(await call(`${BASE}/products`, { method: 'POST', headers: t.headers, body: big }), 413, 'payload_too_large');

    const json = await upsert(t, { externalId: 'mp-json', images: [{ source: { fileKey: 'front' } }] });
    expect(fields(await expectError(json, 400, 'invalid_request'))).toEqual(['images[0].source.fileKey']);
    expect((await read(t, 'mp-missing')).status).toBe(404);
  });
});

describe('omitted fields are kept; a supplied image list replaces the list', () => {
  it('a partial update changes only what it names', async () => {
    const t = await createTenant();
    const created = await body(await upsert(t, load(nestedFixture)));
    const res = await upsert(t, { externalId: 'tee-nested', description: 'Now organic cotton' });
    expect(res.status).toBe(200);
    const updated = await body(res);
    expect(updated).toMatchObject({
      externalId: 'tee-nested',
      name: 'Classic White T-Shirt',
      description: 'Now organic cotton',
      metadata: created.metadata,
      validForDays: 30,
      createdAt: created.createdAt,
    });
    expect(updated.images.map((i: any) => [i.imageId, i.source, i.classifications])).toEqual(created.images.map((i: any) => [i.imageId, i.source, i.classifications]));

    const replaced = await body(await upsert(t, { externalId: 'tee-nested', images: [{ source: { url: `${receiver()}/img/graphic.png` }, classifications: { view: 'side' } }] }));
    expect(replaced.images).toHaveLength(1);
    expect(replaced.images[0]).toMatchObject({ source: { url: `${receiver()}/img/graphic.png` }, classifications: { view: 'side' }, status: 'pending' });
    expect(replaced).toMatchObject({ name: 'Classic White T-Shirt', description: 'Now organic cotton', metadata: created.metadata });

    // null clears a field; an empty list clears the images.
    const cleared = await body(await upsert(t, { externalId: 'tee-nested', description: null, metadata: null, images: [] }));
    expect(cleared).toMatchObject({ name: 'Classic White T-Shirt', description: null, metadata: null, images: [], status: 'done' });
    expect((await body(await upsert(t, { externalId: 'tee-nested', imageUrls: [`${receiver()}/img/photo.jpg`] }))).images).toHaveLength(1);
    expect((await body(await upsert(t, { externalId: 'tee-nested', imageUrls: null }))).images).toEqual([]);
  });
});

describe('validForDays and expiresAt', () => {
  it('defaults to forever, sets expiresAt = last write + days, null goes back to forever, omitted keeps it', async () => {
    const t = await createTenant();
    const created = await body(await upsert(t, { externalId: 'ttl', name: 'TTL' }));
    expect(created).toMatchObject({ validForDays: null, expiresAt: null });

    let before = Date.now();
    const set = await body(await upsert(t, { externalId: 'ttl', validForDays: 7 }));
    expect(set.validForDays).toBe(7);
    expectExpiry(set, 7, before, Date.now());

    // Omitted: validForDays kept; a write that changes the product restarts the clock.
    before = Date.now();
    const renamed = await body(await upsert(t, { externalId: 'ttl', name: 'TTL renamed' }));
    expect(renamed.validForDays).toBe(7);
    expectExpiry(renamed, 7, before, Date.now());
    expect(Date.parse(renamed.expiresAt)).toBeGreaterThanOrEqual(Date.parse(set.expiresAt));
    // A write that changes nothing changes nothing, expiresAt included.
    const same = await body(await upsert(t, { externalId: 'ttl', name: 'TTL renamed' }));
    expect(same).toMatchObject({ validForDays: 7, expiresAt: renamed.expiresAt, updatedAt: renamed.updatedAt });

    before = Date.now();
    const year = await body(await upsert(t, { externalId: 'ttl', validForDays: 365 }));
    expectExpiry(year, 365, before, Date.now());

    const forever = await body(await upsert(t, { externalId: 'ttl', validForDays: null }));
    expect(forever).toMatchObject({ validForDays: null, expiresAt: null, name: 'TTL renamed' });
    expect(await body(await read(t, 'ttl'))).toMatchObject({ validForDays: null, expiresAt: null });

    before = Date.now();
    const fresh = await upsert(t, { externalId: 'ttl-create', validForDays: 1 });
    expect(fresh.status).toBe(201);
    expectExpiry(await body(fresh), 1, before, Date.now());
  });

  it('refuses values outside 1-365 and non-integers', async () => {
    const t = await createTenant();
    for (const validForDays of [0, 366, 1.5, '30', -1]) {
      const error = await expectError(await upsert(t, { externalId: 'ttl-bad', validForDays }), 400, 'invalid_request');
      expect(fields(error)).toEqual(['validForDays']);
    }
    expect((await read(t, 'ttl-bad')).status).toBe(404);
  });

  it('the expiry cron deletes an expired product with a product.deleted event whose reason is "expired"', async () => {
    const t = await createTenant();
    expect((await upsert(t, { externalId: 'short-lived', name: 'Expires', validForDays: 1 })).status).toBe(201);
    expect((await upsert(t, { externalId: 'forever', name: 'Stays' })).status).toBe(201);
    await env.DB.prepare("UPDATE products SET expires_at = ?1 WHERE tenant_id = ?2 AND id = 'short-lived'").bind(Date.now() - 1000, t.id).run();

    await runCron(env, Date.now());

    await expectError(await read(t, 'short-lived'), 404, 'not_found');
    expect((await read(t, 'forever')).status).toBe(200);
    const deleted = (await feed(t)).filter((e) => e.type === 'product.deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.data).toMatchObject({ productId: 'short-lived', reason: 'expired' });
    const list = await body(await call(`${BASE}/products`, { headers: t.headers }));
    expect(list.products.map((p: any) => p.externalId)).toEqual(['forever']);
  });
});

describe('metadata', () => {
  it('returns metadata on GET /products/:externalId and refuses more than 16 KB or a non-object', async () => {
    const t = await createTenant();
    const metadata = { nested: { list: [1, 'two', { three: true }], deep: { a: 1, b: 2 } }, unicode: 'Camiseta Branca — ÇÃ', count: 0 };
    expect((await upsert(t, { externalId: 'meta', metadata })).status).toBe(201);
    expect((await body(await read(t, 'meta'))).metadata).toEqual(metadata);

    // A sent metadata object replaces the stored one whole (it is not merged into it).
    const next = { nested: { deep: { b: 3 } }, added: ['x'] };
    expect((await body(await upsert(t, { externalId: 'meta', metadata: next }))).metadata).toEqual(next);
    expect((await body(await read(t, 'meta'))).metadata).toEqual(next);
    // Documented deviation: null members are not stored.
    expect((await body(await upsert(t, { externalId: 'meta', metadata: { ...next, nothing: null } }))).metadata).toEqual(next);
    // Omitted: kept.
    expect((await body(await upsert(t, { externalId: 'meta', name: 'Named' }))).metadata).toEqual(next);

    const big = await expectError(await upsert(t, { externalId: 'meta', metadata: { blob: 'x'.repeat(16 * 1024) } }), 400, 'invalid_request');
    expect(fields(big)).toEqual(['metadata']);
    expect(fields(await expectError(await upsert(t, { externalId: 'meta', metadata: ['a'] }), 400, 'invalid_request'))).toEqual(['metadata']);
    expect((await body(await read(t, 'meta'))).metadata).toEqual(next);
  });
});

describe('errors', () => {
  it('images[].source holds exactly one of url / fileKey', async () => {
    const t = await createTenant();
    const url = `${receiver()}/img/photo.jpg`;
    const cases: Array<[unknown, string]> = [
      [{ source: { url, fileKey: 'front' } }, 'images[0].source'],
      [{ source: {} }, 'images[0].source'],
      [{ source: { base64: 'AAAA' } }, 'images[0].source'],
      [{ classifications: { view: 'front' } }, 'images[0].source'],
      [{ url, fileKey: 'front' }, 'images[0]'],
      [{ source: { url }, url }, 'images[0].url'],
    ];
    for (const [entry, field] of cases) {
      const error = await expectError(await upsert(t, { externalId: 'src', images: [entry] }), 400, 'invalid_request');
      expect(fields(error), JSON.stringify(entry)).toEqual([field]);
    }
    expect((await read(t, 'src')).status).toBe(404);
  });

  it('reports canonical validation under the field the client sent', async () => {
    const t = await createTenant();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ images: [{ source: { url: 'ftp://a.example/x.jpg' } }] }, 'images[0].source.url'],
      [{ images: [{ url: 'not a url' }] }, 'images[0].url'],
      [{ imageUrls: ['https://a.example/ok.jpg', 'javascript:alert(1)'] }, 'imageUrls[1]'],
      [{ name: 'x'.repeat(501) }, 'name'],
      [{ images: [{ source: { url: 'https://a.example/1.jpg' } }, { source: { url: 'https://a.example/1.jpg' } }] }, 'images[1]'],
    ];
    for (const [extra, field] of cases) {
      const error = await expectError(await upsert(t, { externalId: 'canon', ...extra }), 400, 'invalid_request');
      expect(fields(error), JSON.stringify(extra)).toEqual([field]);
    }
  });

  it('refuses the reserved _anon_ prefix, a missing or malformed externalId, and bodies that are not a product', async () => {
    const t = await createTenant();
    const anon = await expectError(await upsert(t, { externalId: '_anon_123', name: 'Mine' }), 400, 'invalid_request');
    expect(fields(anon)).toEqual(['externalId']);
    expect(anon.details![0]!.message).toMatch(/_anon_/);
    expect((await read(t, '_anon_123')).status).toBe(404);
    const together = await upsert(t, { externalId: '_anon_9', images: [{ source: {} }], imageUrls: [], validForDays: 0 });
    expect(fields(await expectError(together, 400, 'invalid_request')).sort()).toEqual(['externalId', 'imageUrls', 'images[0].source', 'validForDays']);

    expect(fields(await expectError(await upsert(t, { name: 'No id' }), 400, 'invalid_request'))).toEqual(['externalId']);
    expect(fields(await expectError(await upsert(t, { externalId: 42 }), 400, 'invalid_request'))).toEqual(['externalId']);
    expect(fields(await expectError(await upsert(t, { externalId: 'has space' }), 400, 'invalid_request'))).toEqual(['externalId']);
    expect(fields(await expectError(await upsert(t, [1, 2]), 400, 'invalid_request'))).toEqual(['body']);

    const malformed = await call(`${BASE}/products`, { method: 'POST', headers: { ...t.headers, 'content-type': 'application/json' }, body: '{"externalId":' });
    await expectError(malformed, 400, 'invalid_request');
    const text = await call(`${BASE}/products`, { method: 'POST', headers: { ...t.headers, 'content-type': 'text/plain' }, body: 'hello' });
    await expectError(text, 415, 'unsupported_media_type');
  });

  it('tolerates unknown fields: top-level ones are kept in extensions.tryon and listed in `warnings`', async () => {
    const t = await createTenant();
    const res = await upsert(t, { externalId: 'extra', name: 'Extra', vendorOnly: { a: 1 }, images: [{ source: { url: `${receiver()}/img/photo.jpg`, extra: 1 }, note: 'x' }] });
    expect(res.status).toBe(201);
    const answer = await body(res);
    expect(answer.images[0].source).toEqual({ url: `${receiver()}/img/photo.jpg` });
    expect(answer.warnings).toEqual([{ field: 'vendorOnly', message: expect.stringContaining('extensions.tryon') }]);
    const { warnings: _warnings, ...product } = answer;
    expectProductShape(product);
  });

  // The seed: two fields, each "Optional. Helps the AI classify the product category more accurately.
  // Preserved on updates if omitted." Their names are lost in the seed's text; `name` and `description`
  // are guesses. A client that used other names must see it, and lose nothing.
  it('fields under names other than the guessed ones are not a silent 200: kept, listed in warnings, preserved on updates if omitted', async () => {
    const t = await createTenant();
    const res = await upsert(t, { externalId: 'guess', title: 'Linen shirt', category: 'tops', name: 'Linen shirt' });
    expect(res.status).toBe(201);
    const answer = await body(res);
    expect(answer.name).toBe('Linen shirt');
    expect(answer.warnings.map((w: { field: string }) => w.field)).toEqual(['title', 'category']);
    for (const w of answer.warnings) expect(w.message).toMatch(/not a field of this API/i);

    const canonical = await body(await call('/v1/products/guess', { headers: t.headers }));
    expect(canonical.extensions).toEqual({ tryon: { title: 'Linen shirt', category: 'tops' } });

    // An update that omits them keeps them ("Preserved on updates if omitted") and warns about nothing.
    const update = await body(await upsert(t, { externalId: 'guess', description: 'Loose fit' }));
    expect(update).not.toHaveProperty('warnings');
    expectProductShape(update);
    expect((await body(await call('/v1/products/guess', { headers: t.headers }))).extensions).toEqual({ tryon: { title: 'Linen shirt', category: 'tops' } });
    // One sent again replaces its value.
    await upsert(t, { externalId: 'guess', category: 'shirts' });
    expect((await body(await call('/v1/products/guess', { headers: t.headers }))).extensions).toEqual({ tryon: { title: 'Linen shirt', category: 'shirts' } });
  });

  it('unknown fields over 16 KB together are a 400 naming them', async () => {
    const t = await createTenant();
    const error = await expectError(await upsert(t, { externalId: 'big', blob: 'x'.repeat(17 * 1024) }), 400, 'invalid_request');
    expect(fields(error)).toEqual(['blob']);
    expect((await read(t, 'big')).status).toBe(404);
  });

  it('401 without a valid key, 404 for an unknown externalId, 405 with Allow, 404 for unknown paths', async () => {
    const t = await createTenant();
    await expectError(await call(`${BASE}/products`, { method: 'POST', json: { externalId: 'a' } }), 401, 'unauthorized');
    await expectError(await call(`${BASE}/products`, { headers: { authorization: 'Bearer nope' } }), 401, 'unauthorized');
    await expectError(await call(`${BASE}/products/a`, { headers: { 'x-api-key': 'nope' } }), 401, 'unauthorized');

    const missing = await expectError(await read(t, 'never-written'), 404, 'not_found');
    expect(missing.message).toContain('never-written');

    const wrongMethod = await call(`${BASE}/products/a`, { method: 'DELETE', headers: t.headers });
    await expectError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.get('allow')).toContain('GET');
    await expectError(await call(`${BASE}/nothing-here`, { headers: t.headers }), 404, 'not_found');
  });
});

describe('GET /products', () => {
  it('pages with nextCursor in creation order, and refuses a cursor it did not issue', async () => {
    const t = await createTenant();
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const id of ids) expect((await upsert(t, { externalId: id, name: `Product ${id}`, metadata: { n: id } })).status).toBe(201);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const res = await call(`${BASE}/products${query}`, { headers: t.headers });
      expect(res.status).toBe(200);
      const page = await body(res);
      expect(Object.keys(page).sort()).toEqual(['nextCursor', 'products']);
      expect(page.products.length).toBeLessThanOrEqual(2);
      for (const product of page.products) expectProductShape(product);
      seen.push(...page.products.map((p: any) => p.externalId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);

    const all = await body(await call(`${BASE}/products`, { headers: t.headers }));
    expect(all.nextCursor).toBeNull();
    expect(all.products.map((p: any) => [p.externalId, p.name, p.metadata])).toEqual(ids.map((id) => [id, `Product ${id}`, { n: id }]));

    await expectError(await call(`${BASE}/products?cursor=bogus`, { headers: t.headers }), 400, 'invalid_request');
    await expectError(await call(`${BASE}/products?limit=0`, { headers: t.headers }), 400, 'invalid_request');
  });
});

describe('accounts are tenants', () => {
  it('another key cannot see or update the product; its POST creates its own', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const original = await body(await upsert(a, load(nestedFixture)));

    await expectError(await read(b, 'tee-nested'), 404, 'not_found');
    expect((await body(await call(`${BASE}/products`, { headers: b.headers }))).products).toEqual([]);

    const other = await upsert(b, { externalId: 'tee-nested', name: 'Tenant B' });
    expect(other.status).toBe(201);
    expect(await body(other)).toMatchObject({ externalId: 'tee-nested', name: 'Tenant B', description: null, metadata: null, images: [], validForDays: null });

    const mine = await body(await read(a, 'tee-nested'));
    expect(mine).toMatchObject({ name: original.name, description: original.description, metadata: original.metadata, validForDays: 30, updatedAt: original.updatedAt, expiresAt: original.expiresAt });
    expect(mine.images.map((i: any) => i.imageId)).toEqual(original.images.map((i: any) => i.imageId));
    expect((await body(await call(`${BASE}/products`, { headers: b.headers }))).products.map((p: any) => p.name)).toEqual(['Tenant B']);
  });
});

describe('GET /openapi.json', () => {
  it('documents the routes, both content types of the upsert, and the error shape, without a key', async () => {
    const res = await call(`${BASE}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await body(res);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers[0].url).toBe(BASE);
    expect(Object.keys(doc.paths).sort()).toEqual(['/products', '/products/{externalId}']);
    expect(Object.keys(doc.paths['/products']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/products'].post.requestBody.content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(Object.keys(doc.paths['/products'].post.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401']));
    expect(doc.paths['/products/{externalId}'].get.responses['404']).toBeDefined();
    expect(doc.components.schemas).toHaveProperty('TryonProduct');
    expect(doc.components.schemas).toHaveProperty('TryonError');
    expect(doc.components.schemas.TryonProductInput.properties.imageUrls.deprecated).toBe(true);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'bearer']);
  });
});
