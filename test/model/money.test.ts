/** Exact money (DESIGN "Money"): decimal text <-> integer minor units, properties over every ISO currency. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, isCurrency } from '../../src/catalog/model/currencies';
import { formatMoney, parseMoney } from '../../src/catalog/model/money';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Every code the table knows, found by asking it about every three-letter code. */
const CODES = [...LETTERS].flatMap((a) => [...LETTERS].flatMap((b) => [...LETTERS].map((c) => a + b + c))).filter(isCurrency);
const exponent = (code: string) => currencyExponent(code)!;
const EXPONENTS = [...new Set(CODES.map(exponent))].sort();
/** One currency per exponent, so each exponent gets its share of runs whatever the table's mix. */
const byExponent = new Map(EXPONENTS.map((e) => [e, CODES.filter((c) => exponent(c) === e)]));

const currency = fc.oneof(fc.constantFrom(...CODES), fc.constantFrom(...EXPONENTS).chain((e) => fc.constantFrom(...byExponent.get(e)!)));
const minor = fc.maxSafeNat(); // [0, 2^53)
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const ok = (minorUnits: number) => ({ ok: true, minor: minorUnits });
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
  it('formatMoney then parseMoney round-trips every minor amount in [0, 2^53) for every currency', () => {
    fc.assert(
      fc.property(currency, minor, (code, m) => {
        const text = formatMoney(m, code);
        const e = exponent(code);
        // The text has exactly e fraction digits (none and no point for e = 0).
        expect(text).toMatch(e === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${e}}$`));
        expect(parseMoney(text, code)).toEqual(ok(m));
      }),
    );
  });

  it('formats the edges', () => {
    expect(formatMoney(0, 'USD')).toBe('0.00');
    expect(formatMoney(5, 'USD')).toBe('0.05');
    expect(formatMoney(2500, 'USD')).toBe('25.00');
    expect(formatMoney(1, 'CLF')).toBe('0.0001');
    expect(formatMoney(1234, 'KWD')).toBe('1.234');
    expect(formatMoney(1234, 'JPY')).toBe('1234');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91');
  });

  it('accepts trailing zeros beyond the exponent ("25.000" USD = 2500)', () => {
    expect(parseMoney('25.000', 'USD')).toEqual(ok(2500));
    expect(parseMoney('25.0', 'JPY')).toEqual(ok(25));
    expect(parseMoney('25', 'USD')).toEqual(ok(2500));
    expect(parseMoney('25.5', 'USD')).toEqual(ok(2550));
    expect(parseMoney('007.50', 'USD')).toEqual(ok(750));
    fc.assert(
      fc.property(currency, fc.nat({ max: 10 ** 12 }), fc.integer({ min: 1, max: 12 }), (code, m, zeros) => {
        const text = formatMoney(m, code);
        const padded = exponent(code) === 0 ? `${text}.${'0'.repeat(zeros)}` : text + '0'.repeat(zeros);
        expect(parseMoney(padded, code)).toEqual(ok(m));
      }),
    );
  });

  it('rejects more significant fraction digits than the currency has, never rounding', () => {
    expect(parseMoney('19.999', 'USD')).toEqual(rejected);
    expect(parseMoney('19.9990', 'USD')).toEqual(rejected);
    expect(parseMoney('1.5', 'JPY')).toEqual(rejected);
    expect(parseMoney('0.00001', 'CLF')).toEqual(rejected);
    fc.assert(
      fc.property(
        currency,
        digits(1, 15),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(...'123456789'),
        fc.integer({ min: 0, max: 4 }),
        (code, whole, extra, lastSignificant, trailingZeros) => {
          // e + extra fraction digits, the last significant one non-zero, maybe followed by zeros.
          const fraction = '0'.repeat(exponent(code) + extra - 1) + lastSignificant + '0'.repeat(trailingZeros);
          const result = parseMoney(`${whole}.${fraction}`, code);
          expect(result).toEqual(rejected);
          if (!result.ok) expect(result.message).toMatch(exponent(code) === 0 ? /whole number/ : /decimal places/);
        },
      ),
    );
  });

  it('agrees with an exact BigInt model on every plain decimal string', () => {
    const MAX = BigInt(Number.MAX_SAFE_INTEGER);
    fc.assert(
      fc.property(currency, digits(1, 20), fc.option(digits(1, 8)), (code, whole, fraction) => {
        const text = fraction === null ? whole : `${whole}.${fraction}`;
        const e = exponent(code);
        const significant = (fraction ?? '').replace(/0+$/, '');
        const result = parseMoney(text, code);
        if (significant.length > e) return void expect(result).toEqual(rejected);
        const exact = BigInt(whole + significant.padEnd(e, '0'));
        if (exact > MAX) return void expect(result).toEqual(rejected);
        expect(result).toEqual(ok(Number(exact)));
      }),
    );
  });

  it('rejects amounts past 2^53 - 1 minor units instead of losing precision', () => {
    expect(parseMoney('90071992547409.91', 'USD')).toEqual(ok(Number.MAX_SAFE_INTEGER));
    expect(parseMoney('90071992547409.92', 'USD')).toEqual(rejected);
    expect(parseMoney('9007199254740991', 'JPY')).toEqual(ok(Number.MAX_SAFE_INTEGER));
    expect(parseMoney('9007199254740992', 'JPY')).toEqual(rejected);
    expect(parseMoney('9007199254740993', 'JPY')).toEqual(rejected);
    expect(parseMoney(1e21, 'USD')).toEqual(rejected);
    expect(parseMoney(Number.MAX_VALUE, 'USD')).toEqual(rejected);
  });
});

describe('JSON numbers are read through their decimal text', () => {
  it('reads 19.99 USD as 1999, not 1998.9999999999998', () => {
    expect(19.99 * 100).not.toBe(1999); // the float trap this avoids
    expect(parseMoney(19.99, 'USD')).toEqual(ok(1999));
    expect(parseMoney(1.005, 'KWD')).toEqual(ok(1005));
    expect(parseMoney(0.1, 'USD')).toEqual(ok(10));
    expect(parseMoney(25, 'USD')).toEqual(ok(2500));
    expect(parseMoney(25.0, 'USD')).toEqual(ok(2500));
    expect(parseMoney(0.0001, 'CLF')).toEqual(ok(1));
    expect(parseMoney(JSON.parse('{"a":25.000}').a, 'USD')).toEqual(ok(2500));
  });

  it('rejects float artefacts instead of rounding them away (0.1 + 0.2 USD)', () => {
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    expect(parseMoney(0.1 + 0.2, 'USD')).toEqual(rejected);
    expect(parseMoney(0.30000000000000004, 'USD')).toEqual(rejected);
    expect(parseMoney(1.1 * 3, 'USD')).toEqual(rejected); // 3.3000000000000003
    expect(parseMoney(1e-7, 'USD')).toEqual(rejected); // "1e-7": exponent notation, expanded then refused
  });

  it('reads any number whose shortest text is the amount exactly', () => {
    // Up to 15 significant digits, decimal text -> double -> shortest text is lossless.
    fc.assert(
      fc.property(currency, fc.nat({ max: 10 ** 15 - 1 }), (code, m) => {
        const n = Number(formatMoney(m, code));
        expect(parseMoney(n, code)).toEqual(ok(m));
      }),
    );
  });

  it('a float sum of two amounts is either the exact sum or rejected, never a rounded neighbour', () => {
    fc.assert(
      fc.property(currency, fc.nat({ max: 10 ** 12 }), fc.nat({ max: 10 ** 12 }), (code, a, b) => {
        const sum = Number(formatMoney(a, code)) + Number(formatMoney(b, code));
        const result = parseMoney(sum, code);
        if (result.ok) expect(result.minor).toBe(a + b);
        else expect(String(sum).split('.')[1]!.replace(/0+$/, '').length).toBeGreaterThan(exponent(code));
      }),
    );
  });
});

describe('negative and malformed amounts', () => {
  it('rejects negatives, as text and as numbers', () => {
    expect(parseMoney('-1.00', 'USD')).toEqual({ ok: false, message: 'Amount must not be negative' });
    expect(parseMoney(-1, 'USD')).toEqual({ ok: false, message: 'Amount must not be negative' });
    expect(parseMoney(-1e-7, 'USD')).toEqual(rejected);
    fc.assert(
      fc.property(currency, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (code, m) => {
        const text = formatMoney(m, code);
        expect(parseMoney(`-${text}`, code)).toEqual(rejected);
        expect(parseMoney(-Number(text), code)).toEqual(rejected);
      }),
    );
  });

  it('rejects malformed text and non-finite numbers', () => {
    const bad = ['', ' ', '.', '1.', '.5', '1,00', '1.000,00', '1 000', '1e3', '1E-2', '+1', '0x10', '0b1', 'Infinity', 'NaN', '$1', '1$', '1.2.3', '١٢', '１', 'twelve', '--1', '1-'];
    for (const text of bad) expect(parseMoney(text, 'USD'), JSON.stringify(text)).toEqual(rejected);
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(parseMoney(n, 'USD')).toEqual(rejected);
  });

  it('rejects any string that is not digits with an optional fraction', () => {
    const plain = /^\d+(\.\d+)?$/;
    fc.assert(
      fc.property(currency, fc.string({ maxLength: 12 }), (code, text) => {
        fc.pre(!plain.test(text.trim()));
        expect(parseMoney(text, code)).toEqual(rejected);
      }),
    );
  });
});
