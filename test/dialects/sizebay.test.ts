/**
 * The Sizebay dialect (seed 001) under /compat/sizebay: a Sizebay client changes only its base URL.
 * The seed's two request examples are fixtures copied exactly from the seed
 * (fixtures/sizebay/create-product.json, update-product.json); `SUBSTITUTIONS` is the whole list of
 * what a test replaces in them. Assertions cover status, key sets and types, and every value that
 * follows from the request, read back through /v1. The callback is delivered for real to the local
 * receiver, with the endpoint's Authorization header, once per processing round.
 */
import { describe, expect, it } from 'vitest';
import { sizebayPayload } from '../../src/dialects/sizebay/webhook-payload';
import { body, call, createTenant, type TestTenant } from '../helpers/api';
import { createWebhook, deliveries, newBucket, received, receiverUrl, sleep, target, waitFor, waitReceived } from '../helpers/webhooks';
import seedCallback from './fixtures/sizebay/callback.json';
import seedCreate from './fixtures/sizebay/create-product.json';
import seedUpdate from './fixtures/sizebay/update-product.json';

type Json = Record<string, any>;

/**
 * Placeholders in the seed examples and what replaces them:
 * - `tenantId` (1234 in the POST example, 123 in the PATCH one): an alias of the test's tenant. Aliases
 *   are unique across tenants and the test database is shared by every suite, so each tenant gets a
 *   fresh numeric alias instead of the literal "1234"; it is sent as a number, as in the seed.
 * - PATCH `productId` ("FSW012345"): kept, or the id of a product the test created (named per test).
 * - image links (`www.example.com/image.jpg`): kept (they end `error`: tests never leave 127.0.0.1),
 *   or the local receiver's images where a test needs processing to succeed (named per test).
 */
const SUBSTITUTIONS = ['tenantId', 'productId', 'productItem.imageLink', 'productItem.additionalImageLinks'] as const;

const DAY_START = Date.UTC(2024, 5, 10, 0, 0, 0);
const DAY_END = Date.UTC(2024, 5, 20, 23, 59, 59);

let aliasCounter = 0;
/** Numeric, like the seed's tenantId; unique per tenant and per run (15 digits: a safe integer). */
function freshAlias(): string {
  aliasCounter += 1;
  const random = Math.floor(Math.random() * 1000);
  return `${1 + (Date.now() % 1_000_000_000)}${String(aliasCounter).padStart(3, '0')}${String(random).padStart(3, '0')}`;
}

interface SizebayTenant extends TestTenant {
  alias: string;
  tenantId: number;
}

async function sizebayTenant(overrides: Record<string, unknown> = {}): Promise<SizebayTenant> {
  const alias = freshAlias();
  const t = await createTenant({ aliases: [alias], ...overrides });
  return { ...t, alias, tenantId: Number(alias) };
}

/** The POST example with the substitution table applied (plus per-test changes to productItem). */
function createBody(t: SizebayTenant, item: Json = {}, top: Json = {}): Json {
  const doc = structuredClone(seedCreate) as Json;
  doc.tenantId = t.tenantId;
  Object.assign(doc.productItem, item);
  return Object.assign(doc, top);
}

function updateBody(t: SizebayTenant, top: Json = {}): Json {
  const doc = structuredClone(seedUpdate) as Json;
  doc.tenantId = t.tenantId;
  return Object.assign(doc, top);
}

function sb(method: string, key: string | null, json?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call('/compat/sizebay/products', { method, headers: { ...(key ? { 'x-api-key': key } : {}), ...headers }, ...(json !== undefined ? { json } : {}) });
}

const post = (t: TestTenant, json: unknown) => sb('POST', t.key, json);
const patch = (t: TestTenant, json: unknown) => sb('PATCH', t.key, json);

async function getV1(t: TestTenant, id: string): Promise<Json> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}`, { headers: t.headers });
  expect(res.status, `GET ${id}`).toBe(200);
  return body(res);
}

/** Asserts a Sizebay 400 and returns the named fields. */
async function fields400(res: Response): Promise<string[]> {
  const text = await res.clone().text();
  expect(res.status, text).toBe(400);
  const json = JSON.parse(text);
  expect(Object.keys(json).sort()).toEqual(['errors', 'message']);
  expect(json.message).toEqual(expect.any(String));
  for (const e of json.errors) {
    expect(Object.keys(e).sort()).toEqual(['field', 'message']);
    expect(e.field).toEqual(expect.any(String));
    expect(e.message).toEqual(expect.any(String));
  }
  return json.errors.map((e: { field: string }) => e.field);
}

async function expectMessageOnly(res: Response, status: number): Promise<Json> {
  const text = await res.clone().text();
  expect(res.status, text).toBe(status);
  const json = JSON.parse(text);
  expect(Object.keys(json)).toEqual(['message']);
  expect(json.message).toEqual(expect.any(String));
  return json;
}

function without(doc: Json, dotted: string): Json {
  const copy = structuredClone(doc);
  const parts = dotted.split('.');
  let at = copy;
  for (const p of parts.slice(0, -1)) at = at[p];
  delete at[parts.at(-1)!];
  return copy;
}

const img = (name: string) => `${receiverUrl}/img/${name}`;

describe('POST /compat/sizebay/products: the seed example', { timeout: 20_000 }, () => {
  it('answers 202 {productId, jobId, status: "accepted"} and stores every field the example states', async () => {
    expect(SUBSTITUTIONS).toContain('tenantId');
    const t = await sizebayTenant();
    const res = await post(t, createBody(t));
    const text = await res.clone().text();
    expect(res.status, text).toBe(202);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const accepted = await body(res);
    expect(Object.keys(accepted).sort()).toEqual(['jobId', 'productId', 'status']);
    expect(accepted).toEqual({ productId: '380145e972ee', jobId: expect.stringMatching(/^job_/), status: 'accepted' });
    expect(res.headers.get('job-id')).toBe(accepted.jobId);

    const job = await call(`/v1/jobs/${accepted.jobId}`, { headers: t.headers });
    expect(job.status).toBe(200);

    const p = await getV1(t, '380145e972ee');
    expect(p.id).toBe('380145e972ee');
    expect(p.itemGroupId).toBe('edb1e435d172');
    expect(p.localizations).toEqual({
      'en-US': { title: 'Classic White T-Shirt', availability: 'in stock', link: 'https://www.example.com/us/product' },
      'pt-BR': { title: 'Camiseta Branca', availability: 'in stock', link: 'https://www.example.com/br/product' },
    });
    expect(p.prices).toEqual({
      USD: { amount: '25.00', amountMicros: '25000000', sale: { amount: '19.99', amountMicros: '19990000', start: expect.stringMatching(/Z$/), end: expect.stringMatching(/Z$/) } },
      BRL: { amount: '99.90', amountMicros: '99900000', sale: { amount: '79.90', amountMicros: '79900000', start: expect.stringMatching(/Z$/), end: expect.stringMatching(/Z$/) } },
    });
    for (const currency of ['USD', 'BRL']) {
      // No offset in the interval = UTC.
      expect(Date.parse(p.prices[currency].sale.start)).toBe(DAY_START);
      expect(Date.parse(p.prices[currency].sale.end)).toBe(DAY_END);
    }
    expect(p.productType).toBe('KIDS > MALE > BOTTOMS');
    expect(p.brand).toBe('Sizebay');
    expect(p.gender).toBe('unisex');
    expect(p.ageGroup).toBe('adult');
    expect(p.sizes).toEqual(['XS', 'S', 'M', 'L', 'XL']);
    expect(p.sizeSystem).toBe('BR');
    expect(p.color).toBe('Blue');
    expect(p.gtin).toBe('00012345678905');
    // imageLink and additionalImageLinks name the same URL: one image, read as https.
    expect(p.images.map((i: Json) => i.source)).toEqual([{ url: 'https://www.example.com/image.jpg' }]);
    expect(p.extensions).toEqual({ sizebay: { collectionName: 'sizebay-collection', processType: 'SIMILAR', specialtyFromPersona: 'casual fashion' } });
  });

  it('the example image (example.com, unreachable from tests) ends error; the product is findable and processing ends', async () => {
    const t = await sizebayTenant();
    expect((await post(t, createBody(t))).status).toBe(202);
    const p = await waitFor(async () => {
      const got = await getV1(t, '380145e972ee');
      return got.status === 'pending' || got.status === 'processing' ? undefined : got;
    }, 'processing to end', 15_000);
    expect(p.status).toBe('error');
    expect(p.images[0].status).toBe('error');
    expect(p.images[0].error).toEqual(expect.any(String));
  });

  it('tenantId may also be sent as a string; a second POST merges (other locales and currencies stay, images replaced)', async () => {
    const t = await sizebayTenant();
    expect((await post(t, createBody(t))).status).toBe(202);
    const second = createBody(
      t,
      {
        localizations: { 'en-US': { title: 'Classic Tee' } },
        pricing: { USD: { price: 30 } },
        imageLink: 'cdn.example.com/new.jpg',
        additionalImageLinks: ['https://cdn.example.com/side.jpg'],
        brand: 'Sizebay Kids',
      },
      { tenantId: t.alias, collectionName: 'summer' },
    );
    delete second.productItem.gtin;
    const res = await post(t, second);
    expect(res.status, await res.clone().text()).toBe(202);
    const p = await getV1(t, '380145e972ee');
    expect(p.localizations['en-US']).toEqual({ title: 'Classic Tee', availability: 'in stock', link: 'https://www.example.com/us/product' });
    expect(p.localizations['pt-BR'].title).toBe('Camiseta Branca');
    // A POST states every price field of a currency: no salePrice, no sale.
    expect(p.prices.USD).toEqual({ amount: '30.00', amountMicros: '30000000' });
    expect(p.prices.BRL.amount).toBe('99.90');
    expect(p.images.map((i: Json) => i.source.url)).toEqual(['https://cdn.example.com/new.jpg', 'https://cdn.example.com/side.jpg']);
    expect(p.gtin).toBe('00012345678905');
    expect(p.brand).toBe('Sizebay Kids');
    // productItem.brand wins; brandName, which differs, is kept with the vendor fields.
    expect(p.extensions.sizebay).toEqual({ collectionName: 'summer', processType: 'SIMILAR', specialtyFromPersona: 'casual fashion', brandName: 'Sizebay' });
  });

  it('brand falls back to brandName; optional fields (productItem.brand, additionalImageLinks, gtin) may be left out', async () => {
    const t = await sizebayTenant();
    let doc = createBody(t, { id: 'minimal' }, { brandName: 'Acme' });
    for (const field of ['productItem.brand', 'productItem.additionalImageLinks', 'productItem.gtin']) doc = without(doc, field);
    const res = await post(t, doc);
    expect(res.status, await res.clone().text()).toBe(202);
    const p = await getV1(t, 'minimal');
    expect(p.brand).toBe('Acme');
    expect(p.gtin).toBeUndefined();
    expect(p.images).toHaveLength(1);
    expect(p.extensions.sizebay).toEqual({ collectionName: 'sizebay-collection', processType: 'SIMILAR', specialtyFromPersona: 'casual fashion' });
  });

  it("a pricing without a currency is read in the tenant's defaultCurrency", async () => {
    const t = await sizebayTenant({ defaultCurrency: 'BRL' });
    const res = await post(t, createBody(t, { id: 'flat', pricing: { price: 99.9, salePrice: 79.9, salePriceEffectiveDate: '2024-06-10T00:00/2024-06-20T23:59:59-03:00' } }));
    expect(res.status, await res.clone().text()).toBe(202);
    const p = await getV1(t, 'flat');
    expect(p.prices).toEqual({ BRL: { amount: '99.90', amountMicros: '99900000', sale: { amount: '79.90', amountMicros: '79900000', start: '2024-06-10T00:00:00.000Z', end: '2024-06-21T02:59:59.000Z' } } });
    const bad = await post(t, createBody(t, { id: 'flat2', pricing: { price: 'abc' } }));
    expect(await fields400(bad)).toEqual(['productItem.pricing.price']);
  });
});

describe('availability spellings', () => {
  it("the seed's spellings in any case and Google's underscore forms are stored canonically; anything else is a 400 naming the field", async () => {
    const t = await sizebayTenant();
    const res = await post(t, createBody(t, {
      id: 'avail',
      localizations: {
        'en-US': { title: 'Classic White T-Shirt', availability: 'In Stock', link: 'www.example.com/us/product' },
        'pt-BR': { title: 'Camiseta Branca', availability: 'OUT_OF_STOCK', link: 'www.example.com/br/product' },
        'es-ES': { title: 'Camiseta blanca', availability: ' in_stock ' },
        'fr-FR': { title: 'T-shirt blanc', availability: 'BackOrder' },
      },
    }));
    expect(res.status, await res.clone().text()).toBe(202);
    const p = await getV1(t, 'avail');
    expect(Object.fromEntries(Object.entries(p.localizations).map(([tag, l]: [string, any]) => [tag, l.availability]))).toEqual({
      'en-US': 'in stock',
      'pt-BR': 'out of stock',
      'es-ES': 'in stock',
      'fr-FR': 'backorder',
    });

    // PATCH reads the same spellings.
    const updated = await patch(t, updateBody(t, { productId: 'avail', localizations: { 'en-US': { availability: 'PREORDER' }, 'pt-BR': { availability: 'In_Stock' } } }));
    expect(updated.status, await updated.clone().text()).toBe(200);
    const after = await getV1(t, 'avail');
    expect([after.localizations['en-US'].availability, after.localizations['pt-BR'].availability]).toEqual(['preorder', 'in stock']);

    for (const bad of ['in-stock', 'instock', 'available', 'in  stock', '', 3]) {
      const refused = await post(t, createBody(t, { id: 'avail', localizations: { 'en-US': { title: 'x', availability: bad } } }));
      expect(await fields400(refused), JSON.stringify(bad)).toEqual(['productItem.localizations.en-US.availability']);
      const refusedPatch = await patch(t, updateBody(t, { productId: 'avail', localizations: { 'en-US': { availability: bad } } }));
      expect(await fields400(refusedPatch), JSON.stringify(bad)).toEqual(['localizations.en-US.availability']);
    }
    expect((await getV1(t, 'avail')).version).toBe(after.version);
  });
});

describe('collectionName', () => {
  it('is an attribute of the product keyed by productItem.id: a product moves between collections, last write wins', async () => {
    const t = await sizebayTenant();
    expect((await post(t, createBody(t))).status).toBe(202);
    const first = await getV1(t, '380145e972ee');
    expect(first.extensions.sizebay.collectionName).toBe('sizebay-collection');

    // The same productItem.id under another collection: the same product, now in that collection.
    expect((await post(t, createBody(t, {}, { collectionName: 'summer-sale' }))).status).toBe(202);
    const moved = await getV1(t, '380145e972ee');
    expect(moved.number).toBe(first.number);
    expect(moved.version).toBe(first.version + 1);
    expect(moved.extensions.sizebay.collectionName).toBe('summer-sale');

    // PATCH names a collection too (the seed's example says "string"): the last write wins again.
    expect((await patch(t, updateBody(t, { productId: '380145e972ee' }))).status).toBe(200);
    expect((await getV1(t, '380145e972ee')).extensions.sizebay.collectionName).toBe('string');

    // One product, not one per collection.
    const list = await body(await call('/v1/products?limit=10', { headers: t.headers }));
    expect(list.data.map((p: Json) => p.id)).toEqual(['380145e972ee']);
  });
});

describe('POST: authentication and tenant', () => {
  it('401 without x-api-key, with an unknown key, or with the key in another header', async () => {
    const t = await sizebayTenant();
    const doc = createBody(t);
    await expectMessageOnly(await sb('POST', null, doc), 401);
    await expectMessageOnly(await sb('POST', 'ssk_not_a_key', doc), 401);
    await expectMessageOnly(await sb('POST', null, doc, { authorization: `Bearer ${t.key}` }), 401);
    await expectMessageOnly(await sb('PATCH', null, updateBody(t)), 401);
    expect((await call('/v1/products/380145e972ee', { headers: t.headers })).status).toBe(404);
  });

  it("403 when tenantId is another tenant's alias or no alias at all, with the same answer; nothing is written", async () => {
    const mine = await sizebayTenant();
    const other = await sizebayTenant();
    const foreign = await post(mine, createBody(other));
    const unknown = await post(mine, createBody(mine, {}, { tenantId: 999_999_999_999 }));
    const a = await expectMessageOnly(foreign, 403);
    const b = await expectMessageOnly(unknown, 403);
    expect(a).toEqual(b);
    // 403 comes before field validation: a foreign tenantId learns nothing about the body either.
    const withErrors = await post(mine, { ...without(createBody(other), 'productItem.gender'), processType: 'NOPE' });
    expect(await expectMessageOnly(withErrors, 403)).toEqual(a);
    for (const t of [mine, other]) expect((await call('/v1/products/380145e972ee', { headers: t.headers })).status).toBe(404);
    // The other tenant's key with its own alias works.
    expect((await post(other, createBody(other))).status).toBe(202);
    expect((await call('/v1/products/380145e972ee', { headers: mine.headers })).status).toBe(404);
  });
});

describe('POST: validation (400 {message, errors: [{field, message}]})', () => {
  const required = [
    'tenantId',
    'collectionName',
    'processType',
    'brandName',
    'specialtyFromPersona',
    'productItem.id',
    'productItem.itemGroupId',
    'productItem.localizations',
    'productItem.pricing',
    'productItem.productType',
    'productItem.imageLink',
    'productItem.gender',
    'productItem.ageGroup',
    'productItem.size',
    'productItem.sizeSystem',
    'productItem.color',
  ];

  it('each required field of the seed table, left out, is named', async () => {
    const t = await sizebayTenant();
    for (const field of required) {
      const res = await post(t, without(createBody(t), field));
      expect(await fields400(res), field).toEqual([field]);
    }
    expect((await call('/v1/products/380145e972ee', { headers: t.headers })).status).toBe(404);
  });

  it('an empty body names every required field at once; productItem missing is named', async () => {
    const t = await sizebayTenant();
    const all = await fields400(await post(t, {}));
    expect(all.sort()).toEqual(['brandName', 'collectionName', 'processType', 'productItem', 'specialtyFromPersona', 'tenantId']);
    const inner = await fields400(await post(t, { ...createBody(t), productItem: {} }));
    expect(inner.sort()).toEqual(required.filter((f) => f.startsWith('productItem.')).sort());
  });

  it('invalid values are named as the client sent them, including rules checked by the canonical model', async () => {
    const t = await sizebayTenant();
    const cases: Array<[string, Json, Json?]> = [
      ['productItem.gender', { gender: 'other' }],
      ['productItem.ageGroup', { ageGroup: 'elderly' }],
      ['processType', {}, { processType: 'SOMETIMES' }],
      ['tenantId', {}, { tenantId: { id: 1 } }],
      ['productItem.gtin', { gtin: '00012345678900' }],
      ['productItem.pricing.USD.price', { pricing: { USD: { price: 25.0000001 } } }],
      ['productItem.pricing.USD.salePrice', { pricing: { USD: { price: 25, salePrice: '19.9999999' } } }],
      ['productItem.pricing.USD.salePrice', { pricing: { USD: { price: 25, salePriceEffectiveDate: '2024-06-10T00:00:00/2024-06-20T23:59:59' } } }],
      ['productItem.pricing.USD.salePriceEffectiveDate', { pricing: { USD: { price: 25, salePrice: 19.99, salePriceEffectiveDate: '2024-06-20T00:00:00/2024-06-10T00:00:00' } } }],
      ['productItem.pricing.DOLLARS', { pricing: { DOLLARS: { price: 25 } } }],
      ['productItem.pricing.USD.price', { pricing: { USD: { salePrice: 10 } } }],
      ['productItem.localizations.en-US.availability', { localizations: { 'en-US': { title: 'x', availability: 'maybe' } } }],
      ['productItem.localizations.not a locale!', { localizations: { 'not a locale!': { title: 'x' } } }],
      ['productItem.localizations.en-US.link', { localizations: { 'en-US': { title: 'x', link: 'https://exa mple.com/%%' } } }],
      ['productItem.id', { id: 'has space' }],
      ['productItem.additionalImageLinks[0]', { additionalImageLinks: ['http://'] }],
      ['productItem.size', { size: ' , ' }],
      ['productItem.localizations', { localizations: {} }],
      ['productItem.pricing', { pricing: {} }],
    ];
    for (const [field, item, top] of cases) {
      const res = await post(t, createBody(t, item, top));
      expect(await fields400(res), `${field} ${JSON.stringify(item)}`).toContain(field);
    }
  });

  it('a body that is not JSON is a 400 too', async () => {
    const t = await sizebayTenant();
    const res = await call('/compat/sizebay/products', { method: 'POST', headers: { 'x-api-key': t.key, 'content-type': 'application/json' }, body: '{"tenantId": ' });
    expect(await fields400(res)).toEqual([]);
    const form = await call('/compat/sizebay/products', { method: 'POST', headers: { 'x-api-key': t.key, 'content-type': 'text/plain' }, body: 'x' });
    expect(form.status).toBe(400);
  });
});

describe('PATCH /compat/sizebay/products: the seed example', () => {
  it('merges titles, availability and prices per locale and currency; a link survives; answers 200', async () => {
    const t = await sizebayTenant();
    // The product the example updates, first written with other values.
    const created = await post(
      t,
      createBody(t, {
        id: 'FSW012345',
        localizations: {
          'en-US': { title: 'Old title', availability: 'out of stock', link: 'www.example.com/us/product' },
          'pt-BR': { title: 'Título antigo', availability: 'preorder', link: 'www.example.com/br/product' },
          'es-ES': { title: 'Camiseta blanca', availability: 'in stock', link: 'www.example.com/es/product' },
        },
        pricing: { USD: { price: 30 }, BRL: { price: 120, salePrice: 100 }, EUR: { price: 24.5 } },
      }),
    );
    expect(created.status).toBe(202);

    const res = await patch(t, updateBody(t));
    const text = await res.clone().text();
    expect(res.status, text).toBe(200);
    const updated = await body(res);
    expect(Object.keys(updated).sort()).toEqual(['jobId', 'productId', 'status']);
    expect(updated).toEqual({ productId: 'FSW012345', jobId: expect.stringMatching(/^job_/), status: 'updated' });

    const p = await getV1(t, 'FSW012345');
    expect(p.localizations).toEqual({
      'en-US': { title: 'Classic White T-Shirt', availability: 'in stock', link: 'https://www.example.com/us/product' },
      'pt-BR': { title: 'Camiseta Branca', availability: 'in stock', link: 'https://www.example.com/br/product' },
      'es-ES': { title: 'Camiseta blanca', availability: 'in stock', link: 'https://www.example.com/es/product' },
    });
    const window = { start: '2024-06-10T00:00:00.000Z', end: '2024-06-20T23:59:59.000Z' };
    expect(p.prices).toEqual({
      USD: { amount: '25.00', amountMicros: '25000000', sale: { amount: '19.99', amountMicros: '19990000', ...window } },
      BRL: { amount: '99.90', amountMicros: '99900000', sale: { amount: '79.90', amountMicros: '79900000', ...window } },
      EUR: { amount: '24.50', amountMicros: '24500000' },
    });
    // Everything PATCH cannot express is left as it was.
    expect([p.gender, p.ageGroup, p.color, p.gtin, p.brand, p.itemGroupId]).toEqual(['unisex', 'adult', 'Blue', '00012345678905', 'Sizebay', 'edb1e435d172']);
    expect(p.sizes).toEqual(['XS', 'S', 'M', 'L', 'XL']);
    expect(p.images).toHaveLength(1);
    expect(p.extensions.sizebay).toEqual({ collectionName: 'string', processType: 'SIMILAR', specialtyFromPersona: 'casual fashion' });
  });

  it('only what is sent changes: a price alone keeps the sale; salePrice null ends it; a new locale or currency adds', async () => {
    const t = await sizebayTenant();
    expect((await post(t, createBody(t, { id: 'FSW012345' }))).status).toBe(202);
    const res = await patch(t, updateBody(t, { localizations: { 'fr-FR': { title: 'T-shirt blanc' } }, pricing: { USD: { price: 27.5 }, BRL: { salePrice: null }, EUR: { price: 23 } } }));
    expect(res.status, await res.clone().text()).toBe(200);
    const p = await getV1(t, 'FSW012345');
    expect(Object.keys(p.localizations).sort()).toEqual(['en-US', 'fr-FR', 'pt-BR']);
    expect(p.localizations['fr-FR']).toEqual({ title: 'T-shirt blanc' });
    expect(p.localizations['en-US'].title).toBe('Classic White T-Shirt');
    expect(p.prices.USD).toEqual({ amount: '27.50', amountMicros: '27500000', sale: { amount: '19.99', amountMicros: '19990000', start: '2024-06-10T00:00:00.000Z', end: '2024-06-20T23:59:59.000Z' } });
    expect(p.prices.BRL).toEqual({ amount: '99.90', amountMicros: '99900000' });
    expect(p.prices.EUR).toEqual({ amount: '23.00', amountMicros: '23000000' });
    // A locale tag in another case is the same locale.
    expect((await patch(t, updateBody(t, { localizations: { 'pt-br': { title: 'Camiseta' } }, pricing: {} }))).status).toBe(200);
    expect((await getV1(t, 'FSW012345')).localizations['pt-BR']).toEqual({ title: 'Camiseta', availability: 'in stock', link: 'https://www.example.com/br/product' });
  });

  it('404 for an unknown product, and for another tenant\'s product; 403 for another tenant\'s alias', async () => {
    const a = await sizebayTenant();
    const b = await sizebayTenant();
    await expectMessageOnly(await patch(a, updateBody(a)), 404);
    expect((await post(a, createBody(a, { id: 'FSW012345' }))).status).toBe(202);
    const before = await getV1(a, 'FSW012345');
    // b's key and b's alias, a's product id: b has no such product.
    await expectMessageOnly(await patch(b, updateBody(b, { localizations: { 'en-US': { title: 'Hijacked' } } })), 404);
    // b's key, a's alias: refused like an unknown tenant.
    const foreign = await expectMessageOnly(await patch(b, updateBody(a)), 403);
    const unknown = await expectMessageOnly(await patch(b, updateBody(b, { tenantId: 1 })), 403);
    expect(foreign).toEqual(unknown);
    const after = await getV1(a, 'FSW012345');
    expect(after.version).toBe(before.version);
    expect(after.localizations['en-US'].title).toBe('Classic White T-Shirt');
  });

  it('each required field of the seed table, left out, is named; invalid values too', async () => {
    const t = await sizebayTenant();
    expect((await post(t, createBody(t, { id: 'FSW012345' }))).status).toBe(202);
    for (const field of ['tenantId', 'collectionName', 'productId', 'localizations', 'pricing']) {
      expect(await fields400(await patch(t, without(updateBody(t), field))), field).toEqual([field]);
    }
    expect(await fields400(await patch(t, updateBody(t, { pricing: { USD: { price: 1.2340001 } } })))).toEqual(['pricing.USD.price']);
    expect(await fields400(await patch(t, updateBody(t, { pricing: { GBP: { salePrice: 3 } } })))).toEqual(['pricing.GBP.price']);
    expect(await fields400(await patch(t, updateBody(t, { localizations: { 'en-US': { availability: 'sold out' } } })))).toEqual(['localizations.en-US.availability']);
    expect(await fields400(await patch(t, updateBody(t, { pricing: { USD: { salePriceEffectiveDate: 'soon' } } })))).toEqual(['pricing.USD.salePriceEffectiveDate']);
  });
});

describe('the callback: POST {productId, status, message?} to webhook endpoints of format "sizebay"', { timeout: 30_000 }, () => {
  async function subscribed(t: TestTenant, extra: Json = {}) {
    const bucket = newBucket();
    const wh = await createWebhook(t, { url: target(bucket), format: 'sizebay', headers: { Authorization: 'Bearer sizebay-callback-token' }, ...extra });
    return { bucket, wh };
  }

  it('success once processing ends, with the Authorization header; nothing for other events; once per processing round', async () => {
    const t = await sizebayTenant();
    const { bucket, wh } = await subscribed(t);
    // Substitution: the example's image links -> the local receiver's images.
    const res = await post(t, createBody(t, { imageLink: img('photo.jpg'), additionalImageLinks: [img('graphic.png')] }));
    expect(res.status).toBe(202);
    const [first] = await waitReceived(bucket, 1, 20_000);
    expect(first!.method).toBe('POST');
    expect(first!.headers.authorization).toBe('Bearer sizebay-callback-token');
    expect(first!.headers['content-type']).toMatch(/^application\/json/);
    const payload = JSON.parse(first!.body);
    expect(Object.keys(payload).sort()).toEqual(['productId', 'status']);
    expect(payload).toEqual({ productId: '380145e972ee', status: 'success' });
    // The seed's callback example has the same keys (message is only for errors).
    expect(Object.keys(seedCallback)).toEqual(expect.arrayContaining(Object.keys(payload)));
    const p = await getV1(t, '380145e972ee');
    expect(p.status).toBe('done');

    // product.created, job.completed, image.* ... went to the endpoint as deliveries that send nothing.
    await waitFor(async () => {
      const list = await deliveries(t, wh.id);
      return list.length >= 3 && list.every((d) => d.status === 'succeeded') ? list : undefined;
    }, 'every delivery settled', 10_000);
    expect(await received(bucket)).toHaveLength(1);

    // A price change starts no image work: no round, no callback.
    expect((await patch(t, updateBody(t, { productId: '380145e972ee', pricing: { USD: { price: 26 } } }))).status).toBe(200);
    await waitFor(async () => {
      const list = await deliveries(t, wh.id);
      return list.some((d) => d.eventType === 'product.updated' && d.status === 'succeeded') ? list : undefined;
    }, 'the product.updated delivery', 10_000);
    await sleep(300);
    expect(await received(bucket)).toHaveLength(1);

    // A new image opens a second round: a second callback.
    expect((await post(t, createBody(t, { imageLink: img('picture.webp'), additionalImageLinks: [img('graphic.png')] }))).status).toBe(202);
    const both = await waitReceived(bucket, 2, 20_000);
    expect(JSON.parse(both[1]!.body)).toEqual({ productId: '380145e972ee', status: 'success' });
    await sleep(500);
    expect(await received(bucket)).toHaveLength(2);
  });

  it('every accepted POST ends in exactly one callback, also when it changed nothing or left no image to process', async () => {
    const t = await sizebayTenant();
    const { bucket } = await subscribed(t);
    const doc = createBody(t, { imageLink: img('photo.jpg'), additionalImageLinks: [img('graphic.png')] });
    const jobs: string[] = [];
    const send = async (json: Json) => {
      const res = await post(t, json);
      expect(res.status, await res.clone().text()).toBe(202);
      jobs.push((await body(res)).jobId);
    };
    await send(doc);
    await waitReceived(bucket, 1, 20_000);
    // The same body again: nothing changes, nothing needs processing, and the client still hears back.
    await send(doc);
    await waitReceived(bucket, 2, 20_000);
    // A title change, images untouched: no image work, one callback.
    await send(createBody(t, { imageLink: img('photo.jpg'), additionalImageLinks: [img('graphic.png')], localizations: { 'en-US': { title: 'Classic Tee' } } }));
    const got = await waitReceived(bucket, 3, 20_000);
    for (const r of got) expect(JSON.parse(r.body)).toEqual({ productId: '380145e972ee', status: 'success' });
    // Each POST's job completes (its round closed), and bad input is still a 400 that opens nothing.
    for (const jobId of jobs) {
      const job = await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }));
      expect(job.status, jobId).toBe('completed');
    }
    expect(await fields400(await post(t, createBody(t, { gender: 'other' })))).toEqual(['productItem.gender']);
    await sleep(500);
    expect(await received(bucket)).toHaveLength(3);
  });

  it('a POST while an earlier one is still processing: one callback each', { timeout: 60_000 }, async () => {
    const t = await sizebayTenant();
    const { bucket } = await subscribed(t);
    // An image server that answers after 10 s (and then not with an image) keeps the first round
    // open while the second, identical POST arrives.
    const doc = createBody(t, { id: 'slow', imageLink: target(newBucket(), 'hang') });
    delete doc.productItem.additionalImageLinks;
    expect((await post(t, doc)).status).toBe(202);
    expect((await post(t, doc)).status).toBe(202);
    const got = await waitReceived(bucket, 2, 40_000);
    const p = await getV1(t, 'slow');
    const expected = { productId: 'slow', status: 'error', message: p.images[0].error };
    expect(got.map((r) => JSON.parse(r.body))).toEqual([expected, expected]);
    await sleep(500);
    expect(await received(bucket)).toHaveLength(2);
  });

  it('error with the first image error as message when an image failed (the seed example: example.com is unreachable here)', async () => {
    const t = await sizebayTenant();
    const { bucket } = await subscribed(t, { eventTypes: ['product.processed'] });
    const standard = newBucket();
    await createWebhook(t, { url: target(standard), eventTypes: ['product.processed'] });
    expect((await post(t, createBody(t))).status).toBe(202);
    const [got] = await waitReceived(bucket, 1, 20_000);
    expect(got!.headers.authorization).toBe('Bearer sizebay-callback-token');
    const payload = JSON.parse(got!.body);
    expect(Object.keys(payload).sort()).toEqual(['message', 'productId', 'status']);
    const p = await getV1(t, '380145e972ee');
    expect(payload).toEqual({ productId: '380145e972ee', status: 'error', message: p.images[0].error });
    expect(payload.message.length).toBeGreaterThan(0);
    // The same round in the standard format, for comparison: one product.processed event.
    const [std] = await waitReceived(standard, 1, 10_000);
    expect(JSON.parse(std!.body)).toMatchObject({ type: 'product.processed', data: { productId: '380145e972ee', status: 'error', failedImages: 1 } });
  });

  it('error when any image failed even if others succeeded (the product itself is done)', async () => {
    const t = await sizebayTenant();
    const { bucket } = await subscribed(t);
    expect((await post(t, createBody(t, { id: 'mixed', imageLink: img('photo.jpg'), additionalImageLinks: [img('not-an-image.jpg'), img('truncated.jpg')] }))).status).toBe(202);
    const [got] = await waitReceived(bucket, 1, 20_000);
    const payload = JSON.parse(got!.body);
    const p = await getV1(t, 'mixed');
    expect(p.status).toBe('done');
    const firstError = p.images.find((i: Json) => i.status === 'error').error;
    expect(payload).toEqual({ productId: 'mixed', status: 'error', message: firstError });
  });
});

describe('the payload renderer', () => {
  const event = (type: string, data: Json) => ({ id: 'evt_1', type, data, createdAt: Date.UTC(2025, 0, 1) });
  const target = { metadata: null };

  it('renders product.processed only', () => {
    const done = { productId: 'p', number: 1, version: 2, status: 'done', jobId: 'job_1', failedImages: 0, firstError: null };
    expect(JSON.parse(sizebayPayload(event('product.processed', done), target)!)).toEqual({ productId: 'p', status: 'success' });
    expect(JSON.parse(sizebayPayload(event('product.processed', { ...done, failedImages: 2, firstError: 'HTTP 404' }), target)!)).toEqual({
      productId: 'p',
      status: 'error',
      message: 'HTTP 404',
    });
    expect(JSON.parse(sizebayPayload(event('product.processed', { ...done, status: 'error', failedImages: 1, firstError: null }), target)!)).toEqual({
      productId: 'p',
      status: 'error',
      message: 'Image processing failed',
    });
    for (const type of ['product.created', 'product.updated', 'product.deleted', 'image.failed', 'job.completed', 'product.recommendations.updated']) {
      expect(sizebayPayload(event(type, { productId: 'p' }), target)).toBeNull();
    }
  });

  it('a product that asks for lists is answered from product.recommendations.ready: images AND lists done, or the reason', () => {
    const done = { productId: 'p', number: 1, version: 2, status: 'done', jobId: 'job_1', failedImages: 0, firstError: null, recommend: 'all' };
    expect(sizebayPayload(event('product.processed', done), target)).toBeNull();
    expect(JSON.parse(sizebayPayload(event('product.processed', { ...done, recommend: 'none' }), target)!)).toEqual({ productId: 'p', status: 'success' });
    const ready = { ...done, recommendations: 'done' };
    expect(JSON.parse(sizebayPayload(event('product.recommendations.ready', ready), target)!)).toEqual({ productId: 'p', status: 'success' });
    expect(JSON.parse(sizebayPayload(event('product.recommendations.ready', { ...ready, failedImages: 1, firstError: 'HTTP 404' }), target)!)).toEqual({
      productId: 'p',
      status: 'error',
      message: 'HTTP 404',
    });
    expect(
      JSON.parse(sizebayPayload(event('product.recommendations.ready', { ...ready, recommendations: 'error', recommendationsError: 'Recommendations could not be computed: x' }), target)!),
    ).toEqual({ productId: 'p', status: 'error', message: 'Recommendations could not be computed: x' });
  });
});

describe('routes and documents', () => {
  it('405 with Allow for other methods on /products, 404 elsewhere, both as {message}', async () => {
    const res = await call('/compat/sizebay/products');
    await expectMessageOnly(res, 405);
    expect(res.headers.get('allow')).toBe('PATCH, POST');
    await expectMessageOnly(await call('/compat/sizebay/nothing-here'), 404);
  });

  it('GET /compat/sizebay/openapi.json documents both operations from the same schemas; /openapi.json stays /v1 only', async () => {
    const res = await call('/compat/sizebay/openapi.json');
    expect(res.status).toBe(200);
    const doc = await body(res);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers[0].url).toBe('/compat/sizebay');
    expect(Object.keys(doc.paths)).toEqual(['/products']);
    const postOp = doc.paths['/products'].post;
    const patchOp = doc.paths['/products'].patch;
    expect(Object.keys(postOp.responses)).toEqual(expect.arrayContaining(['202', '400', '401', '403', '500']));
    expect(Object.keys(patchOp.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '500']));
    expect(doc.components.securitySchemes.ApiKey).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    const schemas = doc.components.schemas;
    expect(schemas.SizebayCreateProduct.required.sort()).toEqual(['brandName', 'collectionName', 'processType', 'productItem', 'specialtyFromPersona', 'tenantId']);
    expect(schemas.SizebayProductItem.required.sort()).toEqual(
      ['ageGroup', 'color', 'gender', 'id', 'imageLink', 'itemGroupId', 'localizations', 'pricing', 'productType', 'size', 'sizeSystem'].sort(),
    );
    expect(schemas.SizebayUpdateProduct.required.sort()).toEqual(['collectionName', 'localizations', 'pricing', 'productId', 'tenantId']);
    expect(doc.webhooks['sizebay-callback'].post).toBeDefined();

    // This dialect's operations stay out of the canonical document.
    const canonical = await body(await call('/openapi.json'));
    expect(Object.keys(canonical.paths).filter((p) => p.startsWith('/compat/sizebay'))).toEqual([]);
    expect(Object.keys(canonical.components.schemas ?? {}).filter((name) => name.startsWith('Sizebay'))).toEqual([]);
  });
});
