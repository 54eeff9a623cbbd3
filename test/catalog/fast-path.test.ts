/**
 * The validation fast path (catalog/model/product.fast-path.ts) may only say "certainly valid" where
 * the zod schema accepts and returns an equal value: checked here, inside workerd (zod interpreted,
 * as in production), over valid products with one or two members replaced by awkward values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCertainlyValidProduct } from '../../src/catalog/model/product.fast-path';
import { BatchProductInput, ProductInput } from '../../src/catalog/model/product.schema';

const valid: Record<string, unknown> = {
  id: 'p-000001',
  itemGroupId: 'g1',
  title: 'Classic White T-Shirt',
  description: 'soft cotton',
  brand: 'Acme',
  productType: 'KIDS > MALE > BOTTOMS',
  categories: ['Shirts'],
  tags: ['summer'],
  gender: 'unisex',
  ageGroup: 'adult',
  color: 'White',
  sizes: ['S', 'M', 'L'],
  sizeSystem: 'EU',
  gtin: '4006381333931',
  active: true,
  quantity: 3,
  weight: 0.25,
  localizations: { 'en-US': { title: 'T', link: 'https://shop.example/p/1', availability: 'in stock' }, 'pt-BR': { description: 'x' } },
  prices: { USD: { amount: '25.00', sale: { amount: 19.99, start: '2024-06-10T00:00:00Z', end: '2024-06-20T23:59:59Z' } }, JPY: { amount: 3900 } },
  attributes: [{ group: 'Size', name: 'Width', value: '40', unit: 'cm', order: 1 }],
  images: [{ id: 'front', source: { url: 'https://cdn.example/a.jpg' }, pipelines: { tryOn: true }, classifications: { a: [1] } }, { source: { sha256: 'a'.repeat(64) } }],
  metadata: { any: { nested: [1, 'x', null] } },
  validForDays: 30,
};

const awkward: unknown[] = [
  '', 'x', 'x'.repeat(65), 'x'.repeat(129), 'x'.repeat(256), 'x'.repeat(501), 'x'.repeat(2049), '_anon_1', '.dot', 'male', 'kids', 'in stock',
  '4006381333932', '12345670', 'USD', 'en-us', 'no_LOCALE!', 'https://x.example/a', 'ftp://x.example/a', '2024-06-10T00:00:00Z', '2024-02-30T00:00:00Z',
  0, -0, -1, 1, 1.5, 365, 366, Number.MAX_SAFE_INTEGER + 1, 1e300, true, false, null, undefined,
  [], [''], ['x'.repeat(65)], ['a', 1], Array.from({ length: 101 }, () => 'a'), {}, { a: 1 }, { a: undefined },
  { USD: { amount: '1.0000001' } }, { usd: { amount: '1' } }, { USD: { amount: '-1' } }, { USD: { amount: 1e-7 } }, { USD: { amount: '1', extra: 1 } },
  { USD: { amount: '2', sale: { amount: '1', start: '2024-01-02T00:00:00Z', end: '2024-01-01T00:00:00Z' } } },
  { USD: { amount: '2', sale: { amount: '1', start: 'yesterday' } } }, { EUR: { amount: '9007199254.740992' } },
  { 'en-US': {}, 'en-us': {} }, { 'xx-!!': {} }, { 'en-US': { link: 'ftp://a' } }, { 'en-US': { availability: 'soon' } }, { 'en-US': { other: 1 } },
  [{ source: { url: 'ftp://x' } }], [{ source: { url: 'https://a/b', sha256: 'a'.repeat(64) } }], [{ source: { url: 'https://a/b', fileName: 'a.jpg' } }],
  [{ source: { url: 'https://a/b' }, pipelines: { '1x': true } }], [{ source: { url: 'https://a/b' }, pipelines: { ok: 'yes' } }],
  [{ source: { sha256: 'A'.repeat(64) } }], [{ source: { base64: 'AAAA', fileName: 'a.png' } }], [{ id: 'bad id', source: { url: 'https://a/b' } }],
  [{ name: '' , value: 'b' }], [{ name: 'a', value: 'b', order: 1.5 }], [{ name: 'a' }], [{ name: 'a', value: 'b', colour: 'x' }],
];
const fields = [...Object.keys(valid), 'unknownField', 'extensions', 'toString', '__proto__'];

function check(product: unknown, idRequired: boolean) {
  const certain = isCertainlyValidProduct(product, idRequired);
  if (!certain) return;
  const parsed = (idRequired ? BatchProductInput : ProductInput).safeParse(product);
  expect(parsed.success, JSON.stringify(product)).toBe(true);
  expect(parsed.data).toEqual(product);
}

describe('validation fast path', () => {
  it('takes the common valid product (with and without images, with and without id)', () => {
    const { images: _images, ...noImages } = valid;
    const { id: _id, ...noId } = valid;
    for (const product of [valid, noImages, { id: 'a' }]) expect(isCertainlyValidProduct(product, true)).toBe(true);
    expect(isCertainlyValidProduct(noId, false)).toBe(true);
    expect(isCertainlyValidProduct(noId, true)).toBe(false);
  });

  it('says "certainly valid" only where zod accepts and returns an equal value', () => {
    const value = fc.oneof(fc.constantFrom(...awkward), fc.jsonValue({ maxDepth: 3 }));
    const member = fc.tuple(fc.constantFrom(...fields), value);
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 2 }), fc.boolean(), (members, idRequired) => {
        const product: Record<string, unknown> = { ...valid };
        for (const [field, v] of members) Object.defineProperty(product, field, { value: v, enumerable: true, writable: true, configurable: true });
        check(product, idRequired);
      }),
      { numRuns: 3000 },
    );
  });

  it('never takes uploads, undefined members or objects that are not plain', () => {
    expect(isCertainlyValidProduct({ ...valid, images: [{ source: { fileKey: 'f1' } }] }, true)).toBe(false);
    expect(isCertainlyValidProduct({ ...valid, title: undefined }, true)).toBe(false);
    expect(isCertainlyValidProduct(Object.assign(Object.create(null), valid), true)).toBe(false);
    expect(isCertainlyValidProduct(new Map(), true)).toBe(false);
  });
});
