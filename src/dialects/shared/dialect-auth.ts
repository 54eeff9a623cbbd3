/**
 * Dialect authentication with a tenant API key, wherever the vendor's clients send it: a Bearer
 * header, `x-api-key`, or `?api_key=` (Robosize). The key decides the tenant, exactly as on /v1
 * (the same lookup, which also tracks the key's `last_used_at`), and the same per-key rate limit
 * applies. Failures throw ApiError, which the dialect renders.
 */
import type { MiddlewareHandler } from 'hono';
import { authenticateKey } from '../../auth/api-keys';
import { rateLimit } from '../../auth/rate-limit';
import { routeTenant } from '../../auth/route-tenant';
import { keyCacheTtlMs } from '../../auth/tenant-lookup';
import { controlDb } from '../../placement/tenant-env';
import { assertDialectScope } from '../../auth/require-scope';
import type { AppEnv } from '../../env';
import { ApiError } from '../../http/problem';

export { tenantOwnsAlias } from '../../auth/tenant-lookup';

export type KeySource = 'bearer' | 'x-api-key' | 'query';

export function dialectKeyAuth(sources: KeySource[]): MiddlewareHandler<AppEnv> {
  const limit = rateLimit();
  return async function dialectKeyAuthMiddleware(c, next) {
    let key: string | null = null;
    for (const source of sources) {
      if (source === 'bearer') key ??= /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? null;
      if (source === 'x-api-key') key ??= c.req.header('x-api-key')?.trim() || null;
      if (source === 'query') key ??= c.req.query('api_key') || null;
    }
    if (!key) throw new ApiError('unauthorized', 'Missing API key');
    const found = await authenticateKey(controlDb(c.env), key, (p) => c.executionCtx.waitUntil(p), keyCacheTtlMs(c.env, c.get('options')));
    if (!found) throw new ApiError('unauthorized', 'Invalid API key');
    c.set('tenant', found.tenant);
    c.set('apiKeyId', found.keyId);
    c.set('keyGrant', { scopes: found.scopes, plan: found.plan });
    // Dialect clients send no bookmark and expect to read what they just wrote: the primary.
    await routeTenant(c, found.tenant.id, 'first-primary');
    // Counted like every request of the key, then refused if the key lacks the dialect's scope (as on /v1).
    await limit(c, async () => {
      assertDialectScope(c, found.scopes);
      await next();
    });
  };
}
