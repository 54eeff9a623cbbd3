import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { foregroundStarted } from '../lib/foreground';

/**
 * Counts this isolate's requests in flight, so background work (imports) can give them the thread
 * (lib/foreground.ts). Routing to a tenant's shard sets the request's lane.
 */
export function trackForeground(): MiddlewareHandler<AppEnv> {
  return async function foregroundMiddleware(c, next) {
    const request = foregroundStarted();
    c.set('foreground', request);
    try {
      await next();
    } finally {
      request.end();
    }
  };
}
