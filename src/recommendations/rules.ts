/**
 * The complement map: which productType branches complete a look with which. A branch is named by
 * the words that identify it in a productType path (matched per path segment, case-insensitive, in
 * the tenant's default locale, the only locale productType is written in). Pure data and pure
 * functions; the tenant's copy is stored by recs.repository.ts and edited with
 * `PUT /v1/recommendation-rules`.
 */
import { z } from '@hono/zod-openapi';

const Word = z.string().trim().min(1).max(64);
const BranchName = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'Branch names are lowercase identifiers like "tops"');

export const RecommendationRules = z
  .strictObject({
    branches: z
      .array(z.strictObject({ name: BranchName, match: z.array(Word).min(1).max(50) }))
      .min(1)
      .max(50)
      .openapi({ description: 'Branches in order: a product belongs to the first whose `match` names a segment of its productType' }),
    complements: z.record(BranchName, z.array(BranchName).max(50)).openapi({ description: 'branch -> the branches that complete it' }),
  })
  .superRefine((rules, ctx) => {
    const names = new Set<string>();
    rules.branches.forEach((b, i) => {
      if (names.has(b.name)) ctx.addIssue({ code: 'custom', path: ['branches', i, 'name'], message: `"${b.name}" is listed twice` });
      names.add(b.name);
    });
    for (const [from, tos] of Object.entries(rules.complements)) {
      if (!names.has(from)) ctx.addIssue({ code: 'custom', path: ['complements', from], message: `"${from}" is not a branch` });
      tos.forEach((to, i) => {
        if (!names.has(to)) ctx.addIssue({ code: 'custom', path: ['complements', from, i], message: `"${to}" is not a branch` });
      });
    }
  })
  .openapi('RecommendationRules');

export type RecommendationRulesT = z.infer<typeof RecommendationRules>;

/** The default fashion map: tops <-> bottoms <-> shoes <-> accessories (each completes the others). */
export const DEFAULT_RULES: RecommendationRulesT = {
  branches: [
    { name: 'shoes', match: ['shoes', 'footwear', 'sneakers', 'boots', 'sandals', 'calçados', 'sapatos', 'tênis'] },
    { name: 'accessories', match: ['accessories', 'bags', 'hats', 'belts', 'jewelry', 'acessórios', 'bolsas'] },
    { name: 'bottoms', match: ['bottoms', 'pants', 'trousers', 'jeans', 'skirts', 'shorts', 'calças', 'saias'] },
    { name: 'tops', match: ['tops', 'shirts', 't-shirts', 'blouses', 'sweaters', 'jackets', 'camisetas', 'blusas'] },
  ],
  complements: {
    tops: ['bottoms', 'shoes', 'accessories'],
    bottoms: ['tops', 'shoes', 'accessories'],
    shoes: ['tops', 'bottoms', 'accessories'],
    accessories: ['tops', 'bottoms', 'shoes'],
  },
};

/** The productType path as lowercase segments: "KIDS > MALE > BOTTOMS" -> ["kids", "male", "bottoms"]. */
export function pathSegments(productType: string | undefined): string[] {
  if (!productType) return [];
  return productType
    .split(/\s*[>/|]\s*/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
}

/** The first branch naming one of the path's segments (deepest segment first), or null. */
export function branchOf(rules: RecommendationRulesT, path: readonly string[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    for (const branch of rules.branches) {
      if (branch.match.some((m) => m.toLowerCase() === segment)) return branch.name;
    }
  }
  return null;
}

export function complementsOf(rules: RecommendationRulesT, branch: string | null): string[] {
  if (!branch) return [];
  return (rules.complements[branch] ?? []).filter((b) => b !== branch);
}
