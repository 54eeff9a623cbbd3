import { createRoute, z } from '@hono/zod-openapi';
import { authProblems, bearerSecurity, json, jsonBody, problems, writeProblems } from '../http/openapi';
import { DeliverySchema, webhookBodies, WebhookSchema, WebhookWithSecretSchema } from './webhooks.schemas';

const tags = ['Webhooks'];
const security = bearerSecurity;
const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }) });
const Page = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().optional() });

export const listWebhooksRoute = createRoute({
  method: 'get', path: '/webhooks', tags, security, summary: 'Endpoints, newest first',
  request: { query: Page },
  responses: { 200: json(z.object({ data: z.array(WebhookSchema), nextCursor: z.string().nullable() }), 'Endpoints'), ...problems(...authProblems, 422) },
});

export const getWebhookRoute = createRoute({
  method: 'get', path: '/webhooks/{id}', tags, security, summary: 'An endpoint',
  request: { params: IdParam },
  responses: { 200: json(WebhookSchema, 'The endpoint'), ...problems(...authProblems, 404) },
});

export const deleteWebhookRoute = createRoute({
  method: 'delete', path: '/webhooks/{id}', tags, security, summary: 'Unsubscribe; pending deliveries end failed',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(...authProblems, 404) },
});

export const rotateSecretRoute = createRoute({
  method: 'post', path: '/webhooks/{id}/rotate-secret', tags, security,
  summary: 'New signing secret; the old one keeps signing beside it for 24 h',
  description: 'The answer shows the new secret once (`Cache-Control: no-store`); the previous secret is cleared when its overlap ends.',
  request: { params: IdParam },
  responses: { 200: json(WebhookWithSecretSchema, 'Rotated (the new secret is shown once)'), ...problems(...authProblems, 404, 503) },
});

export const testWebhookRoute = createRoute({
  method: 'post', path: '/webhooks/{id}/test', tags, security,
  summary: 'Send a `webhook.test` event to this endpoint only, through the normal delivery path',
  request: { params: IdParam },
  responses: { 202: json(z.object({ eventId: z.string() }), 'Queued'), ...problems(...authProblems, 404, 409) },
});

export const listDeliveriesRoute = createRoute({
  method: 'get', path: '/webhooks/{id}/deliveries', tags, security,
  summary: 'Deliveries to this endpoint, newest first, each with every attempt',
  request: { params: IdParam, query: Page },
  responses: { 200: json(z.object({ data: z.array(DeliverySchema), nextCursor: z.string().nullable() }), 'Deliveries'), ...problems(...authProblems, 404, 422) },
});

export const recoverRoute = createRoute({
  method: 'post', path: '/webhooks/{id}/recover', tags, security,
  summary: 'Resend every failed delivery of this endpoint since a time',
  request: { params: IdParam, query: z.object({ since: z.string().openapi({ format: 'date-time', description: 'RFC 3339' }) }) },
  responses: { 202: json(z.object({ requeued: z.number().int() }), 'Requeued'), ...problems(...authProblems, 404, 422) },
});

export const redeliverRoute = createRoute({
  method: 'post', path: '/deliveries/{id}/redeliver', tags, security, summary: 'Attempt one delivery again',
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 202: json(z.object({ id: z.string(), status: z.literal('pending') }), 'Queued'), ...problems(...authProblems, 404) },
});

/** The two routes whose body names a payload `format` (one of those registered at the composition root). */
export function webhookWriteRoutes(formats: readonly [string, ...string[]]) {
  const { CreateWebhookBody, UpdateWebhookBody } = webhookBodies(formats);
  const createWebhookRoute = createRoute({
    method: 'post', path: '/webhooks', tags, security,
    summary: 'Subscribe an endpoint (the signing secret is shown once)',
    description: 'Deliveries are Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature` headers, body `{type, timestamp, data}`. HTTPS only outside local development; the outbound guard applies. The answer is `Cache-Control: no-store` and is not kept for `Idempotency-Key` replay: the same key again answers 409 `secret_already_shown` and writes nothing.',
    request: { body: jsonBody(CreateWebhookBody) },
    responses: { 201: json(WebhookWithSecretSchema, 'Subscribed'), ...problems(...writeProblems, 503) },
  });

  const updateWebhookRoute = createRoute({
    method: 'patch', path: '/webhooks/{id}', tags, security, summary: 'Change URL, filters, headers (replaced whole), format, enabled',
    request: { params: IdParam, body: jsonBody(UpdateWebhookBody) },
    responses: { 200: json(WebhookSchema, 'Updated'), ...problems(...writeProblems, 404) },
  });
  return { createWebhookRoute, updateWebhookRoute };
}
