/**
 * Candidate generation and ranking for one anchor: one D1 batch per list reads at most
 * `candidatesPerKey` products per probed key (blocking keys, MinHash bands, dHash bands), then one
 * query reads their signatures, at most `maxCandidates` in all; the ranking is in memory (score.ts).
 * The D1 time each statement reports is summed for the benchmark.
 */
import type { RecommendationOptions } from '../config';
import { type CandidateRow, type KeyBlockRow, SELECT_CANDIDATES, SELECT_KEY_BLOCK } from './recs.queries';
import { complementsOf, type RecommendationRulesT } from './rules';
import { rankComplementary, rankSimilar, type Scored } from './score';
import { complementaryProbeKeys, type Signature, similarProbeKeys } from './signature';

export interface Ranked {
  list: Scored[];
  /** D1's own duration of the reads, ms. */
  d1Ms: number;
  candidates: number;
}

/** At most this many keys are probed per list: bounds the statements of one lookup. */
const MAX_PROBE_KEYS = 96;

async function readCandidates(db: D1Database, tenantId: string, keys: string[], options: RecommendationOptions): Promise<{ signatures: Signature[]; d1Ms: number }> {
  const probe = keys.slice(0, MAX_PROBE_KEYS);
  if (probe.length === 0) return { signatures: [], d1Ms: 0 };
  const blocks = await db.batch<KeyBlockRow>(probe.map((key) => db.prepare(SELECT_KEY_BLOCK).bind(tenantId, key, options.candidatesPerKey)));
  let d1Ms = 0;
  const ids = new Set<string>();
  for (const block of blocks) {
    d1Ms += block.meta.duration ?? 0;
    for (const row of block.results) if (ids.size < options.maxCandidates) ids.add(row.product_id);
  }
  if (ids.size === 0) return { signatures: [], d1Ms };
  const result = await db.prepare(SELECT_CANDIDATES).bind(tenantId, JSON.stringify([...ids])).all<CandidateRow>();
  d1Ms += result.meta.duration ?? 0;
  return { signatures: result.results.map((row) => JSON.parse(row.sig) as Signature), d1Ms };
}

export async function rankFor(
  db: D1Database,
  tenantId: string,
  anchor: Signature,
  kind: 'similar' | 'complementary',
  rules: RecommendationRulesT,
  options: RecommendationOptions,
): Promise<Ranked> {
  if (kind === 'similar') {
    const { signatures, d1Ms } = await readCandidates(db, tenantId, similarProbeKeys(anchor), options);
    return { list: rankSimilar(anchor, signatures, options.weights.similar, options.topK), d1Ms, candidates: signatures.length };
  }
  const branches = complementsOf(rules, anchor.branch);
  if (branches.length === 0) return { list: [], d1Ms: 0, candidates: 0 };
  const { signatures, d1Ms } = await readCandidates(db, tenantId, complementaryProbeKeys(anchor, branches), options);
  return { list: rankComplementary(anchor, signatures, branches, options.weights.complementary, options.topK), d1Ms, candidates: signatures.length };
}
