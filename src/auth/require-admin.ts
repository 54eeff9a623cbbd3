/**
 * Guards /v1/admin with the ADMIN_TOKEN secret, compared in constant time. No secret configured means
 * admin is disabled: fail closed, never open.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../http/problem';
import { timingSafeEqualStrings } from '../lib/crypto';
import { presentedKey } from './api-keys';

export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireAdminMiddleware(c, next) {
    const secret = c.env.ADMIN_TOKEN;
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
