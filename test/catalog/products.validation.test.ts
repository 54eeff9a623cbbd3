/** Field validation of /v1 product writes: 422 problem+json naming each field by JSON Pointer. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, errorPaths, expectProblem, postBatch, product, putProduct, type TestTenant } from '../helpers/api';

async function expectInvalid(t: TestTenant, doc: Record<string, unknown>, path: string, message?: RegExp): Promise<void> {
  const res = await putProduct(t, 'v1', doc);
  const problem = await expectProblem(res, 422, 'validation_failed');
  expect(errorPaths(problem), JSON.stringify(problem.errors)).toContain(path);
  if (message) expect(problem.errors!.find((e) => e.path === path)!.message).toMatch(message);
  // Nothing was written.
  expect((await call('/v1/products/v1', { headers: t.headers })).status).toBe(404);
}

describe('product validation (422, JSON Pointer paths)', () => {
  it('names an unknown field, at the top and nested', async () => {
    const t = await createTenant();
    await expectInvalid(t, product('v1', { colour: 'red' }), '/colour', /colour/);
    await expectInvalid(t, product('v1', { prices: { USD: { amount: '1.00', discount: '0.10' } } }), '/prices/USD/discount', /discount/);
    await expectInvalid(t, product('v1', { localizations: { 'en-US': { title: 'x', slug: 'y' } } }), '/localizations/en-US/slug', /slug/);
  });

  it('checks the GTIN check digit', async () => {
    const t = await createTenant();
    await expectInvalid(t, product('v1', { gtin: '00012345678906' }), '/gtin');
    await expectInvalid(t, product('v1', { gtin: '4006381333932' }), '/gtin');
    await expectInvalid(t, product('v1', { gtin: '12345' }), '/gtin');
    for (const gtin of ['00012345678905', '4006381333931', '96385074', '036000291452']) {
      const res = await putProduct(t, `g${gtin}`, product(`g${gtin}`, { gtin }));
      expect(res.status, gtin).toBe(201);
      expect((await body(res)).gtin).toBe(gtin);
    }
  });

  it('checks currency codes and fraction digits (at most 6, whatever the currency)', async () => {
    const t = await createTenant();
    await expectInvalid(t, product('v1', { prices: { ABC: { amount: '1.00' } } }), '/prices/ABC');
    await expectInvalid(t, product('v1', { prices: { usd: { amount: '1.00' } } }), '/prices/usd');
    await expectInvalid(t, product('v1', { prices: { JPY: { amount: '10.0000005' } } }), '/prices/JPY/amount');
    await expectInvalid(t, product('v1', { prices: { JPY: { amount: 10.0000005 } } }), '/prices/JPY/amount');
    await expectInvalid(t, product('v1', { prices: { USD: { amount: '1.0050001' } } }), '/prices/USD/amount');
    await expectInvalid(t, product('v1', { prices: { USD: { amount: 1.0050001 } } }), '/prices/USD/amount');
    await expectInvalid(t, product('v1', { prices: { USD: { amount: '-1.00' } } }), '/prices/USD/amount');
    await expectInvalid(t, product('v1', { prices: { USD: { amount: '1,00' } } }), '/prices/USD/amount');
    await expectInvalid(t, product('v1', { prices: { USD: { amount: '10.00', sale: { amount: '5.0000001' } } } }), '/prices/USD/sale/amount');
    await expectInvalid(
      t,
      product('v1', { prices: { USD: { amount: '10.00', sale: { amount: '5.00', start: '2024-06-20T00:00:00Z', end: '2024-06-10T00:00:00Z' } } } }),
      '/prices/USD/sale/end',
    );
    await expectInvalid(t, product('v1', { prices: { USD: { amount: '10.00', sale: { amount: '5.00', start: 'yesterday' } } } }), '/prices/USD/sale/start');
    // Three-decimal currencies take three.
    const kwd = await putProduct(t, 'kwd', product('kwd', { prices: { KWD: { amount: '1.005' } } }));
    expect(kwd.status).toBe(201);
    expect((await body(kwd)).prices).toEqual({ KWD: { amount: '1.005', amountMicros: '1005000' } });
  });

  it('checks locales', async () => {
    const t = await createTenant();
    await expectInvalid(t, product('v1', { localizations: { 'en_US!': { title: 'x' } } }), '/localizations/en_US!');
    await expectInvalid(t, product('v1', { localizations: { '': { title: 'x' } } }), '/localizations/');
    await expectInvalid(t, product('v1', { localizations: { 'en-US': { title: 'x' }, 'en-us': { title: 'y' } } }), '/localizations/en-us');
    await expectInvalid(t, product('v1', { localizations: { 'en-US': { link: 'javascript:alert(1)' } } }), '/localizations/en-US/link');
  });

  it('checks enum values', async () => {
    const t = await createTenant();
    await expectInvalid(t, product('v1', { gender: 'other' }), '/gender');
    await expectInvalid(t, product('v1', { ageGroup: 'teen' }), '/ageGroup');
    await expectInvalid(t, product('v1', { localizations: { 'en-US': { availability: 'maybe' } } }), '/localizations/en-US/availability');
  });

  it('bounds attributes (100), metadata (16 KB) and images (20)', async () => {
    const t = await createTenant();
    const attributes = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `a${i}`, value: String(i) }));
    await expectInvalid(t, product('v1', { attributes: attributes(101) }), '/attributes');
    await expectInvalid(t, product('v1', { metadata: { blob: 'x'.repeat(16 * 1024) } }), '/metadata');
    const images = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}`, source: { url: `http://127.0.0.1:9/img/${i}.jpg` } }));
    await expectInvalid(t, product('v1', { images: images(21) }), '/images');
    await expectInvalid(t, product('v1', { attributes: [{ value: 'no name' }] }), '/attributes/0/name');

    // At the bounds: accepted.
    const ok = await putProduct(t, 'bounds', product('bounds', { attributes: attributes(100), metadata: { blob: 'x'.repeat(15 * 1024) }, images: images(20) }));
    expect(ok.status).toBe(201);
    const created = await body(ok);
    expect(created.attributes).toHaveLength(100);
    expect(created.images).toHaveLength(20);
    expect(created.images[19]).toMatchObject({ id: 'i19', source: { url: 'http://127.0.0.1:9/img/19.jpg' } });
  });

  it('refuses the reserved _anon_ prefix and unsafe id characters', async () => {
    const t = await createTenant();
    for (const id of ['_anon_123', 'has space', 'a<b>', '.hidden', 'x'.repeat(129), 'quote"d', 'ünïcode']) {
      const res = await call(`/v1/products/${encodeURIComponent(id)}`, { method: 'PUT', headers: t.headers, json: { title: 'x' } });
      const problem = await expectProblem(res, 422, 'validation_failed');
      expect(problem.errors!.length, id).toBeGreaterThan(0);
      expect(problem.errors![0]!.path, id).toMatch(/id/);
    }
    // In a batch the id is a body field: a JSON Pointer.
    const res = await postBatch(t, [product('_anon_1'), product('bad id'), product('fine-id_1.2:3@4~5')]);
    expect(res.status).toBe(200);
    const { results } = await body(res);
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([false, false, true]);
    expect(results[0].error.errors.map((e: { path: string }) => e.path)).toContain('/id');
    expect(results[1].error.errors.map((e: { path: string }) => e.path)).toContain('/id');
    const { results: rows } = await env.DB.prepare('SELECT id FROM products WHERE tenant_id = ?1').bind(t.id).all<{ id: string }>();
    expect(rows.map((r) => r.id)).toEqual(['fine-id_1.2:3@4~5']);
  });

  it('refuses a body id that differs from the path id', async () => {
    const t = await createTenant();
    const problem = await expectProblem(await putProduct(t, 'v1', product('other')), 422, 'validation_failed');
    expect(errorPaths(problem)).toContain('/id');
  });

  it('reports every invalid field at once', async () => {
    const t = await createTenant();
    const res = await putProduct(t, 'v1', { id: 'v1', gender: 'x', gtin: '1', quantity: -1, prices: { JPY: { amount: '1.5000001' } }, bogus: true });
    const problem = await expectProblem(res, 422, 'validation_failed');
    expect(errorPaths(problem)).toEqual(expect.arrayContaining(['/gender', '/gtin', '/quantity', '/prices/JPY/amount', '/bogus']));
    for (const error of problem.errors!) expect(error.message.length).toBeGreaterThan(0);
  });

  it('escapes JSON Pointer segments (RFC 6901)', async () => {
    const t = await createTenant();
    await expectInvalid(t, product('v1', { 'a/b~c': 1 }), '/a~1b~0c');
  });
});

describe('money in and out', () => {
  const raw = (t: { headers: Record<string, string> }, id: string, json: string) =>
    call(`/v1/products/${id}`, { method: 'PUT', headers: { ...t.headers, 'content-type': 'application/json' }, body: json });
  const stored = async (t: { id: string }, id: string) =>
    JSON.parse((await env.DB.prepare('SELECT data FROM products WHERE tenant_id = ?1 AND id = ?2').bind(t.id, id).first<{ data: string }>())!.data).prices;

  it('stores "19.99" and 19.99 alike as 19,990,000 micros and returns "19.99" with amountMicros', async () => {
    const t = await createTenant();
    const asString = await putProduct(t, 'm1', product('m1', { prices: { USD: { amount: '19.99' } } }));
    const asNumber = await putProduct(t, 'm2', product('m2', { prices: { USD: { amount: 19.99 } } }));
    expect(asString.status).toBe(201);
    expect(asNumber.status).toBe(201);
    expect((await body(asString)).prices).toEqual({ USD: { amount: '19.99', amountMicros: '19990000' } });
    expect((await body(asNumber)).prices).toEqual({ USD: { amount: '19.99', amountMicros: '19990000' } });
    expect(await stored(t, 'm1')).toEqual({ USD: { amountMicros: 19_990_000 } });
    expect(await stored(t, 'm2')).toEqual({ USD: { amountMicros: 19_990_000 } });

    // The same price either way is the same document: no new version.
    const again = await putProduct(t, 'm1', product('m1', { prices: { USD: { amount: 19.99 } } }));
    expect(again.status).toBe(200);
    expect((await body(again)).version).toBe(1);
  });

  it('keeps ERP net prices with up to 6 decimals exactly, in every currency', async () => {
    const t = await createTenant();
    const res = await putProduct(t, 'net', product('net', { prices: { USD: { amount: 12.345678, sale: { amount: '10.5' } }, JPY: { amount: '3900.25' } } }));
    expect(res.status).toBe(201);
    const expected = {
      USD: { amount: '12.345678', amountMicros: '12345678', sale: { amount: '10.50', amountMicros: '10500000' } },
      JPY: { amount: '3900.25', amountMicros: '3900250000' },
    };
    expect((await body(res)).prices).toEqual(expected);
    expect((await body(await call('/v1/products/net', { headers: t.headers }))).prices).toEqual(expected);
    expect(await stored(t, 'net')).toEqual({ USD: { amountMicros: 12_345_678, sale: { amountMicros: 10_500_000 } }, JPY: { amountMicros: 3_900_250_000 } });
  });

  it('refuses a 7th decimal with a 422 naming the field, never rounding', async () => {
    const t = await createTenant();
    const problem = await expectProblem(await putProduct(t, 'd7', product('d7', { prices: { USD: { amount: '1.00', sale: { amount: '0.1234567' } } } })), 422, 'validation_failed');
    expect(problem.errors).toEqual([{ path: '/prices/USD/sale/amount', message: 'At most 6 decimal places: the amount is never rounded' }]);
  });

  it('holds 9,007,199,254.740991 exactly (as a string or as a long JSON number) and names the limit above it', async () => {
    const t = await createTenant();
    for (const [id, json] of [['big-s', '"9007199254.740991"'], ['big-n', '9007199254.740991']] as const) {
      const res = await raw(t, id, `{"title":"Big","prices":{"USD":{"amount":${json}}}}`);
      expect(res.status).toBe(201);
      expect((await body(res)).prices).toEqual({ USD: { amount: '9007199254.740991', amountMicros: '9007199254740991' } });
    }
    const over = await expectProblem(await raw(t, 'over', '{"prices":{"USD":{"amount":"9007199254.740992"}}}'), 422, 'validation_failed');
    expect(over.errors).toEqual([{ path: '/prices/USD/amount', message: 'Amount must be at most 9007199254.740991' }]);
  });

  it('reads a JSON number through its source text: 17 significant digits are refused, not rounded to 1299.99', async () => {
    const t = await createTenant();
    const problem = await expectProblem(await raw(t, 'long', '{"prices":{"EUR":{"amount":1299.9900000000000001}}}'), 422, 'validation_failed');
    expect(problem.errors).toEqual([{ path: '/prices/EUR/amount', message: 'At most 6 decimal places: the amount is never rounded' }]);
    // Trailing zeros past the 15th digit change nothing, so they are fine.
    const zeros = await raw(t, 'zeros', '{"prices":{"EUR":{"amount":1299.99000000000000000}}}');
    expect(zeros.status).toBe(201);
    expect((await body(zeros)).prices.EUR.amount).toBe('1299.99');
  });

  it('returns each currency with at least its own exponent', async () => {
    const t = await createTenant();
    const res = await putProduct(
      t,
      'm3',
      product('m3', {
        prices: {
          USD: { amount: 25, sale: { amount: '19.9', start: '2024-06-10T00:00:00+02:00', end: '2024-06-20T23:59:59Z' } },
          JPY: { amount: '3900' },
          KRW: { amount: 12000 },
          BHD: { amount: '1.5' },
          EUR: { amount: '0.10' },
          CLF: { amount: '0.0001' },
        },
      }),
    );
    expect(res.status).toBe(201);
    const expected = {
      USD: { amount: '25.00', amountMicros: '25000000', sale: { amount: '19.90', amountMicros: '19900000', start: '2024-06-09T22:00:00.000Z', end: '2024-06-20T23:59:59.000Z' } },
      JPY: { amount: '3900', amountMicros: '3900000000' },
      KRW: { amount: '12000', amountMicros: '12000000000' },
      BHD: { amount: '1.500', amountMicros: '1500000' },
      EUR: { amount: '0.10', amountMicros: '100000' },
      CLF: { amount: '0.0001', amountMicros: '100' },
    };
    expect((await body(res)).prices).toEqual(expected);
    expect((await body(await call('/v1/products/m3', { headers: t.headers }))).prices).toEqual(expected);
  });
});
