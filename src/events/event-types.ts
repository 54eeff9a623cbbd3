/**
 * Every event type Shelfsync emits, with its `data` schema and an example: the one registry. The
 * outbox's `EventType` is its key set (so emitting a type not listed here does not compile), the
 * OpenAPI document's `webhooks` and `GET /v1/event-types` are generated from it, and a test checks
 * that every type the outbox SQL writes is listed and every emitted payload matches its schema.
 */
import { z } from '@hono/zod-openapi';

/** The product's effective choice of lists (catalog's `recommend`; repeated here: events sit below the catalog). */
const Recommend = z.enum(['similar', 'complementary', 'all', 'none']);

const ProductRef = {
  productId: z.string().openapi({ description: "The caller's product id", example: '380145e972ee' }),
  number: z.number().int().min(1).openapi({ description: 'The server number of the product (per tenant, never reused)', example: 1 }),
  version: z.number().int().min(1).openapi({ example: 2 }),
};

const ImageEvent = {
  productId: ProductRef.productId,
  imageId: z.string().openapi({ description: "The caller's image id (unique within the product)", example: 'front' }),
  id: z.string().openapi({ description: 'The server image id', example: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
};

const imageProcessed = z.object({
  ...ImageEvent,
  status: z.literal('done'),
  url: z.string().nullable().optional().openapi({ description: 'A signed, expiring URL of the stored original' }),
  outputs: z.record(z.string(), z.string()).optional().openapi({ description: "Each external pipeline's output URL, by pipeline" }),
});

const imageFailed = z.object({ ...ImageEvent, status: z.literal('error'), error: z.string() });

export interface EventTypeSpec {
  description: string;
  data: z.ZodType;
  example: Record<string, unknown>;
}

export const EVENT_TYPES = {
  'product.created': {
    description: 'A product was written for the first time (version 1)',
    data: z.object(ProductRef),
    example: { productId: '380145e972ee', number: 1, version: 1 },
  },
  'product.updated': {
    description: 'A write changed a product (a write that changes nothing emits no event), or a rename',
    data: z.object(ProductRef),
    example: { productId: '380145e972ee', number: 1, version: 2 },
  },
  'product.deleted': {
    description: 'A product was deleted by a request, expired (validForDays), or left out of a replace import',
    data: z.object({ ...ProductRef, reason: z.enum(['deleted', 'expired', 'replaced']), jobId: z.string().optional().openapi({ description: 'The replace import, for `replaced`' }) }),
    example: { productId: '380145e972ee', number: 1, version: 2, reason: 'deleted' },
  },
  'product.processed': {
    description: "A write's image work settled: once per processing round",
    data: z.object({
      ...ProductRef,
      status: z.enum(['done', 'error']).openapi({ description: '`error` only when every image failed' }),
      jobId: z.string(),
      failedImages: z.number().int().min(0),
      firstError: z.string().nullable(),
      recommend: Recommend.optional(),
    }),
    example: { productId: '380145e972ee', number: 1, version: 2, status: 'done', jobId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E', failedImages: 0, firstError: null, recommend: 'none' },
  },
  'product.recommendations.updated': {
    description: "A product's stored similar and/or complementary list changed (sent only when the list's products or order changed)",
    data: z.object({ ...ProductRef, lists: z.array(z.enum(['similar', 'complementary'])).min(1).openapi({ description: 'The lists that changed' }) }),
    example: { productId: '380145e972ee', number: 1, version: 2, lists: ['similar'] },
  },
  'product.recommendations.ready': {
    description:
      "Follows a `product.processed` whose product asked for recommendation lists, once they are computed (or failed): what Sizebay's callback waits for. A subscription to `product.processed` receives it too",
    data: z.object({
      ...ProductRef,
      status: z.enum(['done', 'error']).openapi({ description: "The images' outcome, as in `product.processed`" }),
      jobId: z.string(),
      failedImages: z.number().int().min(0),
      firstError: z.string().nullable(),
      recommend: Recommend,
      recommendations: z.enum(['done', 'error']),
      recommendationsError: z.string().optional().openapi({ description: 'Why the lists could not be computed, when `recommendations` is `error`' }),
    }),
    example: { productId: '380145e972ee', number: 1, version: 2, status: 'done', jobId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E', failedImages: 0, firstError: null, recommend: 'all', recommendations: 'done' },
  },
  'image.processed': {
    description: 'An image was fetched or received, probed, stored and processed by every pipeline it asked for',
    data: imageProcessed,
    example: { productId: '380145e972ee', imageId: 'front', id: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E', status: 'done', url: 'https://api.shelfsync.example/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7E/content?v=9f86&exp=1797120000&sig=x', outputs: { tryOn: 'https://tryon.example/out/1.png' } },
  },
  'image.failed': {
    description: 'An image ended `error`: unreachable, not an image, over a limit, or a pipeline failed',
    data: imageFailed,
    example: { productId: '380145e972ee', imageId: 'front', id: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E', status: 'error', error: 'The image is 12582912 bytes; the limit is 10485760' },
  },
  'job.completed': {
    description: 'A job (a write, batch, import or push) ended, with its final status',
    data: z.object({ jobId: z.string(), status: z.enum(['completed', 'failed', 'partial']) }),
    example: { jobId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E', status: 'completed' },
  },
  'endpoint.disabled': {
    description: 'A webhook endpoint was disabled: it answered 410, or failed for five days',
    data: z.object({ endpointId: z.string(), url: z.string(), reason: z.string() }),
    example: { endpointId: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E', url: 'https://receiver.example/webhooks', reason: 'The endpoint answered 410 Gone' },
  },
  'webhook.test': {
    description: 'Sent by POST /v1/webhooks/{id}/test to that endpoint only',
    data: z.object({ endpointId: z.string(), message: z.string() }),
    example: { endpointId: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E', message: 'A test event from Shelfsync' },
  },
} as const satisfies Record<string, EventTypeSpec>;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];
