/**
 * The gesmart dialect (seed 002): GeSmart ERP's "Products Sync API", served under /compat/gesmart
 * so that an ERP integration only changes its base URL.
 *
 * `POST /api/auth/login` (API key -> JWT), `POST /api/products/sync`, `POST /api/products/sync/batch`,
 * `DELETE /api/products/sync?reference=`, `GET /api/products/sync?syncId=`, and the HMAC-signed
 * `POST /api/webhooks/gesmart/products`. Writes are merge writes through the catalog service; a
 * syncId is the job id; answers and errors are GeSmart's
 * (`{success: false, error, details: [{field, message}]}`). See docs/dialects/gesmart.md.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from '@hono/zod-openapi';
import { ipRateLimit } from '../../auth/rate-limit';
import { catalog } from '../../catalog/catalog-context';
import { deleteProduct } from '../../catalog/products.service';
import { limitBodyTo, requireJson, withBodyLimit } from '../../http/body';
import { ApiError, type FieldError } from '../../http/problem';
import { findJob } from '../../jobs/jobs.repository';
import { examples } from './examples';
import { createDialectApp, fieldPath } from '../shared/dialect-app';
import type { ItemFailure } from '../../catalog/products.service';
import { type MergeFailure, type MergeItem, mergeWrite } from '../shared/merge-write';
import { login, requireToken } from './auth';
import { loginBodyError, loginKey } from './login-body';
import { noStore } from '../../secrets/no-store';
import { toMergeItem } from './mapping';
import * as routes from './routes';
import { BatchEnvelope } from './schemas';
import { BATCH_KIND, jobKind, syncStatus } from './status';
import { checkProduct, classify, ean13Warnings, tenantRules, toGesmartErrors, validationError } from './validate';
import { assertWebhookSource, envSource, receiveWebhook } from './webhook';

type Details = Array<{ field: string; message: string }>;

function details(errors: FieldError[]): Details {
  return errors.map((e) => ({ field: (e.path.startsWith('/') ? fieldPath(e.path) : e.path) || 'body', message: e.message }));
}

/** Validation failures of the routes' own zod schemas: 400 or 422 for bodies, 400 for queries. */
function hook(result: { success: boolean; error?: z.ZodError; data?: unknown; target: string }): undefined {
  if (result.success || !result.error) return undefined;
  const { status, errors } = classify(result.error, result.data);
  throw validationError(result.target === 'json' ? status : 400, errors);
}

/** A merge write's refusal of one product, in GeSmart's words. */
function refusal(failure: MergeFailure): { code: ApiError['code']; message: string; errors: FieldError[] } {
  const reference = failure.id;
  switch (failure.code) {
    case 'conflict':
      return { code: 'conflict', message: `A product with reference "${reference}" already exists`, errors: [{ path: '/reference', message: `A product with reference "${reference}" already exists` }] };
    case 'not_found':
      return { code: 'not_found', message: 'Product not found', errors: [{ path: '/reference', message: `No product with reference "${reference}"` }] };
    case 'duplicate_id':
      return { code: 'validation_failed', message: `Reference "${reference}" appears earlier in this batch`, errors: [{ path: '/reference', message: `Reference "${reference}" appears earlier in this batch` }] };
    default:
      return { code: 'validation_failed', message: 'Validation failed', errors: toGesmartErrors(failure.errors) };
  }
}

/** `details` on a success: what was accepted but not used as sent (an ean13 that is not the GTIN). */
function warningsOf(product: Parameters<typeof ean13Warnings>[0]): { details?: Details } {
  const warnings = ean13Warnings(product);
  return warnings.length > 0 ? { details: details(warnings) } : {};
}

export function gesmartApp() {
  const { app, finish } = createDialectApp({
    examples,
    name: 'gesmart',
    title: 'GeSmart Products Sync API (Shelfsync compatibility)',
    description:
      'Seed 002: GeSmart ERP -> PrestaShop products sync, served by Shelfsync. Log in with a tenant API key for a JWT; ' +
      'productId / presta_id are the product\'s server number, a syncId is a job id. Errors are `{success: false, error, details}`: ' +
      '400 for malformed JSON, missing fields or wrong types, 422 for rule violations.',
    renderError: (c, error) => {
      // A body that is not JSON is "invalid request data" to GeSmart clients: 400, not 415.
      const status = error.code === 'unsupported_media_type' ? 400 : error.status;
      // Any 400 from login (not JSON, malformed, another shape) names the body it expects.
      if (status === 400 && c.req.method === 'POST' && c.req.path.endsWith('/api/auth/login')) {
        const expected = loginBodyError();
        // A body nested past the limit keeps its reason (the limit is named), then the hint.
        const reason = /levels of objects and arrays/.test(error.message) ? `${error.message}. ${expected.detail}` : expected.detail;
        return c.json({ success: false, error: reason, details: details(expected.errors ?? []) }, 400);
      }
      return c.json({ success: false, error: error.message, details: details(error.errors) }, status as ContentfulStatusCode);
    },
  });

  app.openAPIRegistry.registerComponent('securitySchemes', routes.SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    // RFC 8725 named: OWASP API2 asks JWT schemes to say they follow its best practices, and they do.
    description: 'A token from POST /api/auth/login: HS256 only (the algorithm is fixed, never read from the token), with audience and a 1 h expiry checked, as RFC8725 advises',
  });

  app.openapi(
    { ...routes.loginRoute, middleware: [ipRateLimit(), limitBodyTo('admin'), requireJson()] as const },
    async (c) => {
      const data = await login(c, loginKey(c.req.valid('json')));
      // The answer carries a bearer token: no cache, proxy or browser may keep it.
      noStore(c);
      return c.json({ success: true as const, data }, 200);
    },
    (result): undefined => {
      if (!result.success) throw loginBodyError();
      return undefined;
    },
  );

  app.use('/api/products/*', requireToken());

  app.openapi(
    { ...routes.syncRoute, middleware: [limitBodyTo('single'), requireJson({ boxed: true })] as const },
    async (c) => {
      const product = c.req.valid('json');
      const ctx = catalog(c);
      const currency = ctx.tenant.defaultCurrency;
      const rules = tenantRules(product, currency);
      if (rules.length > 0) throw validationError(422, rules);
      const result = await mergeWrite(ctx, [toMergeItem(product, currency)], {
        dialect: 'gesmart',
        kind: jobKind(product.operation, product.reference),
        allOrNothing: true,
      });
      const failure = result.failures[0];
      if (failure) {
        const { code, message, errors } = refusal(failure);
        throw new ApiError(code, message, errors);
      }
      const written = result.written[0];
      if (!written || !result.jobId) throw new ApiError('conflict', 'The product changed while it was written; retry');
      return c.json(
        {
          success: true as const,
          message: 'Product synchronized successfully',
          data: {
            productId: written.number,
            reference: written.id,
            presta_id: written.number,
            syncId: result.jobId,
            operation: product.operation,
            imagesProcessed: product.images?.length ?? 0,
            technicalDataProcessed: product.technical_data?.length ?? 0,
          },
          ...warningsOf(product),
        },
        200,
      );
    },
    hook,
  );

  // Routed by hand (documented through the registry): each product is checked on its own, so one bad
  // product is a result of the batch, not a 400 for the whole request.
  app.openAPIRegistry.registerPath(routes.batchRoute);
  app.post('/api/products/sync/batch', limitBodyTo('batch'), requireJson({ boxed: true }), async (c) => {
    const raw: unknown = await c.req.json();
    const envelope = BatchEnvelope.safeParse(raw);
    if (!envelope.success) {
      const { status, errors } = classify(envelope.error, raw);
      throw validationError(status, errors);
    }
    const products = envelope.data.products;
    const max = c.get('options').maxBatchItems;
    if (products.length > max) throw validationError(422, [{ path: '/products', message: `At most ${max} products per batch` }]);

    const ctx = catalog(c);
    const currency = ctx.tenant.defaultCurrency;
    type Result = { reference: string | null; success: boolean; productId?: number; presta_id?: number; error?: string; details?: Details };
    const results: Result[] = new Array(products.length);
    const items: MergeItem[] = [];
    const warnings = new Map<number, Details>();
    // Refused here, but still items of the batch's job: its counts and status (`partial`) cover them.
    const refused: ItemFailure[] = [];
    for (const [i, input] of products.entries()) {
      const checked = checkProduct(input, currency);
      if (checked.ok) {
        items.push({ ...toMergeItem(checked.value, currency), index: i });
        const warned = warningsOf(checked.value).details;
        if (warned) warnings.set(i, warned);
        continue;
      }
      const reference = (input as { reference?: unknown } | null)?.reference;
      const id = typeof reference === 'string' ? reference : null;
      results[i] = { reference: id, success: false, error: checked.errors[0]?.message ?? 'Validation failed', details: details(checked.errors) };
      refused.push({ index: i, id, code: 'validation_failed', errors: checked.errors });
    }

    const result = await mergeWrite(ctx, items, { dialect: 'gesmart', kind: BATCH_KIND, refused });
    const syncId = result.jobId!;
    for (const w of result.written) results[w.index] = { reference: w.id, success: true, productId: w.number, presta_id: w.number, ...(warnings.has(w.index) ? { details: warnings.get(w.index)! } : {}) };
    for (const f of result.failures) {
      const { message, errors } = refusal(f);
      results[f.index] = { reference: f.id, success: false, error: f.code === 'validation_failed' ? (errors[0]?.message ?? message) : message, details: details(errors) };
    }
    const successful = results.filter((r) => r.success).length;
    return c.json(
      {
        success: true as const,
        message: 'Batch synchronization completed',
        data: { syncId, total: products.length, successful, failed: products.length - successful, results },
      },
      200,
    );
  });

  app.openapi(
    routes.deleteRoute,
    async (c) => {
      const { reference } = c.req.valid('query');
      const result = await deleteProduct(catalog(c), reference, { kind: jobKind('delete', reference) });
      if (!result.jobId) throw new ApiError('not_found', 'Product not found', [{ path: '/reference', message: `No product with reference "${reference}"` }]);
      if (!result.deleted) throw new ApiError('conflict', 'The product changed while it was deleted; retry');
      return c.json({ success: true as const, message: 'Product deleted successfully', data: { reference, presta_id: result.number!, syncId: result.jobId } }, 200);
    },
    hook,
  );

  app.openapi(
    routes.statusRoute,
    async (c) => {
      const { syncId } = c.req.valid('query');
      const ctx = catalog(c);
      const job = await findJob(ctx.db, ctx.tenant.id, syncId);
      if (!job) throw new ApiError('not_found', 'Sync not found', [{ path: '/syncId', message: `No sync "${syncId}"` }]);
      return c.json({ success: true as const, data: await syncStatus(ctx, job) }, 200);
    },
    hook,
  );

  // No token: the HMAC signature is the credential, checked over the raw bytes before any parsing.
  app.openAPIRegistry.registerPath(routes.webhookRoute);
  // Per-IP limit, then the configured source (none: 401 without reading a byte), then the body cap.
  app.post('/api/webhooks/gesmart/products', ipRateLimit(), async (c) => {
    const source = await envSource(c);
    await assertWebhookSource(c, source);
    return withBodyLimit(c, c.get('options').bodyLimits.single, async () => {
      const { syncId, reference, warnings } = await receiveWebhook(c, source);
      return c.json(
        { success: true as const, message: 'Webhook received and processing started', data: { syncId, reference, queued: true as const }, ...(warnings.length > 0 ? { details: details(warnings) } : {}) },
        200,
      );
    });
  });

  return finish();
}
