/**
 * The Robosize dialect (seed 004, "Product sync API") under /compat/robosize: Django REST Framework
 * conventions over the catalog service. The tenant comes from `?api_key=`; `id` is the product's
 * server `number` (a string of digits, as the seed shows `"id": "PRODUCT_ID"`; numbers are read too),
 * `store_id` the caller's id. Lists are DRF limit/offset pages; writes merge
 * (mergeWrite); a new `store_id` renames (the catalog's renameProduct); errors are `{"detail": ...}` or
 * `{"field": ["message"]}`.
 *
 * The key rides in the query string, so no log line here ever contains a URL: Shelfsync logs request
 * ids and stacks only (see docs/dialects/robosize.md for what the platform logs).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { catalog } from '../../catalog/catalog-context';
import { idsByNumber, productExists, productPageByOffset } from '../../catalog/lookups';
import { deleteProduct, type RenameResult, renameProduct } from '../../catalog/products.service';
import type { AppEnv } from '../../env';
import { limitBodyTo, requireJson } from '../../http/body';
import { ApiError, type FieldError } from '../../http/problem';
import { signedImageUrl, urlBase } from '../../images/image-url';
import { examples } from './examples';
import { createDialectApp, type DialectError } from '../shared/dialect-app';
import { dialectKeyAuth } from '../shared/dialect-auth';
import { type MergeFailure, mergeWrite } from '../shared/merge-write';
import { MAX_OFFSET, OFFSET_TOO_DEEP, pageLinks, readLimit, readOffset } from './list';
import { DIALECT, type RobosizePatch, renderProduct, robosizeFieldErrors, storeIdOf, toPatch } from './mapping';
import { documented, withoutSlash } from './routes';
import type { UpdateBodyT } from './schemas';

/** Where mountDialects() puts this app. */
const MOUNT = '/compat/robosize';

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

/** DRF's words for each failure; the status stays HTTP's, except validation (400) and authentication (403). */
function renderError(c: Context<AppEnv>, error: DialectError): Response {
  if (error.errors.length > 0 && (error.code === 'validation_failed' || error.code === 'conflict' || error.code === 'bad_request')) {
    const body: Record<string, string[]> = {};
    for (const { path, message } of error.errors) {
      const [field = '', index] = path.split(/[.[\]]/).filter(Boolean);
      const key = field || 'non_field_errors';
      const text = index !== undefined && /^\d+$/.test(index) ? `Item ${index}: ${message}` : message;
      (body[key] ??= []).push(text);
    }
    return c.json(body, error.code === 'conflict' ? 409 : 400);
  }
  const detail = (status: number, text: string) => c.json({ detail: text }, status as 400);
  switch (error.code) {
    case 'validation_failed':
      return detail(400, error.message);
    case 'bad_request':
      return detail(400, `JSON parse error - ${error.message}.`);
    // DRF answers 403 (not 401) when the authentication scheme sends no WWW-Authenticate challenge, as a query key cannot.
    case 'unauthorized':
      return detail(403, error.message === 'Missing API key' ? 'Authentication credentials were not provided.' : 'Incorrect authentication credentials.');
    case 'not_found':
      return detail(404, error.message === 'Not found' ? 'Not found.' : error.message);
    case 'method_not_allowed':
      return detail(405, `Method "${c.req.method}" not allowed.`);
    case 'unsupported_media_type':
      return detail(415, `Unsupported media type "${c.req.header('content-type') ?? ''}" in request.`);
    case 'rate_limited':
      return detail(429, `Request was throttled. Expected available in ${c.get('options').rateLimit.periodSeconds} seconds.`);
    case 'internal_error':
      return detail(500, 'A server error occurred.');
    default:
      return detail(error.status, error.message);
  }
}

/** A JSON body or none: any other declared media type is a 415 (DRF's parsers are JSON-only here). */
function jsonOnly(): MiddlewareHandler<AppEnv> {
  return async function jsonOnlyMiddleware(c, next) {
    const type = c.req.header('content-type');
    if (type !== undefined && type.trim() !== '' && !JSON_TYPE.test(type)) throw new ApiError('unsupported_media_type', 'Send application/json');
    await next();
  };
}

const fieldError = (path: string, message: string) => new ApiError('validation_failed', message, [{ path, message }]);

/**
 * The public URL pieces of this request: `base` is where the whole app is served (PUBLIC_BASE_URL
 * when configured), so image URLs point at its /v1; `self` is this request's own absolute URL.
 * (catalog's requestBase() cuts at "/v1/", which this dialect's own "/api/v1/" would fool.)
 */
function publicUrls(c: Context<AppEnv>): { base: string; self: string } {
  const url = new URL(c.req.url);
  const at = url.pathname.lastIndexOf(`${MOUNT}/`);
  const appPath = at >= 0 ? url.pathname.slice(0, at) : '';
  const base = urlBase(c.env, url.origin + appPath);
  return { base, self: base + url.pathname.slice(appPath.length) + url.search };
}


/** A refused merge write as Robosize says it: 404 for a product that went away, else the fields. */
function refusal(failures: MergeFailure[], numberOf: (id: string) => number | undefined): ApiError {
  const gone = failures.find((f) => f.code === 'not_found');
  if (gone) return new ApiError('not_found', `No product with id ${numberOf(gone.id) ?? gone.id}.`);
  const errors: FieldError[] = robosizeFieldErrors(failures.flatMap((f) => f.errors));
  return new ApiError('validation_failed', 'Invalid fields', errors);
}

const extensionsOrNone = (p: RobosizePatch) => (Object.keys(p.extensions).length > 0 ? p.extensions : undefined);

export function robosizeApp() {
  const { app, finish } = createDialectApp({
    examples,
    name: DIALECT,
    title: 'Robosize compatibility API',
    description:
      'Robosize\'s "Product sync API" (seed 004) on Shelfsync: `?api_key=` picks the tenant; `id` is Shelfsync\'s product number, `store_id` your own id. Errors are `{"detail": ...}` or `{"field": ["message"]}` (Django REST Framework).',
    renderError,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'apiKey',
    in: 'query',
    name: 'api_key',
    description: 'A Shelfsync tenant API key',
  });

  const auth = dialectKeyAuth(['query']);
  const writeGuards: MiddlewareHandler<AppEnv>[] = [auth, limitBodyTo('single'), jsonOnly(), requireJson()];

  for (const routes of [documented, withoutSlash]) {
    app.openapi({ ...routes.list, middleware: [auth] as const }, async (c) => {
      const { limit: rawLimit, offset: rawOffset } = c.req.valid('query');
      const limit = readLimit(rawLimit);
      const offset = readOffset(rawOffset);
      if (offset > MAX_OFFSET) throw fieldError('offset', OFFSET_TOO_DEEP);
      const tenant = c.get('tenant');
      const { count, rows } = await productPageByOffset(catalog(c), limit, offset);
      const { base, self } = publicUrls(c);
      const results = await Promise.all(
        rows.map(async (row) => {
          const medium =
            row.image_id && row.image_has_medium
              ? await signedImageUrl(c.env, base, { id: row.image_id, sha256: row.image_sha256, status: row.image_status ?? '' }, 'medium')
              : null;
          return renderProduct(row, tenant.defaultLocale, medium);
        }),
      );
      return c.json({ count, ...pageLinks(self, count, limit, offset), results }, 200);
    });

    app.openapi({ ...routes.create, middleware: writeGuards }, async (c) => {
      const body = c.req.valid('json');
      const id = storeIdOf(body.store_id);
      const changes = toPatch(body);
      // New products are active unless the body says otherwise: the seed's list shows `"status": "active"`
      // for products made with its create body, which has no status.
      const defaults = { active: true };
      const result = await mergeWrite(catalog(c), [{ id, patch: changes.patch, extensions: extensionsOrNone(changes), mode: 'upsert', defaults }], {
        dialect: DIALECT,
        kind: 'robosize.create',
        allOrNothing: true,
      });
      if (result.failures.length > 0) throw refusal(result.failures, () => undefined);
      const written = result.written[0];
      if (!written) throw new ApiError('conflict', 'The product changed while it was written; retry.');
      const created = written.outcome === 'created';
      const number = String(written.number);
      return created ? c.json({ created: 1, id: number }, 201) : c.json({ created: 0, id: number }, 200);
    });

    app.openapi({ ...routes.update, middleware: writeGuards }, async (c) => {
      await updateProducts(c, c.req.valid('json'));
      return c.json({ message: 'Products updated' as const }, 200);
    });

    app.openapi({ ...routes.remove, middleware: [auth] as const }, async (c) => {
      const hash = c.req.valid('query').hash?.trim();
      if (!hash) throw fieldError('hash', 'This field is required.');
      if (!/^\d+$/.test(hash) || !Number.isSafeInteger(Number(hash))) throw fieldError('hash', 'A valid integer is required.');
      const ctx = catalog(c);
      const id = (await idsByNumber(ctx, [Number(hash)])).get(Number(hash));
      const result = id !== undefined ? await deleteProduct(ctx, id, { kind: 'robosize.delete' }) : null;
      if (!result?.deleted) throw new ApiError('not_found', `No product with id ${hash}.`);
      return c.body(null, 204);
    });
  }

  return finish();
}

/**
 * PATCH: resolve every `id` to its product (an unknown one: 404, nothing written); write the fields
 * given to all of them in one all-or-nothing merge; then, for a new `store_id`, rename the one
 * product. A taken `store_id` is refused before anything is written (409); only a rename that loses
 * a race after the fields were written leaves them written.
 */
async function updateProducts(c: Context<AppEnv>, body: UpdateBodyT): Promise<void> {
  const ctx = catalog(c);
  const numbers = [...new Set(body.products.map(Number))];
  const max = c.get('options').maxBatchItems;
  if (numbers.length > max) throw fieldError('products', `Ensure this field has no more than ${max} elements.`);
  const renameTo = body.store_id !== undefined ? storeIdOf(body.store_id) : null;
  if (renameTo !== null && numbers.length > 1) throw fieldError('store_id', 'Only one product can be given a new store_id at a time.');

  const idOf = await idsByNumber(ctx, numbers);
  const missing = numbers.filter((n) => !idOf.has(n));
  if (missing.length > 0) throw new ApiError('not_found', `No product with id ${missing.join(', ')}.`);
  const ids = numbers.map((n) => idOf.get(n)!);
  const numberOf = (id: string) => numbers.find((n) => idOf.get(n) === id);

  const renaming = renameTo !== null && renameTo !== ids[0];
  const taken = () => productExists(ctx, renameTo!);
  const takenError = () => new ApiError('conflict', 'Taken', [{ path: 'store_id', message: 'product with this store id already exists.' }]);
  if (renaming && (await taken())) throw takenError();

  const { products: _products, store_id: _storeId, ...fields } = body;
  const changes = toPatch(fields);
  // The rename follows the fields' write; the catalog service wakes the queues for both, under the new id.
  const rename = renaming ? { to: renameTo, kind: 'robosize.rename' } : undefined;
  let renamed: RenameResult | undefined;
  if (Object.keys(changes.patch).length > 0 || Object.keys(changes.extensions).length > 0) {
    const result = await mergeWrite(
      ctx,
      ids.map((id) => ({ id, patch: changes.patch, extensions: extensionsOrNone(changes), mode: 'update' as const })),
      { dialect: DIALECT, kind: 'robosize.update', allOrNothing: true, ...(rename ? { renameTo: rename } : {}) },
    );
    if (result.failures.length > 0) throw refusal(result.failures, numberOf);
    renamed = result.renamed;
  } else if (rename) {
    renamed = await renameProduct(ctx, ids[0]!, rename.to, rename.kind);
  }
  if (renamed && !renamed.renamed) throw (await taken()) ? takenError() : new ApiError('not_found', `No product with id ${numbers[0]}.`);
}
