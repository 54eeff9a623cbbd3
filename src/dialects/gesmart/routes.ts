/** The GeSmart routes as OpenAPI operations (served at /compat/gesmart/openapi.json). */
import { createRoute, z } from '@hono/zod-openapi';
import {
  BatchAnswer,
  BatchBody,
  DeleteAnswer,
  ErrorBody,
  LoginAnswer,
  LoginBody,
  Product,
  ReferenceQuery,
  StatusAnswer,
  SyncAnswer,
  SyncIdQuery,
  WebhookAnswer,
} from './schemas';

export const SECURITY_SCHEME = 'gesmartJwt';
const security = [{ [SECURITY_SCHEME]: [] }];

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const error = (description: string) => json(ErrorBody, description);

const errors = {
  badRequest: error('Malformed JSON, a missing field or a field of the wrong type'),
  unauthorized: error('Missing, invalid, expired or revoked token'),
  unprocessable: error('A field breaks a rule: length, count, range, decimals, EAN13 check digit, image extension or size'),
  tooMany: error('Rate limit exceeded (per API key); see Retry-After'),
  tooManyFromIp: error('Rate limit exceeded (per client IP); see Retry-After'),
};

export const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['Authentication'],
  summary: 'Trade a tenant API key for a JWT',
  description: 'The token is an HS256 JWT signed with `JWT_SECRET`; it stops working when its API key is revoked. Without `JWT_SECRET` login is disabled (401).',
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: { 200: json(LoginAnswer, 'A token'), 400: errors.badRequest, 401: error('Invalid API key, or login disabled'), 429: errors.tooManyFromIp },
});

export const syncRoute = createRoute({
  method: 'post',
  path: '/api/products/sync',
  tags: ['Products Sync'],
  summary: 'Synchronize one product',
  description:
    '`create` answers 409 when the reference exists, `update` 404 when it does not. Fields not sent are kept (merge); a given `images` or `technical_data` list replaces the product\'s.',
  security,
  request: { body: { content: { 'application/json': { schema: Product } }, required: true } },
  responses: {
    200: json(SyncAnswer, 'Synchronized'),
    400: errors.badRequest,
    401: errors.unauthorized,
    404: error('update: no product with this reference'),
    409: error('create: a product with this reference exists'),
    422: errors.unprocessable,
    429: errors.tooMany,
  },
});

export const batchRoute = createRoute({
  method: 'post',
  path: '/api/products/sync/batch',
  tags: ['Products Sync'],
  summary: 'Synchronize several products',
  description: 'Each product is checked and written on its own: valid ones are written (in one transaction), the others are reported in `results` with their error.',
  security,
  request: { body: { content: { 'application/json': { schema: BatchBody } }, required: true } },
  responses: { 200: json(BatchAnswer, 'Per-product results'), 400: errors.badRequest, 401: errors.unauthorized, 422: errors.unprocessable, 429: errors.tooMany },
});

export const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/products/sync',
  tags: ['Products Sync'],
  summary: 'Delete a product by reference',
  security,
  request: { query: ReferenceQuery },
  responses: { 200: json(DeleteAnswer, 'Deleted'), 400: errors.badRequest, 401: errors.unauthorized, 404: error('No product with this reference'), 429: errors.tooMany },
});

export const statusRoute = createRoute({
  method: 'get',
  path: '/api/products/sync',
  tags: ['Products Sync'],
  summary: 'The status of a synchronization',
  description: 'A sync ends `completed` or `failed`; poll until one of them.',
  security,
  request: { query: SyncIdQuery },
  responses: { 200: json(StatusAnswer, 'The sync'), 400: errors.badRequest, 401: errors.unauthorized, 404: error("No such sync (or another tenant's)"), 429: errors.tooMany },
});

export const webhookRoute = createRoute({
  method: 'post',
  path: '/api/webhooks/gesmart/products',
  tags: ['GeSmart Webhook'],
  summary: "Receive a product from GeSmart ERP (HMAC-signed, no token)",
  description:
    '`x-gesmart-signature` is the base64 HMAC-SHA256 of the raw body with the `GESMART_WEBHOOK_SECRET` text as key. The product is written to the tenant named by `GESMART_TENANT`, from a queue; poll the returned syncId.',
  request: {
    headers: z.object({ 'x-gesmart-signature': z.string().openapi({ description: 'base64(HMAC-SHA256(secret, raw body))' }) }),
    body: { content: { 'application/json': { schema: Product } }, required: true },
  },
  responses: { 200: json(WebhookAnswer, 'Accepted and queued'), 400: errors.badRequest, 401: error('Signature missing or wrong'), 422: errors.unprocessable, 429: errors.tooManyFromIp },
});
