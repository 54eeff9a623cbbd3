/**
 * Route middleware: the JSON body read with `parseJsonExact` (long money numbers keep their source
 * text) wherever the route reads it: hono's validator and handlers call `c.req.json()`, which is
 * `JSON.parse(text)` with no reviver, so this request's `json()` is replaced. Goes after the body cap, so
 * the text is read through the capped stream. A body that is not JSON still fails where it did:
 * in the validator (400), not here.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { parseJsonExact } from '../lib/exact-json';

export function readJsonExactly(options: { boxed?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async function readJsonExactlyMiddleware(c, next) {
    if (/json/i.test(c.req.header('content-type') ?? '')) {
      const text = await c.req.text();
      const parsed = new Promise<unknown>((resolve) => resolve(parseJsonExact(text, options)));
      parsed.catch(() => undefined); // handled by whoever awaits it; not an unhandled rejection here
      Object.defineProperty(c.req, 'json', { value: () => parsed, configurable: true });
    }
    await next();
  };
}
