/**
 * Rate limiting with the Workers rate-limit binding, which only answers allowed or refused over its
 * period; so `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers) states the configured quota on
 * every response, and a refusal is a 429 with `Retry-After` set to the period.
 * Per API key (everything a key authenticates): one binding per plan (plans.ts); IP_RATE_LIMITER per client
 * IP (the routes without a key: admin, inbound pushes, signed image URLs, processor callbacks, GeSmart
 * login and webhook), checked before anything else, body reading included.
 * Without a binding (an embedding app that declared none) requests are not limited.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../http/problem';
import { type Plan, planLimiter, planQuota } from './plans';

export function rateLimitPolicyHeader(limit: number, periodSeconds: number, scope = 'per-key'): string {
  return `"${scope}";q=${limit};w=${periodSeconds}`;
}

/** Sets the policy header on every response, errors included (runs before auth). */
export function rateLimitPolicy(): MiddlewareHandler<AppEnv> {
  return async function rateLimitPolicyMiddleware(c, next) {
    const { limit, periodSeconds } = c.get('options').rateLimit;
    c.header('RateLimit-Policy', rateLimitPolicyHeader(limit, periodSeconds));
    await next();
  };
}

/**
 * Throws the 429 when this API key is over its plan's quota, and states that plan's policy on the
 * response (the header set before authentication stated the standard plan's).
 */
export async function enforceKeyLimit(c: Context<AppEnv>, keyId: string, plan: Plan = c.get('keyGrant')?.plan ?? 'standard'): Promise<void> {
  const { policy, limit, periodSeconds } = planQuota(plan, c.get('options'));
  const header = rateLimitPolicyHeader(limit, periodSeconds, policy);
  c.header('RateLimit-Policy', header);
  const limiter = planLimiter(plan, c.env);
  if (!limiter) return;
  const { success } = await limiter.limit({ key: keyId });
  if (success) return;
  throw new ApiError('rate_limited', `This API key made more than ${limit} requests in ${periodSeconds} s`, undefined, {
    'Retry-After': String(periodSeconds),
    'RateLimit-Policy': header,
  });
}

/** Refuses over-quota keys; runs after authentication, keyed by the API key's id (never the key). */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    await enforceKeyLimit(c, c.get('apiKeyId'));
    await next();
  };
}

/**
 * The client's address as Cloudflare's edge states it. Absent (local tools, tests, a request that did
 * not come through the edge) every such request shares the key `unknown`.
 */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header('cf-connecting-ip')?.trim() || 'unknown';
}

/** Throws the 429 when this client IP is over its quota. */
export async function enforceIpLimit(c: Context<AppEnv>): Promise<void> {
  const limiter = c.env.IP_RATE_LIMITER;
  if (!limiter) return;
  const { success } = await limiter.limit({ key: `ip:${clientIp(c)}` });
  if (success) return;
  const { limit, periodSeconds } = c.get('options').ipRateLimit;
  throw new ApiError('rate_limited', `This address made more than ${limit} requests in ${periodSeconds} s`, undefined, {
    'Retry-After': String(periodSeconds),
    'RateLimit-Policy': rateLimitPolicyHeader(limit, periodSeconds, 'per-ip'),
  });
}

/** Per-client-IP limit for a route without an API key; first in its chain, before any body is read. */
export function ipRateLimit(): MiddlewareHandler<AppEnv> {
  return async function ipRateLimitMiddleware(c, next) {
    await enforceIpLimit(c);
    await next();
  };
}
