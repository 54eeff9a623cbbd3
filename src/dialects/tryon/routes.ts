/** The tryon dialect's routes, for validation and for /compat/tryon/openapi.json. */
import { createRoute, z } from '@hono/zod-openapi';
import { ExternalIdParam, ListQuery, TryonError, TryonProduct, TryonProductInput, TryonProductList, TryonUpsertAnswer } from './schemas';

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { apiKey: [] }];
const tags = ['Products'];

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(TryonError, description);

export const upsertRoute = createRoute({
  method: 'post',
  path: '/products',
  tags,
  security,
  summary: 'Upsert a product by (account, externalId)',
  description:
    'Creates the product the first time, then merges: fields you omit are kept, `images` (or `imageUrls`) replaces the list. ' +
    'Send `application/json` when all images are URLs, or `multipart/form-data` with the JSON in a `data` field and each file in a part named by its `images[].source.fileKey`. ' +
    'Image processing is asynchronous: each image starts `pending`; read it back with `GET /products/{externalId}`.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: TryonProductInput },
        'multipart/form-data': {
          schema: z
            .object({ data: z.string().openapi({ description: 'The TryonProductInput JSON' }) })
            .catchall(z.string().openapi({ format: 'binary', description: 'An image file, named by an images[].source.fileKey' })),
        },
      },
    },
  },
  responses: {
    200: json(TryonUpsertAnswer, 'Updated (or unchanged)'),
    201: json(TryonUpsertAnswer, 'Created'),
    400: error('Invalid request (shape, both images and imageUrls, a source without exactly one of url / fileKey, a reserved `_anon_` id, a fileKey with no file part)'),
    401: error('Missing or invalid API key'),
    413: error('Body or a file too large (10 MB per file)'),
    415: error('Neither JSON nor multipart/form-data'),
    429: error('Rate limited'),
  },
});

export const listRoute = createRoute({
  method: 'get',
  path: '/products',
  tags,
  security,
  summary: 'List products (oldest first)',
  request: { query: ListQuery },
  responses: {
    200: json(TryonProductList, 'A page of products'),
    400: error('Invalid limit or cursor'),
    401: error('Missing or invalid API key'),
    429: error('Rate limited'),
  },
});

export const getRoute = createRoute({
  method: 'get',
  path: '/products/{externalId}',
  tags,
  security,
  summary: 'Read one product, with its metadata and per-image status',
  request: { params: ExternalIdParam },
  responses: {
    200: json(TryonProduct, 'The product'),
    401: error('Missing or invalid API key'),
    404: error('No product with this externalId in your account'),
    429: error('Rate limited'),
  },
});
