import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** A request id on every response (and in every problem body): the caller's if it is sane, else ours. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async function requestIdMiddleware(c, next) {
    const incoming = c.req.header('x-request-id');
    const id = incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
