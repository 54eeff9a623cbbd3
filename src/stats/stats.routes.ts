import { createRoute } from '@hono/zod-openapi';
import { bearerSecurity, json, problems } from '../http/openapi';
import { StatsSchema } from './stats.schemas';

const tags = ['Stats'];

export const tenantStatsRoute = createRoute({
  method: 'get',
  path: '/stats',
  tags,
  security: bearerSecurity,
  summary: "The tenant's products, images, jobs, queue lag and delivery health",
  description:
    'Counts by status; job durations and delivery attempts over the last 24 hours (percentiles of the newest samples, `count` says how many); ' +
    'per queue, the pending rows D1 holds and how long the oldest due one has waited (`lagSeconds`).',
  responses: { 200: json(StatsSchema, 'The figures, computed now'), ...problems(401, 429) },
});

/** Mounted under /v1/admin by the admin router (behind ADMIN_TOKEN). */
export const adminStatsRoute = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['Admin', ...tags],
  security: [{ adminToken: [] }],
  summary: 'The same figures over every tenant, plus tenants and dead letters',
  responses: { 200: json(StatsSchema, 'The figures, computed now'), ...problems(401, 403, 429) },
});
