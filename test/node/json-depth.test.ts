/**
 * exceedsJsonDepth skips strings with indexOf; this holds it to the character walk it replaced (the
 * reference below), on generated JSON-like text with escapes, brackets inside strings and
 * unterminated strings, at several limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../src/lib/exact-json';
import { exceedsJsonDepth, parseJsonWithin } from '../../src/lib/json-depth';

function reference(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      if (++depth > limit) return true;
    } else if (ch === '}' || ch === ']') {
      depth--;
    }
  }
  return false;
}

const pieces = fc.constantFrom('{', '}', '[', ']', '"', '\\', '\\\\', '\\"', 'a', ',', ':', ' ', 'é', '"x"', '"[{"');

describe('JSON scan before parsing (depth, long numbers)', () => {
  it('gives the character walk’s verdict on any text', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 200 }), fc.integer({ min: 0, max: 8 }), (parts, limit) => {
        const text = parts.join('');
        expect(exceedsJsonDepth(text, limit)).toBe(reference(text, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth('{"a":"[[[[\\"[[[["}', 2)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\\\"}', 1)).toBe(false);
    expect(exceedsJsonDepth('{"a":"\\\\","b":[[1]]}', 2)).toBe(true);
    expect(exceedsJsonDepth('[[[', 2)).toBe(true);
  });

  it('parses as the regex-gated exact parser does: long money numbers kept as text, anywhere outside strings', () => {
    const digits = fc.stringMatching(/^-?(0|[1-9][0-9]{0,21})(\.[0-9]{1,8})?$/);
    const member = fc.tuple(fc.constantFrom('amount', 'price', 'quantity', 'note'), digits, fc.boolean());
    fc.assert(
      fc.property(fc.array(member, { maxLength: 8 }), (members) => {
        // `quoted`: the digits as a string value (never a number, whatever their length).
        const text = `{"items":[${members.map(([name, value, quoted]) => `{"${name}":${quoted ? `"${value}"` : value}}`).join(',')}]}`;
        const parsed = parseJsonWithin(text);
        expect(parsed.ok).toBe(true);
        expect(parsed.ok && parsed.value).toEqual(parseJsonExact(text));
      }),
      { numRuns: 2000 },
    );
    const exact = parseJsonWithin('{"prices":{"USD":{"amount":1299.9900000000000001}}}');
    expect(exact.ok && exact.value).toEqual({ prices: { USD: { amount: '1299.9900000000000001' } } });
  });
});
