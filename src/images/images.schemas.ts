import { z } from '@hono/zod-openapi';

/**
 * Processing status (DESIGN "Status"), of an image and of the product that holds it (its aggregate,
 * see processing-status.ts): images own it; the product schema reads it from here.
 */
export const productStatuses = ['pending', 'processing', 'done', 'error'] as const;

const JsonObject = z.record(z.string(), z.unknown());

/** An image as clients read it inside a product. */
export const ImageOut = z
  .object({
    id: z.string().openapi({ description: "The caller's image id" }),
    imageId: z.string().openapi({ example: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    source: JsonObject,
    pipelines: z.record(z.string(), z.boolean()),
    classifications: JsonObject.nullable(),
    status: z.enum(productStatuses),
    error: z.string().nullable(),
    sha256: z.string().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    url: z.string().nullable(),
  })
  .openapi('Image');

export const ImageDetail = ImageOut.extend({
  productId: z.string(),
  format: z.string().nullable(),
  bytes: z.number().int().nullable(),
  attempts: z.number().int(),
  dhash: z.string().nullable(),
  results: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Per-processor results: derivatives, dhash, pipelines' }),
  variants: z.record(z.string(), z.string().nullable()).openapi({ description: 'Signed URLs of the derivatives (thumb, medium)' }),
  updatedAt: z.string(),
}).openapi('ImageDetail');

export const ProcessorConfigBody = z
  .strictObject({
    url: z.string().max(2048).openapi({ format: 'uri', example: 'https://tryon.example/jobs' }),
    config: z.record(z.string(), z.unknown()).default({}).openapi({ description: 'Sent with every job; its hash keys cached results', example: { model: 'v2' } }),
  })
  .openapi('ProcessorConfig');

export const ProcessorSchema = z
  .object({ name: z.string(), url: z.string(), config: z.record(z.string(), z.unknown()), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Processor');
