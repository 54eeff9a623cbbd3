/**
 * Robosize's shapes (seed 004, "Product sync API"), as its clients send and read them, with Django
 * REST Framework's own error words so a DRF client sees the messages it knows. Parsers are lenient in
 * the dialect way: unknown fields are dropped, numbers are read where DRF reads them (`store_id: 123`,
 * `fit_toughness: "5"`); the canonical schema judges the merged product afterwards (mapping.ts maps its
 * field names back).
 */
import { z } from '@hono/zod-openapi';
import { ID_PATTERN, RESERVED_ID_PREFIX } from '../../catalog/model/product.schema';

export const REQUIRED = 'This field is required.';
export const NOT_NULL = 'This field may not be null.';
export const BLANK = 'This field may not be blank.';
const NOT_STRING = 'Not a valid string.';
const NOT_INTEGER = 'A valid integer is required.';
const NOT_URL = 'Enter a valid URL.';
/** Bounds on the free JSON of `size_chart` and `fabric`, which no canonical field checks. */
export const MAX_EXTENSION_BYTES = 16 * 1024;

type Issue = { input?: unknown };
const typed = (what: string) => (issue: Issue) => (issue.input === undefined ? REQUIRED : issue.input === null ? NOT_NULL : what);
const maxChars = (max: number) => ({ error: `Ensure this field has no more than ${max} characters.` });

/** A DRF CharField: a string, trimmed, not blank. */
const text = (max: number) => z.string({ error: typed(NOT_STRING) }).trim().min(1, BLANK).max(max, maxChars(max));

/** The caller's id; DRF's CharField also takes a number and reads its text. */
export const StoreId = z
  .union([z.string(), z.number()], { error: typed(NOT_STRING) })
  .superRefine((value, ctx) => {
    const id = String(value).trim();
    const message =
      id === ''
        ? BLANK
        : !ID_PATTERN.test(id)
          ? 'Use 1-128 characters of A-Z a-z 0-9 . _ : @ ~ - (not starting with . - : @ ~).'
          : id.startsWith(RESERVED_ID_PREFIX)
            ? `The "${RESERVED_ID_PREFIX}" prefix is reserved.`
            : null;
    if (message) ctx.addIssue({ code: 'custom', message });
  })
  .openapi({ description: "The product's id in your store (Shelfsync's product id); a PATCH with a new one renames the product", example: '123456' });

const HttpUrl = z
  .string({ error: typed(NOT_STRING) })
  .trim()
  .min(1, BLANK)
  .max(2048, maxChars(2048))
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, NOT_URL);

const Tag = z
  .union([z.string().trim().min(1).max(255), z.object({ name: z.string().trim().min(1).max(255) })], {
    error: 'Each tag is a string of 1-255 characters (or {"name": "..."}).',
  })
  .openapi({ description: 'A tag name; `{"name": ...}` as the list renders it is read too' });

const IntegerLike = z
  .union([z.number().int(), z.string().trim().regex(/^-?\d+$/)], { error: NOT_INTEGER })
  .openapi({ type: 'integer' });

const JsonDict = z
  .record(z.string(), z.unknown(), { error: (issue: Issue) => (issue.input === undefined ? REQUIRED : `Expected a dictionary of items but got type "${Array.isArray(issue.input) ? 'list' : typeof issue.input}".`) })
  .refine((value) => new TextEncoder().encode(JSON.stringify(value)).length <= MAX_EXTENSION_BYTES, `Ensure this field has no more than ${MAX_EXTENSION_BYTES} bytes of JSON.`);

/** Every field a create or an update may carry (the update also names its `products`). */
const fields = {
  name: text(500).openapi({ description: "The product's title", example: 'PRODUCT_NAME' }),
  store_id: StoreId,
  tags: z
    .array(Tag, { error: (issue: Issue) => (issue.input === undefined ? REQUIRED : 'Expected a list of items.') })
    .max(100, 'Ensure this field has no more than 100 elements.')
    .nullable()
    .openapi({ description: 'Replaces the tag list', example: ['tag 1', 'tag 2', 'tag 3'] }),
  image_url: HttpUrl.nullable().openapi({
    description: "Replaces the product's images with this one (null removes them); processed in the background into `image_md`",
    example: 'https://example.com/product.jpg',
  }),
  type: text(255).nullable().openapi({ description: 'Garment type, kept as given', example: 'top' }),
  status: z
    .enum(['active', 'inactive'], { error: (issue: Issue) => (issue.input === undefined ? REQUIRED : `"${String(issue.input)}" is not a valid choice.`) })
    .nullable()
    .openapi({ description: 'Whether the product is active; a new product without it is `active`' }),
  brand: text(255).nullable().openapi({ example: 'BRAND' }),
  fit_toughness: IntegerLike.nullable().openapi({ example: 5 }),
  comment: z.string({ error: typed(NOT_STRING) }).max(10_000, maxChars(10_000)).nullable(),
  available_sizes: z
    .union([z.string().max(6_500), z.array(z.string().trim().min(1).max(64))], { error: 'Sizes are a comma-separated string like "S,M,L" (or a list of strings).' })
    .nullable()
    .openapi({ description: 'Comma-separated sizes; replaces the size list', example: 'S,M,L,XL,XXL' }),
  size_chart: JsonDict.nullable().openapi({ example: {} }),
  fabric: JsonDict.nullable().openapi({ example: {} }),
};

/** Everything but the name and store id is optional, on create and on update alike. */
const optionalFields = {
  tags: fields.tags.optional(),
  image_url: fields.image_url.optional(),
  type: fields.type.optional(),
  status: fields.status.optional(),
  brand: fields.brand.optional(),
  fit_toughness: fields.fit_toughness.optional(),
  comment: fields.comment.optional(),
  available_sizes: fields.available_sizes.optional(),
  size_chart: fields.size_chart.optional(),
  fabric: fields.fabric.optional(),
};

export const CreateBody = z
  .object({ name: fields.name, store_id: fields.store_id, ...optionalFields })
  .openapi('RobosizeCreateRequest', {
    description: 'A new product (a known `store_id` is updated instead: the fields given are merged over it)',
  });

export const ProductIdRef = z
  .union([z.number().int().positive(), z.string().trim().regex(/^\d+$/)], { error: NOT_INTEGER })
  .openapi({ description: 'A product `id` as the list and the create answer return it (`"17"`; the number `17` is read too)', example: '17' });

export const UpdateBody = z
  .object({
    products: z
      .array(ProductIdRef, { error: (issue: Issue) => (issue.input === undefined ? REQUIRED : 'Expected a list of items.') })
      .min(1, 'This list may not be empty.')
      .openapi({ description: 'The `id`s of the products to update: all of them, or none if any is unknown' }),
    name: fields.name.optional(),
    store_id: fields.store_id.optional().openapi({ description: 'Renames the product (one product per request); 409 if another product has it' }),
    ...optionalFields,
  })
  .openapi('RobosizeUpdateRequest', { description: 'Sets only the fields given, on every product listed' });

export type CreateBodyT = z.infer<typeof CreateBody>;
export type UpdateBodyT = z.infer<typeof UpdateBody>;
export type WritableFields = Partial<Omit<CreateBodyT, 'store_id'>>;

export const ListQuery = z.object({
  limit: z.string().optional().openapi({ description: 'Page size (default 50, at most 200; anything else falls back to the default)', example: '50' }),
  offset: z.string().optional().openapi({ description: 'Products to skip (default 0, at most 10000: past it a 400 on `offset`)', example: '0' }),
});

export const DeleteQuery = z.object({
  hash: z.string().optional().openapi({ description: 'The `id` of the product to delete', example: '17' }),
});

export const Product = z
  .object({
    id: z.string().openapi({ description: "Shelfsync's number for the product (digits, as a string), used in PATCH and DELETE", example: '17' }),
    store_id: z.string().openapi({ example: '123456' }),
    name: z.string().nullable().openapi({ example: 'PRODUCT_NAME' }),
    status: z.enum(['active', 'inactive']).nullable(),
    brand: z.string().nullable(),
    tags: z.array(z.object({ name: z.string() })).openapi({ example: [{ name: 'Pant' }] }),
    fit_toughness: z.number().nullable().openapi({ example: 5 }),
    comment: z.string().nullable(),
    image_md: z.string().nullable().openapi({ description: 'Signed, expiring URL of the first image at medium size (1200 px WebP) once processed; null before' }),
    available_sizes: z.string().nullable().openapi({ example: 'S,M,L,XL,XXL' }),
    size_chart: z.record(z.string(), z.unknown()),
    fabric: z.record(z.string(), z.unknown()),
    handle: z.string().nullable().openapi({ description: 'A slug of the name', example: 'product-name' }),
    type: z.string().nullable().openapi({ description: 'As last written (not in the seed list; returned so it can be read back)', example: 'top' }),
  })
  .openapi('RobosizeProduct');

export const ProductList = z
  .object({
    count: z.number().int().openapi({ example: 1000 }),
    next: z.string().nullable().openapi({ example: 'https://shelfsync.example/compat/robosize/api/v1/product/?api_key=API_KEY&limit=50&offset=50' }),
    previous: z.string().nullable(),
    results: z.array(Product),
  })
  .openapi('RobosizeProductList');

export const Created = z
  .object({
    created: z.number().int().openapi({ description: '1 when the product is new, 0 when an existing `store_id` was updated', example: 1 }),
    id: z.string().openapi({ description: 'The product `id` (digits, as a string)', example: '17' }),
  })
  .openapi('RobosizeCreated');

export const Updated = z.object({ message: z.literal('Products updated') }).openapi('RobosizeUpdated');

export const DetailError = z.object({ detail: z.string().openapi({ example: 'Not found.' }) }).openapi('RobosizeDetailError');

export const FieldErrors = z
  .record(z.string(), z.array(z.string()))
  .openapi('RobosizeFieldErrors', { description: 'Messages per field, DRF style', example: { name: ['This field is required.'] } });
