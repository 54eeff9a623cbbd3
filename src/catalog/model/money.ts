/**
 * Exact money: decimal text in, integer micros stored, decimal text out (DESIGN "Money").
 *
 * Micros (1/1,000,000 of the unit, Google Merchant API's `amountMicros`) rather than the currency's
 * minor unit: ERPs send net prices with up to 6 decimals (PrestaShop stores 6) so that the gross
 * price comes out round, and those must be kept exactly. Nothing is ever rounded: a 7th fraction
 * digit, an amount past 2^53 - 1 micros (what D1 integers and JS numbers both hold exactly) or a
 * JSON number too long to have been read exactly is an error naming the rule.
 */
import { currencyExponent } from './currencies';

export type MoneyResult = { ok: true; micros: number } | { ok: false; message: string };

export const MICROS_DIGITS = 6;
/** 2^53 - 1 micros = 9,007,199,254.740991 units. */
export const MAX_MICROS = Number.MAX_SAFE_INTEGER;
export const MAX_AMOUNT_TEXT = '9007199254.740991';
/**
 * A double holds any decimal of up to 15 significant digits exactly through text -> number -> shortest
 * text; past that `JSON.parse` may already have changed the value before any code sees it.
 */
export const MAX_NUMBER_DIGITS = 15;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const MAX_DIGITS = String(MAX_MICROS);

export function parseMoney(input: string | number, currency: string): MoneyResult {
  if (currencyExponent(currency) === undefined) return { ok: false, message: `Unknown currency "${currency}"` };
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: 'Amount must be a finite number' };
    const decimal = numberToDecimalText(input);
    if (decimal === null) return { ok: false, message: `Amount must be at most ${MAX_AMOUNT_TEXT}` };
    if (significantDigits(decimal) > MAX_NUMBER_DIGITS) {
      return {
        ok: false,
        message: `A JSON number with more than ${MAX_NUMBER_DIGITS} significant digits is not read exactly: send the amount as a string, like "${MAX_AMOUNT_TEXT}"`,
      };
    }
    text = decimal;
  } else {
    const micros = plainDecimalMicros(input);
    if (micros !== null) return { ok: true, micros };
    text = input.trim();
  }
  const match = DECIMAL.exec(text);
  if (!match) {
    return { ok: false, message: text.startsWith('-') ? 'Amount must not be negative' : 'Amount must be a decimal number like "25.00"' };
  }
  // Trailing zeros carry no value ("25.000" is 25 exactly); any other extra digit would be rounded away.
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > MICROS_DIGITS) {
    return { ok: false, message: `At most ${MICROS_DIGITS} decimal places: the amount is never rounded` };
  }
  const digits = (match[1]! + fraction.padEnd(MICROS_DIGITS, '0')).replace(/^0+(?=\d)/, '');
  // Compared as text: past 2^53 the number itself would already be rounded.
  if (digits.length > MAX_DIGITS.length || (digits.length === MAX_DIGITS.length && digits > MAX_DIGITS)) {
    return { ok: false, message: `Amount must be at most ${MAX_AMOUNT_TEXT}` };
  }
  return { ok: true, micros: Number(digits) };
}

/**
 * The common case in one scan, without the regex and the strings the general path builds: up to 9
 * integer digits and at most 6 significant fraction digits (trailing zeros allowed), nothing else.
 * Then the value is below 10^15 micros, so the sum is exact. Anything else (spaces, signs, longer
 * amounts) is `null` and goes the general way, which words the errors; both give the same micros
 * (test/catalog/money.test.ts compares them on generated text). Amounts are parsed by the plain
 * checks and again by normalisation: ~2 ms of ~15 ms validating 1,000 products in workerd went to
 * the general path's regex and string building (bench/cpu-profile.mjs, PROFILE_ALLOC=1).
 */
function plainDecimalMicros(text: string): number | null {
  const n = text.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i === 0 || i > 9) return null;
  if (i === n) return whole * 1_000_000;
  if (text.charCodeAt(i) !== 46 /* . */ || i === n - 1) return null;
  let fraction = 0;
  let scale = 1_000_000;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j) - 48;
    if (c < 0 || c > 9) return null;
    if (c === 0 && scale === 1) continue; // a trailing zero past the 6th digit (checked below)
    if (scale === 1) return null; // a 7th significant digit: the general path words it
    scale /= 10;
    fraction += c * scale;
  }
  return whole * 1_000_000 + fraction;
}

/**
 * Integer micros -> decimal text with at least the currency's exponent and no trailing zeros beyond
 * it: 25,000,000 USD -> "25.00", 12,345,678 USD -> "12.345678", 3,900,000,000 JPY -> "3900".
 */
export function formatMoney(micros: number | string, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  // Digits text is accepted too: a legacy amount past 2^53 micros is still rendered exactly.
  const digits = String(micros).padStart(MICROS_DIGITS + 1, '0');
  const whole = digits.slice(0, -MICROS_DIGITS);
  let fraction = digits.slice(-MICROS_DIGITS).replace(/0+$/, '');
  if (fraction.length < exponent) fraction = fraction.padEnd(exponent, '0');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * Minor units of the currency (the stored form before micros) -> micros; null when the result would
 * pass 2^53 - 1 (possible only for amounts above 9,007,199,254 units, which minor units allowed).
 */
export function minorToMicros(minor: number, currency: string): number | null {
  const micros = Number(minorToMicrosText(minor, currency));
  return Number.isSafeInteger(micros) ? micros : null;
}

/** Minor units -> micros as digits text, exact at any size (appending zeros never rounds). */
export function minorToMicrosText(minor: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  return minor === 0 ? '0' : String(minor) + '0'.repeat(MICROS_DIGITS - exponent);
}

/** Digits from the first non-zero one to the last non-zero one: "0.000120" has 2, "1200" has 2. */
function significantDigits(decimal: string): number {
  const digits = decimal.replace('-', '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}

/** A JSON number's decimal text without exponent notation; null when it cannot be written exactly. */
function numberToDecimalText(n: number): string | null {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  // 1e-7 and 1e21 style: expand only what is exactly representable as decimal text.
  const [mantissa, exp] = text.toLowerCase().split('e') as [string, string];
  const power = Number(exp);
  const negative = mantissa.startsWith('-');
  const [intPart, fracPart = ''] = mantissa.replace('-', '').split('.') as [string, string?];
  const digits = intPart + fracPart;
  const point = intPart.length + power;
  // Too large: past any amount. Too small needs no bound: a double's smallest (5e-324) expands to
  // ~330 characters, which the decimal-places rule then refuses by name.
  if (point > 30) return null;
  const expanded = point <= 0
    ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length
      ? digits + '0'.repeat(point - digits.length)
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + expanded;
}
