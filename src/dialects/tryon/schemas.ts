/**
 * The tryon dialect's shapes (seed 003, "Upsert Product"): what its clients send and read. Parsers
 * tolerate unknown fields (DESIGN "Dialect writes merge"); the limits the canonical model already
 * enforces (lengths, URL schemes, metadata size) are left to it and reported under these names.
 */
import { z } from '@hono/zod-openapi';

const Classifications = z.record(z.string(), z.unknown()).openapi({
  description: 'Free-form hints about the image (e.g. `{"view": "front"}`), kept with it',
  example: { view: 'front' },
});

const Url = z.string().openapi({ description: 'Remote http(s) URL, fetched by Shelfsync', example: 'https://cdn.example/front.jpg' });
const FileKey = z.string().min(1).max(128).openapi({ description: 'Name of a multipart file field in the same request', example: 'front' });

export const TryonImageSource = z
  .object({ url: Url.optional(), fileKey: FileKey.optional() })
  .superRefine((source, ctx) => {
    if ((source.url === undefined) === (source.fileKey === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'Give exactly one of url or fileKey' });
    }
  })
  .openapi('TryonImageSource', { description: 'Exactly one of `url` or `fileKey`' });

/**
 * One image entry: `{source: {url | fileKey}, classifications?}` (recommended), or the deprecated flat
 * `{url}` / `{fileKey, classifications?}`. One object schema with a rule instead of a union, so that a
 * mistake is reported at the field that is wrong rather than as "no union member matched".
 */
export const TryonImageInput = z
  .object({
    source: TryonImageSource.optional(),
    classifications: Classifications.nullable().optional(),
    url: Url.optional().openapi({ deprecated: true, description: 'Deprecated flat shape: use `source.url`' }),
    fileKey: FileKey.optional().openapi({ deprecated: true, description: 'Deprecated flat shape: use `source.fileKey`' }),
  })
  .superRefine((image, ctx) => {
    const flat = (['url', 'fileKey'] as const).filter((k) => image[k] !== undefined);
    if (image.source !== undefined) {
      for (const key of flat) ctx.addIssue({ code: 'custom', path: [key], message: `Put ${key} inside source, not beside it` });
    } else if (flat.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'Required: an object holding exactly one of url or fileKey' });
    } else if (flat.length > 1) {
      ctx.addIssue({ code: 'custom', message: 'Give exactly one of url or fileKey' });
    }
  })
  .openapi('TryonImageInput');

export const TryonProductInput = z
  .object({
    externalId: z.string().min(1).openapi({
      description: 'Your product id: the upsert key within your account. Must not start with `_anon_` (reserved).',
      example: 'sku-123',
    }),
    name: z.string().nullable().optional().openapi({ description: 'Kept if omitted; `null` clears it', example: 'Classic White T-Shirt' }),
    description: z.string().nullable().optional().openapi({ description: 'Kept if omitted; `null` clears it', example: '100% cotton' }),
    images: z.array(TryonImageInput).nullable().optional().openapi({ description: 'Replaces the whole image list; kept if omitted; `null` = no images' }),
    imageUrls: z
      .array(z.string())
      .nullable()
      .optional()
      .openapi({ deprecated: true, description: 'Legacy alias for `images: [{source: {url}}, …]`; not together with `images`' }),
    validForDays: z
      .number()
      .int('Must be a whole number of days')
      .min(1, 'At least 1 day')
      .max(365, 'At most 365 days')
      .nullable()
      .optional()
      .openapi({ description: '1-365 = lifetime in days after the last write; `null` = kept forever; omitted = keep the current value (forever on create)' }),
    metadata: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .openapi({ description: 'Free-form JSON object (<= 16 KB), returned on reads; kept if omitted; `null` clears it', example: { season: 'SS25' } }),
  })
  .superRefine((input, ctx) => {
    if (input.images != null && input.imageUrls != null) {
      ctx.addIssue({ code: 'custom', path: ['imageUrls'], message: 'Send images or imageUrls, not both' });
    }
  })
  .openapi('TryonProductInput');

export type TryonProductInputT = z.infer<typeof TryonProductInput>;

const imageStatuses = ['pending', 'processing', 'done', 'error'] as const;

export const TryonImage = z
  .object({
    imageId: z.string().openapi({ example: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    source: z
      .union([z.object({ url: z.string() }), z.object({ sha256: z.string(), fileName: z.string().optional() })])
      .openapi({ description: '`{url}` as sent, or for an uploaded file `{sha256, fileName}` (the bytes are stored; the fileKey was only a field name)' }),
    classifications: z.record(z.string(), z.unknown()).nullable(),
    status: z.enum(imageStatuses).openapi({ description: 'pending -> processing -> done | error' }),
    error: z.string().nullable().openapi({ description: 'Why the image could not be used, when status is error' }),
    sha256: z.string().nullable().openapi({ description: 'Hash of the stored bytes, once known' }),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    contentUrl: z.string().nullable().openapi({ description: 'Signed, expiring URL of the stored copy, once stored' }),
  })
  .openapi('TryonImage');

export const TryonProduct = z
  .object({
    externalId: z.string(),
    name: z.string().nullable(),
    description: z.string().nullable(),
    images: z.array(TryonImage),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    validForDays: z.number().int().nullable().openapi({ description: 'null = kept forever' }),
    expiresAt: z.string().nullable().openapi({ description: 'Last write + validForDays (UTC); null = never', example: '2025-07-01T12:00:00.000Z' }),
    status: z.enum(imageStatuses).openapi({ description: 'Image processing of the product as a whole: error only when every image failed' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('TryonProduct');

export type TryonProductT = z.infer<typeof TryonProduct>;

export const TryonProductList = z
  .object({
    products: z.array(TryonProduct),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .openapi('TryonProductList');

export const errorCodes = [
  'invalid_request',
  'unauthorized',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
] as const;

export const TryonError = z
  .object({
    error: z.object({
      code: z.string().openapi({ description: `One of ${errorCodes.join(', ')}`, example: 'invalid_request' }),
      message: z.string(),
      details: z
        .array(z.object({ field: z.string().openapi({ example: 'images[0].source' }), message: z.string() }))
        .optional()
        .openapi({ description: 'Per-field problems, for invalid_request' }),
      requestId: z.string().optional(),
    }),
  })
  .openapi('TryonError');

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'Page size, 1-200 (default 50)' }),
  cursor: z.string().optional().openapi({ description: 'The nextCursor of the previous page' }),
});

export const ExternalIdParam = z.object({
  externalId: z.string().min(1).openapi({ param: { name: 'externalId', in: 'path' }, example: 'sku-123' }),
});
