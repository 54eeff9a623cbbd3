/**
 * A tenant's recommendation settings: its default `recommend` (for products that do not say) and its
 * complement map. Stored in `rec_settings`; absent = `none` and the default fashion map.
 */
import { read, readBatch } from '../db/batch';
import { type SettingsRow, SELECT_SETTINGS, UPSERT_DEFAULT_RECOMMEND, UPSERT_RULES } from './recs.queries';
import { DEFAULT_RULES, RecommendationRules, type RecommendationRulesT } from './rules';

export type RecommendKind = 'similar' | 'complementary' | 'all' | 'none';
export const RECOMMEND_KINDS = ['similar', 'complementary', 'all', 'none'] as const;

/** A failure whose message may be shown to the client (Sizebay's error callback carries it). */
export class RecsError extends Error {}

export interface Settings {
  defaultRecommend: RecommendKind;
  rules: RecommendationRulesT;
  /** Set when the stored rules do not parse: every product's lists then fail with it (never guessed). */
  rulesError: string | null;
  seq: number;
  /** rec_settings.state: 0 nobody asks, 1 asked, 2 building, 3 active (activation.ts). */
  state: number;
}

export function parseRules(json: string | null): RecommendationRulesT {
  if (json === null) return DEFAULT_RULES;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new RecsError("the tenant's recommendation rules are unreadable");
  }
  const parsed = RecommendationRules.safeParse(value);
  if (!parsed.success) throw new RecsError("the tenant's recommendation rules are invalid");
  return parsed.data;
}

export async function readSettings(db: D1Database, tenantId: string): Promise<Settings> {
  const [rows] = await readBatch(db, [read<SettingsRow>(db.prepare(SELECT_SETTINGS).bind(tenantId))]);
  const row = rows[0];
  let rules = DEFAULT_RULES;
  let rulesError: string | null = null;
  try {
    rules = parseRules(row?.rules ?? null);
  } catch (err) {
    rulesError = err instanceof RecsError ? err.message : String(err);
  }
  return {
    defaultRecommend: (RECOMMEND_KINDS as readonly string[]).includes(row?.default_recommend ?? '') ? (row!.default_recommend as RecommendKind) : 'none',
    rules,
    rulesError,
    seq: row?.seq ?? 0,
    state: row?.state ?? 0,
  };
}

/** The rules as stored, or the default map; an unreadable stored value reads as the default (and is reported by the consumer). */
export async function readRules(db: D1Database, tenantId: string): Promise<RecommendationRulesT> {
  const [rows] = await readBatch(db, [read<SettingsRow>(db.prepare(SELECT_SETTINGS).bind(tenantId))]);
  try {
    return parseRules(rows[0]?.rules ?? null);
  } catch {
    return DEFAULT_RULES;
  }
}

export function writeRulesStatement(db: D1Database, tenantId: string, rules: RecommendationRulesT, now: number): D1PreparedStatement {
  return db.prepare(UPSERT_RULES).bind(tenantId, JSON.stringify(rules), now);
}

/** The tenant default, as a statement for the admin's tenant update batch. */
export function defaultRecommendStatement(db: D1Database, tenantId: string, recommend: RecommendKind, now: number): D1PreparedStatement {
  return db.prepare(UPSERT_DEFAULT_RECOMMEND).bind(tenantId, recommend, now);
}

export async function readDefaultRecommend(db: D1Database, tenantId: string): Promise<RecommendKind> {
  const [rows] = await readBatch(db, [read<SettingsRow>(db.prepare(SELECT_SETTINGS).bind(tenantId))]);
  const value = rows[0]?.default_recommend;
  return (RECOMMEND_KINDS as readonly string[]).includes(value ?? '') ? (value as RecommendKind) : 'none';
}

/** Which lists a choice asks for. */
export function listsOf(recommend: string): Array<'similar' | 'complementary'> {
  if (recommend === 'all') return ['similar', 'complementary'];
  if (recommend === 'similar' || recommend === 'complementary') return [recommend];
  return [];
}
