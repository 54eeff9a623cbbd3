/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` dropped. Two equal documents give
 * the same text, so the stored text itself tells whether a write changed anything.
 *
 * Defined as JSON.stringify of a key-sorted copy (test/node/canonical-json.test.ts checks exactly
 * that), and computed as such, but copying only the objects whose keys are out of order (and the
 * objects and arrays holding them): JSON.stringify then writes the text natively. A product document
 * has ~15 objects, a few of them in order already. Measured (Node 22, the bench's 1,000 products):
 * ~23 ms with the text written out member by member in JS (the previous version, itself ~3x faster
 * than copying every object with defineProperty), ~12 ms like this; in workerd it was ~10 ms per
 * 1,000 products of every batch, changed or not (CPU profile, bench/cpu-profile.mjs).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value)) as string;
}

/**
 * `value` with every object's keys in sorted order: the same object where it already is (and holds
 * nothing that needs a copy), else a copy. Objects that are not plain (a Date, a class instance) are
 * always copied, member by member, as the reference copy does: a prototype's toJSON is never called.
 */
function sortedKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = sortedKeys(item);
      if (sorted !== item) {
        copy ??= value.slice();
        copy[i] = sorted;
      }
    }
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  const prototype = Object.getPrototypeOf(object);
  if ((prototype === Object.prototype || prototype === null) && inOrder(keys)) {
    let copy: Record<string, unknown> | null = null;
    for (const key of keys) {
      const member = object[key];
      const sorted = sortedKeys(member);
      if (sorted !== member) {
        copy ??= copyOf(object, keys);
        set(copy, key, sorted);
      }
    }
    return copy ?? value;
  }
  keys.sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) set(copy, key, sortedKeys(object[key]));
  return copy;
}

/**
 * Whether JSON.stringify already writes these keys (Object.keys order) in sorted order. Array-index
 * keys ("0", "10") come first in numeric order in every object, so any copy lists them that way too;
 * they count as in order only when their text order agrees, which is enough (a false "out of order"
 * merely copies).
 */
function inOrder(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

function copyOf(object: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of keys) set(copy, key, object[key]);
  return copy;
}

/** An own member, "__proto__" included (plain assignment would set the copy's prototype instead). */
function set(object: Record<string, unknown>, key: string, member: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value: member, enumerable: true, writable: true, configurable: true });
  else object[key] = member;
}
