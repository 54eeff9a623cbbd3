/**
 * GeSmart validation, shared by the sync route, each batch item, the webhook and the `gesmart`
 * inbound format. The seed lists both 400 ("Invalid request data or validation failed") and 422
 * ("Validation errors in request data"); Shelfsync splits them so an ERP can tell a broken
 * integration from bad data:
 *
 * - 400: the body is not JSON or not an object, a required field is missing, or a field has the
 *   wrong JSON type (a string where a number belongs, an object where an array belongs).
 * - 422: every field has the right type but a rule is broken: lengths, counts, `operation` not
 *   create/update, negative numbers, a non-integer quantity, a price with a 7th decimal, an ean13
 *   that is not 13 characters, an image extension or size.
 *
 * An ean13 of 13 characters that is not a valid EAN13 is accepted (the seed asks no more) with a
 * warning: `ean13Warnings`.
 *
 * Field errors carry JSON Pointers into the GeSmart body (`/technical_data/3/Valore`); the dialect
 * renders them as `technical_data[3].Valore`.
 */
import type { z } from '@hono/zod-openapi';
import { parseMoney } from '../../catalog/model/money';
import { JsonNumberText } from '../../lib/exact-json';
import type { FieldError } from '../../http/problem';
import { ApiError, jsonPointer } from '../../http/problem';
import { type GesmartProduct, isValidEan13, Product } from './schemas';

export type Checked<T> = { ok: true; value: T } | { ok: false; status: 400 | 422; errors: FieldError[] };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key as string];
  }
  return at;
}

const TYPE_NAMES: Record<string, string> = { int: 'an integer', number: 'a number', string: 'a string', boolean: 'a boolean', object: 'an object', array: 'an array' };

function fieldName(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  return last === undefined ? 'The body' : typeof last === 'number' ? `Item ${last}` : String(last);
}

/** zod issues -> 400 (missing, wrong type) or 422 (rules), with readable messages. */
export function classify(error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): { status: 400 | 422; errors: FieldError[] } {
  let shape = false;
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const path = jsonPointer([...prefix, ...issue.path]);
    const value = valueAt(input, issue.path);
    if (value === undefined || value === null) {
      // Absent (or null where a value is required): a missing field, whatever zod called it.
      shape = true;
      errors.push({ path, message: `${fieldName(issue.path)} is required` });
    } else if (issue.code === 'invalid_type' && !(issue.expected === 'int' && typeof value === 'number')) {
      shape = true;
      errors.push({ path, message: `${fieldName(issue.path)} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}` });
    } else if (issue.code === 'invalid_union' || issue.code === 'invalid_key' || issue.code === 'invalid_element') {
      shape = true;
      errors.push({ path, message: issue.message });
    } else {
      errors.push({ path, message: issue.code === 'invalid_type' ? `${fieldName(issue.path)} must be an integer` : issue.message });
    }
  }
  return { status: shape ? 400 : 422, errors };
}

/** Rules that need the tenant: the price must be exact in micros (up to 6 decimals), never rounded. */
export function tenantRules(product: GesmartProduct, currency: string): FieldError[] {
  const money = parseMoney(product.price instanceof JsonNumberText ? product.price.text : product.price, currency);
  if (!money.ok) return [{ path: '/price', message: `Invalid price value: ${money.message}` }];
  return [];
}

/** A whole GeSmart product: shape, rules, then the tenant's currency. */
export function checkProduct(input: unknown, currency: string, prefix: readonly PropertyKey[] = []): Checked<GesmartProduct> {
  const parsed = Product.safeParse(input);
  if (!parsed.success) return { ok: false, ...classify(parsed.error, input, prefix) };
  const errors = tenantRules(parsed.data, currency);
  if (errors.length > 0) {
    const base = jsonPointer(prefix);
    return { ok: false, status: 422, errors: errors.map((e) => ({ path: base + e.path, message: e.message })) };
  }
  return { ok: true, value: parsed.data };
}

/** Accepted, but said back: an ean13 that will not be the product's GTIN (GeSmart pointers). */
export function ean13Warnings(product: Pick<GesmartProduct, 'ean13'>): FieldError[] {
  const ean13 = product.ean13;
  if (ean13 == null || ean13 === '' || isValidEan13(ean13)) return [];
  const why = /^\d{13}$/.test(ean13) ? 'has a wrong check digit' : 'is not 13 digits';
  return [{ path: '/ean13', message: `ean13 "${ean13}" ${why}: kept in extensions.gesmart.ean13, not used as the product's GTIN` }];
}

export function validationError(status: 400 | 422, errors: FieldError[]): ApiError {
  return new ApiError(status === 400 ? 'bad_request' : 'validation_failed', 'Validation failed', errors);
}

/**
 * A canonical field error (from the catalog's own validation) in GeSmart's words: the product's
 * `/title` is the body's `/name`, `/attributes/3/name` is `/technical_data/3/Descrizione`, ...
 */
export function toGesmartPath(pointer: string): string {
  const rules: Array<[RegExp, string]> = [
    [/^\/id$/, '/reference'],
    [/^\/title$/, '/name'],
    [/^\/prices\/[^/]+(?:\/.*)?$/, '/price'],
    [/^\/gtin$/, '/ean13'],
    [/^\/brand$/, '/brand/name'],
    [/^\/images\/(\d+)\/source\/fileName$/, '/images/$1/fileName'],
    // Already GeSmart's (the dialect's own checks, recorded in a batch job's errors).
    [/^\/images\/(\d+)\/(fileName|base64)$/, '/images/$1/$2'],
    [/^\/images\/(\d+)(?:\/.*)?$/, '/images/$1/base64'],
    [/^\/attributes\/(\d+)\/group$/, '/technical_data/$1/Gruppo'],
    [/^\/attributes\/(\d+)\/name$/, '/technical_data/$1/Descrizione'],
    [/^\/attributes\/(\d+)\/value$/, '/technical_data/$1/Valore'],
    [/^\/attributes\/(\d+)\/unit$/, '/technical_data/$1/Suffisso'],
    [/^\/attributes\/(\d+)\/order$/, '/technical_data/$1/PrintOrder'],
    [/^\/attributes(.*)$/, '/technical_data$1'],
  ];
  for (const [pattern, replacement] of rules) if (pattern.test(pointer)) return pointer.replace(pattern, replacement);
  return pointer;
}

export function toGesmartErrors(errors: FieldError[], prefix = ''): FieldError[] {
  return errors.map((e) => ({ path: prefix + toGesmartPath(e.path), message: e.message }));
}
