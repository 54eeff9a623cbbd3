import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, problems } from '../http/openapi';
import { MoveParams, MoveSchema, StartMoveBody, TenantParam } from './moves.schemas';

const tags = ['Admin'];
const security = [{ adminToken: [] }];

export const startMoveRoute = createRoute({
  method: 'post',
  path: '/tenants/{id}/move',
  tags,
  security,
  summary: "Move a tenant's data to another shard, online (a short write freeze answers 503 + Retry-After)",
  request: { params: TenantParam, body: jsonBody(StartMoveBody) },
  responses: {
    202: { ...json(MoveSchema, 'Started: the move runs on the maintenance queue'), headers: { Location: { description: 'The move', schema: { type: 'string' } } } },
    ...problems(400, 401, 403, 404, 409, 413, 415, 422, 429),
  },
});

export const getMoveRoute = createRoute({
  method: 'get',
  path: '/tenants/{id}/moves/{moveId}',
  tags,
  security,
  summary: 'Read a move: its state, watermarks and verification report',
  request: { params: MoveParams },
  responses: { 200: json(MoveSchema, 'The move'), ...problems(401, 403, 404, 429) },
});

export const listMovesRoute = createRoute({
  method: 'get',
  path: '/tenants/{id}/moves',
  tags,
  security,
  summary: "A tenant's moves, newest first",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ data: z.array(MoveSchema) }), 'Moves'), ...problems(401, 403, 404, 429) },
});
