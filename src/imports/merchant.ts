/**
 * Google Merchant product data (CSV/TSV columns or `g:` XML fields) -> the canonical product, with
 * values as Google accepts them: `in_stock` and `in stock`, prices like `25.00 USD`, sale windows as
 * `start/end` intervals, comma-separated additional image links. Pure: fields in, a canonical input
 * (validated later like any write) or field errors out.
 */
import { parseInterval } from '../lib/dates';
import type { FieldError } from '../http/problem';

export type MerchantFields = Record<string, string[]>;

const first = (fields: MerchantFields, name: string): string | undefined => {
  const value = fields[name]?.[0]?.trim();
  return value ? value : undefined;
};

/** "25.00 USD", "25,00 EUR", "USD 25.00", or a bare amount in the tenant's default currency. */
function price(text: string, fallbackCurrency: string): { amount: string; currency: string } | null {
  const value = text.trim();
  const after = /^([0-9]+(?:[.,][0-9]+)?)\s*([A-Za-z]{3})?$/.exec(value);
  if (after) return { amount: after[1]!.replace(',', '.'), currency: (after[2] ?? fallbackCurrency).toUpperCase() };
  const before = /^([A-Za-z]{3})\s*([0-9]+(?:[.,][0-9]+)?)$/.exec(value);
  if (before) return { amount: before[2]!.replace(',', '.'), currency: before[1]!.toUpperCase() };
  return null;
}

export function merchantToCanonical(fields: MerchantFields, tenant: { defaultCurrency: string; defaultLocale: string }): { ok: true; product: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const id = first(fields, 'id');
  if (!id) return { ok: false, errors: [{ path: 'id', message: 'Required' }] };
  const product: Record<string, unknown> = { id };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) product[key] = value;
  };
  set('title', first(fields, 'title'));
  set('description', first(fields, 'description'));
  set('brand', first(fields, 'brand'));
  set('gtin', first(fields, 'gtin'));
  set('itemGroupId', first(fields, 'item_group_id'));
  set('color', first(fields, 'color'));
  set('sizeSystem', first(fields, 'size_system'));
  set('productType', first(fields, 'product_type'));
  const gender = first(fields, 'gender')?.toLowerCase();
  set('gender', gender);
  const ageGroup = first(fields, 'age_group')?.toLowerCase();
  set('ageGroup', ageGroup);
  const sizes: string[] = [];
  for (const value of fields.size ?? []) {
    for (const part of value.split(',')) {
      const size = part.trim();
      if (size) sizes.push(size);
    }
  }
  if (sizes.length > 0) product.sizes = sizes;
  const category = first(fields, 'google_product_category');
  if (category) product.categories = [category];
  const mpn = first(fields, 'mpn');
  if (mpn) product.attributes = [{ name: 'mpn', value: mpn }];

  const availability = first(fields, 'availability')?.toLowerCase().replaceAll('_', ' ');
  const link = first(fields, 'link');
  if (availability || link) {
    // Plain assignments: conditional spreads of small objects were ~15% of a TSV row's mapping.
    const localized: Record<string, string> = {};
    const title = first(fields, 'title');
    if (title) localized.title = title;
    if (availability) localized.availability = availability;
    if (link) localized.link = link;
    product.localizations = { [tenant.defaultLocale]: localized };
  }

  const priceText = first(fields, 'price');
  if (priceText) {
    const regular = price(priceText, tenant.defaultCurrency);
    if (!regular) errors.push({ path: 'price', message: 'Expected an amount and a currency, like "25.00 USD"' });
    else {
      const entry: Record<string, unknown> = { amount: regular.amount };
      const saleText = first(fields, 'sale_price');
      if (saleText) {
        const sale = price(saleText, regular.currency);
        if (!sale) errors.push({ path: 'sale_price', message: 'Expected an amount and a currency, like "19.99 USD"' });
        else if (sale.currency !== regular.currency) errors.push({ path: 'sale_price', message: 'The sale price must be in the currency of the price' });
        else {
          const saleEntry: Record<string, unknown> = { amount: sale.amount };
          const window = first(fields, 'sale_price_effective_date');
          if (window) {
            const parsed = parseInterval(window);
            if (!parsed.ok) errors.push({ path: 'sale_price_effective_date', message: parsed.message });
            else Object.assign(saleEntry, { start: new Date(parsed.start).toISOString(), end: new Date(parsed.end).toISOString() });
          }
          entry.sale = saleEntry;
        }
      }
      product.prices = { [regular.currency]: entry };
    }
  }

  const links = [
    ...(fields.image_link ?? []),
    ...(fields.additional_image_link ?? []).flatMap((value) => value.split(',')),
  ].map((url) => url.trim()).filter(Boolean);
  if (links.length > 0) product.images = [...new Set(links)].map((url) => ({ source: { url } }));

  return errors.length > 0 ? { ok: false, errors } : { ok: true, product };
}
