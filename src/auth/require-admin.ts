/**
 * Guards /v1/admin with the ADMIN_TOKEN secret, compared in constant time. No secret configured means
 * admin is disabled: fail closed, never open. Outside local development a token shorter than 32
 * characters counts as none (a guessable token on a route anyone can reach is worse than no admin),
 * as a short JWT_SECRET disables GeSmart login; the first request of an isolate logs why.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../http/problem';
import { timingSafeEqualStrings } from '../lib/crypto';
import { presentedKey } from './api-keys';

export const MIN_ADMIN_TOKEN_LENGTH = 32;
let warned = false;

/** The usable admin token, or null when admin is disabled. */
export function adminToken(c: Context<AppEnv>): string | null {
  const secret = c.env.ADMIN_TOKEN;
  if (!secret) return null;
  if (secret.length < MIN_ADMIN_TOKEN_LENGTH && c.env.ENVIRONMENT !== 'development') {
    if (!warned) {
      warned = true;
      console.error(JSON.stringify({ level: 'error', message: `ADMIN_TOKEN is shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters; admin endpoints stay disabled` }));
    }
    return null;
  }
  return secret;
}

export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireAdminMiddleware(c, next) {
    const secret = adminToken(c);
    if (!secret) throw new ApiError('forbidden', 'Admin endpoints are disabled: ADMIN_TOKEN is not configured');
    const token = presentedKey({ authorization: c.req.header('authorization') });
    if (!token || !(await timingSafeEqualStrings(token, secret))) {
      throw new ApiError('unauthorized', 'Send the admin token as "Authorization: Bearer <token>"', undefined, {
        'WWW-Authenticate': 'Bearer realm="shelfsync-admin"',
      });
    }
    await next();
  };
}
