/** OpenAPI routes of /v1 recommendations: the lists, variants, the complement map, rebuilds. */
import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity, json, jsonBody, problems, writeProblems } from '../http/openapi';
import { RecommendationRules } from './rules';

const tags = ['Recommendations'];
const ProductParam = z.object({ id: z.string().min(1).max(128).openapi({ param: { name: 'id', in: 'path' }, example: '380145e972ee' }) });
const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  cursor: z.string().optional(),
});

const Recommendation = z
  .object({
    id: z.string(),
    number: z.number().int(),
    score: z.number().openapi({ description: '0-1: the weighted mean of the components this pair has', example: 0.87 }),
    reasons: z.array(z.string()).openapi({ example: ['visual', 'same productType', 'color'] }),
  })
  .openapi('Recommendation');

const ListPage = z
  .object({
    productId: z.string(),
    list: z.enum(['similar', 'complementary']),
    status: z.enum(['ready', 'pending', 'off']).openapi({
      description: '`off`: the product does not ask for this list (its `recommend`, or the tenant default); `pending`: not computed for its current version yet; `ready`: computed',
    }),
    data: z.array(Recommendation),
    nextCursor: z.string().nullable(),
  })
  .openapi('RecommendationPage');

const listRoute = (list: 'similar' | 'complementary', summary: string) =>
  createRoute({
    method: 'get',
    path: `/products/{id}/${list}`,
    tags,
    security: bearerSecurity,
    summary,
    request: { params: ProductParam, query: PageQuery },
    responses: { 200: json(ListPage, 'A page of the stored top-K list, best first'), ...problems(401, 404, 422, 429) },
  });

export const similarRoute = listRoute('similar', 'Similar products (never variants of the same itemGroupId)');
export const complementaryRoute = listRoute('complementary', 'Products that complete the look (compatible productType branches)');

export const variantsRoute = createRoute({
  method: 'get',
  path: '/products/{id}/variants',
  tags,
  security: bearerSecurity,
  summary: 'Other products of the same itemGroupId (the family excluded from similar)',
  request: { params: ProductParam, query: PageQuery },
  responses: {
    200: json(z.object({ productId: z.string(), data: z.array(z.object({ id: z.string(), number: z.number().int() })), nextCursor: z.string().nullable() }), 'A page of variants, by number'),
    ...problems(401, 404, 422, 429),
  },
});

export const getRulesRoute = createRoute({
  method: 'get',
  path: '/recommendation-rules',
  tags,
  security: bearerSecurity,
  summary: "The tenant's complement map (the default fashion map until replaced)",
  responses: { 200: json(RecommendationRules, 'The rules'), ...problems(401, 429) },
});

export const putRulesRoute = createRoute({
  method: 'put',
  path: '/recommendation-rules',
  tags,
  security: bearerSecurity,
  summary: 'Replace the complement map; starts a rebuild job (Job-Id) that re-signs and re-ranks the catalog',
  request: { body: jsonBody(RecommendationRules) },
  responses: { 200: json(RecommendationRules, 'The rules as stored'), ...problems(...writeProblems) },
});

export const rebuildRoute = createRoute({
  method: 'post',
  path: '/recommendations/rebuild',
  tags,
  security: bearerSecurity,
  summary: "Rebuild every product's signature and lists: a resumable job, progress in GET /v1/jobs/{id}",
  responses: { 202: json(z.object({ jobId: z.string() }), 'Accepted'), ...problems(401, 409, 429) },
});
