import { createRoute, z } from '@hono/zod-openapi';
import { authProblems, bearerSecurity, json, jsonBody, problems, writeProblems } from '../http/openapi';
import { JobSchema } from '../jobs/jobs.schemas';
import { MAX_SEARCH_TERMS } from './list-filters';
import { ProductId, ProductInput, ProductOut, productStatuses } from './model/product.schema';
import { MAX_SCANNED_ROWS } from './read-products';

const tags = ['Products'];
const IdParam = z.object({ id: ProductId.openapi({ param: { name: 'id', in: 'path' } }) });
const jobIdHeader = { 'Job-Id': { schema: { type: 'string' as const }, description: 'The job this write created' } };
const etagHeader = { ETag: { schema: { type: 'string' as const }, description: 'The product version, for If-Match' } };
const readEtagHeader = {
  ETag: { schema: { type: 'string' as const }, description: 'A tag of this answer, for If-None-Match (a product\'s is `"<version>-<hash>"`, which If-Match on writes also takes)' },
};
const IdempotencyHeader = z.object({
  'idempotency-key': z.string().optional().openapi({ description: 'Replays the first response for 24 h' }),
});

export const putProductRoute = createRoute({
  method: 'put',
  path: '/products/{id}',
  tags,
  security: bearerSecurity,
  summary: 'Create or replace a product',
  description:
    'A write that changes nothing keeps the version and emits no event. With `If-Match: "<version>"` the product must exist at that version, with `If-Match: *` it must exist: otherwise 412 and nothing changes.',
  request: { params: IdParam, headers: IdempotencyHeader.extend({ 'if-match': z.string().optional() }), body: jsonBody(ProductInput) },
  responses: {
    200: { ...json(ProductOut, 'Replaced (or unchanged)'), headers: { ...jobIdHeader, ...etagHeader } },
    201: { ...json(ProductOut, 'Created'), headers: { ...jobIdHeader, ...etagHeader } },
    ...problems(...writeProblems, 412),
  },
});

export const patchProductRoute = createRoute({
  method: 'patch',
  path: '/products/{id}',
  tags,
  security: bearerSecurity,
  summary: 'Change a product with a JSON Merge Patch (RFC 7396)',
  description: '`null` removes a field; arrays replace. With `If-Match: "<version>"` a stale version answers 412.',
  request: {
    params: IdParam,
    headers: IdempotencyHeader.extend({ 'if-match': z.string().optional() }),
    body: {
      required: true,
      content: {
        'application/merge-patch+json': { schema: z.record(z.string(), z.unknown()) },
        'application/json': { schema: z.record(z.string(), z.unknown()) },
      },
    },
  },
  responses: {
    200: { ...json(ProductOut, 'Patched'), headers: { ...jobIdHeader, ...etagHeader } },
    ...problems(...writeProblems, 404, 412),
  },
});

export const getProductRoute = createRoute({
  method: 'get',
  path: '/products/{id}',
  tags,
  security: bearerSecurity,
  summary: 'Read a product',
  request: { params: IdParam },
  responses: {
    200: { ...json(ProductOut, 'The product'), headers: readEtagHeader },
    304: { description: 'Not modified (If-None-Match matched the ETag)', headers: readEtagHeader },
    ...problems(...authProblems, 404),
  },
});

export const deleteProductRoute = createRoute({
  method: 'delete',
  path: '/products/{id}',
  tags,
  security: bearerSecurity,
  summary: 'Delete a product (a product.deleted event is kept)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted', headers: jobIdHeader }, ...problems(...authProblems, 404) },
});

export const listProductsRoute = createRoute({
  method: 'get',
  path: '/products',
  tags,
  security: bearerSecurity,
  summary: 'List products in a stable order (keyset cursor)',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().optional(),
      updated_since: z.string().optional().openapi({ format: 'date-time', description: 'RFC 3339' }),
      status: z.enum(productStatuses).optional(),
      brand: z.string().min(1).max(255).optional().openapi({ description: 'Exact brand' }),
      gtin: z.string().regex(/^\d{8,14}$/, 'Must be 8 to 14 digits').optional().openapi({ description: 'Exact GTIN as stored' }),
      itemGroupId: z.string().min(1).max(128).optional().openapi({ description: 'Exact item group id (the variants of one product)' }),
      productType: z.string().min(1).max(750).optional().openapi({ description: 'Prefix of productType, case-sensitive: `KIDS > MALE` matches `KIDS > MALE > BOTTOMS`' }),
      active: z.enum(['true', 'false']).optional().openapi({ description: 'Products whose `active` is set to this value (products without `active` match neither)' }),
      q: z.string().min(1).max(200).optional().openapi({ description: `Title search (every localized title too): all words must match, the last as a prefix; at most ${MAX_SEARCH_TERMS} words` }),
    }),
  },
  description:
    `Without filters, products in \`number\` order. Each filter is served by its own index in its own order: \`updated_since\` by (updatedAt, number), \`productType\` by (productType, number), \`q\` in search-index order, the others by number. With several filters the most selective one (gtin, itemGroupId, q, brand, productType, updated_since, status, active) walks its index and the others are checked on at most ${MAX_SCANNED_ROWS} rows per page: a page may then hold fewer items than \`limit\` (even none) with a \`nextCursor\` to continue. A cursor is valid only with the filters it was issued for (400 otherwise: restart the listing).`,
  responses: {
    200: { ...json(z.object({ data: z.array(ProductOut), nextCursor: z.string().nullable() }), 'A page of products'), headers: readEtagHeader },
    304: { description: 'Not modified (If-None-Match matched the ETag)', headers: readEtagHeader },
    ...problems(...authProblems, 400, 422),
  },
});

const BatchResult = z
  .object({
    index: z.number().int(),
    id: z.string().nullable(),
    ok: z.boolean(),
    status: z.enum(['created', 'updated', 'unchanged', 'failed']),
    number: z.number().int().optional(),
    version: z.number().int().optional(),
    error: z.object({ code: z.string(), errors: z.array(z.object({ path: z.string(), message: z.string() })) }).optional(),
  })
  .openapi('BatchItemResult');

export const batchProductsRoute = createRoute({
  method: 'post',
  path: '/products/batch',
  tags,
  security: bearerSecurity,
  summary: 'Create or replace up to 1,000 products; valid items commit even when others fail',
  description:
    'Each item has the ProductInput shape plus a required `id`; items are validated one by one and reported in input order. Error paths are JSON Pointers relative to the item.',
  request: {
    headers: IdempotencyHeader,
    body: jsonBody(
      z.object({
        // Items are validated one by one (a bad item is a failed result, not a failed batch).
        products: z.array(z.unknown().openapi({ type: 'object', description: 'A ProductInput with its id' })),
      }),
    ),
  },
  responses: {
    200: { ...json(z.object({ job: JobSchema, results: z.array(BatchResult) }), 'Per-item results'), headers: jobIdHeader },
    ...problems(...writeProblems),
  },
});

export const createProductRoute = createRoute({
  method: 'post',
  path: '/products',
  tags,
  security: bearerSecurity,
  summary: 'Create or replace a product (its id in the body), as JSON or multipart with image files',
  description:
    'multipart/form-data: the product JSON in a `data` field, each image file in a part named by its `images[].source.fileKey`. Files are streamed to storage one at a time (<= 10 MB each). `Idempotency-Key` works with JSON bodies; re-sending an upload is naturally idempotent.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: ProductInput },
        'multipart/form-data': {
          schema: z.object({ data: z.string().openapi({ description: 'The ProductInput JSON, with its id' }) }).catchall(z.string().openapi({ format: 'binary' })),
        },
      },
    },
  },
  responses: {
    200: { ...json(ProductOut, 'Replaced (or unchanged)'), headers: { ...jobIdHeader, ...etagHeader } },
    201: { ...json(ProductOut, 'Created'), headers: { ...jobIdHeader, ...etagHeader } },
    ...problems(...writeProblems),
  },
});
