/**
 * A GeSmart product -> a merge write (DESIGN "Dialect writes merge"): the fields GeSmart can express
 * are set, everything else on the product is kept. `price` is the tenant's default-currency price;
 * `brand.description` and `categories` (PrestaShop ids) have no canonical home and go to
 * `extensions.gesmart`; a given image or technical-data list replaces the product's list.
 *
 * | GeSmart                         | canonical                                         |
 * |---------------------------------|---------------------------------------------------|
 * | reference                       | id                                                |
 * | name / description              | title / description                               |
 * | price                           | prices[defaultCurrency].amount                    |
 * | quantity / active / weight (kg) | quantity / active (default true on create) / weight |
 * | ean13 ("" = none)               | gtin when 13 digits with a valid check digit, else removed; as sent in extensions.gesmart.ean13 |
 * | brand.name                      | brand                                             |
 * | brand.description, categories   | extensions.gesmart.brandDescription, .categories  |
 * | images[{fileName, base64}]      | images[{source: {base64, fileName}}]              |
 * | technical_data[{Gruppo, Descrizione, Valore, Suffisso, PrintOrder}] | attributes[{group, name, value, unit, order (default 0)}] |
 */
import type { MergeItem } from '../shared/merge-write';
import { type GesmartProduct, isValidEan13 } from './schemas';
import { JsonNumberText } from '../../lib/exact-json';

export function toMergeItem(product: GesmartProduct, currency: string): MergeItem {
  const patch: Record<string, unknown> = {
    title: product.name,
    prices: { [currency]: { amount: product.price instanceof JsonNumberText ? product.price.text : product.price } },
    quantity: product.quantity,
  };
  if (product.description != null) patch.description = product.description;
  if (product.active != null) patch.active = product.active;
  else if (product.operation === 'create') patch.active = true;
  // gtin is validated canonical data: only a valid EAN13 goes there; what was sent is kept beside it.
  if (product.ean13 != null) patch.gtin = isValidEan13(product.ean13) ? product.ean13 : null;
  if (product.weight != null) patch.weight = product.weight;
  if (product.brand != null) patch.brand = product.brand.name;
  if (product.images != null) patch.images = product.images.map((image) => ({ source: { base64: image.base64, fileName: image.fileName } }));
  if (product.technical_data != null) {
    patch.attributes = product.technical_data.map((row) => ({
      group: row.Gruppo,
      name: row.Descrizione,
      value: row.Valore,
      ...(row.Suffisso != null ? { unit: row.Suffisso } : {}),
      order: row.PrintOrder ?? 0,
    }));
  }

  const extensions: Record<string, unknown> = {};
  if (product.categories != null) extensions.categories = product.categories;
  if (product.brand?.description != null) extensions.brandDescription = product.brand.description;
  if (product.ean13 != null) extensions.ean13 = product.ean13;

  return {
    id: product.reference,
    patch,
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
    mode: product.operation,
  };
}

/** The patch as a product of its own (no `null` removals): what the catalog would validate on create. */
export function patchAsProduct(item: MergeItem): Record<string, unknown> {
  return { ...Object.fromEntries(Object.entries(item.patch).filter(([, value]) => value !== null)), id: item.id };
}
