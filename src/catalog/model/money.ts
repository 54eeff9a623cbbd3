/**
 * Exact money: decimal text in, integer minor units stored, decimal text out (DESIGN "Money").
 * A JSON number is read through its shortest decimal text (what `String(n)` gives), never multiplied
 * as a float; more fraction digits than the currency has is an error, never a rounding.
 */
import { currencyExponent } from './currencies';

export type MoneyResult = { ok: true; minor: number } | { ok: false; message: string };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function parseMoney(input: string | number, currency: string): MoneyResult {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return { ok: false, message: `Unknown currency "${currency}"` };
  if (typeof input === 'number' && !Number.isFinite(input)) return { ok: false, message: 'Amount must be a finite number' };
  const text = typeof input === 'number' ? numberToDecimalText(input) : input.trim();
  if (text === null) return { ok: false, message: 'Amount is out of range' };
  const match = DECIMAL.exec(text);
  if (!match) {
    return { ok: false, message: text.startsWith('-') ? 'Amount must not be negative' : 'Amount must be a decimal number like "25.00"' };
  }
  const whole = match[1]!;
  // Trailing zeros carry no value ("25.000" is 25.00 exactly); any other extra digit would be rounded away.
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) {
    return {
      ok: false,
      message: exponent === 0
        ? `${currency} has no minor unit: the amount must be a whole number`
        : `${currency} allows at most ${exponent} decimal places`,
    };
  }
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'Amount is too large' };
  return { ok: true, minor };
}

/** Integer minor units -> decimal text with the currency's exponent: 2500 USD -> "25.00". */
export function formatMoney(minor: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
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
  if (point > 30 || point < -30) return null;
  const expanded = point <= 0
    ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length
      ? digits + '0'.repeat(point - digits.length)
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + expanded;
}
