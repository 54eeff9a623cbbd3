/**
 * Per-key rate limiting with the Workers rate-limit binding, which only answers allowed or refused
 * over its period; so `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers) states the configured
 * quota on every response, and a refusal is a 429 with `Retry-After` set to the period.
 * Without a binding (an embedding app that declared none) requests are not limited.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../http/problem';

export function rateLimitPolicyHeader(limit: number, periodSeconds: number): string {
  return `"per-key";q=${limit};w=${periodSeconds}`;
}

/** Sets the policy header on every response, errors included (runs before auth). */
export function rateLimitPolicy(): MiddlewareHandler<AppEnv> {
  return async function rateLimitPolicyMiddleware(c, next) {
    const { limit, periodSeconds } = c.get('options').rateLimit;
    c.header('RateLimit-Policy', rateLimitPolicyHeader(limit, periodSeconds));
    await next();
  };
}

/** Refuses over-quota keys; runs after authentication, keyed by the API key's id (never the key). */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    const limiter = c.env.RATE_LIMITER;
    if (limiter) {
      const { success } = await limiter.limit({ key: c.get('apiKeyId') });
      if (!success) {
        const { limit, periodSeconds } = c.get('options').rateLimit;
        throw new ApiError('rate_limited', `This API key made more than ${limit} requests in ${periodSeconds} s`, undefined, {
          'Retry-After': String(periodSeconds),
          'RateLimit-Policy': rateLimitPolicyHeader(limit, periodSeconds),
        });
      }
    }
    await next();
  };
}
