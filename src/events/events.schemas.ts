import { z } from '@hono/zod-openapi';

export const EventSchema = z
  .object({
    id: z.string().openapi({ example: 'evt_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    seq: z.number().int().openapi({ description: 'Monotonic per tenant; pass the last one seen as `after`' }),
    type: z.string().openapi({ example: 'product.updated' }),
    timestamp: z.string(),
    data: z.record(z.string(), z.unknown()).openapi({ example: { productId: '380145e972ee', number: 1, version: 2 } }),
  })
  .openapi('Event');
