/**
 * Validated input -> stored document. Pure apart from hashing (image ids default to a hash of their
 * source, so re-sending the same list keeps the same ids).
 */
import type { FieldError } from '../../http/problem';
import { canonicalJson } from '../../lib/canonical-json';
import { sha256Hex } from '../../lib/crypto';
import { utcDateTime } from './date-time';
import { canonicalLocale } from './locale';
import { parseMoney } from './money';
import type { ImageDoc, PriceDoc, ProductDoc } from './product-doc';
import type { ProductInputT } from './product.schema';

export interface NormalizeLimits {
  maxImagesPerProduct: number;
}

export type NormalizeResult = { ok: true; doc: ProductDoc } | { ok: false; errors: FieldError[] };

/** Members normalisation rewrites (or, for `id`, leaves out of the document). */
const NORMALIZED = new Set(['id', 'localizations', 'prices', 'images']);

/**
 * The input's other members, in their order, as own members. Was `const {id, ..., ...rest} = input`
 * then `{...rest}`: an object rest with excluded keys takes V8's slow generic path, and the result was
 * copied a second time; ~2-4 ms per 1,000 products of normalizeProduct's ~4.6 ms self time in workerd
 * (CPU profile, bench/cpu-profile.mjs).
 */
function copyExcept(input: object, except: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (except.has(key)) continue;
    const value = (input as Record<string, unknown>)[key];
    // Plain assignment of "__proto__" would set the prototype; the spread made it an own member.
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

export async function normalizeProduct(input: ProductInputT, limits: NormalizeLimits): Promise<NormalizeResult> {
  const { localizations, prices, images } = input;
  const errors: FieldError[] = [];
  const doc = copyExcept(input, NORMALIZED) as ProductDoc;

  if (localizations) {
    doc.localizations = {};
    for (const [tag, value] of Object.entries(localizations)) doc.localizations[canonicalLocale(tag)!] = value;
  }

  if (prices) {
    doc.prices = {};
    for (const [currency, price] of Object.entries(prices)) {
      // The schema already refused amounts that do not parse; these casts only restate that.
      const out: PriceDoc = { amountMicros: (parseMoney(price.amount, currency) as { micros: number }).micros };
      if (price.sale) {
        out.sale = { amountMicros: (parseMoney(price.sale.amount, currency) as { micros: number }).micros };
        if (price.sale.start) out.sale.start = utcDateTime(price.sale.start)!;
        if (price.sale.end) out.sale.end = utcDateTime(price.sale.end)!;
      }
      doc.prices[currency] = out;
    }
  }

  if (images) {
    if (images.length > limits.maxImagesPerProduct) {
      errors.push({ path: '/images', message: `At most ${limits.maxImagesPerProduct} images per product` });
    }
    const seen = new Set<string>();
    doc.images = [];
    const ids = await Promise.all(
      images.map(async (image) => {
        const { fileName: _name, ...identity } = image.source;
        return image.id ?? (await sha256Hex(canonicalJson(identity))).slice(0, 16);
      }),
    );
    for (const [i, image] of images.entries()) {
      const id = ids[i]!;
      if (seen.has(id)) errors.push({ path: `/images/${i}/id`, message: `Image id "${id}" appears twice in this product` });
      seen.add(id);
      // Uploaded sources are turned into `{sha256}` by materializeUploads() before anything is written.
      const out: ImageDoc = { id, source: image.source as ImageDoc['source'], pipelines: image.pipelines ?? {} };
      if (image.classifications) out.classifications = image.classifications;
      doc.images.push(out);
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, doc };
}
