/**
 * Sizebay bodies -> canonical merge patches, and canonical error paths -> the Sizebay field the
 * client sent. Pure: no I/O, no tenant lookups (the tenant's default currency is passed in).
 */
import { parseInterval } from '../../lib/dates';
import { canonicalLocale } from '../../catalog/model/locale';
import type { FieldError } from '../../http/problem';
import { jsonPointer } from '../../http/problem';
import type { MergeItem } from '../shared/merge-write';
import type { CreatePriceT, CreateProductBodyT, UpdatePriceT, UpdateProductBodyT } from './schemas';

/** Where each canonical field came from in the request, for naming errors the way the client did. */
export interface FieldMap {
  /** Where the item fields live: ['productItem'] (POST) or [] (PATCH). */
  prefix: string[];
  id: string[];
  brand: string[];
  /** canonical locale -> the key the client sent. */
  locales: Map<string, string>;
  /** Whether pricing was one price without a currency (then no currency segment in names). */
  flatPricing: boolean;
  /** canonical image index -> its Sizebay field. */
  images: string[][];
}

const PRICE_KEYS = ['price', 'salePrice', 'salePriceEffectiveDate'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A `pricing` that is one price object (`{price: 25}`) rather than a map of currencies is wrapped
 * under the tenant's default currency. Returns the body to parse and whether it was wrapped.
 */
export function withCurrency(body: unknown, at: 'productItem' | 'root', currency: string): { body: unknown; flat: boolean } {
  if (!isPlainObject(body)) return { body, flat: false };
  const holder = at === 'productItem' ? body.productItem : body;
  if (!isPlainObject(holder) || !isPlainObject(holder.pricing)) return { body, flat: false };
  const pricing = holder.pricing;
  const flat = PRICE_KEYS.some((key) => key in pricing && !isPlainObject(pricing[key]));
  if (!flat) return { body, flat: false };
  const wrapped = { ...holder, pricing: { [currency]: pricing } };
  return { body: at === 'productItem' ? { ...body, productItem: wrapped } : wrapped, flat: true };
}

/** `www.example.com/image.jpg` -> `https://www.example.com/image.jpg`; URLs with a scheme stay. */
export function withScheme(url: string): string {
  const trimmed = url.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed)) return trimmed;
  if (trimmed.startsWith('//')) return `https:${trimmed}`;
  return `https://${trimmed}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

function saleWindow(interval: string): { start: string; end: string } {
  const parsed = parseInterval(interval);
  // The schema refused intervals that do not parse.
  if (!parsed.ok) throw new Error(parsed.message);
  return { start: iso(parsed.start), end: iso(parsed.end) };
}

function localizationsPatch(input: Record<string, { title?: string; link?: string; availability?: string; description?: string }>, locales: Map<string, string>) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [tag, value] of Object.entries(input)) {
    const key = canonicalLocale(tag) ?? tag;
    locales.set(key, tag);
    const entry: Record<string, unknown> = {};
    if (value.title !== undefined) entry.title = value.title;
    if (value.description !== undefined) entry.description = value.description;
    if (value.link !== undefined) entry.link = withScheme(value.link);
    if (value.availability !== undefined) entry.availability = value.availability;
    out[key] = entry;
  }
  return out;
}

/** POST: every price field is stated, so a missing sale or window clears the stored one. */
function createPrice(price: CreatePriceT): Record<string, unknown> {
  if (price.salePrice === undefined) return { amount: price.price, sale: null };
  const window = price.salePriceEffectiveDate ? saleWindow(price.salePriceEffectiveDate) : { start: null, end: null };
  return { amount: price.price, sale: { amount: price.salePrice, ...window } };
}

/** PATCH: only what is sent changes; `null` ends the sale or removes its window. */
function updatePrice(price: UpdatePriceT): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (price.price !== undefined) out.amount = price.price;
  if (price.salePrice === null) return { ...out, sale: null };
  const sale: Record<string, unknown> = {};
  if (price.salePrice !== undefined) sale.amount = price.salePrice;
  if (price.salePriceEffectiveDate === null) Object.assign(sale, { start: null, end: null });
  else if (price.salePriceEffectiveDate !== undefined) Object.assign(sale, saleWindow(price.salePriceEffectiveDate));
  if (Object.keys(sale).length > 0) out.sale = sale;
  return out;
}

/** Sizebay processType -> the canonical `recommend`. */
const PROCESS_TYPES = { SIMILAR: 'similar', COMPLEMENTARY: 'complementary', ALL: 'all' } as const;

export interface Mapped {
  item: MergeItem;
  fields: FieldMap;
}

/** The vendor fields kept in extensions.sizebay. */
function extensionsOf(body: { collectionName: string; processType?: string; specialtyFromPersona?: string }, brandName?: string, brand?: string) {
  const out: Record<string, unknown> = { collectionName: body.collectionName };
  if (body.processType !== undefined) out.processType = body.processType;
  if (body.specialtyFromPersona !== undefined) out.specialtyFromPersona = body.specialtyFromPersona;
  // brandName is the canonical brand unless productItem.brand overrides it: then keep it here.
  if (brandName !== undefined && brand !== undefined && brand !== brandName) out.brandName = brandName;
  return out;
}

export function mapCreate(body: CreateProductBodyT, flatPricing: boolean): Mapped {
  const item = body.productItem;
  const fields: FieldMap = {
    prefix: ['productItem'],
    id: ['productItem', 'id'],
    brand: item.brand !== undefined ? ['productItem', 'brand'] : ['brandName'],
    locales: new Map(),
    flatPricing,
    images: [],
  };

  // The main image first, then the additional ones; a URL listed twice is one image.
  const images: Array<{ source: { url: string } }> = [];
  const seen = new Set<string>();
  const links: Array<[string, string[]]> = [[item.imageLink, ['productItem', 'imageLink']]];
  for (const [i, link] of (item.additionalImageLinks ?? []).entries()) links.push([link, ['productItem', 'additionalImageLinks', String(i)]]);
  for (const [link, path] of links) {
    const url = withScheme(link);
    if (seen.has(url)) continue;
    seen.add(url);
    images.push({ source: { url } });
    fields.images.push(path);
  }

  const patch: Record<string, unknown> = {
    itemGroupId: item.itemGroupId,
    localizations: localizationsPatch(item.localizations, fields.locales),
    prices: Object.fromEntries(Object.entries(item.pricing).map(([currency, price]) => [currency, createPrice(price)])),
    productType: item.productType,
    brand: item.brand ?? body.brandName,
    gender: item.gender,
    ageGroup: item.ageGroup,
    sizes: item.size.split(',').map((s) => s.trim()).filter(Boolean),
    sizeSystem: item.sizeSystem,
    color: item.color,
    images,
  };
  if (item.gtin !== undefined) patch.gtin = item.gtin;
  // processType decides which recommendation lists are computed (ALL = both).
  patch.recommend = PROCESS_TYPES[body.processType];

  return {
    item: { id: item.id, patch, extensions: extensionsOf(body, body.brandName, item.brand), mode: 'upsert' },
    fields,
  };
}

export function mapUpdate(body: UpdateProductBodyT, flatPricing: boolean): Mapped {
  const fields: FieldMap = { prefix: [], id: ['productId'], brand: ['brand'], locales: new Map(), flatPricing, images: [] };
  const patch: Record<string, unknown> = {
    localizations: localizationsPatch(body.localizations, fields.locales),
    prices: Object.fromEntries(Object.entries(body.pricing).map(([currency, price]) => [currency, updatePrice(price)])),
  };
  return { item: { id: body.productId, patch, extensions: extensionsOf(body), mode: 'update' }, fields };
}

function unescape(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function pricingPath(fields: FieldMap, currency: string | undefined): string[] {
  const base = [...fields.prefix, 'pricing'];
  return fields.flatPricing || currency === undefined ? base : [...base, currency];
}

/** A canonical JSON Pointer (`/prices/USD/sale/amount`) -> the Sizebay one (`/productItem/pricing/USD/salePrice`). */
export function sizebayPointer(pointer: string, fields: FieldMap): string {
  const [head, ...rest] = pointer.split('/').slice(1).map(unescape);
  if (head === undefined) return '';
  let path: string[];
  switch (head) {
    case 'id':
      path = fields.id;
      break;
    case 'brand':
      path = fields.brand;
      break;
    case 'sizes':
      path = [...fields.prefix, 'size'];
      break;
    case 'title':
    case 'description':
      path = [...fields.prefix, 'localizations'];
      break;
    case 'localizations': {
      const [tag, ...more] = rest;
      path = [...fields.prefix, 'localizations', ...(tag === undefined ? [] : [fields.locales.get(tag) ?? tag]), ...more];
      break;
    }
    case 'prices': {
      const [currency, field, sub] = rest;
      const base = pricingPath(fields, currency);
      if (field === 'amount') path = [...base, 'price'];
      else if (field === 'sale') path = [...base, sub === 'start' || sub === 'end' ? 'salePriceEffectiveDate' : 'salePrice'];
      else path = base;
      break;
    }
    case 'images': {
      const index = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest[0]) : null;
      path = (index !== null ? fields.images[index] : undefined) ?? [...fields.prefix, 'imageLink'];
      break;
    }
    default:
      path = [...fields.prefix, head, ...rest];
  }
  return jsonPointer(path);
}

/** Zod errors from the Sizebay schema, after a flat pricing was wrapped: drop the invented currency. */
export function unwrapFlatPricing(errors: FieldError[], at: string[], currency: string): FieldError[] {
  const wrapped = jsonPointer([...at, 'pricing', currency]);
  const plain = jsonPointer([...at, 'pricing']);
  return errors.map((e) => (e.path === wrapped || e.path.startsWith(`${wrapped}/`) ? { ...e, path: plain + e.path.slice(wrapped.length) } : e));
}

export function toSizebayErrors(errors: FieldError[], fields: FieldMap): FieldError[] {
  return errors.map((e) => ({ path: e.path.startsWith('/') ? sizebayPointer(e.path, fields) : e.path, message: e.message }));
}
