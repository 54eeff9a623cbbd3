import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody, problems } from '../http/openapi';
import {
  ApiKeySchema,
  CreatedTenantSchema,
  CreateTenantBody,
  IssuedApiKeySchema,
  IssueKeyBody,
  KeyParams,
  TenantIdParam,
  TenantSchema,
  UpdateTenantBody,
} from './tenants.schemas';

const tags = ['Admin'];
const security = [{ adminToken: [] }];

export const createTenantRoute = createRoute({
  method: 'post',
  path: '/tenants',
  tags,
  security,
  summary: 'Create a tenant and its first API key (shown once)',
  request: { body: jsonBody(CreateTenantBody) },
  responses: { 201: json(CreatedTenantSchema, 'Created'), ...problems(400, 401, 403, 409, 413, 415, 422, 429) },
});

export const getTenantRoute = createRoute({
  method: 'get',
  path: '/tenants/{id}',
  tags,
  security,
  summary: 'Read a tenant',
  request: { params: TenantIdParam },
  responses: { 200: json(TenantSchema, 'The tenant'), ...problems(401, 403, 404, 429) },
});

export const updateTenantRoute = createRoute({
  method: 'patch',
  path: '/tenants/{id}',
  tags,
  security,
  summary: 'Edit name, aliases (replaced as a whole), default currency and locale, request quota plan',
  request: { params: TenantIdParam, body: jsonBody(UpdateTenantBody) },
  responses: { 200: json(TenantSchema, 'The tenant'), ...problems(400, 401, 403, 404, 409, 413, 415, 422, 429) },
});

export const issueKeyRoute = createRoute({
  method: 'post',
  path: '/tenants/{id}/keys',
  tags,
  security,
  summary: 'Issue another API key (shown once), optionally limited to scopes and with an expiry',
  request: { params: TenantIdParam, body: { required: false, content: { 'application/json': { schema: IssueKeyBody } } } },
  responses: { 201: json(IssuedApiKeySchema, 'Issued'), ...problems(400, 401, 403, 404, 413, 415, 422, 429) },
});

export const listKeysRoute = createRoute({
  method: 'get',
  path: '/tenants/{id}/keys',
  tags,
  security,
  summary: "List a tenant's keys (never the keys themselves)",
  request: { params: TenantIdParam },
  responses: { 200: json(z.object({ data: z.array(ApiKeySchema) }), 'Keys'), ...problems(401, 403, 404, 429) },
});

export const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/tenants/{id}/keys/{keyId}',
  tags,
  security,
  summary: 'Revoke an API key; it stops working at once',
  request: { params: KeyParams },
  responses: { 204: { description: 'Revoked' }, ...problems(401, 403, 404, 429) },
});
