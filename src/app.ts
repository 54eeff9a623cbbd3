/**
 * createApp(): the whole Shelfsync API as one Hono app, mountable inside another Hono app.
 *
 * @example
 * import { Hono } from 'hono';
 * import { createApp } from 'shelfsync';
 * const parent = new Hono();
 * parent.route('/catalog', createApp({ maxImagesPerProduct: 10 }));
 * export default parent; // plus shelfsync's queue and scheduled handlers, see src/index.ts
 *
 * Request flow (DESIGN "Data flow"): request id -> rate-limit policy header -> auth (the key decides
 * the tenant) -> per-key rate limit -> body guards and idempotency (writes) -> zod validation ->
 * catalog service (one D1 batch per write) -> JSON / problem+json.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { adminRouter } from './admin/tenants.index';
import { rateLimit, rateLimitPolicy } from './auth/rate-limit';
import { requireApiKey } from './auth/require-api-key';
import { productsRouter } from './catalog/products.index';
import { type AppOptions, resolveOptions } from './config';
import { registerDocs, registerExplorer } from './docs/docs.index';
import type { AppEnv } from './env';
import { eventsRouter } from './events/events.index';
import { registerFallback } from './http/fallback';
import { onError } from './http/on-error';
import { requestId } from './http/request-id';
import { createRouter } from './http/router';
import { jobsRouter } from './jobs/jobs.index';
import { webhooksRouter } from './webhooks/webhooks.index';
import { DIALECT_NAMES, mountDialects } from './dialects';
import { importsRouter } from './imports/imports.index';
import { inboundReceiverRouter, inboundSourcesRouter } from './inbound/inbound.index';
import { imageContentRouter, imagesRouter } from './images/images.index';

export type { AppOptions } from './config';
export type { Env } from './env';

export function createApp(overrides: Partial<AppOptions> = {}) {
  const options = resolveOptions(overrides);
  const app = new OpenAPIHono<AppEnv>();

  app.onError(onError());
  app.use('*', requestId(), async function provideOptions(c, next) {
    c.set('options', options);
    await next();
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));
  registerDocs(app);

  const v1 = createRouter();
  v1.use('*', rateLimitPolicy());
  v1.route('/admin', adminRouter());
  // An ERP's push carries an HMAC signature instead of an API key.
  v1.route('/', inboundReceiverRouter());
  // Image bytes: an API key or a signed URL (for receivers and processors that hold no key).
  v1.route('/', imageContentRouter());
  // Everything below needs a tenant API key.
  v1.use('*', requireApiKey(), rateLimit());
  v1.route('/', productsRouter());
  v1.route('/', jobsRouter());
  v1.route('/', eventsRouter());
  v1.route('/', webhooksRouter());
  v1.route('/', inboundSourcesRouter());
  v1.route('/', imagesRouter());
  v1.route('/', importsRouter());
  app.route('/v1', v1);
  // Each dialect's explorer over its own document; registered first, as the dialects end in catch-alls.
  for (const name of DIALECT_NAMES) registerExplorer(app, `Shelfsync: ${name} compatibility API`, `/compat/${name}`);
  mountDialects(app);

  // Last: 405 with Allow for a known path under another method, else 404; both in the envelope.
  registerFallback(app);

  return app;
}
