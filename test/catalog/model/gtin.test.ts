/** GTIN-8/12/13/14 and the GS1 mod-10 check digit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin } from '../../../src/catalog/model/gtin';

const digitString = (min: number, max = min) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const body = fc.constantFrom(7, 11, 12, 13).chain((n) => digitString(n));

/**
 * An oracle written apart from the production code, as GS1's general specification states it: left-
 * pad the whole code to 18 digits; weights from the left are 3, 1, 3, 1, ... (17 times), the check
 * digit weighs 1; the code is right when the weighted sum is a multiple of 10. The check digit of a
 * body is then found by trying all ten, not computed, so generated codes never come from gtinCheckDigit.
 */
function gs1SumIsRight(code: string): boolean {
  const padded = code.padStart(18, '0');
  let sum = 0;
  for (const [position, char] of [...padded].entries()) sum += Number(char) * (position % 2 === 0 ? 3 : 1);
  return sum % 10 === 0;
}
const oracleCheckDigit = (b: string): number => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => gs1SumIsRight(b + d))!;
const gtin = body.map((b) => b + oracleCheckDigit(b));

describe('GTIN', () => {
  it('accepts published examples', () => {
    for (const code of ['96385074', '036000291452', '4006381333931', '9780306406157', '00012345600012', '10012345678902']) {
      expect(isValidGtin(code), code).toBe(true);
    }
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('9638507')).toBe(4);
  });

  it('a 7/11/12/13-digit body plus its check digit is a valid GTIN-8/12/13/14', () => {
    fc.assert(
      fc.property(gtin, (code) => {
        expect(code).toMatch(/^\d+$/);
        expect([8, 12, 13, 14]).toContain(code.length);
        expect(isValidGtin(code)).toBe(true);
      }),
    );
  });

  it('the check digit is the one the GS1 oracle finds', () => {
    expect(oracleCheckDigit('400638133393')).toBe(1);
    fc.assert(
      fc.property(body, (b) => {
        expect(gtinCheckDigit(b)).toBe(oracleCheckDigit(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('changing any single digit (check digit included) makes it invalid', () => {
    fc.assert(
      fc.property(gtin, fc.nat(), fc.integer({ min: 1, max: 9 }), (code, at, delta) => {
        const i = at % code.length;
        const changed = code.slice(0, i) + ((Number(code[i]) + delta) % 10) + code.slice(i + 1);
        expect(changed).not.toBe(code);
        expect(isValidGtin(changed)).toBe(false);
      }),
    );
  });

  it('every wrong check digit is refused', () => {
    fc.assert(
      fc.property(body, (b) => {
        const right = oracleCheckDigit(b);
        for (let d = 0; d <= 9; d++) expect(isValidGtin(b + d)).toBe(d === right);
      }),
    );
  });

  it('other lengths are invalid, even with a correct check digit', () => {
    const otherLength = fc.integer({ min: 0, max: 30 }).filter((n) => ![8, 12, 13, 14].includes(n));
    fc.assert(
      fc.property(
        otherLength.chain((n) => digitString(n)),
        (code) => {
          expect(isValidGtin(code)).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(
        otherLength.filter((n) => n >= 2).chain((n) => digitString(n - 1)),
        (b) => {
          expect(isValidGtin(b + oracleCheckDigit(b))).toBe(false);
        },
      ),
    );
  });

  it('anything but ASCII digits is invalid', () => {
    for (const code of ['', ' 4006381333931', '4006381333931 ', '400638133393l', '4006381-333931', '+4006381333931', '4.006381333931', '４００６３８１３３３９３１', '٤٠٠٦٣٨١٣٣٣٩٣١']) {
      expect(isValidGtin(code), code).toBe(false);
    }
    fc.assert(
      fc.property(gtin, fc.nat(), fc.constantFrom(...' -.a/xO\u00a0\u0660'), (code, at, ch) => {
        const i = at % code.length;
        expect(isValidGtin(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
      }),
    );
  });
});
