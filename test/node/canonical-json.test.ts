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

  it('copies only what is out of order, and still never calls a prototype toJSON', () => {
    class Boxed {
      constructor(readonly text: string) {}
    }
    const inOrderOuter = JSON.parse('{"__proto__": 1, "a": {"z": 1, "b": 2}, "b": [{"y": 1, "x": 2}], "c": {"a": 1}}');
    const values = [inOrderOuter, { a: new Date(0), b: [new Boxed('1.5')], c: { toJSON: 1 } }, Object.assign(Object.create(null), { b: 1, a: 2 }), [[{ b: 1, a: 2 }], { a: [] }]];
    for (const value of values) {
      const before = JSON.stringify(value);
      expect(canonicalJson(value)).toBe(reference(value));
      expect(JSON.stringify(value)).toBe(before);
    }
  });
});
