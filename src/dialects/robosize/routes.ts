/**
 * Robosize's routes as the seed documents them (paths relative to /compat/robosize). DRF answers a
 * route with and without its trailing slash here: the documented form is `/api/v1/product/`, the
 * other is the same route, hidden from the document.
 */
import { createRoute, type z } from '@hono/zod-openapi';
import * as s from './schemas';

export const PRODUCT_PATH = '/api/v1/product/';

const tags = ['robosize'];
const security: Array<Record<string, string[]>> = [{ apiKey: [] }];

const jsonContent = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: jsonContent(schema) });

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid fields, `{"field": ["message"]}`; or a body that is not JSON, `{"detail": ...}`',
  403: 'Missing or invalid `api_key`',
  404: 'No product with that `id` (or not yours)',
  409: 'Another product already has the new `store_id`',
  413: 'Body too large',
  415: 'Send application/json',
  429: 'Rate limited; see Retry-After',
};

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, json(status === 400 || status === 409 ? s.FieldErrors.or(s.DetailError) : s.DetailError, ERROR_TEXT[status] ?? 'Error')]));

function routes(path: string, hide: boolean) {
  return {
    list: createRoute({
      method: 'get',
      path,
      hide,
      tags,
      security,
      summary: 'List products',
      description: 'Limit/offset pages in `id` order. `next` and `previous` are absolute URLs that keep your query (your `api_key` included) with `limit` and `offset` changed.',
      request: { query: s.ListQuery },
      responses: { 200: json(s.ProductList, 'A page of products, every documented key on every result'), ...errors(400, 403, 429) },
    }),
    create: createRoute({
      method: 'post',
      path,
      hide,
      tags,
      security,
      summary: 'Create product',
      description: 'Creates the product `store_id` (201, `created: 1`). A `store_id` you already have is updated instead: the fields given are merged over it (200, `created: 0`).',
      request: { body: { required: true, content: jsonContent(s.CreateBody) } },
      responses: {
        201: json(s.Created, 'Created'),
        200: json(s.Created, 'An existing `store_id`, updated'),
        ...errors(400, 403, 413, 415, 429),
      },
    }),
    update: createRoute({
      method: 'patch',
      path,
      hide,
      tags,
      security,
      summary: 'Update products',
      description:
        'Sets the fields given on every product in `products` and leaves the rest. All or nothing: an unknown `id` is a 404 and nothing changes. A `store_id` renames one product (400 with several, 409 if taken).',
      request: { body: { required: true, content: jsonContent(s.UpdateBody) } },
      responses: { 200: json(s.Updated, 'Every product listed was updated'), ...errors(400, 403, 404, 409, 413, 415, 429) },
    }),
    remove: createRoute({
      method: 'delete',
      path,
      hide,
      tags,
      security,
      summary: 'Delete product',
      request: { query: s.DeleteQuery },
      responses: { 204: { description: 'Deleted' }, ...errors(400, 403, 404, 429) },
    }),
  };
}

export const documented = routes(PRODUCT_PATH, false);
export const withoutSlash = routes(PRODUCT_PATH.slice(0, -1), true);
