/**
 * Request-body guards for JSON routes: a cap per route family (413 in the envelope, enforced while
 * reading, not trusted from Content-Length), and the media type (415) so a form post is not parsed
 * as JSON by accident.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env';
import { ApiError } from './problem';

export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', `The request body must be at most ${maxSize} bytes`);
    },
  });
}

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

export function requireJson(): MiddlewareHandler<AppEnv> {
  return async function requireJsonMiddleware(c, next) {
    const method = c.req.method;
    const length = c.req.header('content-length');
    const hasBody = length !== undefined ? length !== '0' : c.req.header('transfer-encoding') !== undefined;
    if (hasBody && (method === 'POST' || method === 'PUT' || method === 'PATCH')) {
      const type = c.req.header('content-type') ?? '';
      if (!JSON_TYPE.test(type)) {
        throw new ApiError('unsupported_media_type', 'Send the body as application/json');
      }
    }
    await next();
  };
}

/** The cap configured for a route family, read from the app's options at request time. */
export function limitBodyTo(family: 'single' | 'batch' | 'admin' | 'upload'): MiddlewareHandler<AppEnv> {
  return async function limitBodyToMiddleware(c, next) {
    return limitBody(c.get('options').bodyLimits[family])(c, next);
  };
}

/**
 * Runs `handler` under a body cap, for routes that must check something first (an inbound source)
 * so that an unknown caller costs no body read: the cap's middleware reads a body sent without
 * Content-Length as soon as it runs.
 */
export async function withBodyLimit(c: Context<AppEnv>, maxSize: number, handler: () => Promise<Response>): Promise<Response> {
  let response: Response | undefined;
  await limitBody(maxSize)(c, async () => {
    response = await handler();
  });
  if (!response) throw new ApiError('payload_too_large', `The request body must be at most ${maxSize} bytes`);
  return response;
}
