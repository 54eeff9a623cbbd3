/** /v1/products: the canonical catalog routes over the catalog service. */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { limitBodyTo, readJsonIfJson, requireJson } from '../http/body';
import { readEtag } from '../http/etag';
import { ApiError } from '../http/problem';
import { jsonBody } from '../http/openapi';
import { createRouter } from '../http/router';
import { idempotency } from '../idempotency/idempotency';
import { renderJob } from '../jobs/jobs.repository';
import { encodeCursor } from '../lib/cursor';
import type { ListParams } from './list-filters';
import { catalog } from './catalog-context';
import { createProduct } from './create-product';
import { ProductInputBody } from './model/product.fast-path';
import { parseRfc3339 } from '../lib/dates';
import * as routes from './products.routes';
import { batchUpsert, getProduct, type IfMatch, listProductPage, patchProduct, putProduct, removeProduct } from './products.service';

/** `?refresh=true`: the written products' settled images are fetched and processed again. */
const refreshOf = (c: Context<AppEnv>) => ({ refresh: c.req.query('refresh') === 'true' });

/**
 * `"3"`, `W/"3"` -> 3; a read's tag `"3-<hash>"` -> 3 as well (a write's precondition is the version;
 * the hash only tells reads apart); `*` -> '*' (any current version); anything else is a 412 (it can
 * never match a version).
 */
function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) return null;
  if (header.trim() === '*') return '*';
  const match = /^(?:W\/)?"(\d+)(?:-[A-Za-z0-9_-]+)?"$/.exec(header.trim());
  if (!match) throw new ApiError('precondition_failed', 'If-Match must be an ETag this API issued, like "3"');
  return Number(match[1]);
}

const etag = (version: number) => `"${version}"`;

/** Every single-product write answers with its job and the product's new ETag. */
function writeHeaders(c: Context<AppEnv>, written: { jobId: string; product: { version: number } }): void {
  c.header('Job-Id', written.jobId);
  c.header('ETag', etag(written.product.version));
}

export function productsRouter() {
  const router = createRouter();
  const single = [limitBodyTo('single'), requireJson(), idempotency()];

  router.openapi({ ...routes.batchProductsRoute, middleware: [limitBodyTo('batch'), requireJson(), idempotency()] as const }, async (c) => {
    const { products } = c.req.valid('json');
    const max = c.get('options').maxBatchItems;
    if (products.length > max) {
      throw new ApiError('validation_failed', `A batch holds at most ${max} products`, [{ path: '/products', message: `At most ${max} items` }]);
    }
    const ctx = catalog(c);
    const result = await batchUpsert(ctx, products, refreshOf(c));
    // The job as the write's own transaction left it (read in its batch: no round trip after it).
    const job = renderJob(result.job);
    c.header('Job-Id', result.jobId);
    return c.json({ job, results: result.results }, 200);
  });

  // Routed by hand (and documented through the registry): a validator would buffer the multipart body.
  router.openAPIRegistry.registerPath(routes.createProductRoute);
  router.post('/products', limitBodyTo('upload'), readJsonIfJson(), idempotency(), async (c) => {
    const written = await createProduct(c, catalog(c), refreshOf(c));
    writeHeaders(c, written);
    if (written.outcome === 'created') {
      c.header('Location', `${c.req.path}/${encodeURIComponent(written.product.id)}`);
      return c.json(written.product, 201);
    }
    return c.json(written.product, 200);
  });

  // Documented with ProductInput; checked at run time by ProductInputBody (the plain checks first, same
  // errors), since validateProduct checks the body again: zod twice was most of a PUT's CPU.
  router.openAPIRegistry.registerPath(routes.putProductRoute);
  const putRuntime = { ...routes.putProductRoute, request: { ...routes.putProductRoute.request, body: jsonBody(ProductInputBody) } };
  router.openapi({ ...putRuntime, hide: true, middleware: single }, async (c) => {
    const { id } = c.req.valid('param');
    const ifMatch = parseIfMatch(c.req.header('if-match'));
    const written = await putProduct(catalog(c), id, c.req.valid('json'), null, 'products.put', ifMatch, refreshOf(c));
    writeHeaders(c, written);
    if (written.outcome === 'created') {
      c.header('Location', c.req.path);
      return c.json(written.product, 201);
    }
    return c.json(written.product, 200);
  });

  router.openapi({ ...routes.patchProductRoute, middleware: single }, async (c) => {
    const { id } = c.req.valid('param');
    const ifMatch = parseIfMatch(c.req.header('if-match'));
    const body = c.req.valid('json');
    // PATCH needs an existing product anyway (404 without one), so `*` adds no condition.
    const written = await patchProduct(catalog(c), id, body, ifMatch === '*' ? null : ifMatch, refreshOf(c));
    writeHeaders(c, written);
    return c.json(written.product, 200);
  });

  router.openapi({ ...routes.getProductRoute, middleware: [readEtag()] as const }, async (c) => {
    const product = await getProduct(catalog(c), c.req.valid('param').id);
    c.header('ETag', etag(product.version));
    return c.json(product, 200);
  });

  router.openapi(routes.deleteProductRoute, async (c) => {
    const { jobId } = await removeProduct(catalog(c), c.req.valid('param').id);
    c.header('Job-Id', jobId);
    return c.body(null, 204);
  });

  router.openapi({ ...routes.listProductsRoute, middleware: [readEtag()] as const }, async (c) => {
    const { limit, cursor, updated_since, status, brand, gtin, itemGroupId, productType, active, q } = c.req.valid('query');
    let updatedSince: number | undefined;
    if (updated_since !== undefined) {
      updatedSince = parseRfc3339(updated_since) ?? undefined;
      if (updatedSince === undefined) {
        throw new ApiError('validation_failed', 'Invalid query parameters', [{ path: 'query.updated_since', message: 'Must be an RFC 3339 date-time' }]);
      }
    }
    const params: ListParams = { updatedSince, status, brand, gtin, itemGroupId, productType, active: active === undefined ? undefined : active === 'true', q };
    return c.json(await listProductPage(catalog(c), params, cursor, limit), 200);
  });

  return router;
}
