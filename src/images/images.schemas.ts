import { z } from '@hono/zod-openapi';
import { ImageOut } from '../catalog/model/product.schema';

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
    url: z.string().max(2048).openapi({ example: 'https://tryon.example/jobs' }),
    config: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi('ProcessorConfig');

export const ProcessorSchema = z
  .object({ name: z.string(), url: z.string(), config: z.record(z.string(), z.unknown()), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Processor');
