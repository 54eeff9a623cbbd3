/**
 * The Robosize dialect (seed 004) under /compat/robosize: the seed's example requests sent verbatim
 * (fixtures copied from the seed, placeholders substituted from the table below) get the documented
 * status and shape; DRF limit/offset pages whose links work when followed; merging, renaming by
 * `store_id`, all-or-nothing PATCH, DELETE ?hash=; errors in DRF's shapes; tenancy; the key kept out
 * of logs; the dialect's own OpenAPI document.
 */
import { env, exports } from 'cloudflare:workers';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import type { Env } from '../../src/env';
import { MAX_OFFSET } from '../../src/dialects/robosize/list';
import { ADMIN, body, call, createTenant, feed, type TestTenant } from '../helpers/api';
import { failingDb, fetchWith } from '../helpers/bindings';
import { waitFor } from '../helpers/poll';
import createRequest from './fixtures/robosize/create.request.seed.json?raw';
import createResponse from './fixtures/robosize/create.response.seed.json?raw';
import listResponse from './fixtures/robosize/list.response.seed.json?raw';
import updateRequest from './fixtures/robosize/update.request.seed.json?raw';
import updateResponse from './fixtures/robosize/update.response.seed.json?raw';

const PATH = '/compat/robosize/api/v1/product/';
const ORIGIN = 'http://shelfsync.test';
const receiverUrl = inject('receiverUrl');
const img = (name: string, tag = '') => `${receiverUrl}/img/${name}${tag ? `?t=${tag}` : ''}`;

/**
 * The seed's placeholders and what they become here. `123456` (the create example's store_id) and
 * every other literal are sent as written; URLs point at the local image fixtures (nothing leaves
 * the machine), `PRODUCT_ID` is the `id` the create answered.
 */
interface Substitutions {
  API_KEY: string;
  PRODUCT_NAME?: string;
  IMAGE_URL?: string;
  NEW_IMAGE_URL?: string;
  NEW_STORE_ID?: string;
  PRODUCT_ID?: string;
}

function substitute(text: string, subs: Substitutions): string {
  return text.replace(/\b(API_KEY|PRODUCT_NAME|NEW_IMAGE_URL|IMAGE_URL|NEW_STORE_ID|PRODUCT_ID)\b/g, (name) => {
    const value = subs[name as keyof Substitutions];
    if (value === undefined) throw new Error(`no substitution for ${name}`);
    return value;
  });
}

const SEED_RESULT = JSON.parse(listResponse).results[0];
const DOCUMENTED_KEYS = Object.keys(SEED_RESULT).sort();
/** `type` is written by create and PATCH; it is returned too, so what was written can be read back. */
const RESULT_KEYS = [...DOCUMENTED_KEYS, 'type'].sort();

interface Call {
  query?: Record<string, string>;
  raw?: string;
  json?: unknown;
  headers?: Record<string, string>;
  path?: string;
  key?: string | null;
}

/** A request to the dialect, the key in `?api_key=` as Robosize clients send it. */
function rs(t: TestTenant | null, method: string, init: Call = {}): Promise<Response> {
  const params = new URLSearchParams();
  const key = init.key === undefined ? t?.key : init.key;
  if (key) params.set('api_key', key);
  for (const [name, value] of Object.entries(init.query ?? {})) params.set(name, value);
  const qs = params.toString();
  const url = `${init.path ?? PATH}${qs ? `?${qs}` : ''}`;
  if (init.raw !== undefined) return call(url, { method, headers: { 'content-type': 'application/json', ...init.headers }, body: init.raw });
  return call(url, { method, headers: init.headers ?? {}, ...(init.json !== undefined ? { json: init.json } : {}) });
}

/** Follows an absolute link exactly as a client would. */
function follow(link: string): Promise<Response> {
  return exports.default.fetch(new Request(link));
}

async function expectJson(res: Response, status: number): Promise<any> {
  const text = await res.clone().text();
  expect(res.status, text.slice(0, 400)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return JSON.parse(text);
}

/** `{"detail": "..."}` and nothing else. */
async function expectDetail(res: Response, status: number): Promise<string> {
  const err = await expectJson(res, status);
  expect(Object.keys(err)).toEqual(['detail']);
  expect(typeof err.detail).toBe('string');
  expect(err.detail.length).toBeGreaterThan(0);
  return err.detail;
}

/** `{"field": ["message", ...], ...}`. */
async function expectFields(res: Response, status = 400): Promise<Record<string, string[]>> {
  const err = await expectJson(res, status);
  expect(Object.keys(err).length).toBeGreaterThan(0);
  for (const [field, messages] of Object.entries(err)) {
    expect(Array.isArray(messages), field).toBe(true);
    for (const m of messages as unknown[]) expect(typeof m).toBe('string');
  }
  return err;
}

const isDict = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every documented key on every result, each of its documented type. */
function expectResultShape(r: any): void {
  expect(Object.keys(r).sort()).toEqual(RESULT_KEYS);
  // The seed shows `"id": "PRODUCT_ID"`: a string (of digits here).
  expect(typeof r.id).toBe(typeof SEED_RESULT.id);
  expect(r.id).toMatch(/^[1-9]\d*$/);
  expect(typeof r.store_id).toBe('string');
  for (const key of ['name', 'brand', 'comment', 'image_md', 'available_sizes', 'handle', 'type']) {
    expect(r[key] === null || typeof r[key] === 'string', key).toBe(true);
  }
  expect([null, 'active', 'inactive']).toContain(r.status);
  expect(r.fit_toughness === null || typeof r.fit_toughness === 'number').toBe(true);
  expect(Array.isArray(r.tags)).toBe(true);
  for (const tag of r.tags) {
    expect(Object.keys(tag)).toEqual(['name']);
    expect(typeof tag.name).toBe('string');
  }
  expect(isDict(r.size_chart)).toBe(true);
  expect(isDict(r.fabric)).toBe(true);
}

async function list(t: TestTenant, query: Record<string, string> = {}): Promise<any> {
  const page = await expectJson(await rs(t, 'GET', { query }), 200);
  expect(Object.keys(page)).toEqual(['count', 'next', 'previous', 'results']);
  for (const r of page.results) expectResultShape(r);
  return page;
}

async function allResults(t: TestTenant): Promise<any[]> {
  return (await list(t, { limit: '200' })).results;
}

async function resultFor(t: TestTenant, storeId: string): Promise<any> {
  const found = (await allResults(t)).find((r) => r.store_id === storeId);
  if (!found) throw new Error(`no result with store_id ${storeId}`);
  return found;
}

async function v1Product(t: TestTenant, id: string): Promise<any> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}`, { headers: t.headers });
  return res.status === 200 ? body(res) : null;
}


const settled = (p: any) => p && p.status !== 'pending' && p.status !== 'processing' && p.images.every((i: any) => i.status !== 'pending' && i.status !== 'processing');

function waitSettled(t: TestTenant, id: string): Promise<any> {
  return waitFor(async () => {
    const p = await v1Product(t, id);
    return settled(p) ? p : undefined;
  }, `${id} to settle`);
}

/** Creates through the dialect; returns the Robosize id (answered as a string of digits) as a number. */
async function create(t: TestTenant, json: Record<string, unknown>): Promise<number> {
  const res = await rs(t, 'POST', { json });
  const out = await expectJson(res, 201);
  expect(out.id).toMatch(/^[1-9]\d*$/);
  return Number(out.id);
}

async function putV1(t: TestTenant, id: string, doc: Record<string, unknown>): Promise<any> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}`, { method: 'PUT', headers: t.headers, json: doc });
  expect([200, 201]).toContain(res.status);
  return body(res);
}

describe('seed examples, verbatim', () => {
  it('create: the seed body -> 201 {created: 1, id}; the list shows it with every documented key', async () => {
    const t = await createTenant();
    const subs: Substitutions = { API_KEY: t.key, PRODUCT_NAME: 'Classic White T-Shirt', IMAGE_URL: img('photo.jpg', 'create') };
    const res = await rs(t, 'POST', { raw: substitute(createRequest, subs) });
    const created = await expectJson(res, 201);
    expect(Object.keys(created).sort()).toEqual(Object.keys(JSON.parse(createResponse)).sort());
    expect(created.created).toBe(1);
    expect(typeof created.id).toBe(typeof JSON.parse(createResponse).id);
    expect(created.id).toMatch(/^[1-9]\d*$/);

    const page = await list(t);
    expect(page).toMatchObject({ count: 1, next: null, previous: null });
    expect(page.results).toHaveLength(1);
    expect(page.results[0]).toMatchObject({
      id: created.id,
      store_id: '123456',
      name: 'Classic White T-Shirt',
      tags: [{ name: 'tag 1' }, { name: 'tag 2' }, { name: 'tag 3' }],
      handle: 'classic-white-t-shirt',
      type: 'top',
      status: SEED_RESULT.status,
      brand: null,
      fit_toughness: null,
      comment: null,
      available_sizes: null,
      size_chart: {},
      fabric: {},
    });

    // The canonical product behind it: `store_id` is its id, `id` its number.
    const p = await v1Product(t, '123456');
    expect(p).toMatchObject({ id: '123456', number: Number(created.id), active: true, title: 'Classic White T-Shirt', tags: ['tag 1', 'tag 2', 'tag 3'], extensions: { robosize: { type: 'top' } } });
    expect(p.images.map((i: any) => i.source)).toEqual([{ url: subs.IMAGE_URL }]);
  });

  it("the list's top-level keys and result keys are the seed's", async () => {
    const t = await createTenant();
    await create(t, { name: 'A', store_id: 'a' });
    const seed = JSON.parse(listResponse);
    const page = await list(t);
    expect(Object.keys(page)).toEqual(Object.keys(seed));
    for (const key of DOCUMENTED_KEYS) expect(page.results[0]).toHaveProperty(key);
  });

  it('image_md: the signed medium derivative of the first image once processed (null when it cannot be)', async () => {
    const t = await createTenant();
    const subs: Substitutions = { API_KEY: t.key, PRODUCT_NAME: 'Photo product', IMAGE_URL: img('photo.jpg', 'md') };
    await expectJson(await rs(t, 'POST', { raw: substitute(createRequest, subs) }), 201);
    await create(t, { name: 'Unreachable', store_id: 'far', image_url: 'https://example.com/products/far.jpg' });
    await create(t, { name: 'No image', store_id: 'none' });
    await waitSettled(t, '123456');
    await waitSettled(t, 'far');

    const results = await allResults(t);
    const byStore = Object.fromEntries(results.map((r) => [r.store_id, r]));
    expect(byStore.far.image_md).toBeNull();
    expect(byStore.none.image_md).toBeNull();
    const md: string = byStore['123456'].image_md;
    expect(md).toMatch(/^http:\/\/shelfsync\.test\/v1\/images\/img_[0-9A-Z]+\/content\?variant=medium&v=[0-9a-f]{64}&exp=\d+&sig=/);
    const image = await follow(md);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
  });

  it('update: the seed body renames, replaces and merges -> 200 {"message": "Products updated"}', async () => {
    const t = await createTenant();
    const before = { API_KEY: t.key, PRODUCT_NAME: 'Old name', IMAGE_URL: img('photo.jpg', 'upd') };
    const created = await expectJson(await rs(t, 'POST', { raw: substitute(createRequest, before) }), 201);
    // Fields Robosize cannot express, written through /v1: the dialect's writes must keep them.
    const patched = await call('/v1/products/123456', { method: 'PATCH', headers: t.headers, json: { description: 'Kept', prices: { USD: { amount: '25.00' } } } });
    expect(patched.status).toBe(200);
    const versionBefore = (await v1Product(t, '123456')).version;

    const subs: Substitutions = { API_KEY: t.key, PRODUCT_ID: String(created.id), NEW_STORE_ID: 'SKU-7788', NEW_IMAGE_URL: img('picture.webp', 'upd') };
    const res = await rs(t, 'PATCH', { raw: substitute(updateRequest, subs) });
    expect(await expectJson(res, 200)).toEqual(JSON.parse(updateResponse));

    const r = await resultFor(t, 'SKU-7788');
    expect(r).toMatchObject({ id: created.id, name: 'New product name', tags: [{ name: 'tag 1' }, { name: 'tag 2' }], type: 'top', handle: 'new-product-name' });
    expect((await allResults(t)).map((x) => x.store_id)).toEqual(['SKU-7788']);

    expect(await v1Product(t, '123456')).toBeNull();
    const p = await v1Product(t, 'SKU-7788');
    expect(p).toMatchObject({ number: Number(created.id), title: 'New product name', description: 'Kept', prices: { USD: { amount: '25.00' } }, tags: ['tag 1', 'tag 2'] });
    expect(p.version).toBeGreaterThan(versionBefore);
    expect(p.images.map((i: any) => i.source)).toEqual([{ url: subs.NEW_IMAGE_URL }]);

    const events = (await feed(t)).filter((e) => e.type === 'product.updated');
    expect(events.at(-1)!.data).toMatchObject({ productId: 'SKU-7788', number: Number(created.id), version: p.version });

    const settledProduct = await waitSettled(t, 'SKU-7788');
    expect(settledProduct.status).toBe('done');
    expect((await resultFor(t, 'SKU-7788')).image_md).toMatch(/variant=medium/);
  });

  it('delete: ?hash=ID -> 204, and the product is gone', async () => {
    const t = await createTenant();
    const id = await create(t, { name: 'Doomed', store_id: 'doomed' });
    const keep = await create(t, { name: 'Kept', store_id: 'kept' });
    const res = await rs(t, 'DELETE', { query: { hash: String(id) } });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await allResults(t)).map((r) => r.id)).toEqual([String(keep)]);
    expect(await v1Product(t, 'doomed')).toBeNull();
    expect((await feed(t)).some((e) => e.type === 'product.deleted' && e.data.productId === 'doomed')).toBe(true);
    expect(await expectDetail(await rs(t, 'DELETE', { query: { hash: String(id) } }), 404)).toMatch(String(id));
  });
});

describe("seed fidelity: the seed's id and status", () => {
  it('`id` is a string, as the seed shows "id": "PRODUCT_ID"; PATCH `products` and DELETE `hash` take it as given (or as a number)', async () => {
    const t = await createTenant();
    const subs: Substitutions = { API_KEY: t.key, PRODUCT_NAME: 'String id', IMAGE_URL: img('photo.jpg', 'sid') };
    const created = await expectJson(await rs(t, 'POST', { raw: substitute(createRequest, subs) }), 201);
    const seedCreated = JSON.parse(createResponse);
    expect(typeof created.id).toBe(typeof seedCreated.id);
    const listed = (await list(t)).results[0];
    expect(typeof listed.id).toBe(typeof SEED_RESULT.id);
    expect(listed.id).toBe(created.id);

    // The seed's update body with PRODUCT_ID replaced by the id exactly as answered (a string)...
    const update = substitute(updateRequest, { ...subs, PRODUCT_ID: created.id, NEW_STORE_ID: 'renamed', NEW_IMAGE_URL: img('photo.jpg', 'sid2') });
    expect(JSON.parse(update).products).toEqual([created.id]);
    expect(await expectJson(await rs(t, 'PATCH', { raw: update }), 200)).toEqual(JSON.parse(updateResponse));
    // ...and as a number, as clients written against the earlier integer ids send it.
    await expectJson(await rs(t, 'PATCH', { json: { products: [Number(created.id)], brand: 'Numeric' } }), 200);
    expect((await resultFor(t, 'renamed')).brand).toBe('Numeric');

    // DELETE with hash=PRODUCT_ID, the id as answered.
    expect((await rs(t, 'DELETE', { query: { hash: created.id } })).status).toBe(204);
    expect((await list(t)).count).toBe(0);
  });

  it("a product made with the seed's create body is `active`, as the seed's list shows; a status given is kept, and a re-post does not reset it", async () => {
    const t = await createTenant();
    const subs: Substitutions = { API_KEY: t.key, PRODUCT_NAME: 'Active by default', IMAGE_URL: img('photo.jpg', 'act') };
    expect(JSON.parse(createRequest)).not.toHaveProperty('status');
    await expectJson(await rs(t, 'POST', { raw: substitute(createRequest, subs) }), 201);
    expect(SEED_RESULT.status).toBe('active');
    expect((await resultFor(t, '123456')).status).toBe(SEED_RESULT.status);
    expect((await v1Product(t, '123456')).active).toBe(true);

    await create(t, { name: 'Off', store_id: 'off', status: 'inactive' });
    expect((await resultFor(t, 'off')).status).toBe('inactive');
    // The same store_id again without a status merges into the existing product: still inactive.
    await expectJson(await rs(t, 'POST', { json: { name: 'Off, renamed', store_id: 'off' } }), 200);
    expect((await resultFor(t, 'off')).status).toBe('inactive');
  });
});

describe('list: DRF limit/offset pages', () => {
  async function seedCatalog(t: TestTenant, n: number): Promise<void> {
    const products = Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(3, '0')}`, title: `Product ${i}` }));
    const res = await call('/v1/products/batch', { method: 'POST', headers: t.headers, json: { products } });
    expect(res.status).toBe(200);
  }

  it('with and without the trailing slash', async () => {
    const t = await createTenant();
    await create(t, { name: 'One', store_id: 'one' });
    const slash = await expectJson(await rs(t, 'GET'), 200);
    const bare = await expectJson(await rs(t, 'GET', { path: PATH.slice(0, -1) }), 200);
    expect(bare).toEqual(slash);
    expect(slash.count).toBe(1);

    // The writes too.
    const bareOpts = { path: PATH.slice(0, -1) };
    const created = await expectJson(await rs(t, 'POST', { ...bareOpts, json: { name: 'Two', store_id: 'two' } }), 201);
    await expectJson(await rs(t, 'PATCH', { ...bareOpts, json: { products: [created.id], brand: 'Bare' } }), 200);
    expect((await resultFor(t, 'two')).brand).toBe('Bare');
    expect((await rs(t, 'DELETE', { ...bareOpts, query: { hash: String(created.id) } })).status).toBe(204);
    expect((await list(t)).count).toBe(1);
  });

  it('default limit 50; following `next` until null yields every product exactly once, in id order', async () => {
    const t = await createTenant();
    await seedCatalog(t, 120);
    const first = await list(t);
    expect(first.count).toBe(120);
    expect(first.results).toHaveLength(50);
    expect(first.previous).toBeNull();
    const next = new URL(first.next);
    expect(`${next.origin}${next.pathname}`).toBe(`${ORIGIN}${PATH}`);
    expect(next.searchParams.get('api_key')).toBe(t.key);
    expect(next.searchParams.get('limit')).toBe('50');
    expect(next.searchParams.get('offset')).toBe('50');

    const seen: number[] = [];
    const stores: string[] = [];
    let page = first;
    let pages = 1;
    for (;;) {
      for (const r of page.results) {
        seen.push(Number(r.id));
        stores.push(r.store_id);
      }
      if (page.next === null) break;
      const res = await follow(page.next);
      const nextPage = await expectJson(res, 200);
      for (const r of nextPage.results) expectResultShape(r);
      // `previous` leads back to the page just read.
      const back = await expectJson(await follow(nextPage.previous), 200);
      expect(back.results.map((r: any) => r.id)).toEqual(page.results.map((r: any) => r.id));
      page = nextPage;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(stores).size).toBe(120);
  });

  it('limit and offset as given; the first page\'s `previous` drops offset; other query parameters stay', async () => {
    const t = await createTenant();
    await seedCatalog(t, 20);
    const page = await list(t, { limit: '7', offset: '7', foo: 'bar' });
    expect(page.count).toBe(20);
    expect(page.results.map((r: any) => r.store_id)).toEqual(['p007', 'p008', 'p009', 'p010', 'p011', 'p012', 'p013']);
    const next = new URL(page.next);
    expect(Object.fromEntries(next.searchParams)).toEqual({ api_key: t.key, limit: '7', offset: '14', foo: 'bar' });
    const previous = new URL(page.previous);
    expect(Object.fromEntries(previous.searchParams)).toEqual({ api_key: t.key, limit: '7', foo: 'bar' });

    const last = await list(t, { limit: '7', offset: '14' });
    expect(last.results).toHaveLength(6);
    expect(last.next).toBeNull();
    expect(new URL(last.previous).searchParams.get('offset')).toBe('7');

    const beyond = await list(t, { offset: '500' });
    expect(beyond.results).toEqual([]);
    expect(beyond.next).toBeNull();
    expect(beyond.count).toBe(20);
  });

  it(`offset is served up to ${MAX_OFFSET}; past it, a DRF field error (400) pointing at the cursor API`, async () => {
    const t = await createTenant();
    await seedCatalog(t, 3);
    const deepest = await list(t, { offset: String(MAX_OFFSET) });
    expect(deepest).toMatchObject({ count: 3, next: null, results: [] });
    const res = await rs(t, 'GET', { query: { offset: String(MAX_OFFSET + 1) } });
    expect(await expectJson(res, 400)).toEqual({ offset: [expect.stringMatching(/less than or equal to 10000.*\/v1\/products/)] });
  });

  it('the count follows creates and deletes at once (the cached count is dropped when the catalog changes)', async () => {
    const t = await createTenant();
    await seedCatalog(t, 3);
    expect((await list(t)).count).toBe(3);
    expect((await list(t)).count).toBe(3);
    await create(t, { name: 'Four', store_id: 'four' });
    expect((await list(t)).count).toBe(4);
    const gone = (await list(t)).results[0].id as string;
    expect((await rs(t, 'DELETE', { query: { hash: gone } })).status).toBe(204);
    expect((await list(t)).count).toBe(3);
  });

  it('links keep the path as requested (no trailing slash stays so)', async () => {
    const t = await createTenant();
    await seedCatalog(t, 3);
    const page = await expectJson(await rs(t, 'GET', { path: PATH.slice(0, -1), query: { limit: '2' } }), 200);
    expect(new URL(page.next).pathname).toBe(PATH.slice(0, -1));
    const rest = await expectJson(await follow(page.next), 200);
    expect(rest.results).toHaveLength(1);
  });

  it('a limit that is not a positive integer falls back to 50; above 200 it is 200', async () => {
    const t = await createTenant();
    await seedCatalog(t, 210);
    expect((await list(t, { limit: 'abc' })).results).toHaveLength(50);
    expect((await list(t, { limit: '0' })).results).toHaveLength(50);
    expect((await list(t, { limit: '-3' })).results).toHaveLength(50);
    const big = await list(t, { limit: '1000' });
    expect(big.results).toHaveLength(200);
    expect(new URL(big.next).searchParams.get('limit')).toBe('200');
  });

  it('every documented key on every result also for products written through /v1 (null or {} when unset)', async () => {
    const t = await createTenant({ defaultLocale: 'pt-BR' });
    await putV1(t, 'bare', {});
    await putV1(t, 'localized', { localizations: { 'pt-BR': { title: 'Camiseta Básica' } }, sizes: ['P', 'M'], active: true, brand: 'Marca' });
    const results = await allResults(t);
    expect(results.find((r) => r.store_id === 'bare')).toMatchObject({
      name: null, handle: null, status: null, brand: null, tags: [], fit_toughness: null, comment: null, image_md: null,
      available_sizes: null, size_chart: {}, fabric: {}, type: null,
    });
    expect(results.find((r) => r.store_id === 'localized')).toMatchObject({
      name: 'Camiseta Básica', handle: 'camiseta-basica', status: 'active', brand: 'Marca', available_sizes: 'P,M',
    });
  });
});

describe('writes merge', () => {
  it('every field maps: status, brand, sizes, vendor fields in extensions.robosize', async () => {
    const t = await createTenant();
    const id = await create(t, {
      name: '  Café Crème — Slim Fit!  ',
      store_id: 4711,
      status: 'inactive',
      brand: 'Acme',
      tags: ['a', { name: 'b' }, 'a'],
      fit_toughness: '5',
      comment: 'runs small',
      available_sizes: 'S, M,L,,XL',
      size_chart: { S: { chest: 90 } },
      fabric: { cotton: 100 },
      type: 'top',
      unknown_field: 'ignored',
    });
    const r = await resultFor(t, '4711');
    expect(r).toEqual({
      id: String(id),
      store_id: '4711',
      name: 'Café Crème — Slim Fit!',
      status: 'inactive',
      brand: 'Acme',
      tags: [{ name: 'a' }, { name: 'b' }],
      fit_toughness: 5,
      comment: 'runs small',
      image_md: null,
      available_sizes: 'S,M,L,XL',
      size_chart: { S: { chest: 90 } },
      fabric: { cotton: 100 },
      handle: 'cafe-creme-slim-fit',
      type: 'top',
    });
    const p = await v1Product(t, '4711');
    expect(p).toMatchObject({ active: false, brand: 'Acme', sizes: ['S', 'M', 'L', 'XL'], tags: ['a', 'b'] });
    expect(p.extensions).toEqual({ robosize: { type: 'top', comment: 'runs small', fit_toughness: 5, size_chart: { S: { chest: 90 } }, fabric: { cotton: 100 } } });
    expect(p).not.toHaveProperty('unknown_field');
  });

  it('POST with a store_id that exists merges into it -> 200 {created: 0, id}', async () => {
    const t = await createTenant();
    await putV1(t, 'sku-1', { title: 'From v1', description: 'Kept', tags: ['x'], prices: { USD: { amount: '9.99' } } });
    const number = (await v1Product(t, 'sku-1')).number;
    const res = await rs(t, 'POST', { json: { name: 'From Robosize', store_id: 'sku-1', type: 'bottom' } });
    expect(await expectJson(res, 200)).toEqual({ created: 0, id: String(number) });
    const p = await v1Product(t, 'sku-1');
    expect(p).toMatchObject({ title: 'From Robosize', description: 'Kept', tags: ['x'], prices: { USD: { amount: '9.99' } }, extensions: { robosize: { type: 'bottom' } } });
  });

  it('PATCH applies only the fields given, to every product listed', async () => {
    const t = await createTenant();
    const a = await create(t, { name: 'A', store_id: 'a', tags: ['ta'], type: 'top' });
    const b = await create(t, { name: 'B', store_id: 'b', status: 'active' });
    const other = await create(t, { name: 'Other', store_id: 'other' });
    const versions = { a: (await v1Product(t, 'a')).version, b: (await v1Product(t, 'b')).version, other: (await v1Product(t, 'other')).version };
    const res = await rs(t, 'PATCH', { json: { products: [a, String(b)], brand: 'Shared', comment: 'note' } });
    expect(await expectJson(res, 200)).toEqual({ message: 'Products updated' });
    const results = Object.fromEntries((await allResults(t)).map((r) => [r.store_id, r]));
    expect(results.a).toMatchObject({ name: 'A', brand: 'Shared', comment: 'note', tags: [{ name: 'ta' }], type: 'top' });
    expect(results.b).toMatchObject({ name: 'B', brand: 'Shared', comment: 'note', status: 'active' });
    expect(results.other).toMatchObject({ brand: null, comment: null });
    expect((await v1Product(t, 'a')).version).toBe(versions.a + 1);
    expect((await v1Product(t, 'b')).version).toBe(versions.b + 1);
    expect((await v1Product(t, 'other')).version).toBe(versions.other);
    expect(other).toBeGreaterThan(b);
  });

  it('PATCH with null clears: status, tags, image_url (and so image_md), vendor fields', async () => {
    const t = await createTenant();
    const id = await create(t, { name: 'Full', store_id: 'full', status: 'active', tags: ['x'], image_url: img('graphic.png', 'clear'), fabric: { wool: 50 }, fit_toughness: 3 });
    await waitSettled(t, 'full');
    expect((await resultFor(t, 'full')).image_md).not.toBeNull();
    const res = await rs(t, 'PATCH', { json: { products: [id], status: null, tags: null, image_url: null, fabric: null, fit_toughness: null } });
    await expectJson(res, 200);
    expect(await resultFor(t, 'full')).toMatchObject({ status: null, tags: [], image_md: null, fabric: {}, fit_toughness: null, name: 'Full' });
    expect((await v1Product(t, 'full')).images).toEqual([]);
  });

  it('a PATCH that changes nothing still answers 200 and writes no event', async () => {
    const t = await createTenant();
    const id = await create(t, { name: 'Same', store_id: 'same', brand: 'B' });
    const before = (await feed(t)).length;
    await expectJson(await rs(t, 'PATCH', { json: { products: [id], brand: 'B' } }), 200);
    await expectJson(await rs(t, 'PATCH', { json: { products: [id] } }), 200);
    expect((await feed(t)).length).toBe(before);
  });
});

describe('PATCH: all or nothing, renames', () => {
  it('an unknown id: 404 {"detail"}, nothing applied to the others', async () => {
    const t = await createTenant();
    const a = await create(t, { name: 'A', store_id: 'a' });
    const before = await v1Product(t, 'a');
    const detail = await expectDetail(await rs(t, 'PATCH', { json: { products: [a, 999_999], name: 'Changed' } }), 404);
    expect(detail).toMatch('999999');
    const after = await v1Product(t, 'a');
    expect(after.version).toBe(before.version);
    expect(after.title).toBe('A');
  });

  it('one invalid value refuses the whole request', async () => {
    const t = await createTenant();
    const a = await create(t, { name: 'A', store_id: 'a' });
    const b = await create(t, { name: 'B', store_id: 'b' });
    const err = await expectFields(await rs(t, 'PATCH', { json: { products: [a, b], name: '   ', brand: 'X' } }));
    expect(err).toEqual({ name: ['This field may not be blank.'] });
    // A canonical rule (sizes of at most 64 characters) named by its Robosize field.
    const long = await expectFields(await rs(t, 'PATCH', { json: { products: [a, b], available_sizes: `S,${'X'.repeat(65)}` } }));
    expect(Object.keys(long)).toEqual(['available_sizes']);
    for (const s of ['a', 'b']) expect((await resultFor(t, s))).toMatchObject({ brand: null, available_sizes: null });
  });

  it('a new store_id renames the product: same id, images and history follow', async () => {
    const t = await createTenant();
    const id = await create(t, { name: 'Renamed', store_id: 'old-sku', image_url: img('photo.jpg', 'rename') });
    const settledBefore = await waitSettled(t, 'old-sku');
    const res = await rs(t, 'PATCH', { json: { products: [id], store_id: 'new-sku' } });
    expect(await expectJson(res, 200)).toEqual({ message: 'Products updated' });
    const p = await v1Product(t, 'new-sku');
    expect(p).toMatchObject({ number: id, title: 'Renamed', version: settledBefore.version + 1, status: 'done' });
    expect(p.images.map((i: any) => [i.imageId, i.status, i.sha256])).toEqual(settledBefore.images.map((i: any) => [i.imageId, i.status, i.sha256]));
    expect(await v1Product(t, 'old-sku')).toBeNull();
    expect((await resultFor(t, 'new-sku')).image_md).toMatch(/variant=medium/);
    // The old id is free again; the new one is a product like any other.
    expect(await create(t, { name: 'Fresh', store_id: 'old-sku' })).toBeGreaterThan(id);
    await expectJson(await rs(t, 'PATCH', { json: { products: [id], brand: 'After' } }), 200);
    expect((await v1Product(t, 'new-sku')).brand).toBe('After');
    const jobs = await body(await call('/v1/jobs?limit=100', { headers: t.headers }));
    expect(jobs.data.some((j: any) => j.kind === 'robosize.rename' && j.status === 'completed')).toBe(true);
  });

  it('store_id equal to the current one is no rename', async () => {
    const t = await createTenant();
    const id = await create(t, { name: 'Same', store_id: 'same' });
    await expectJson(await rs(t, 'PATCH', { json: { products: [id], store_id: 'same', name: 'Renamed title' } }), 200);
    expect((await v1Product(t, 'same')).title).toBe('Renamed title');
  });

  it('a store_id another product has: 409, nothing applied', async () => {
    const t = await createTenant();
    const a = await create(t, { name: 'A', store_id: 'a' });
    await create(t, { name: 'B', store_id: 'b' });
    const err = await expectFields(await rs(t, 'PATCH', { json: { products: [a], store_id: 'b', name: 'Changed' } }), 409);
    expect(Object.keys(err)).toEqual(['store_id']);
    expect((await v1Product(t, 'a')).title).toBe('A');
    expect((await v1Product(t, 'b')).title).toBe('B');
  });

  it('a store_id with several products: 400, nothing applied', async () => {
    const t = await createTenant();
    const a = await create(t, { name: 'A', store_id: 'a' });
    const b = await create(t, { name: 'B', store_id: 'b' });
    const err = await expectFields(await rs(t, 'PATCH', { json: { products: [a, b], store_id: 'c', name: 'X' } }));
    expect(Object.keys(err)).toEqual(['store_id']);
    expect((await allResults(t)).map((r) => [r.store_id, r.name])).toEqual([['a', 'A'], ['b', 'B']]);
  });

  it('`products` is required, not empty, and holds ids', async () => {
    const t = await createTenant();
    expect(await expectFields(await rs(t, 'PATCH', { json: { name: 'X' } }))).toEqual({ products: ['This field is required.'] });
    expect(await expectFields(await rs(t, 'PATCH', { json: { products: [], name: 'X' } }))).toEqual({ products: ['This list may not be empty.'] });
    const err = await expectFields(await rs(t, 'PATCH', { json: { products: ['abc'] } }));
    expect(Object.keys(err)).toEqual(['products']);
  });
});

describe('errors in DRF shapes', () => {
  it('no api_key: 403 {"detail": "Authentication credentials were not provided."} on every method', async () => {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      const res = await rs(null, method, method === 'POST' || method === 'PATCH' ? { json: {} } : {});
      expect(await expectDetail(res, 403)).toBe('Authentication credentials were not provided.');
    }
  });

  it('a wrong api_key: 403; a key in a header is not read (Robosize sends it in the query)', async () => {
    const t = await createTenant();
    expect(await expectDetail(await rs(t, 'GET', { key: 'not-a-key' }), 403)).toBe('Incorrect authentication credentials.');
    expect(await expectDetail(await rs(t, 'GET', { key: null, headers: t.headers }), 403)).toBe('Authentication credentials were not provided.');
  });

  it('validation: 400 {"field": ["message"]}', async () => {
    const t = await createTenant();
    const noName = JSON.parse(substitute(createRequest, { API_KEY: t.key, PRODUCT_NAME: 'x', IMAGE_URL: 'https://example.com/i.jpg' }));
    delete noName.name;
    expect(await expectFields(await rs(t, 'POST', { json: noName }))).toEqual({ name: ['This field is required.'] });
    expect(await expectFields(await rs(t, 'POST', { json: {} }))).toEqual({ name: ['This field is required.'], store_id: ['This field is required.'] });
    expect(await expectFields(await rs(t, 'POST', { json: { name: 'n', store_id: 's', image_url: 'not a url' } }))).toEqual({ image_url: ['Enter a valid URL.'] });
    expect(await expectFields(await rs(t, 'POST', { json: { name: 'n', store_id: 's', status: 'archived' } }))).toEqual({ status: ['"archived" is not a valid choice.'] });
    expect(await expectFields(await rs(t, 'POST', { json: { name: null, store_id: 's' } }))).toEqual({ name: ['This field may not be null.'] });
    expect(Object.keys(await expectFields(await rs(t, 'POST', { json: { name: 'n', store_id: '_anon_1' } })))).toEqual(['store_id']);
    expect(Object.keys(await expectFields(await rs(t, 'POST', { json: { name: 'n', store_id: 's', tags: 'one' } })))).toEqual(['tags']);
    expect(Object.keys(await expectFields(await rs(t, 'POST', { json: { name: 'n', store_id: 's', size_chart: [] } })))).toEqual(['size_chart']);
    expect(Object.keys(await expectFields(await rs(t, 'POST', { json: [1, 2] })))).toEqual(['non_field_errors']);
    expect((await list(t)).count).toBe(0);
  });

  it('a body that is not JSON: 400 {"detail"}; another media type: 415 {"detail"}', async () => {
    const t = await createTenant();
    expect(await expectDetail(await rs(t, 'POST', { raw: '{"name": ' }), 400)).toMatch(/^JSON parse error/);
    const res = await call(`${PATH}?api_key=${t.key}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=x' });
    expect(await expectDetail(res, 415)).toBe('Unsupported media type "text/plain" in request.');
  });

  it('DELETE without hash or with a non-integer one: 400 {"hash": [...]}; an unknown one: 404', async () => {
    const t = await createTenant();
    expect(await expectFields(await rs(t, 'DELETE'))).toEqual({ hash: ['This field is required.'] });
    expect(await expectFields(await rs(t, 'DELETE', { query: { hash: 'abc' } }))).toEqual({ hash: ['A valid integer is required.'] });
    await expectDetail(await rs(t, 'DELETE', { query: { hash: '424242' } }), 404);
  });

  it('a wrong method: 405 {"detail": "Method \\"PUT\\" not allowed."} with Allow; an unknown path: 404 {"detail": "Not found."}', async () => {
    const t = await createTenant();
    const res = await rs(t, 'PUT', { json: {} });
    expect(await expectDetail(res, 405)).toBe('Method "PUT" not allowed.');
    expect(res.headers.get('allow')!.split(', ')).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']));
    expect(await expectDetail(await rs(t, 'GET', { path: '/compat/robosize/api/v1/products/' }), 404)).toBe('Not found.');
    expect(await expectDetail(await rs(t, 'GET', { path: '/compat/robosize/api/v1/product/17/' }), 404)).toBe('Not found.');
  });
});

describe('tenancy', () => {
  it("another tenant's id in PATCH or DELETE is a 404 and never touched", async () => {
    const owner = await createTenant();
    const other = await createTenant();
    for (const s of ['a', 'b', 'c']) await create(owner, { name: s, store_id: s });
    const target = (await resultFor(owner, 'c')).id;
    const before = await v1Product(owner, 'c');

    await expectDetail(await rs(other, 'PATCH', { json: { products: [target], name: 'Hijacked' } }), 404);
    await expectDetail(await rs(other, 'PATCH', { json: { products: [target], store_id: 'stolen' } }), 404);
    await expectDetail(await rs(other, 'DELETE', { query: { hash: String(target) } }), 404);
    expect(await v1Product(owner, 'c')).toEqual(before);
    expect((await list(other)).count).toBe(0);
    expect((await list(owner)).count).toBe(3);
  });

  it('ids are per tenant: the same store_id in two tenants are two products', async () => {
    const one = await createTenant();
    const two = await createTenant();
    const a = await create(one, { name: 'One', store_id: 'shared' });
    const b = await create(two, { name: 'Two', store_id: 'shared' });
    await expectJson(await rs(two, 'PATCH', { json: { products: [b], name: 'Two, renamed' } }), 200);
    expect((await resultFor(one, 'shared')).name).toBe('One');
    expect((await resultFor(two, 'shared')).name).toBe('Two, renamed');
    expect(a).toBeGreaterThan(0);
  });
});

describe('the key lookup', () => {
  it("a request with ?api_key= records the key's last use, as /v1 does", async () => {
    const t = await createTenant();
    const lastUsed = async () =>
      (await body(await call(`/v1/admin/tenants/${t.id}/keys`, { headers: ADMIN }))).data.find((k: { id: string }) => k.id === t.keyId).lastUsedAt as string | null;
    expect(await lastUsed()).toBeNull();
    const start = Date.now();
    await list(t);
    // Written after the response (waitUntil).
    const seen = await waitFor(lastUsed, 'lastUsedAt', 5_000);
    expect(Date.parse(seen)).toBeGreaterThanOrEqual(start - 1000);
  });
});

describe('the api_key stays out of logs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('nothing logged while serving requests, errors included, contains the key', async () => {
    const t = await createTenant();
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
    }
    const id = await create(t, { name: 'Logged?', store_id: 'log', image_url: 'https://example.com/never.jpg' });
    await list(t);
    await rs(t, 'PATCH', { json: { products: [id, 777], name: 'x' } });
    await rs(t, 'POST', { raw: '{' });
    await rs(t, 'PUT');
    await rs(t, 'GET', { key: `${t.key}x` });
    await rs(t, 'DELETE', { query: { hash: String(id) } });
    // A failure is logged (D1 down: a 503 through the dialect's onError), with the key in the URL.
    const down = await fetchWith({ ...env, DB: failingDb() } as Env, `${PATH}?api_key=${t.key}`);
    expect(down.status).toBe(503);
    await new Promise((r) => setTimeout(r, 200));
    // The spy saw the failure's line, so the check below reads real output.
    expect(logged.some((line) => line.includes('request failed'))).toBe(true);
    for (const line of logged) expect(line).not.toContain(t.key);
  });
});

describe('GET /compat/robosize/openapi.json', () => {
  it('documents the product endpoint, its query key, and the DRF error shapes', async () => {
    const res = await call('/compat/robosize/openapi.json');
    const doc = await expectJson(res, 200);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers[0].url).toBe('/compat/robosize');
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/product/']);
    const item = doc.paths['/api/v1/product/'];
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'patch', 'post']);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'query', name: 'api_key' });
    for (const op of Object.values<any>(item)) expect(op.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['RobosizeProduct', 'RobosizeProductList', 'RobosizeCreateRequest', 'RobosizeUpdateRequest', 'RobosizeDetailError', 'RobosizeFieldErrors']),
    );
    expect(Object.keys(doc.components.schemas.RobosizeProduct.properties).sort()).toEqual(RESULT_KEYS);
  });
});
