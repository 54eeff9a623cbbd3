/**
 * Seed 002's shapes (GeSmart ERP -> PrestaShop "Products Sync API"), written once as zod: they
 * validate requests, type the handlers and document /compat/gesmart/openapi.json.
 *
 * Every documented rule is here. Which failures are 400 and which are 422 is decided by
 * `validate.ts` from the zod issue, not here: a wrong type or a missing field is 400, a value of the
 * right type that breaks a rule (length, count, range, decimals, file extension) is 422.
 * Unknown fields are ignored (DESIGN "Dialect writes merge": dialect parsers tolerate them) and an
 * optional field sent as `null` counts as absent.
 */
import { z } from '@hono/zod-openapi';
import { isValidGtin } from '../../catalog/model/gtin';
import { ID_PATTERN, RESERVED_ID_PREFIX } from '../../catalog/model/product.schema';
import { JsonNumberText } from '../../lib/exact-json';

export const LIMITS = {
  reference: 64,
  name: 255,
  description: 10_000,
  images: 10,
  /** Decoded bytes per image (10 MB, the seed's limit and the image pipeline's). */
  imageBytes: 10 * 1024 * 1024,
  technicalData: 100,
  /** Not in the seed: Shelfsync's bounds for what it keeps in `extensions.gesmart`. */
  categories: 100,
  brandName: 255,
  brandDescription: 10_000,
} as const;

export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp'] as const;
const EXTENSION = new RegExp(`\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'i');
/** The same rule for the document: JSON Schema patterns take no flags, so each letter takes both cases. */
const EXTENSION_PATTERN = `\\.(?:${IMAGE_EXTENSIONS.map((e) => [...e].map((ch) => `[${ch}${ch.toUpperCase()}]`).join('')).join('|')})$`;

/** A `data:image/png;base64,` prefix and line breaks are tolerated, as on /v1. */
export function stripBase64(text: string): string {
  return text.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
}

/** Decoded size of valid base64 (standard or URL-safe alphabet), without decoding; null if invalid. */
export function base64Size(text: string): number | null {
  const clean = stripBase64(text);
  if (clean.length === 0 || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return null;
  const unpadded = clean.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return null;
  return Math.floor((unpadded.length * 3) / 4);
}

export const OPERATIONS = ['create', 'update'] as const;

export const Brand = z
  .object({
    name: z.string().min(1, 'Brand name must not be empty').max(LIMITS.brandName, `Brand name must be at most ${LIMITS.brandName} characters`),
    description: z
      .string()
      .max(LIMITS.brandDescription, `Brand description must be at most ${LIMITS.brandDescription} characters`)
      .nullish()
      .openapi({ description: 'Kept in the product\'s `extensions.gesmart.brandDescription`' }),
  })
  .openapi('GesmartBrand');

export const Image = z
  .object({
    fileName: z
      .string()
      .min(1, 'fileName must not be empty')
      .max(255, 'fileName must be at most 255 characters')
      .regex(EXTENSION, `fileName must end in .${IMAGE_EXTENSIONS.join(', .')}`)
      .openapi({ example: 'front.jpg', pattern: EXTENSION_PATTERN }),
    base64: z
      .string()
      .superRefine((value, ctx) => {
        const size = base64Size(value);
        if (size === null) ctx.addIssue({ code: 'custom', message: 'base64 is not valid base64' });
        else if (size > LIMITS.imageBytes) ctx.addIssue({ code: 'custom', message: `The image is ${size} bytes; the limit is ${LIMITS.imageBytes} (10 MB)` });
      })
      .openapi({ description: 'The image bytes, base64 (at most 10 MB decoded)' }),
  })
  .openapi('GesmartImage');

export const TechnicalData = z
  .object({
    Gruppo: z.string().max(255, 'Gruppo must be at most 255 characters').openapi({ description: 'Group / category', example: 'Dimensioni' }),
    Descrizione: z
      .string()
      .min(1, 'Descrizione must not be empty')
      .max(255, 'Descrizione must be at most 255 characters')
      .openapi({ description: 'What is measured', example: 'Larghezza' }),
    Valore: z.string().max(1000, 'Valore must be at most 1000 characters').openapi({ example: '30' }),
    Suffisso: z.string().max(64, 'Suffisso must be at most 64 characters').nullish().openapi({ description: 'Unit suffix', example: 'cm' }),
    PrintOrder: z.number().int().nullish().openapi({ description: 'Display order (default 0)' }),
  })
  .openapi('GesmartTechnicalData');

/**
 * The seed's rule, "13 characters or empty", and no more: a value that is not 13 digits with a valid
 * check digit is accepted with a warning (validate.ts `ean13Warnings`), kept as sent in
 * `extensions.gesmart.ean13`, and never becomes the canonical (validated) `gtin`.
 */
export const Ean13 = z.string().refine((value) => value === '' || [...value].length === 13, 'ean13 must be 13 characters or empty');

/** 13 digits with a valid check digit: the only ean13 that becomes the product's `gtin`. */
export function isValidEan13(value: string): boolean {
  return /^\d{13}$/.test(value) && isValidGtin(value);
}

export const Reference = z
  .string()
  .min(1, 'Reference must not be empty')
  .max(LIMITS.reference, `Reference must be at most ${LIMITS.reference} characters`)
  .regex(ID_PATTERN, 'Reference may only contain A-Z a-z 0-9 . _ : @ ~ - and must not start with . - : @ ~')
  .refine((value) => !value.startsWith(RESERVED_ID_PREFIX), `The "${RESERVED_ID_PREFIX}" prefix is reserved`)
  .openapi({ example: 'PROD001' });

export const Product = z
  .object({
    operation: z.enum(OPERATIONS, { error: "operation must be 'create' or 'update'" }).openapi({
      description: 'create: 409 if the reference exists; update: 404 if it does not',
    }),
    reference: Reference,
    name: z.string().min(1, 'Name must not be empty').max(LIMITS.name, `Name must be at most ${LIMITS.name} characters`).openapi({ example: 'Professional Coffee Machine' }),
    description: z.string().max(LIMITS.description, `Description must be at most ${LIMITS.description} characters`).nullish(),
    // A number, as the seed shows it; one too long to be read exactly as a double (more than 15
    // significant digits) arrives as its boxed source text (lib/exact-json.ts) and is read exactly.
    price: z
      .union([z.number().min(0, 'Price must be a positive number'), z.instanceof(JsonNumberText).openapi({ type: 'number' })], {
        error: 'Price must be a positive number',
      })
      .openapi({
        type: 'number',
        description: "Tax excluded, in the tenant's default currency; up to 6 decimals (a net 12.345678) kept exactly, a 7th is refused, never rounded",
        example: 1299.99,
      }),
    quantity: z.number().int('Quantity must be an integer').min(0, 'Quantity must be >= 0').openapi({ example: 50 }),
    active: z.boolean().nullish().openapi({ description: 'Default true on create; kept on update when absent' }),
    categories: z
      .array(z.number().int('Category ids are integers').min(0, 'Category ids are >= 0'))
      .max(LIMITS.categories, `At most ${LIMITS.categories} categories`)
      .nullish()
      .openapi({ description: 'PrestaShop category ids, kept in `extensions.gesmart.categories`', example: [5, 12] }),
    ean13: Ean13.nullish().openapi({
      description:
        '13 characters, or empty for no GTIN. Kept as sent in `extensions.gesmart.ean13`; it becomes the product\'s `gtin` only when it is 13 digits with a valid check digit (otherwise the answer\'s `details` carries a warning)',
    }),
    weight: z.number().min(0, 'Weight must be >= 0').nullish().openapi({ description: 'Kilograms' }),
    brand: Brand.nullish(),
    images: z.array(Image).max(LIMITS.images, `At most ${LIMITS.images} images`).nullish().openapi({ description: 'Replaces the product\'s images when given' }),
    technical_data: z
      .array(TechnicalData)
      .max(LIMITS.technicalData, `At most ${LIMITS.technicalData} technical data items`)
      .nullish()
      .openapi({ description: 'Replaces the product\'s technical data (attributes) when given' }),
  })
  .openapi('GesmartProduct');

export type GesmartProduct = z.infer<typeof Product>;

export const BatchBody = z
  .object({
    products: z.array(Product).min(1, 'products must not be empty').openapi({ description: 'At most 1000 products (the `maxBatchItems` option)' }),
  })
  .openapi('GesmartBatchRequest');

/** How the batch envelope is checked; items are checked one by one against `Product`. */
export const BatchEnvelope = z.object({ products: z.array(z.unknown()).min(1, 'products must not be empty') });

export const LoginBody = z
  .object({
    apiKey: z.string().min(1).optional().openapi({ description: 'A Shelfsync tenant API key', example: 'ssk_...' }),
    api_key: z.string().min(1).optional().openapi({ description: 'The same, snake case (read when `apiKey` is absent)' }),
  })
  .refine((body) => body.apiKey !== undefined || body.api_key !== undefined)
  .openapi('GesmartLoginRequest', { description: '`{"apiKey": "..."}` or `{"api_key": "..."}`; anything else is a 400 naming this body' });

// ---- answers -----------------------------------------------------------------------------------

export const ErrorBody = z
  .object({
    success: z.literal(false),
    error: z.string().openapi({ example: 'Validation failed' }),
    details: z.array(z.object({ field: z.string().openapi({ example: 'price' }), message: z.string().openapi({ example: 'Price must be a positive number' }) })),
  })
  .openapi('GesmartError');

export const LoginAnswer = z
  .object({
    success: z.literal(true),
    data: z.object({
      token: z.string().openapi({ description: 'HS256 JWT; send as `Authorization: Bearer <token>`' }),
      expiresIn: z.number().int().openapi({ description: 'Seconds', example: 3600 }),
    }),
  })
  .openapi('GesmartLoginResponse');

/** Accepted with a warning (an ean13 that is not used as the GTIN): the error format's `details`, on a success. */
const Warnings = z
  .array(z.object({ field: z.string().openapi({ example: 'ean13' }), message: z.string() }))
  .optional()
  .openapi({ description: 'Warnings about accepted values (e.g. an ean13 with a wrong check digit, not used as the GTIN); absent when there are none' });

export const SyncAnswer = z
  .object({
    success: z.literal(true),
    message: z.string().openapi({ example: 'Product synchronized successfully' }),
    data: z.object({
      productId: z.number().int().openapi({ description: "The product's server number", example: 123 }),
      reference: z.string(),
      presta_id: z.number().int().openapi({ description: 'The same number as productId' }),
      syncId: z.string().openapi({ description: 'The job id', example: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
      operation: z.enum(OPERATIONS),
      imagesProcessed: z.number().int().openapi({ description: 'Images accepted (their processing continues on the ingest queue)' }),
      technicalDataProcessed: z.number().int(),
    }),
    details: Warnings,
  })
  .openapi('GesmartSyncResponse');

const BatchResult = z.object({
  reference: z.string().nullable(),
  success: z.boolean(),
  productId: z.number().int().optional(),
  presta_id: z.number().int().optional(),
  error: z.string().optional(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional().openapi({ description: 'Why the product failed, or warnings about a product that succeeded' }),
});

export const BatchAnswer = z
  .object({
    success: z.literal(true),
    message: z.string().openapi({ example: 'Batch synchronization completed' }),
    data: z.object({
      syncId: z.string().openapi({ description: 'The job of the whole batch: its status is `partial` when some products failed, `failed` when all did' }),
      total: z.number().int(),
      successful: z.number().int(),
      failed: z.number().int(),
      results: z.array(BatchResult),
    }),
  })
  .openapi('GesmartBatchResponse');

export const DeleteAnswer = z
  .object({
    success: z.literal(true),
    message: z.string().openapi({ example: 'Product deleted successfully' }),
    data: z.object({ reference: z.string(), presta_id: z.number().int(), syncId: z.string() }),
  })
  .openapi('GesmartDeleteResponse');

export const SYNC_STATUSES = ['pending', 'processing', 'completed', 'failed', 'partial'] as const;

export const StatusAnswer = z
  .object({
    success: z.literal(true),
    data: z.object({
      syncId: z.string(),
      reference: z.string().nullable(),
      status: z.enum(SYNC_STATUSES).openapi({
        description: 'A single-product sync ends `completed` or `failed`; a batch ends `completed`, `partial` (some products failed) or `failed` (all did)',
      }),
      operation: z.enum(['create', 'update', 'delete']).nullable(),
      startedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      duration: z.number().int().nullable().openapi({ description: 'Milliseconds' }),
      productId: z.number().int().nullable(),
      presta_id: z.number().int().nullable(),
      error: z.string().optional().openapi({ description: 'Why a failed sync failed' }),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('GesmartSyncStatusResponse');

export const WebhookAnswer = z
  .object({
    success: z.literal(true),
    message: z.string().openapi({ example: 'Webhook received and processing started' }),
    data: z.object({ syncId: z.string(), reference: z.string(), queued: z.literal(true) }),
    details: Warnings,
  })
  .openapi('GesmartWebhookResponse');

export const ReferenceQuery = z.object({ reference: z.string().min(1, 'reference is required').openapi({ param: { name: 'reference', in: 'query' }, example: 'PROD001' }) });
export const SyncIdQuery = z.object({ syncId: z.string().min(1, 'syncId is required').openapi({ param: { name: 'syncId', in: 'query' }, example: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }) });
