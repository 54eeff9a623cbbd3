/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` dropped. Two equal documents give
 * the same text, so the stored text itself tells whether a write changed anything.
 *
 * Written out directly rather than as JSON.stringify of a key-sorted copy: the copy (one object and
 * one defineProperty per member) cost ~3x the text itself, and the write path serialises every
 * product's document with it. The output is the same text JSON.stringify of the sorted copy gave
 * (test/node/canonical-json.test.ts checks it against that reference).
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

/** undefined where JSON.stringify leaves a value out (undefined, functions, symbols). */
function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += `${i > 0 ? ',' : ''}${write(value[i]) ?? 'null'}`;
        return `${out}]`;
      }
      let out = '{';
      let first = true;
      for (const key of memberOrder(value)) {
        const member = write((value as Record<string, unknown>)[key]);
        if (member === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${member}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}

/**
 * The order JSON.stringify of a key-sorted copy writes: array-index keys ("0", "10") first in numeric
 * order (every object enumerates them so), then the other keys sorted. Object.keys already lists the
 * index keys first, ascending.
 */
function memberOrder(value: object): string[] {
  const keys = Object.keys(value);
  let indices = 0;
  while (indices < keys.length && isArrayIndex(keys[indices]!)) indices++;
  if (indices === 0) return keys.sort();
  return indices === keys.length ? keys : [...keys.slice(0, indices), ...keys.slice(indices).sort()];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4_294_967_295;
}
