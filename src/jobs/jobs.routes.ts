import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity, json, problems } from '../http/openapi';
import { JobErrorSchema, JobSchema, jobStatuses } from './jobs.schemas';

const tags = ['Jobs'];
const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }) });
const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const getJobRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  tags,
  security: bearerSecurity,
  summary: 'A job: status, counts, timings',
  request: { params: IdParam },
  responses: { 200: json(JobSchema, 'The job'), ...problems(401, 404, 429) },
});

export const listJobsRoute = createRoute({
  method: 'get',
  path: '/jobs',
  tags,
  security: bearerSecurity,
  summary: 'Jobs, newest first',
  request: {
    query: z.object({ limit: Limit(200, 50), cursor: z.string().optional(), status: z.enum(jobStatuses).optional() }),
  },
  responses: { 200: json(z.object({ data: z.array(JobSchema), nextCursor: z.string().nullable() }), 'A page of jobs'), ...problems(401, 422, 429) },
});

export const listJobErrorsRoute = createRoute({
  method: 'get',
  path: '/jobs/{id}/errors',
  tags,
  security: bearerSecurity,
  summary: 'Per-item errors of a job, in input order',
  request: { params: IdParam, query: z.object({ limit: Limit(1000, 100), cursor: z.string().optional() }) },
  responses: {
    200: json(z.object({ data: z.array(JobErrorSchema), nextCursor: z.string().nullable() }), 'A page of errors'),
    ...problems(401, 404, 422, 429),
  },
});
