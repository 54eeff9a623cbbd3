/**
 * The schema's rules (product.schema.ts) as plain checks, for the common case only: a product that
 * is valid and plain JSON. `true` means zod would accept it and return an equal value, so the caller
 * may use the input as parsed; `false` means "not sure", and zod decides (and words every error).
 * Anything unusual (an unknown or undefined member, an upload, a non-plain object, a number zod might
 * judge differently) is "not sure".
 *
 * Why: zod 4 runs interpreted in workerd (code generation is refused there, so its JIT is off), and
 * the schema was ~70% of validating a batch (npm run bench:validate: ~125 of ~165 ms per 1,000
 * products with zod jitless, under load). test/catalog/fast-path.test.ts holds this file to the
 * schema: for generated valid and broken products, `true` only where zod accepts, with equal output.
 */
import { isCurrency } from './currencies';
import { dateTimeMs } from './date-time';
import { isValidGtin } from './gtin';
import { canonicalLocale } from './locale';
import { parseMoney } from './money';
import { z } from '@hono/zod-openapi';
import { ageGroups, availabilities, genders, ID_PATTERN, MAX_ATTRIBUTES, ProductInput, RESERVED_ID_PREFIX } from './product.schema';

type Obj = Record<string, unknown>;

const GENDERS = new Set<unknown>(genders);
const AGE_GROUPS = new Set<unknown>(ageGroups);
const AVAILABILITIES = new Set<unknown>(availabilities);
const PIPELINE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** A plain object (Object.prototype) with no undefined member and no "__proto__" key. */
function plain(value: unknown): value is Obj {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (key === '__proto__' || (value as Obj)[key] === undefined) return false;
  return true;
}

/** Every key of `value` is one of `allowed` (a strict object). */
function only(value: Obj, allowed: Set<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

const text = (value: unknown, max: number, min = 0): boolean => typeof value === 'string' && value.length <= max && value.length >= min;
const optText = (value: unknown, max: number): boolean => value === undefined || text(value, max);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const safeInt = (value: unknown): value is number => Number.isSafeInteger(value);

function texts(value: unknown, maxItems: number, maxLength: number, minLength = 0): boolean {
  if (!Array.isArray(value) || value.length > maxItems) return false;
  for (const item of value) if (!text(item, maxLength, minLength)) return false;
  return true;
}

function httpUrl(value: unknown): boolean {
  if (!text(value, 2048)) return false;
  try {
    const url = new URL(value as string);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const LOCALIZATION = new Set(['title', 'description', 'link', 'availability']);
function localizations(value: unknown): boolean {
  if (!plain(value)) return false;
  const seen = new Set<string>();
  for (const tag in value) {
    const canonical = canonicalLocale(tag);
    if (!canonical || seen.has(canonical)) return false;
    seen.add(canonical);
    const l = value[tag];
    if (!plain(l) || !only(l, LOCALIZATION)) return false;
    if (!optText(l.title, 500) || !optText(l.description, 10_000)) return false;
    if (l.link !== undefined && !httpUrl(l.link)) return false;
    if (l.availability !== undefined && !AVAILABILITIES.has(l.availability)) return false;
  }
  return true;
}

const PRICE = new Set(['amount', 'sale']);
const SALE = new Set(['amount', 'start', 'end']);
const amountOk = (amount: unknown, currency: string) => (typeof amount === 'string' || finite(amount)) && parseMoney(amount, currency).ok;
function prices(value: unknown): boolean {
  if (!plain(value)) return false;
  for (const currency in value) {
    if (!isCurrency(currency)) return false;
    const price = value[currency];
    if (!plain(price) || !only(price, PRICE) || !amountOk(price.amount, currency)) return false;
    const sale = price.sale;
    if (sale === undefined) continue;
    if (!plain(sale) || !only(sale, SALE) || !amountOk(sale.amount, currency)) return false;
    const start = sale.start === undefined ? undefined : typeof sale.start === 'string' ? dateTimeMs(sale.start) : null;
    const end = sale.end === undefined ? undefined : typeof sale.end === 'string' ? dateTimeMs(sale.end) : null;
    if (start === null || end === null) return false;
    if (start !== undefined && end !== undefined && !(start < end)) return false;
  }
  return true;
}

const ATTRIBUTE = new Set(['group', 'name', 'value', 'unit', 'order']);
function attributes(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_ATTRIBUTES) return false;
  for (const a of value) {
    if (!plain(a) || !only(a, ATTRIBUTE)) return false;
    if (!optText(a.group, 255) || !text(a.name, 255, 1) || !text(a.value, 1000) || !optText(a.unit, 64)) return false;
    if (a.order !== undefined && !safeInt(a.order)) return false;
  }
  return true;
}

const IMAGE = new Set(['id', 'source', 'pipelines', 'classifications']);
/** Sources by URL or by a stored hash only: uploads (fileKey, base64) take zod's path. */
function images(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const image of value) {
    if (!plain(image) || !only(image, IMAGE)) return false;
    if (image.id !== undefined && !(typeof image.id === 'string' && ID_PATTERN.test(image.id))) return false;
    const source = image.source;
    if (!plain(source)) return false;
    const keys = Object.keys(source);
    if (keys.length !== 1) return false;
    if (keys[0] === 'url' ? !httpUrl(source.url) : keys[0] === 'sha256' ? !(typeof source.sha256 === 'string' && SHA256.test(source.sha256)) : true) return false;
    if (image.pipelines !== undefined) {
      if (!plain(image.pipelines)) return false;
      for (const name in image.pipelines) if (!PIPELINE_NAME.test(name) || typeof image.pipelines[name] !== 'boolean') return false;
    }
    if (image.classifications !== undefined && !plain(image.classifications)) return false;
  }
  return true;
}

/** Members and their checks, as in ProductFields. */
const FIELDS = new Map<string, (value: unknown) => boolean>(Object.entries({
  itemGroupId: (v) => text(v, 128),
  title: (v) => text(v, 500),
  description: (v) => text(v, 10_000),
  brand: (v) => text(v, 255),
  productType: (v) => text(v, 750),
  categories: (v) => texts(v, 100, 255),
  tags: (v) => texts(v, 100, 255),
  gender: (v) => GENDERS.has(v),
  ageGroup: (v) => AGE_GROUPS.has(v),
  color: (v) => text(v, 100),
  sizes: (v) => texts(v, 100, 64, 1),
  sizeSystem: (v) => text(v, 16),
  gtin: (v) => typeof v === 'string' && isValidGtin(v),
  active: (v) => typeof v === 'boolean',
  quantity: (v) => safeInt(v) && v >= 0,
  weight: (v) => finite(v) && v >= 0,
  localizations,
  prices,
  attributes,
  images,
  metadata: plain,
  validForDays: (v: unknown) => v === null || (safeInt(v) && v >= 1 && v <= 365),
} satisfies Record<string, (value: unknown) => boolean>));

/**
 * True when `input` is certainly valid for ProductInput (`idRequired`: BatchProductInput) and zod
 * would return it unchanged; false when zod must decide.
 */
export function isCertainlyValidProduct(input: unknown, idRequired: boolean): boolean {
  if (!plain(input)) return false;
  if (input.id === undefined ? idRequired : !(typeof input.id === 'string' && ID_PATTERN.test(input.id) && !input.id.startsWith(RESERVED_ID_PREFIX))) return false;
  for (const key in input) {
    if (key === 'id') continue;
    const check = FIELDS.get(key);
    if (!check || !check(input[key])) return false;
  }
  return true;
}

/**
 * PUT's body as the route checks it at run time (the document still shows ProductInput): the plain
 * checks, else ProductInput itself, whose issues are passed on unchanged, so an invalid body answers
 * exactly as before. A valid body comes through as sent, which is what ProductInput would return.
 */
export const ProductInputBody = z.unknown().superRefine((value, ctx) => {
  if (isCertainlyValidProduct(value, false)) return;
  const parsed = ProductInput.safeParse(value);
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue(issue as never);
});
