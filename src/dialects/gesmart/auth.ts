/**
 * GeSmart's JWT Bearer authentication. `POST /api/auth/login` trades a tenant API key for an HS256
 * token signed with `JWT_SECRET` (`sub` = tenant, `kid` = the API key's id); every product route
 * then needs that token, and each request checks its key through the identity cache, so revoking the
 * key ends its tokens (at once in the isolate that revoked it, within the cache's TTL elsewhere). No secret (or one shorter than 32 characters) means login is disabled and no token is
 * accepted: fail closed.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { sign, verify } from 'hono/jwt';
import { authenticateKey } from '../../auth/api-keys';
import { rateLimit } from '../../auth/rate-limit';
import { routeTenant } from '../../auth/route-tenant';
import { keyCacheTtlMs } from '../../auth/tenant-lookup';
import { controlDb } from '../../placement/tenant-env';
import { assertDialectScope } from '../../auth/require-scope';
import type { AppEnv } from '../../env';
import { ApiError } from '../../http/problem';

/** Seconds a token lives. Revocation does not wait for it: every request checks the key (through the identity cache). */
export const TOKEN_TTL_SECONDS = 3600;
const MIN_SECRET_LENGTH = 32;
const AUDIENCE = 'shelfsync:gesmart';
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="gesmart"' };

function jwtSecret(c: Context<AppEnv>): string | null {
  const secret = c.env.JWT_SECRET;
  if (!secret) return null;
  if (secret.length < MIN_SECRET_LENGTH) {
    console.error(JSON.stringify({ level: 'error', dialect: 'gesmart', message: `JWT_SECRET is shorter than ${MIN_SECRET_LENGTH} characters; GeSmart login stays disabled` }));
    return null;
  }
  return secret;
}

export async function login(c: Context<AppEnv>, apiKey: string): Promise<{ token: string; expiresIn: number }> {
  const secret = jwtSecret(c);
  if (!secret) throw new ApiError('unauthorized', 'Login is disabled on this server (JWT_SECRET is not configured)', undefined, CHALLENGE);
  const found = await authenticateKey(controlDb(c.env), apiKey, (p) => c.executionCtx.waitUntil(p), keyCacheTtlMs(c.env, c.get('options')));
  if (!found) throw new ApiError('unauthorized', 'Invalid API key', undefined, CHALLENGE);
  assertDialectScope(c, found.scopes);
  const now = Math.floor(Date.now() / 1000);
  const token = await sign({ sub: found.tenant.id, kid: found.keyId, aud: AUDIENCE, iat: now, exp: now + TOKEN_TTL_SECONDS }, secret, 'HS256');
  return { token, expiresIn: TOKEN_TTL_SECONDS };
}

/** Bearer JWT -> tenant (the key must still be live), then the same per-key rate limit as /v1. */
export function requireToken(): MiddlewareHandler<AppEnv> {
  const limit = rateLimit();
  return async function requireGesmartToken(c, next) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw new ApiError('unauthorized', 'Missing authentication token: send "Authorization: Bearer <token>" from /api/auth/login', undefined, CHALLENGE);
    const invalid = new ApiError('unauthorized', 'Invalid or expired token', undefined, CHALLENGE);
    const secret = jwtSecret(c);
    if (!secret) throw invalid;
    let payload: Record<string, unknown>;
    try {
      payload = await verify(token, secret, { alg: 'HS256', aud: AUDIENCE });
    } catch {
      throw invalid;
    }
    const { sub, kid, exp } = payload;
    if (typeof sub !== 'string' || typeof kid !== 'string' || typeof exp !== 'number') throw invalid;
    // The key behind the token must still be live: revoking it ends its tokens at once in this
    // isolate, and within the identity cache's TTL (`keyCacheTtlSeconds`) in the others.
    const found = await authenticateKey(controlDb(c.env), { keyId: kid, tenantId: sub }, (p) => c.executionCtx.waitUntil(p), keyCacheTtlMs(c.env, c.get('options')));
    if (!found) throw invalid;
    c.set('tenant', found.tenant);
    c.set('apiKeyId', found.keyId);
    c.set('keyGrant', { scopes: found.scopes, plan: found.plan });
    // Dialect clients send no bookmark and expect to read what they just wrote: the primary.
    await routeTenant(c, found.tenant.id, 'first-primary');
    // The token names the key (`kid`): that key's scopes apply to every request made with it.
    await limit(c, async () => {
      assertDialectScope(c, found.scopes);
      await next();
    });
  };
}
