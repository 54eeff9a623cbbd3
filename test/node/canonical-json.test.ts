/**
 * canonicalJson writes its text directly (for speed); the stored documents compare by that text, so
 * it must stay exactly what it always was: JSON.stringify of a key-sorted copy. Checked against that
 * reference over arbitrary JSON values (and the edge cases JSON.stringify treats specially).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/canonical-json';

function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) Object.defineProperty(out, key, { value: sortedCopy(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
const reference = (value: unknown) => JSON.stringify(sortedCopy(value));

describe('canonicalJson', () => {
  it('is JSON.stringify of the key-sorted value, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }), { numRuns: 2000 });
  });

  it('drops undefined members, writes null for holes the way JSON.stringify does, keeps "__proto__" a member', () => {
    const odd = JSON.parse('{"__proto__": {"b": 1, "a": [1, "x"]}, "z": -0, "é": "\\u2028", "10": 1, "9": 2}');
    for (const value of [odd, { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')] }, [new Date(0)], 'x', 1.5e300, null, true]) {
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });
});
