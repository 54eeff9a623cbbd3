/**
 * One log line per request, written when the response is ready: request id, method, the route
 * PATTERN (`/v1/products/:id`, never the URL: a query may carry `api_key`, a signed URL its
 * signature), status, duration, and who asked (tenant, key id, dialect) when authentication got that
 * far. Nothing from the headers or the body is logged.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../env';
import { log, logLevelOf } from '../lib/log';

/**
 * hono's pattern of the handler that answers (`/v1/products/:id`, with any mount prefix): the first
 * matched route registered for a method (middleware and catch-alls are registered for ALL). Null when
 * only a catch-all (the 404/405 fallback) matched. Known before the handler runs, so middleware can use it.
 */
export function routePattern(c: Context): string | null {
  // The first one: handlers run in registration order, and the first that answers ends the chain.
  return matchedRoutes(c).find((route) => route.method !== 'ALL')?.path ?? null;
}

export function accessLog(): MiddlewareHandler<AppEnv> {
  return async function accessLogMiddleware(c, next) {
    const started = Date.now();
    await next();
    const status = c.res.status;
    log(status >= 500 ? 'error' : 'info', 'request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routePattern(c),
      status,
      durationMs: Date.now() - started,
      tenantId: c.get('tenant')?.id,
      keyId: c.get('apiKeyId'),
      dialect: c.get('dialect'),
    }, logLevelOf((c.env as { LOG_LEVEL?: string } | undefined)?.LOG_LEVEL));
  };
}
