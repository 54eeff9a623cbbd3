import { createRoute } from '@hono/zod-openapi';
import { json, problems } from '../http/openapi';
import { DeadLetterIdParam, DeadLetterListSchema, DeadLetterQuery, ReplaySchema } from './dead-letters.schemas';

const tags = ['Admin'];
const security = [{ adminToken: [] }];

export const listDeadLettersRoute = createRoute({
  method: 'get',
  path: '/dead-letters',
  tags,
  security,
  summary: 'Messages that exhausted their retries, newest first, with why each died',
  request: { query: DeadLetterQuery },
  responses: { 200: json(DeadLetterListSchema, 'Dead letters'), ...problems(401, 403, 422, 429) },
});

export const replayDeadLetterRoute = createRoute({
  method: 'post',
  path: '/dead-letters/{id}/replay',
  tags,
  security,
  summary: 'Send a dead message back to its queue, reopening its job; once (a second replay sends nothing)',
  request: { params: DeadLetterIdParam },
  responses: { 200: json(ReplaySchema, 'Replayed, or replayed before'), ...problems(401, 403, 404, 409, 429, 503) },
});
