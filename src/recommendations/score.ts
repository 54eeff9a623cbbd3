/**
 * Scores and reasons: one candidate against one anchor, for either list. Weights come from the
 * options (`recommendations.weights`, documented in config.ts); a component a pair cannot have (no
 * image on either side, no price) drops out and the others are renormalised, so a product without
 * images is ranked on text and attributes alone. Pure.
 */
import type { RecommendationWeights } from '../config';
import { compatibleGenders, type Signature } from './signature';
import { jaccard } from './text';
import { paletteSimilarity, patternSimilarity, shapeSimilarity } from './visual';

export interface Scored {
  id: string;
  number: number;
  score: number;
  reasons: string[];
}

const NEUTRALS = new Set(['black', 'white', 'grey', 'gray', 'beige', 'navy', 'cream', 'denim', 'preto', 'branco', 'cinza']);

function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 4) {
    let x = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16);
    while (x) {
      d += x & 1;
      x >>>= 1;
    }
  }
  return d;
}

/** Shared leading segments of two productType paths over the longer path: 1 = same leaf. */
export function pathOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared / Math.max(a.length, b.length);
}

function sizesOverlap(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  const set = new Set(a);
  const common = b.filter((s) => set.has(s)).length;
  return common / (a.length + b.length - common);
}

const eq = (a: string | null, b: string | null): number | null => (a === null || b === null ? null : a === b ? 1 : 0);
const priceCloseness = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.max(0, 1 - Math.abs(a - b) / 2));

/** Weighted mean over the components present; reasons are the components that scored high. */
function combine(parts: Array<[name: string, weight: number, value: number | null, reasonAt: number]>): { score: number; reasons: string[] } {
  let sum = 0;
  let weights = 0;
  const reasons: Array<[string, number]> = [];
  for (const [name, weight, value, reasonAt] of parts) {
    if (value === null || weight <= 0) continue;
    sum += weight * value;
    weights += weight;
    if (value >= reasonAt) reasons.push([name, weight * value]);
  }
  reasons.sort((x, y) => y[1] - x[1]);
  return { score: weights === 0 ? 0 : sum / weights, reasons: reasons.map(([n]) => n) };
}

/** Is `b` a "similar" candidate for `a` at all? Never itself, never its own family (those are `variants`). */
export function similarEligible(a: Signature, b: Signature): boolean {
  return a.id !== b.id && !(a.family !== null && a.family === b.family);
}

export function scoreSimilar(a: Signature, b: Signature, w: RecommendationWeights['similar']): { score: number; reasons: string[] } {
  const visual = a.visual && b.visual ? 0.5 * paletteSimilarity(a.visual, b.visual) + 0.3 * shapeSimilarity(a.visual, b.visual) + 0.2 * patternSimilarity(a.visual, b.visual) : null;
  const near = a.dhash && b.dhash && hamming(a.dhash, b.dhash) <= 6 ? 1 : null;
  const genders = a.gender && b.gender ? (compatibleGenders(a.gender).includes(b.gender) ? 1 : 0) : null;
  const result = combine([
    ['visual', w.visual, visual, 0.75],
    ['same productType', w.productType, a.path.length && b.path.length ? pathOverlap(a.path, b.path) : null, 1],
    ['text', w.text, jaccard(a.minhash, b.minhash), 0.2],
    ['brand', w.brand, eq(a.brand, b.brand), 1],
    ['color', w.color, eq(a.color, b.color), 1],
    ['gender', w.gender, genders, 2],
    ['ageGroup', w.ageGroup, eq(a.ageGroup, b.ageGroup), 2],
    ['sizes', w.sizes, sizesOverlap(a.sizes, b.sizes), 2],
    ['price', w.price, priceCloseness(a.priceBand, b.priceBand), 1],
  ]);
  if (near) result.reasons.unshift('near-duplicate image');
  return result;
}

/**
 * Is `b` a complement of `a`: a branch the map pairs with `a`'s, a gender worn together, the same age
 * group, and never the same productType leaf.
 */
export function complementaryEligible(a: Signature, b: Signature, branches: readonly string[]): boolean {
  if (a.id === b.id || (a.family !== null && a.family === b.family)) return false;
  if (!b.branch || !branches.includes(b.branch)) return false;
  if (a.path.join('>') === b.path.join('>')) return false;
  if (a.gender && b.gender && !compatibleGenders(a.gender).includes(b.gender)) return false;
  if (a.ageGroup && b.ageGroup && a.ageGroup !== b.ageGroup) return false;
  return true;
}

function colourHarmony(a: Signature, b: Signature): number | null {
  if (!a.color || !b.color) return null;
  if (a.color === b.color) return 1;
  if (NEUTRALS.has(a.color) || NEUTRALS.has(b.color)) return 0.6;
  return 0.2;
}

export function scoreComplementary(a: Signature, b: Signature, w: RecommendationWeights['complementary']): { score: number; reasons: string[] } {
  return combine([
    ['brand', w.brand, eq(a.brand, b.brand), 1],
    ['color harmony', w.color, colourHarmony(a, b), 0.6],
    ['palette', w.palette, a.visual && b.visual ? paletteSimilarity(a.visual, b.visual) : null, 0.4],
    ['pattern', w.pattern, a.visual && b.visual ? patternSimilarity(a.visual, b.visual) : null, 0.8],
    ['price band', w.price, priceCloseness(a.priceBand, b.priceBand), 1],
    ['text', w.text, jaccard(a.minhash, b.minhash), 0.15],
    ['collection', w.collection, eq(a.collection, b.collection), 1],
  ]);
}

/** Top `k` by score (ties: the older product first, so lists are stable), scores rounded to 4 places. */
export function topK(scored: Scored[], k: number): Scored[] {
  return scored
    .map((s) => ({ ...s, score: Math.round(s.score * 10_000) / 10_000 }))
    .sort((x, y) => y.score - x.score || x.number - y.number)
    .slice(0, k);
}

export function rankSimilar(anchor: Signature, candidates: readonly Signature[], w: RecommendationWeights['similar'], k: number): Scored[] {
  const scored = candidates.filter((c) => similarEligible(anchor, c)).map((c) => ({ id: c.id, number: c.number, ...scoreSimilar(anchor, c, w) }));
  return topK(scored, k);
}

export function rankComplementary(anchor: Signature, candidates: readonly Signature[], branches: readonly string[], w: RecommendationWeights['complementary'], k: number): Scored[] {
  const scored = candidates
    .filter((c) => complementaryEligible(anchor, c, branches))
    .map((c) => ({ id: c.id, number: c.number, ...scoreComplementary(anchor, c, w) }));
  return topK(scored, k);
}
