/**
 * A product's signature: everything the recommender compares, derived from its stored document, its
 * primary image's visual signature and dHash, and the tenant's complement map. Stored as JSON in
 * `rec_signatures`; its index keys (`keysOf`) are stored in `rec_keys`, where candidate generation
 * looks them up instead of scanning the catalog. Pure.
 */
import { branchOf, pathSegments, type RecommendationRulesT } from './rules';
import { minhash, minhashBands, shingles } from './text';
import { dominantBin, type VisualSignature } from './visual';

export interface Signature {
  id: string;
  number: number;
  family: string | null;
  /** productType segments, lowercase. */
  path: string[];
  branch: string | null;
  gender: string | null;
  ageGroup: string | null;
  brand: string | null;
  color: string | null;
  sizes: string[];
  /** log2 of the price in the tenant's default currency, rounded to halves: a price band. */
  priceBand: number | null;
  collection: string | null;
  minhash: number[];
  visual: VisualSignature | null;
  /** 16 hex digits, or null. */
  dhash: string | null;
}

/** The fields of a stored product document this module reads (a structural subset of ProductDoc). */
export interface ProductFacts {
  itemGroupId?: string;
  title?: string;
  description?: string;
  brand?: string;
  productType?: string;
  gender?: string;
  ageGroup?: string;
  color?: string;
  sizes?: string[];
  tags?: string[];
  localizations?: Record<string, { title?: string; description?: string }>;
  prices?: Record<string, { amountMicros?: number; amount?: number }>;
  metadata?: Record<string, unknown>;
}

const norm = (value: string | undefined | null): string | null => {
  const v = value?.trim().toLowerCase();
  return v ? v : null;
};

export function priceBand(facts: ProductFacts, currency: string): number | null {
  const price = facts.prices?.[currency] ?? Object.values(facts.prices ?? {})[0];
  const micros = price?.amountMicros;
  if (typeof micros !== 'number' || micros <= 0) return null;
  return Math.round(Math.log2(micros / 1_000_000) * 2) / 2;
}

export function buildSignature(input: {
  id: string;
  number: number;
  facts: ProductFacts;
  rules: RecommendationRulesT;
  currency: string;
  visual: VisualSignature | null;
  dhash: string | null;
  /** A dialect's collection name (Sizebay `collectionName`), else `metadata.collection`. */
  collection?: string | null;
}): Signature {
  const { facts } = input;
  const path = pathSegments(facts.productType);
  const texts = [facts.title ?? '', facts.description ?? '', ...Object.values(facts.localizations ?? {}).flatMap((l) => [l.title ?? '', l.description ?? ''])];
  const metaCollection = typeof facts.metadata?.collection === 'string' ? facts.metadata.collection : null;
  return {
    id: input.id,
    number: input.number,
    family: facts.itemGroupId ?? null,
    path,
    branch: branchOf(input.rules, path),
    gender: norm(facts.gender),
    ageGroup: norm(facts.ageGroup),
    brand: norm(facts.brand),
    color: norm(facts.color),
    sizes: (facts.sizes ?? []).map((s) => s.trim().toLowerCase()).slice(0, 100),
    priceBand: priceBand(facts, input.currency),
    collection: norm(input.collection ?? metaCollection),
    minhash: minhash(shingles(texts)),
    visual: input.visual,
    dhash: input.dhash,
  };
}

/** Genders a product of `gender` is worn with: unisex goes with everyone. */
export function compatibleGenders(gender: string | null): string[] {
  if (gender === 'male') return ['male', 'unisex'];
  if (gender === 'female') return ['female', 'unisex'];
  if (gender === 'unisex') return ['male', 'female', 'unisex'];
  return ['-'];
}

/** The audience block of a complementary key: branch, gender and age group. */
const audience = (branch: string, gender: string | null, age: string | null) => `${branch}|${gender ?? '-'}|${age ?? '-'}`;

/** Style facets shared by the similar and complementary keys. */
function styleFacets(s: Signature): string[] {
  const out: string[] = [];
  if (s.brand) out.push(`b:${s.brand}`);
  if (s.color) out.push(`c:${s.color}`);
  if (s.visual) out.push(`v:${dominantBin(s.visual)}`);
  if (s.priceBand !== null) out.push(`p:${Math.round(s.priceBand)}`);
  if (s.collection) out.push(`k:${s.collection}`);
  return out;
}

/** dHash bands as keys, the same 16-bit bands the images table indexes. */
function dhashKeys(dhash: string | null): string[] {
  if (!dhash || !/^[0-9a-f]{16}$/.test(dhash)) return [];
  return [0, 1, 2, 3].map((i) => `d${i}:${dhash.slice(i * 4, i * 4 + 4)}`);
}

/**
 * Index keys this product is stored under. Similar probes use the same keys; complementary probes
 * swap the branch for each complementary one (`probeKeys`). Every key is a small block: the
 * candidate query reads at most `candidatesPerKey` products from each.
 */
export function keysOf(s: Signature): string[] {
  const leaf = s.path.join('>') || '-';
  const keys = [`t:${leaf}`, ...styleFacets(s).map((f) => `t:${leaf}|${f}`), ...minhashBands(s.minhash), ...dhashKeys(s.dhash)];
  if (s.branch) {
    const block = audience(s.branch, s.gender, s.ageGroup);
    keys.push(`g:${block}`, ...styleFacets(s).map((f) => `g:${block}|${f}`), ...minhashBands(s.minhash).slice(0, 4).map((m) => `g:${block}|${m}`));
  }
  return [...new Set(keys)];
}

export function similarProbeKeys(s: Signature): string[] {
  const leaf = s.path.join('>') || '-';
  return [...styleFacets(s).map((f) => `t:${leaf}|${f}`), ...minhashBands(s.minhash), ...dhashKeys(s.dhash), `t:${leaf}`];
}

export function complementaryProbeKeys(s: Signature, branches: readonly string[]): string[] {
  const out: string[] = [];
  for (const branch of branches) {
    for (const gender of compatibleGenders(s.gender)) {
      const block = audience(branch, gender === '-' ? null : gender, s.ageGroup);
      out.push(...styleFacets(s).map((f) => `g:${block}|${f}`), ...minhashBands(s.minhash).slice(0, 4).map((m) => `g:${block}|${m}`));
    }
  }
  return [...new Set(out)];
}
