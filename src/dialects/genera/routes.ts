/** Genera's routes as the seed documents them (paths relative to /compat/genera). */
import { createRoute, type z } from '@hono/zod-openapi';
import * as s from './schemas';

const tags = ['genera'];
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { apiKey: [] }];

const jsonContent = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: jsonContent(schema) });

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      json(s.ErrorBody, {
        400: 'The body is not JSON',
        401: 'Missing or invalid API key',
        404: 'Unknown brand (or not yours), product or webhook',
        413: 'Body too large',
        415: 'Send application/json',
        422: 'Invalid fields, each named in `details`',
        429: 'Rate limited; see Retry-After',
      }[status] ?? 'Error'),
    ]),
  );

export const syncRoute = createRoute({
  method: 'post',
  path: '/v1/{brandId}/catalog/sync',
  tags,
  security,
  summary: 'Publish & update products',
  description:
    'Creates or updates each product by id (a merge: fields Genera cannot express are kept). All or nothing: if one product is invalid, nothing is written.',
  request: { params: s.BrandParam, body: { required: true, content: jsonContent(s.SyncBody) } },
  responses: { 200: json(s.Success, 'Every product was written'), ...errors(400, 401, 404, 413, 415, 422, 429) },
});

export const statusRoute = createRoute({
  method: 'get',
  path: '/v1/{brandId}/catalog/sync/{productId}',
  tags,
  security,
  summary: 'Getting product status',
  request: { params: s.ProductParams },
  responses: { 200: json(s.ProductStatus, 'The product and its images: processing, done or error'), ...errors(401, 404, 429) },
});

export const createWebhookRoute = createRoute({
  method: 'post',
  path: '/v1/{brandId}/webhook',
  tags,
  security,
  summary: 'Subscribe for update webhook',
  description: 'Each processed image is then POSTed to `url` (the seed says GET, which cannot carry a body).',
  request: { params: s.BrandParam, body: { required: true, content: jsonContent(s.WebhookBody) } },
  responses: { 200: json(s.WebhookCreated, 'The id of the new webhook'), ...errors(400, 401, 404, 413, 415, 422, 429) },
});

export const listWebhooksRoute = createRoute({
  method: 'get',
  path: '/v1/{brandId}/webhook',
  tags,
  security,
  summary: 'Get webhooks list',
  request: { params: s.BrandParam },
  responses: { 200: json(s.WebhookList, "This brand's webhooks"), ...errors(401, 404, 429) },
});

export const deleteWebhookRoute = createRoute({
  method: 'delete',
  path: '/v1/{brandId}/webhook/{webhookId}',
  tags,
  security,
  summary: 'Remove webhook',
  request: { params: s.WebhookParams },
  responses: { 200: json(s.Success, 'Removed'), ...errors(401, 404, 429) },
});

/** What a subscribed URL receives: documented under the OpenAPI document's `webhooks`. */
export const processingWebhook = {
  method: 'post' as const,
  path: 'processing',
  tags,
  summary: 'One processed image (POSTed to the subscribed URL; the seed says GET, which cannot carry a body)',
  request: { body: { content: jsonContent(s.WebhookPayload) } },
  responses: { 200: { description: 'Any 2xx acknowledges the delivery; anything else is retried' } },
};
