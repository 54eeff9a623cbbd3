/**
 * The tryon dialect (seed 003, "Upsert Product") under /compat/tryon: `POST /products` upserts by
 * (account, externalId) from JSON or multipart (`data` field + files named by `images[].fileKey`),
 * `GET /products` and `GET /products/{externalId}` read back. The API key decides the account.
 *
 * Thin by design: the body is parsed into a merge patch (mapping.ts), written through mergeWrite
 * (omitted fields kept; a supplied image list replaces the list), read back through the catalog
 * service, and rendered in tryon's shape; every failure answers `{error: {code, message, details?}}`.
 * Top-level fields it does not know are kept in `extensions.tryon` and listed in the answer's
 * `warnings` (unknown-fields.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { readMultipart } from '../../catalog/create-product';
import { catalog } from '../../catalog/catalog-context';
import type { ProductDoc } from '../../catalog/model/product-doc';
import { type CatalogContext, getProduct, listProducts, render } from '../../catalog/products.service';
import { loadProduct } from '../../catalog/read-products';
import type { AppEnv } from '../../env';
import { limitBodyTo, readJsonIfJson } from '../../http/body';
import { cursorField } from '../../http/cursor';
import { ApiError, fieldErrorsFromZod } from '../../http/problem';
import { signedImageUrl, urlBase } from '../../images/image-url';
import type { UploadedFile } from '../../images/uploads';
import { encodeCursor } from '../../lib/cursor';
import { examples } from './examples';
import { createDialectApp, fieldPath } from '../shared/dialect-app';
import { dialectKeyAuth } from '../shared/dialect-auth';
import { mergeWrite } from '../shared/merge-write';
import { toPatch, toTryonErrors, toTryonProduct } from './mapping';
import * as routes from './routes';
import { TryonProductInput } from './schemas';
import { unknownFields } from './unknown-fields';

export const TRYON_MOUNT = '/compat/tryon';

const description = `A virtual try-on vendor's product catalog API ("Upsert Product"), served over Shelfsync's catalog.

Authenticate with \`Authorization: Bearer <key>\` or \`x-api-key: <key>\`; the key decides the account.
\`POST /products\` upserts by \`externalId\` and merges: omitted fields are kept. Products written here live forever unless \`validForDays\` is set.
Errors: \`{"error": {"code", "message", "details": [{"field", "message"}]}}\`.`;

const MULTIPART = /^multipart\/form-data/i;
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

/** The catalog service, with image URLs pointing at the canonical /v1 routes next to this mount. */
function tryonCatalog(c: Context<AppEnv>): CatalogContext {
  const url = new URL(c.req.url);
  const at = url.pathname.indexOf(`${TRYON_MOUNT}/`);
  const base = urlBase(c.env, url.origin + (at > 0 ? url.pathname.slice(0, at) : ''));
  return { ...catalog(c), imageUrl: (image) => signedImageUrl(c.env, base, image) };
}

/** Multipart uploads are streamed and get the upload cap; JSON gets the single-product cap. */
const limitByType: MiddlewareHandler<AppEnv> = (c, next) => limitBodyTo(MULTIPART.test(c.req.header('content-type') ?? '') ? 'upload' : 'single')(c, next);

async function readBody(c: Context<AppEnv>, ctx: CatalogContext): Promise<{ body: unknown; files: Map<string, UploadedFile> | null }> {
  const type = c.req.header('content-type') ?? '';
  if (MULTIPART.test(type)) {
    const { data, files } = await readMultipart(c, ctx);
    return { body: data, files };
  }
  if (!JSON_TYPE.test(type)) throw new ApiError('unsupported_media_type', 'Send application/json, or multipart/form-data with a "data" field');
  try {
    return { body: await c.req.json(), files: null };
  } catch {
    throw new ApiError('bad_request', 'The request body is not valid JSON');
  }
}

export function tryonApp() {
  const { app, finish } = createDialectApp({
    examples,
    name: 'tryon',
    title: 'tryon compatibility API',
    description,
    renderError: (c, error) => {
      // Every shape problem is a 400 here (the canonical API says 422 for validation).
      const invalid = error.code === 'validation_failed' || error.code === 'bad_request';
      const requestId = c.get('requestId');
      return c.json(
        {
          error: {
            code: invalid ? 'invalid_request' : error.code,
            message: error.message,
            ...(error.errors.length > 0 ? { details: error.errors.map((e) => ({ field: e.path, message: e.message })) } : {}),
            ...(requestId ? { requestId } : {}),
          },
        },
        (invalid ? 400 : error.status) as 400,
      );
    },
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'A Shelfsync API key' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'A Shelfsync API key' });

  const auth = dialectKeyAuth(['bearer', 'x-api-key']);
  app.use('/products', auth);
  app.use('/products/*', auth);

  // Routed by hand (and documented through the registry): a validator would buffer the multipart body.
  app.openAPIRegistry.registerPath(routes.upsertRoute);
  app.post('/products', limitByType, readJsonIfJson(), async (c) => {
    const ctx = tryonCatalog(c);
    const { body, files } = await readBody(c, ctx);
    const parsed = TryonProductInput.safeParse(body);
    if (!parsed.success) {
      const details = fieldErrorsFromZod(parsed.error).map((e) => ({ path: fieldPath(e.path) || 'body', message: e.message }));
      throw new ApiError('validation_failed', 'The product is not valid', details);
    }

    const unknown = unknownFields(body);
    if (!unknown.ok) throw new ApiError('validation_failed', 'The product is not valid', unknown.errors);
    const extensions = Object.keys(unknown.extensions).length > 0 ? { extensions: unknown.extensions } : {};

    // metadata replaces the stored object whole; a merge patch would merge into it.
    const current = parsed.data.metadata ? await loadProduct(ctx.db, ctx.tenant.id, parsed.data.externalId) : null;
    const currentMetadata = current ? (JSON.parse(current.row.data) as ProductDoc).metadata : undefined;
    const { id, patch, imageForms } = toPatch(parsed.data, currentMetadata);
    const result = await mergeWrite(ctx, [{ id, patch, ...extensions }], { dialect: 'tryon', kind: 'tryon.upsert', files, returnDocuments: true });
    const failure = result.failures[0];
    if (failure) throw new ApiError('validation_failed', 'The product is not valid', toTryonErrors(failure.errors, imageForms));
    const written = result.written[0];
    if (!written?.loaded) throw new ApiError('internal_error', 'The product was not written');

    if (result.jobId) c.header('Job-Id', result.jobId);
    const product = { ...toTryonProduct(await render(ctx, written.loaded)), ...(unknown.warnings.length > 0 ? { warnings: unknown.warnings } : {}) };
    if (written.outcome === 'created') {
      c.header('Location', `${c.req.path}/${encodeURIComponent(id)}`);
      return c.json(product, 201);
    }
    return c.json(product, 200);
  });

  app.openapi(routes.listRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const afterNumber = cursorField<number>(cursor, 'n', 'number') ?? 0;
    const page = await listProducts(tryonCatalog(c), { filter: {}, limit, after: { n: afterNumber } });
    return c.json({ products: page.data.map(toTryonProduct), nextCursor: page.next ? encodeCursor({ n: page.next.n }) : null }, 200);
  });

  app.openapi(routes.getRoute, async (c) => {
    const { externalId } = c.req.valid('param');
    return c.json(toTryonProduct(await getProduct(tryonCatalog(c), externalId)), 200);
  });

  return finish();
}
