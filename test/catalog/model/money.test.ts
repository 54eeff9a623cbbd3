/** Exact money (DESIGN "Money"): decimal text <-> integer micros, properties over every ISO 4217 exponent. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, isCurrency } from '../../../src/catalog/model/currencies';
import { formatMoney, MAX_MICROS, minorToMicros, parseMoney } from '../../../src/catalog/model/money';
import { parseJsonExact } from '../../../src/lib/exact-json';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Every code the table knows, found by asking it about every three-letter code. */
const CODES = [...LETTERS].flatMap((a) => [...LETTERS].flatMap((b) => [...LETTERS].map((c) => a + b + c))).filter(isCurrency);
const exponent = (code: string) => currencyExponent(code)!;
const EXPONENTS = [...new Set(CODES.map(exponent))].sort();
/** One currency per exponent, so each exponent gets its share of runs whatever the table's mix. */
const byExponent = new Map(EXPONENTS.map((e) => [e, CODES.filter((c) => exponent(c) === e)]));

const currency = fc.oneof(fc.constantFrom(...CODES), fc.constantFrom(...EXPONENTS).chain((e) => fc.constantFrom(...byExponent.get(e)!)));
const micros = fc.maxSafeNat(); // [0, 2^53)
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const ok = (m: number) => ({ ok: true, micros: m });
const rejected = { ok: false, message: expect.any(String) };

describe('the currency table', () => {
  it('knows the ISO 4217 exponents, including where ISO and CLDR differ', () => {
    expect(CODES.length).toBeGreaterThan(150);
    expect(EXPONENTS).toEqual([0, 2, 3, 4]);
    for (const [code, e] of Object.entries({ USD: 2, EUR: 2, JPY: 0, KRW: 0, KWD: 3, BHD: 3, CLF: 4, UYW: 4, IQD: 3, HUF: 2, ISK: 0 })) {
      expect(currencyExponent(code), code).toBe(e);
    }
    for (const code of ['usd', 'XXX', 'XAU', 'ABC', 'US', 'USDD', '']) expect(isCurrency(code), code).toBe(false);
  });

  it('refuses unknown currencies', () => {
    expect(parseMoney('1.00', 'XXX')).toEqual(rejected);
    expect(parseMoney('1.00', 'usd')).toEqual(rejected);
  });
});

describe('parseMoney / formatMoney', () => {
  it('round-trips every micros amount in [0, 2^53) for every ISO 4217 exponent', () => {
    fc.assert(
      fc.property(currency, micros, (code, m) => {
        const text = formatMoney(m, code);
        const e = exponent(code);
        // At least the currency's exponent, and no trailing zero beyond it.
        const fraction = text.split('.')[1] ?? '';
        expect(text).toMatch(/^\d+(\.\d{1,6})?$/);
        expect(fraction.length).toBeGreaterThanOrEqual(e);
        if (fraction.length > e) expect(fraction.endsWith('0')).toBe(false);
        expect(parseMoney(text, code)).toEqual(ok(m));
        expect(parseMoney(`${text}${text.includes('.') ? '' : '.'}000`, code)).toEqual(ok(m));
      }),
      { numRuns: 2000 },
    );
  });

  it('formats with the currency exponent, more only when the amount has it', () => {
    expect(formatMoney(25_000_000, 'USD')).toBe('25.00');
    expect(formatMoney(12_345_678, 'USD')).toBe('12.345678');
    expect(formatMoney(12_345_600, 'USD')).toBe('12.3456');
    expect(formatMoney(3_900_000_000, 'JPY')).toBe('3900');
    expect(formatMoney(3_900_500_000, 'JPY')).toBe('3900.5');
    expect(formatMoney(0, 'USD')).toBe('0.00');
    expect(formatMoney(0, 'JPY')).toBe('0');
    expect(formatMoney(1, 'USD')).toBe('0.000001');
    expect(formatMoney(100, 'CLF')).toBe('0.0001');
    expect(formatMoney(1_234_000, 'KWD')).toBe('1.234');
    expect(formatMoney(MAX_MICROS, 'USD')).toBe('9007199254.740991');
  });

  it('accepts up to 6 fraction digits in every currency (ERP net prices)', () => {
    expect(parseMoney('12.345678', 'USD')).toEqual(ok(12_345_678));
    expect(parseMoney('3900.5', 'JPY')).toEqual(ok(3_900_500_000));
    expect(parseMoney('25', 'USD')).toEqual(ok(25_000_000));
    expect(parseMoney('007.50', 'USD')).toEqual(ok(7_500_000));
    expect(parseMoney('0.000001', 'KWD')).toEqual(ok(1));
    expect(parseMoney('25.0000000000', 'USD')).toEqual(ok(25_000_000));
  });

  it('refuses a 7th significant fraction digit, never rounding', () => {
    expect(parseMoney('12.3456789', 'USD')).toEqual({ ok: false, message: 'At most 6 decimal places: the amount is never rounded' });
    expect(parseMoney('0.0000001', 'JPY')).toEqual(rejected);
    // JSON numbers too small for plain decimal text (1e-40) are past 6 places too, not "too large".
    const places = { ok: false, message: 'At most 6 decimal places: the amount is never rounded' };
    expect(parseMoney(1e-40, 'USD')).toEqual(places);
    expect(parseMoney(5e-324, 'USD')).toEqual(places);
    expect(parseMoney(-1e-40, 'USD')).toEqual({ ok: false, message: 'Amount must not be negative' });
    fc.assert(
      fc.property(currency, digits(1, 9), digits(6, 6), fc.constantFrom(...'123456789'), fc.integer({ min: 0, max: 4 }), (code, whole, six, seventh, zeros) => {
        expect(parseMoney(`${whole}.${six}${seventh}${'0'.repeat(zeros)}`, code)).toEqual(rejected);
      }),
    );
  });

  it('agrees with an exact BigInt model on every plain decimal string', () => {
    const MAX = BigInt(MAX_MICROS);
    fc.assert(
      fc.property(currency, digits(1, 20), fc.option(digits(1, 9)), (code, whole, fraction) => {
        const text = fraction === null ? whole : `${whole}.${fraction}`;
        const significant = (fraction ?? '').replace(/0+$/, '');
        const result = parseMoney(text, code);
        if (significant.length > 6) return void expect(result).toEqual(rejected);
        const exact = BigInt(whole + significant.padEnd(6, '0'));
        if (exact > MAX) return void expect(result).toEqual({ ok: false, message: 'Amount must be at most 9007199254.740991' });
        expect(result).toEqual(ok(Number(exact)));
      }),
    );
  });

  it('reads short amounts, trailing zeros and near misses exactly as the model says', () => {
    // Amounts of up to 9 integer digits take a one-scan path (money.ts plainDecimalMicros).
    const zeros = fc.string({ unit: fc.constant('0'), maxLength: 4 });
    fc.assert(
      fc.property(currency, digits(1, 9), fc.option(digits(1, 7)), zeros, (code, whole, fraction, trailing) => {
        const text = fraction === null ? whole : `${whole}.${fraction}${trailing}`;
        const significant = (fraction ?? '').replace(/0+$/, '');
        const result = parseMoney(text, code);
        if (significant.length > 6) return void expect(result).toEqual(rejected);
        expect(result).toEqual(ok(Number(BigInt(whole + significant.padEnd(6, '0')))));
      }),
    );
    expect(parseMoney('000000001.500000000', 'USD')).toEqual(ok(1_500_000));
    expect(parseMoney('999999999.999999', 'USD')).toEqual(ok(999_999_999_999_999));
    expect(parseMoney(' 2.50 ', 'USD')).toEqual(ok(2_500_000));
    for (const text of ['1.', '.5', '1..2', '1.2.3', '+1', '1e3', '1,50', '１', '1.0000001', '']) expect(parseMoney(text, 'USD'), text).toEqual(rejected);
  });

  it('holds amounts up to 9,007,199,254.740991 units exactly and names the limit above it', () => {
    expect(parseMoney('9007199254.740991', 'USD')).toEqual(ok(Number.MAX_SAFE_INTEGER));
    expect(parseMoney('9007199254.740992', 'USD')).toEqual({ ok: false, message: 'Amount must be at most 9007199254.740991' });
    expect(parseMoney('9007199255', 'JPY')).toEqual({ ok: false, message: 'Amount must be at most 9007199254.740991' });
    expect(parseMoney(1e21, 'USD')).toEqual(rejected);
    expect(parseMoney(Number.MAX_VALUE, 'USD')).toEqual(rejected);
  });
});

describe('JSON numbers', () => {
  it('are read through their decimal text, never multiplied as floats', () => {
    expect(1.005 * 1e6).not.toBe(1_005_000); // the float trap this avoids
    expect(parseMoney(1.005, 'KWD')).toEqual(ok(1_005_000));
    expect(parseMoney(19.99, 'USD')).toEqual(ok(19_990_000));
    expect(parseMoney(12.345678, 'USD')).toEqual(ok(12_345_678));
    expect(parseMoney(1299.99, 'EUR')).toEqual(ok(1_299_990_000));
    expect(parseMoney(0.000001, 'USD')).toEqual(ok(1));
    expect(parseMoney(25, 'JPY')).toEqual(ok(25_000_000));
  });

  it('with more than 15 significant digits are refused, asking for a string, when their source text is not known', () => {
    expect(parseMoney(0.1 + 0.2, 'USD')).toEqual({ ok: false, message: expect.stringMatching(/more than 15 significant digits.*as a string/) });
    expect(parseMoney(1.1 * 3, 'USD')).toEqual(rejected);
  });

  it('with at most 15 significant digits round-trip for every exponent', () => {
    fc.assert(
      fc.property(currency, fc.nat({ max: 10 ** 15 - 1 }), (code, m) => {
        expect(parseMoney(Number(formatMoney(m, code)), code)).toEqual(ok(m));
      }),
    );
  });

  it('keep their source text in money members when it is longer than 15 digits (parseJsonExact)', () => {
    const body = parseJsonExact('{"price": 9007199254.740991, "salePrice": 1299.9900000000000001, "amount": 12.5, "quantity": 1.00000000000000001}') as Record<string, unknown>;
    expect(body).toEqual({ price: '9007199254.740991', salePrice: '1299.9900000000000001', amount: 12.5, quantity: 1 });
    expect(parseMoney(body.price as string, 'USD')).toEqual(ok(Number.MAX_SAFE_INTEGER));
    expect(parseMoney(body.salePrice as string, 'USD')).toEqual(rejected); // the 1 in the 16th place is not rounded away
    expect(JSON.parse('{"a": 1299.9900000000000001}').a).toBe(1299.99); // what plain JSON.parse would have done
  });

  it('negatives and malformed text are refused', () => {
    expect(parseMoney('-1.00', 'USD')).toEqual({ ok: false, message: 'Amount must not be negative' });
    expect(parseMoney(-1, 'USD')).toEqual({ ok: false, message: 'Amount must not be negative' });
    const bad = ['', ' ', '.', '1.', '.5', '1,00', '1.000,00', '1 000', '1e3', '1E-2', '+1', '0x10', 'Infinity', 'NaN', '$1', '1.2.3', '１', 'twelve'];
    for (const text of bad) expect(parseMoney(text, 'USD'), JSON.stringify(text)).toEqual(rejected);
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY]) expect(parseMoney(n, 'USD')).toEqual(rejected);
  });
});

describe('legacy minor units', () => {
  it('convert to the same micros the write path stores for the same amount, for every exponent', () => {
    fc.assert(
      fc.property(currency, fc.nat({ max: 10 ** 9 }), (code, minor) => {
        const text = exponent(code) === 0 ? String(minor) : `${Math.floor(minor / 10 ** exponent(code))}.${String(minor % 10 ** exponent(code)).padStart(exponent(code), '0')}`;
        expect(minorToMicros(minor, code)).toBe((parseMoney(text, code) as { micros: number }).micros);
      }),
    );
    expect(minorToMicros(Number.MAX_SAFE_INTEGER, 'JPY')).toBeNull();
  });
});
