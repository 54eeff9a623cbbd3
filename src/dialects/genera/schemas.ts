/**
 * Genera's shapes (seed 000, "Localization API"), as its clients send and read them. Parsers are
 * lenient in the dialect way (unknown fields are dropped, not refused); the canonical schema judges
 * the merged product afterwards (see mapping.ts for how its field names come back).
 */
import { z } from '@hono/zod-openapi';

export const GeneraImage = z
  .object({
    id: z.string().min(1).optional().openapi({ description: "The image's id within its product (default: a hash of its URL)", example: 'image_123' }),
    url: z.string().min(1).openapi({ description: 'Where Shelfsync fetches the image; a URL without a scheme is read as https', example: 'https://example.com/image1.png' }),
    tryOn: z.boolean().optional().openapi({ description: 'Run the tryOn pipeline on this image' }),
    localization: z.boolean().optional().openapi({ description: 'Run the localization pipeline on this image' }),
  })
  .openapi('GeneraImage');

export const GeneraProduct = z
  .object({
    id: z.string().min(1).openapi({ description: 'Your product id: a known id updates the product, a new one creates it', example: 'product_123' }),
    name: z.string().optional().openapi({ example: 'Product 1' }),
    enabled: z.boolean().optional(),
    eanbled: z.boolean().optional().openapi({ description: 'The spelling of the seed example; read as `enabled`, which wins when both are sent' }),
    images: z.array(GeneraImage).optional().openapi({ description: 'Replaces the product\'s image list when present' }),
  })
  .openapi('GeneraProduct');

export const SyncBody = z
  .object({ products: z.array(GeneraProduct).min(1, 'Send at least one product') })
  .openapi('GeneraSyncRequest');

export const Success = z.object({ success: z.literal(true) }).openapi('GeneraSuccess');

export const GeneraStatus = z.enum(['processing', 'done', 'error']);

export const StatusImage = z
  .object({
    id: z.string().openapi({ example: 'image_124' }),
    product_id: z.string().openapi({ example: 'product_123' }),
    status: GeneraStatus,
    url: z.string().optional().openapi({ description: "When done: the pipeline's output if one made an image, else the stored original (signed, expiring)" }),
    error: z.string().optional().openapi({ example: 'Human body is not recognized' }),
  })
  .openapi('GeneraImageStatus');

export const ProductStatus = z
  .object({
    id: z.string().openapi({ example: 'product_123' }),
    status: GeneraStatus,
    images: z.array(StatusImage),
  })
  .openapi('GeneraProductStatus');

export const WebhookBody = z
  .object({
    type: z.literal('processing', { error: 'The only webhook type is "processing"' }),
    url: z.string().min(1).max(2048).openapi({ example: 'https://example.com/webhook' }),
  })
  .openapi('GeneraWebhookRequest');

export const WebhookCreated = z.object({ id: z.string().openapi({ example: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }) }).openapi('GeneraWebhookCreated');

export const Webhook = z
  .object({
    id: z.string().openapi({ example: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    type: z.literal('processing'),
    url: z.string().openapi({ example: 'https://example.com/webhook' }),
  })
  .openapi('GeneraWebhook');

export const WebhookList = z.object({ webhooks: z.array(Webhook) }).openapi('GeneraWebhookList');

/** What a subscribed URL receives once per processed image (POSTed; see docs/dialects/genera.md). */
export const WebhookPayload = z
  .object({
    type: z.literal('processing'),
    brandId: z.string().nullable().openapi({ description: 'The brand id the webhook was subscribed under' }),
    productId: z.string(),
    imageId: z.string(),
    status: z.enum(['done', 'error']),
    url: z.string().optional(),
    error: z.string().optional(),
  })
  .openapi('GeneraWebhookPayload');

export const ErrorBody = z
  .object({
    success: z.literal(false),
    error: z.string().openapi({ example: 'Invalid or missing fields' }),
    details: z.array(z.object({ field: z.string().openapi({ example: 'products[0].images[1].url' }), message: z.string() })),
  })
  .openapi('GeneraError');

export const BrandParam = z.object({
  brandId: z.string().openapi({ param: { name: 'brandId', in: 'path' }, description: 'One of your tenant\'s aliases', example: 'brand_123' }),
});

export const ProductParams = BrandParam.extend({
  productId: z.string().openapi({ param: { name: 'productId', in: 'path' }, example: 'product_123' }),
});

export const WebhookParams = BrandParam.extend({
  webhookId: z.string().openapi({ param: { name: 'webhookId', in: 'path' }, example: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
});
