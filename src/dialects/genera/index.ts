/**
 * The Genera dialect (seed 000, "Localization API") under /compat/genera: a Genera client switches
 * to Shelfsync by changing its base URL. Thin by design: Genera's shapes are parsed here, products go
 * through mergeWrite (all or nothing), statuses and webhooks are read from and written to the shared
 * catalog and webhook tables through their own modules, and every failure answers in Genera's
 * `{success: false, error, details}`.
 *
 * `{brandId}` names the tenant: it must be one of the tenant's aliases (another tenant's alias and an
 * unknown one are the same 404). Webhooks are ordinary endpoints with `format: "genera"`, subscribed
 * to image events, remembering the brand id they were created under (their list and removal see
 * only that brand's endpoints).
 */
import type { Context } from 'hono';
import { catalog, requestBase } from '../../catalog/catalog-context';
import { loadProduct } from '../../catalog/read-products';
import type { AppEnv } from '../../env';
import { limitBodyTo, requireJson } from '../../http/body';
import { ApiError } from '../../http/problem';
import { signedImageUrl, urlBase } from '../../images/image-url';
import { productImages } from '../../images/images.repository';
import { judgeUrl, registrationPolicy } from '../../outbound/policy';
import { deleteEndpoint, type EndpointRow, findEndpoint, insertEndpoint, listEndpoints } from '../../webhooks/endpoints.repository';
import { examples } from './examples';
import { createDialectApp } from '../shared/dialect-app';
import { dialectKeyAuth, tenantOwnsAlias } from '../shared/dialect-auth';
import { controlDb } from '../../placement/tenant-env';
import { mergeWrite } from '../shared/merge-write';
import { generaField, generaStatus, outputUrl, toMergeItem, withScheme } from './mapping';
import * as routes from './routes';
import type { StatusImage } from './schemas';
import type { z } from '@hono/zod-openapi';

export const GENERA_MOUNT = '/compat/genera';
/** What a Genera "processing" webhook hears about: one message per finished image. */
export const GENERA_EVENT_TYPES = ['image.processed', 'image.failed'];

const description = `Genera's Localization API (catalog sync, per-image status, processing webhooks), served verbatim over Shelfsync's catalog.

Authenticate with \`Authorization: Bearer <key>\` or \`x-api-key: <key>\`; \`{brandId}\` is one of your tenant's aliases.
Writes merge into the stored product (fields Genera cannot express are kept); vendor data lives in \`extensions.genera\`.
Webhook payloads are POSTed (the original documentation says GET, which cannot carry a body).`;

/** Signed image URLs point at the canonical /v1 image routes, next to (not under) this mount. */
function imageBase(c: Context<AppEnv>): string {
  const base = requestBase(c);
  return urlBase(c.env, base.endsWith(GENERA_MOUNT) ? base.slice(0, -GENERA_MOUNT.length) : base);
}

function isBrandEndpoint(row: EndpointRow, brandId: string): boolean {
  if (row.format !== 'genera' || !row.metadata) return false;
  return (JSON.parse(row.metadata) as { brandId?: unknown }).brandId === brandId;
}

export function generaApp() {
  const { app, finish } = createDialectApp({
    examples,
    name: 'genera',
    title: 'Genera compatibility API',
    description,
    renderError: (c, error) =>
      c.json(
        { success: false, error: error.message, details: error.errors.map((e) => ({ field: e.path, message: e.message })) },
        error.status as 400,
      ),
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'A Shelfsync API key' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'A Shelfsync API key' });
  app.openAPIRegistry.registerWebhook(routes.processingWebhook);

  app.use('/v1/*', dialectKeyAuth(['bearer', 'x-api-key']));
  app.use('/v1/:brandId/*', async function generaBrand(c, next) {
    if (!(await tenantOwnsAlias(controlDb(c.env), c.get('tenant').id, c.req.param('brandId')))) throw new ApiError('not_found', 'Brand not found');
    await next();
  });

  app.openapi({ ...routes.syncRoute, middleware: [limitBodyTo('batch'), requireJson()] as const }, async (c) => {
    const { brandId } = c.req.valid('param');
    const { products } = c.req.valid('json');
    const max = c.get('options').maxBatchItems;
    if (products.length > max) throw new ApiError('validation_failed', `At most ${max} products per request`, [{ path: 'products', message: `At most ${max} items` }]);

    const ctx = { ...catalog(c), imageUrl: async () => null };
    const result = await mergeWrite(ctx, products.map((product) => toMergeItem(product, brandId)), { dialect: 'genera', kind: 'genera.sync', allOrNothing: true });
    if (result.failures.length > 0) {
      const details = result.failures.flatMap((f) => f.errors.map((e) => ({ path: generaField(f.index, e.path), message: e.message })));
      throw new ApiError('validation_failed', 'No product was written: some are not valid', details);
    }
    if (result.jobId) c.header('Job-Id', result.jobId);
    return c.json({ success: true as const }, 200);
  });

  app.openapi(routes.statusRoute, async (c) => {
    const { productId } = c.req.valid('param');
    const tenantId = c.get('tenant').id;
    const [loaded, images] = await Promise.all([loadProduct(c.env.DB, tenantId, productId), productImages(c.env.DB, tenantId, productId)]);
    if (!loaded || !images) throw new ApiError('not_found', `No product "${productId}"`);
    const base = imageBase(c);
    const rendered = await Promise.all(
      images.map(async (row): Promise<z.infer<typeof StatusImage>> => {
        const status = generaStatus(row.status);
        const image: z.infer<typeof StatusImage> = { id: row.key, product_id: loaded.row.id, status };
        if (status === 'done') {
          const original = await signedImageUrl(c.env, base, row);
          const results = row.results ? (JSON.parse(row.results) as Record<string, unknown>) : null;
          const url = outputUrl(JSON.parse(row.pipelines) as Record<string, boolean>, results, original);
          if (url) image.url = url;
        } else if (status === 'error') {
          image.error = row.error ?? 'The image could not be processed';
        }
        return image;
      }),
    );
    return c.json({ id: loaded.row.id, status: generaStatus(loaded.row.status), images: rendered }, 200);
  });

  app.openapi({ ...routes.createWebhookRoute, middleware: [limitBodyTo('admin'), requireJson()] as const }, async (c) => {
    const { brandId } = c.req.valid('param');
    const url = withScheme(c.req.valid('json').url);
    // The same target rules as /v1/webhooks; OUTBOUND_ONLY (a local pin) is applied when sending, so
    // the seed's example subscription succeeds locally and its deliveries simply fail.
    const verdict = judgeUrl(url, registrationPolicy(c.env), { requireHttps: true });
    if (!verdict.ok) throw new ApiError('validation_failed', 'The webhook URL is not allowed', [{ path: 'url', message: verdict.reason }]);
    const inserted = await insertEndpoint(c.env.DB, c.env, c.get('tenant').id, {
      url,
      eventTypes: GENERA_EVENT_TYPES,
      headers: {},
      enabled: true,
      format: 'genera',
      metadata: { brandId, type: 'processing' },
    }, c.get('options').maxWebhookEndpoints);
    if (!inserted) throw new ApiError('conflict', `At most ${c.get('options').maxWebhookEndpoints} webhooks are allowed; delete one before adding another`);
    return c.json({ id: inserted.row.id }, 200);
  });

  app.openapi(routes.listWebhooksRoute, async (c) => {
    const { brandId } = c.req.valid('param');
    const tenantId = c.get('tenant').id;
    const webhooks: Array<{ id: string; type: 'processing'; url: string }> = [];
    let before: string | null = null;
    for (;;) {
      const page = await listEndpoints(c.env.DB, tenantId, before, 100);
      for (const row of page.rows) if (isBrandEndpoint(row, brandId)) webhooks.push({ id: row.id, type: 'processing', url: row.url });
      if (!page.more) break;
      before = page.rows.at(-1)!.id;
    }
    // Oldest first, as subscribed.
    return c.json({ webhooks: webhooks.reverse() }, 200);
  });

  app.openapi(routes.deleteWebhookRoute, async (c) => {
    const { brandId, webhookId } = c.req.valid('param');
    const tenantId = c.get('tenant').id;
    const row = await findEndpoint(c.env.DB, tenantId, webhookId);
    if (!row || !isBrandEndpoint(row, brandId) || !(await deleteEndpoint(c.env.DB, tenantId, webhookId))) throw new ApiError('not_found', 'No such webhook');
    return c.json({ success: true as const }, 200);
  });

  return finish();
}
