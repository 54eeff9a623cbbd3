/**
 * Text similarity without a model: titles and descriptions of every locale, tokenised, as word and
 * word-pair shingles, summarised by a 32-value MinHash (the fraction of equal values estimates the
 * Jaccard similarity of two shingle sets). Bands of the MinHash are index keys, so products sharing
 * wording are found through D1 without comparing against every product. Pure.
 */
export const MINHASH_SIZE = 32;
/** 8 bands of 4 values: two sets with Jaccard 0.5 share at least one band with probability 1-(1-0.5^4)^8 = 0.40; 0.8: 0.98. */
export const MINHASH_BANDS = 8;
const ROWS = MINHASH_SIZE / MINHASH_BANDS;

const STOPWORDS = new Set(['the', 'and', 'for', 'with', 'by', 'of', 'in', 'on', 'de', 'da', 'do', 'com', 'para', 'em', 'la', 'le', 'el', 'y', 'und', 'der', 'die']);

export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

/** Word shingles and adjacent pairs of all the given texts. */
export function shingles(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    const words = tokens(text);
    words.forEach((w, i) => {
      out.add(w);
      if (i > 0) out.add(`${words[i - 1]} ${w}`);
    });
  }
  return out;
}

/** FNV-1a, 32 bits. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fixed odd multipliers and offsets of the 32 hash functions (derived once from a constant). */
const SEEDS: Array<[number, number]> = Array.from({ length: MINHASH_SIZE }, (_, i) => [(fnv(`a${i}`) | 1) >>> 0, fnv(`b${i}`)]);

/** The MinHash of a shingle set; empty set: all values 0xffffffff (matches nothing but another empty one, which `jaccard` refuses). */
export function minhash(set: ReadonlySet<string>): number[] {
  const out = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of set) {
    const base = fnv(shingle);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const [a, b] = SEEDS[i]!;
      const h = ((Math.imul(base ^ b, a) >>> 0) ^ ((Math.imul(base ^ b, a) >>> 0) >>> 15)) >>> 0;
      if (h < out[i]!) out[i] = h;
    }
  }
  return out;
}

export function isEmptyMinhash(m: readonly number[]): boolean {
  return m.every((v) => v === 0xffffffff);
}

/** Estimated Jaccard similarity; 0 when either side has no text. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || isEmptyMinhash(a) || isEmptyMinhash(b)) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** Band keys (`m<band>:<hash of its rows>`), the LSH index entries. */
export function minhashBands(m: readonly number[]): string[] {
  if (isEmptyMinhash(m)) return [];
  const out: string[] = [];
  for (let band = 0; band < MINHASH_BANDS; band++) out.push(`m${band}:${fnv(m.slice(band * ROWS, (band + 1) * ROWS).join(',')).toString(36)}`);
  return out;
}
