/**
 * JSON nesting limit, checked on the text before it is parsed. V8's JSON.parse copes with deep input,
 * but everything after it walks the value recursively (zod, merge patch, canonical JSON): 5,000
 * levels fit in ~10 KB and overflowed the stack there, a 500. A product nests 5 levels; 64 leaves
 * free `metadata` plenty of room. Pure: text in, verdict out.
 */
import { parseJsonExact } from './exact-json';

/** Deepest nesting of objects and arrays accepted in any JSON body or JSONL row (top level = 1). */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
/** Characters of the shortest digit run that may hold more than 15 significant digits. */
const LONG_NUMBER_CHARS = 16;

/**
 * True when `text` nests objects/arrays deeper than `limit`. One linear pass that skips string
 * contents (brackets inside strings do not count) and stops at the first level past the limit.
 * Malformed text is not judged here: JSON.parse reports it.
 */
export function exceedsJsonDepth(text: string, limit = MAX_JSON_DEPTH): boolean {
  return scanJson(text, limit).tooDeep;
}

/**
 * The depth verdict, and whether a run of 16+ digits (dots allowed after the first) occurs outside
 * strings: only such a run can be a JSON number that JSON.parse would change (lib/exact-json). One pass
 * for both: the separate regex over the whole text was ~1.3 ms per 1 MB batch (Node 22), a second
 * pass over every byte.
 *
 * A string is skipped with indexOf to its closing quote (native, memchr-like) instead of a
 * character-by-character walk: most of a product's bytes are inside strings, and the walk was
 * ~2.2 ms of a 1,000-product batch's ~1.2 MB in workerd (CPU profile, bench/cpu-profile.mjs).
 * A quote preceded by an odd run of backslashes is escaped, as the walk's "skip the next character"
 * rule decided (test/node/json-depth.test.ts holds the two to the same verdicts).
 */
export function scanJson(text: string, limit = MAX_JSON_DEPTH): { tooDeep: boolean; longNumber: boolean } {
  let depth = 0;
  let digits = 0;
  let longNumber = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if ((ch >= ZERO && ch <= NINE) || (ch === DOT && digits > 0)) {
      if (++digits >= LONG_NUMBER_CHARS) longNumber = true;
      continue;
    }
    digits = 0;
    if (ch === QUOTE) {
      i = closingQuote(text, i);
      if (i < 0) break;
    } else if (ch === OPEN_OBJECT || ch === OPEN_ARRAY) {
      if (++depth > limit) return { tooDeep: true, longNumber };
    } else if (ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) {
      depth--;
    }
  }
  return { tooDeep: false, longNumber };
}

/** Where the string opened at `open` ends (its closing quote), or -1 when it never does. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; reason: 'depth' | 'syntax'; message: string };

export interface JsonReadOptions {
  /** Nesting limit (default MAX_JSON_DEPTH). */
  limit?: number;
  /** Long money numbers as boxed JsonNumberText instead of strings (lib/exact-json). */
  boxed?: boolean;
}

/**
 * The one way a JSON body is parsed: the nesting limit first, then JSON.parse keeping the source
 * text of long money numbers (lib/exact-json). Never throws; `message` is safe to show a client.
 */
export function parseJsonWithin(text: string, options: JsonReadOptions = {}): JsonParse {
  const limit = options.limit ?? MAX_JSON_DEPTH;
  const scan = scanJson(text, limit);
  if (scan.tooDeep) {
    return { ok: false, reason: 'depth', message: `JSON nests deeper than ${limit} levels of objects and arrays` };
  }
  try {
    return { ok: true, value: parseJsonExact(text, { boxed: options.boxed ?? false, mayHaveLongNumber: scan.longNumber }) };
  } catch (err) {
    return { ok: false, reason: 'syntax', message: err instanceof SyntaxError ? err.message : 'Not valid JSON' };
  }
}

/** JSON.parse that also refuses text nested past the limit (throws a SyntaxError naming it). */
export function parseJsonStrict(text: string, options: JsonReadOptions = {}): unknown {
  const parsed = parseJsonWithin(text, options);
  if (!parsed.ok) throw new SyntaxError(parsed.message);
  return parsed.value;
}
