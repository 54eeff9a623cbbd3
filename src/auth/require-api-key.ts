/**
 * Resolves the tenant from the presented API key. The key decides the tenant: nothing in a path or
 * body can name another one. The lookup (and its `last_used_at` tracking) is `authenticateKey` in
 * api-keys.ts, shared with the dialects.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../http/problem';
import { authenticateKey, presentedKey } from './api-keys';
import { controlDb } from '../placement/tenant-env';
import { routeTenant } from './route-tenant';
import { keyCacheTtlMs } from './tenant-lookup';

export { tenantForKey, touchKey } from './api-keys';

export function requireApiKey(): MiddlewareHandler<AppEnv> {
  return async function requireApiKeyMiddleware(c, next) {
    const key = presentedKey({ authorization: c.req.header('authorization'), apiKey: c.req.header('x-api-key') });
    const challenge = { 'WWW-Authenticate': 'Bearer realm="shelfsync"' };
    if (!key) throw new ApiError('unauthorized', 'Send an API key as "Authorization: Bearer <key>" or "x-api-key: <key>"', undefined, challenge);
    const found = await authenticateKey(controlDb(c.env), key, (p) => c.executionCtx.waitUntil(p), keyCacheTtlMs(c.env, c.get('options')));
    if (!found) throw new ApiError('unauthorized', 'The API key is not valid', undefined, challenge);
    c.set('tenant', found.tenant);
    c.set('apiKeyId', found.keyId);
    c.set('keyGrant', { scopes: found.scopes, plan: found.plan });
    // Reads anywhere (a replica) unless the client sends the bookmark of its last answer.
    await routeTenant(c, found.tenant.id, 'first-unconstrained');
    await next();
  };
}
