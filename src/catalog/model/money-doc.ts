/**
 * Stored prices, current and legacy: the one place that knows both forms. A document written before
 * micros keeps `amount` in minor units until the backfill rewrites it (catalog/money-backfill.ts);
 * readers go through here, so an unconverted row reads exactly like a converted one.
 */
import { minorToMicros, minorToMicrosText } from './money';
import type { LegacyPriceDoc, PriceDoc, ProductDoc } from './product-doc';

/** `products.money_format` of a row whose document stores micros (NULL: written before micros). */
export const MONEY_FORMAT_MICROS = 1;
/** A legacy row whose amounts cannot be micros (above 2^53 - 1): left as it is, still read exactly. */
export const MONEY_FORMAT_LEGACY_OUT_OF_RANGE = 0;

/** A stored price's amounts as micros digits text (exact for legacy amounts of any size). */
export interface StoredPriceText {
  amountMicros: string;
  sale?: { amountMicros: string; start?: string; end?: string };
}

function isLegacy(price: PriceDoc | LegacyPriceDoc): price is LegacyPriceDoc {
  return (price as PriceDoc).amountMicros === undefined;
}

export function storedPriceText(price: PriceDoc | LegacyPriceDoc, currency: string): StoredPriceText {
  if (isLegacy(price)) {
    const out: StoredPriceText = { amountMicros: minorToMicrosText(price.amount, currency) };
    if (price.sale) {
      const { amount, ...window } = price.sale;
      out.sale = { amountMicros: minorToMicrosText(amount, currency), ...window };
    }
    return out;
  }
  const out: StoredPriceText = { amountMicros: String(price.amountMicros) };
  if (price.sale) out.sale = { ...price.sale, amountMicros: String(price.sale.amountMicros) };
  return out;
}

/**
 * The document as the write path stores it today, or null when a legacy amount cannot be micros.
 * A document already in micros comes back equal, so converting twice changes nothing.
 */
export function toMicrosDoc(doc: ProductDoc): ProductDoc | null {
  if (!doc.prices) return doc;
  const prices: Record<string, PriceDoc> = {};
  for (const [currency, price] of Object.entries(doc.prices)) {
    if (!isLegacy(price)) {
      prices[currency] = price;
      continue;
    }
    const amountMicros = minorToMicros(price.amount, currency);
    if (amountMicros === null) return null;
    const out: PriceDoc = { amountMicros };
    if (price.sale) {
      const { amount, ...window } = price.sale;
      const saleMicros = minorToMicros(amount, currency);
      if (saleMicros === null) return null;
      out.sale = { amountMicros: saleMicros, ...window };
    }
    prices[currency] = out;
  }
  return { ...doc, prices };
}
