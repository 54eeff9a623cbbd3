/** JSON Merge Patch (RFC 7396): the RFC's own examples, and the laws the algorithm implies. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePatch } from '../../../src/catalog/model/merge-patch';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Member names. Without "__proto__" (its own test at the end) and "constructor" (an own
 * "constructor" member confuses toStrictEqual's type check; the explicit test below covers it).
 */
const key = fc
  .oneof(fc.constantFrom('a', 'b', 'c', 'title', 'prices', 'toString', 'valueOf', ''), fc.string({ maxLength: 6 }))
  .filter((k) => k !== '__proto__' && k !== 'constructor');
const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)), fc.boolean());

/** Any JSON value (null included, anywhere). */
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(scalar, fc.constant(null)),
    fc.array(tie('json'), { maxLength: 3 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4, noNullPrototype: true }),
  ),
}));
const jsonObject = fc.dictionary(key, json, { maxKeys: 5, noNullPrototype: true });

/** A patch object with no null anywhere in it; arrays (leaves) hold no nulls either. */
const { nullFree } = fc.letrec<{ nullFree: Json }>((tie) => ({
  nullFree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(key, tie('nullFree'), { maxKeys: 4, noNullPrototype: true }),
  ),
}));
const nullFreePatch = fc.dictionary(key, nullFree, { maxKeys: 5, noNullPrototype: true });

/** [path, value] for every leaf of a patch, a leaf being anything but an object. */
function leaves(value: unknown, path: string[] = []): Array<[string[], unknown]> {
  if (!isObject(value)) return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
}

function at(doc: unknown, path: string[]): { found: boolean; value?: unknown } {
  let here = doc;
  for (const k of path) {
    if (!isObject(here) || !Object.hasOwn(here, k)) return { found: false };
    here = here[k];
  }
  return { found: true, value: here };
}

describe('RFC 7396 Appendix A examples', () => {
  const examples: Array<[original: unknown, patch: unknown, result: unknown]> = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];

  it.each(examples.map(([o, p, r], i) => ({ n: i + 1, o, p, r })))('example $n: $o + $p = $r', ({ o, p, r }) => {
    expect(applyMergePatch(o, p)).toStrictEqual(r);
  });

  it('the Section 3 example (a nested object and an array)', () => {
    const target = { title: 'Goodbye!', author: { givenName: 'John', familyName: 'Doe' }, tags: ['example', 'sample'], content: 'This will be unchanged' };
    const patch = { title: 'Hello!', phoneNumber: '+01-123-456-7890', author: { familyName: null }, tags: ['example'] };
    expect(applyMergePatch(target, patch)).toStrictEqual({
      title: 'Hello!',
      author: { givenName: 'John' },
      tags: ['example'],
      content: 'This will be unchanged',
      phoneNumber: '+01-123-456-7890',
    });
  });
});

describe('merge patch laws', () => {
  it('patching an object with {} is the identity', () => {
    fc.assert(
      fc.property(jsonObject, (doc) => {
        expect(applyMergePatch(doc, {})).toStrictEqual(doc);
      }),
    );
  });

  it('applying the same patch twice equals applying it once (idempotence)', () => {
    fc.assert(
      fc.property(json, json, (doc, patch) => {
        const once = applyMergePatch(doc, patch);
        expect(applyMergePatch(once, patch)).toStrictEqual(once);
      }),
    );
  });

  it('a null-free patch leaves every one of its leaves in the result', () => {
    fc.assert(
      fc.property(json, nullFreePatch, (doc, patch) => {
        const result = applyMergePatch(doc, patch);
        for (const [path, value] of leaves(patch)) {
          if (path.length === 0) continue; // {} itself
          expect(at(result, path), `/${path.join('/')}`).toStrictEqual({ found: true, value });
        }
      }),
    );
  });

  it('a null member removes exactly that member; the others are kept', () => {
    fc.assert(
      fc.property(jsonObject, key, (doc, k) => {
        const result = applyMergePatch(doc, { [k]: null }) as Record<string, unknown>;
        expect(Object.hasOwn(result, k)).toBe(false);
        const { [k]: _removed, ...rest } = doc;
        expect(result).toStrictEqual(rest);
      }),
    );
  });

  it('a non-object patch replaces the document', () => {
    fc.assert(
      fc.property(json, json.filter((p) => !isObject(p)), (doc, patch) => {
        expect(applyMergePatch(doc, patch)).toStrictEqual(patch);
      }),
    );
  });

  it('a result of an object patch is always an object, whatever the target', () => {
    fc.assert(
      fc.property(json, jsonObject, (doc, patch) => {
        expect(isObject(applyMergePatch(doc, patch))).toBe(true);
      }),
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(json, json, (doc, patch) => {
        const [docBefore, patchBefore] = [structuredClone(doc), structuredClone(patch)];
        applyMergePatch(doc, patch);
        expect(doc).toStrictEqual(docBefore);
        expect(patch).toStrictEqual(patchBefore);
      }),
    );
  });

  it('members named like Object.prototype methods are plain members', () => {
    expect(applyMergePatch({}, { toString: { a: 1 }, constructor: 'x', hasOwnProperty: null })).toStrictEqual({ toString: { a: 1 }, constructor: 'x' });
    expect(applyMergePatch({ valueOf: 1 }, { valueOf: { b: 2 } })).toStrictEqual({ valueOf: { b: 2 } });
  });

  // Regression: `base[key] = ...` with key "__proto__" (which JSON.parse makes an own member) set the
  // result's prototype instead of adding a member, losing it from the result and JSON.stringify.
  it('keeps a "__proto__" member as data, like any other name', () => {
    const patch = JSON.parse('{"__proto__": {"title": "x"}}') as Record<string, unknown>;
    const result = applyMergePatch({}, patch) as Record<string, unknown>;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(patch);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});
