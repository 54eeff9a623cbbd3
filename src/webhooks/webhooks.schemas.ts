import { z } from '@hono/zod-openapi';
import { EVENT_TYPE_NAMES } from '../events/event-types';
import { EVENT_TYPE_PATTERN, matchesFilter } from './event-filter';
import { judgeExpiry } from './expiry';

/** Headers a subscriber may not set: they belong to HTTP or to the signature. */
const RESERVED_HEADERS = /^(host|content-length|content-type|transfer-encoding|connection|keep-alive|upgrade|te|trailer|webhook-.*)$/i;

export const StaticHeaders = z
  .record(
    z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'Header names are HTTP tokens').refine((name) => !RESERVED_HEADERS.test(name), 'This header is set by Shelfsync'),
    z.string().max(4096).regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'Header values are visible characters'),
  )
  .refine((h) => Object.keys(h).length <= 20, 'At most 20 headers')
  .openapi({ description: 'Sent with every delivery (e.g. Authorization). Write-only: never returned.', example: { Authorization: 'Bearer receiver-token' } });

/** A filter that no event type can ever match would leave the endpoint silent: refused (GET /v1/event-types lists them). */
const EventTypeFilter = z
  .string()
  .regex(EVENT_TYPE_PATTERN, 'Event types look like "product.created", "product.*" or "*"')
  .refine((pattern) => EVENT_TYPE_NAMES.some((type) => matchesFilter([pattern], type)), 'No event type matches this; GET /v1/event-types lists them');

export const EventTypes = z
  .array(EventTypeFilter)
  .min(1)
  .max(50)
  .openapi({ example: ['product.*', 'image.failed'] });

/** Request bodies naming a payload `format`: its values are the formats registered at the composition root. */
export function webhookBodies(formats: readonly [string, ...string[]]) {
  const dialects = formats.filter((f) => f !== 'standard').join(', ');
  const CreateWebhookBody = z
    .strictObject({
      url: z.string().max(2048).openapi({ format: 'uri', description: 'https (http too in local development); public hosts only', example: 'https://receiver.example/webhooks' }),
      eventTypes: EventTypes.default(['*']),
      headers: StaticHeaders.default({}),
      enabled: z.boolean().default(true),
      format: z.enum(formats).default('standard').openapi({ description: `Payload shape: standard (Standard Webhooks envelope)${dialects ? ` or a dialect's (${dialects})` : ''}` }),
      expiresAt: z
        .string()
        .superRefine((value, ctx) => {
          const verdict = judgeExpiry(value, Date.now());
          if (!verdict.ok) ctx.addIssue({ code: 'custom', message: verdict.message });
        })
        .optional()
        .openapi({
          format: 'date-time',
          description: 'A temporary endpoint: from this instant (in the future, at most 7 days ahead) it gets no deliveries and is deleted with its pending ones',
          example: '2026-12-05T18:00:00Z',
        }),
    })
    .openapi('CreateWebhook');

  const UpdateWebhookBody = z
    .strictObject({
      url: z.string().max(2048).optional().openapi({ format: 'uri' }),
      eventTypes: EventTypes.optional(),
      headers: StaticHeaders.optional(),
      enabled: z.boolean().optional(),
      format: z.enum(formats).optional(),
    })
    .openapi('UpdateWebhook');
  return { CreateWebhookBody, UpdateWebhookBody };
}

export const WebhookSchema = z
  .object({
    id: z.string().openapi({ example: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    url: z.string(),
    eventTypes: z.array(z.string()),
    headerNames: z.array(z.string()).openapi({ description: 'Names of the static headers; their values are never returned' }),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    format: z.string(),
    failingSince: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    expiresAt: z.string().nullable().openapi({ description: 'A temporary endpoint expires (and is deleted) then; null: permanent', example: null }),
  })
  .openapi('Webhook');

export const WebhookWithSecretSchema = WebhookSchema.extend({
  secret: z.string().openapi({ description: 'whsec_...: shown once. Verify deliveries with any Standard Webhooks library.' }),
}).openapi('WebhookWithSecret');

export const AttemptSchema = z
  .object({
    attemptedAt: z.string(),
    statusCode: z.number().int().nullable(),
    latencyMs: z.number().int(),
    responseBody: z.string().nullable().openapi({ description: 'The first 1 KB of the answer' }),
    error: z.string().nullable(),
  })
  .openapi('DeliveryAttempt');

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ example: 'dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivering', 'retrying', 'succeeded', 'failed']),
    attemptCount: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    attempts: z.array(AttemptSchema),
  })
  .openapi('Delivery');
