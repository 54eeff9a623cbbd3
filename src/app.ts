/**
 * The composition root. createWorker(options): every handler of the Worker (HTTP, queues, cron) built
 * from ONE resolved options object and one set of plugin registries, so a host app's limits reach
 * imports, inbound pushes and the cron as well as /v1. createApp(options): the HTTP app alone, kept
 * for compatibility (queue and cron handlers built without it get the default options).
 *
 * @example
 * // A host Worker serving Shelfsync under /catalog
 * import { Hono } from 'hono';
 * import { createWorker } from 'shelfsync';
 * const shelfsync = createWorker({ maxImagesPerProduct: 10 });
 * const parent = new Hono();
 * parent.route('/catalog', shelfsync.app);
 * export default { fetch: parent.fetch, queue: shelfsync.queue, scheduled: shelfsync.scheduled };
 *
 * Bindings are checked by zod once per env object: a missing or malformed required one fails the
 * first request (a 500 naming it, never its value), message batch or cron run loudly.
 *
 * Request flow (DESIGN "Data flow"): bindings checked (once) -> request id -> rate-limit policy
 * header -> auth (the key decides the tenant) -> per-key rate limit -> body guards and idempotency
 * (writes) -> zod validation -> catalog service (one D1 batch per write) -> JSON / problem+json.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { adminRouter } from './admin/tenants.index';
import { rateLimit, rateLimitPolicy } from './auth/rate-limit';
import { requireApiKey } from './auth/require-api-key';
import { answerBookmark } from './auth/route-tenant';
import { requireScope } from './auth/require-scope';
import { productsRouter } from './catalog/products.index';
import { type AppOptions, resolveOptions } from './config';
import { registerDocs, registerExplorer } from './docs/docs.index';
import { handleScheduled } from './cron/scheduled';
import { type AppEnv, type Env, EnvError, parseEnv, type QueueMessage } from './env';
import { eventsRouter } from './events/events.index';
import { registerFallback } from './http/fallback';
import { onError, renderProblem } from './http/on-error';
import { ApiError } from './http/problem';
import { requestId } from './http/request-id';
import { accessLog } from './http/access-log';
import { corsPolicy } from './http/cors';
import { createRouter } from './http/router';
import { jobsRouter } from './jobs/jobs.index';
import { statsRouter } from './stats/stats.index';
import { dashboardRouter } from './dashboard/dashboard.index';
import { webhooksRouter } from './webhooks/webhooks.index';
import { payloadFormats } from './webhooks/payload';
import { DIALECT_NAMES, dialectInboundFormats, dialectPayloadFormats, mountDialects } from './dialects';
import { importsRouter } from './imports/imports.index';
import { inboundFormats } from './inbound/formats';
import { inboundReceiverRouter, inboundSourcesRouter } from './inbound/inbound.index';
import { imageContentRouter, imagesRouter } from './images/images.index';
import { type Composition, handleQueue } from './queues/consumer';
import { trackForeground } from './http/foreground';
import { recommendationsRouter } from './recommendations/recs.index';

export type { AppOptions } from './config';
export type { Env } from './env';
export type { Composition } from './queues/consumer';

/**
 * The one place the pieces meet: options resolved once, and the plugin registries the core is handed
 * (dialect webhook payloads, dialect inbound formats) instead of importing them.
 */
export function compose(overrides: Partial<AppOptions> = {}): Composition {
  return {
    options: resolveOptions(overrides),
    payloadFormats: payloadFormats(dialectPayloadFormats),
    inboundFormats: inboundFormats(dialectInboundFormats),
  };
}

const DOCUMENTATION = /\/(openapi\.json|docs(\/.*)?)$/;

/** The HTTP app of one composition (createWorker and createApp both build it here). */
export function buildApp(composition: Composition) {
  const { options } = composition;
  const app = new OpenAPIHono<AppEnv>();

  app.onError(onError());
  // answerBookmark: once a request is routed to its tenant's shard, the answer carries the D1 session's bookmark.
  app.use('*', trackForeground(), requestId(), accessLog(), answerBookmark(), async function provideOptions(c, next) {
    c.set('options', options);
    await next();
  });
  // Missing or malformed bindings fail the first request loudly (names only, never values). The
  // documentation (/openapi.json, /docs, a dialect's) is built from code alone: it stays readable,
  // also where the app is asked without bindings (generating the OpenAPI document in Node).
  app.use('*', async function checkBindings(c, next) {
    if (DOCUMENTATION.test(c.req.path)) return next();
    try {
      parseEnv(c.env);
    } catch (err) {
      if (!(err instanceof EnvError)) throw err;
      console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: err.message }));
      return renderProblem(c, new ApiError('internal_error', err.message));
    }
    await next();
  });

  // Before any authentication: a preflight carries no credentials.
  app.use('*', corsPolicy());

  app.get('/health', (c) => c.json({ status: 'ok' }));
  registerDocs(app);

  const v1 = createRouter();
  v1.use('*', rateLimitPolicy());
  v1.route('/admin', adminRouter());
  // An ERP's push carries an HMAC signature instead of an API key.
  v1.route('/', inboundReceiverRouter(composition.inboundFormats));
  // Image bytes: an API key or a signed URL (for receivers and processors that hold no key).
  v1.route('/', imageContentRouter());
  // Everything below needs a tenant API key.
  v1.use('*', requireApiKey(), rateLimit(), requireScope());
  v1.route('/', productsRouter());
  v1.route('/', jobsRouter());
  v1.route('/', eventsRouter());
  v1.route('/', webhooksRouter(composition.payloadFormats));
  v1.route('/', inboundSourcesRouter(composition.inboundFormats));
  v1.route('/', imagesRouter());
  v1.route('/', importsRouter());
  v1.route('/', statsRouter());
  v1.route('/', recommendationsRouter());
  app.route('/v1', v1);
  // The browser UI: its own session cookie, read nowhere else (/v1 takes API keys only).
  app.route('/dashboard', dashboardRouter());
  // Each dialect's explorer over its own document; registered first, as the dialects end in catch-alls.
  for (const name of DIALECT_NAMES) registerExplorer(app, `Shelfsync: ${name} compatibility API`, `/compat/${name}`);
  mountDialects(app);

  // Last: 405 with Allow for a known path under another method, else 404; both in the envelope.
  registerFallback(app);

  return app;
}

/** The HTTP app alone (compatibility). Queue and cron handlers need the same options: use createWorker. */
export function createApp(overrides: Partial<AppOptions> = {}) {
  return buildApp(compose(overrides));
}

/**
 * `{fetch, queue, scheduled}` for `export default`, plus `app` to mount inside another Hono app and
 * the resolved `options`. All share one composition.
 */
export function createWorker(overrides: Partial<AppOptions> = {}) {
  const composition = compose(overrides);
  const app = buildApp(composition);
  const handlers = {
    fetch: (request: Request, env: Env, ctx: ExecutionContext) => app.fetch(request, env, ctx),
    queue: async (batch: MessageBatch<unknown>, env: Env) => handleQueue(batch, parseEnv(env), composition),
    scheduled: async (controller: ScheduledController, env: Env, ctx: ExecutionContext) => handleScheduled(controller, parseEnv(env), ctx, composition.options),
  } satisfies ExportedHandler<Env, QueueMessage>;
  return { ...handlers, app, options: composition.options };
}

export type Worker = ReturnType<typeof createWorker>;
