/**
 * Scope checks. /v1: the scope of the matched operation comes from `ROUTE_SCOPES` (scopes.ts), read
 * off hono's pattern of the handler that will answer; the dialects: `dialect:<name>` of the mounted
 * dialect app. Refusal is a 403 naming the missing scope in the detail and, as RFC 6750 section 3.1
 * describes, in `WWW-Authenticate: Bearer error="insufficient_scope", scope="..."`; each dialect
 * renders the same ApiError in its own shape.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { routePattern } from '../http/access-log';
import { ApiError } from '../http/problem';
import { ALL_SCOPES, type Grant, grants, scopeForRoute, type Scope } from './scopes';

export function insufficientScope(needed: Scope | typeof ALL_SCOPES): ApiError {
  const detail =
    needed === ALL_SCOPES
      ? 'This operation needs a key with every scope ("*")'
      : `This API key lacks the scope "${needed}" that this operation needs`;
  return new ApiError('forbidden', detail, undefined, { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${needed}"` });
}

/** Throws the 403 unless `grant` covers `needed`. */
export function assertScope(grant: Grant, needed: Scope | typeof ALL_SCOPES): void {
  if (!grants(grant, needed)) throw insufficientScope(needed);
}

/** The scope this /v1 request's operation needs, or null when no operation matched. */
export function scopeOfRequest(c: Context): Scope | typeof ALL_SCOPES | null {
  const pattern = routePattern(c);
  return pattern === null ? null : scopeForRoute(c.req.method, pattern);
}

/** After requireApiKey on /v1: the key must hold the matched operation's scope. */
export function requireScope(): MiddlewareHandler<AppEnv> {
  return async function requireScopeMiddleware(c, next) {
    const needed = scopeOfRequest(c);
    if (needed !== null) assertScope(c.get('keyGrant').scopes, needed);
    await next();
  };
}

/** A dialect's routes: `dialect:<name>` of the dialect app serving the request. */
export function assertDialectScope(c: Context<AppEnv>, grant: Grant): void {
  assertScope(grant, `dialect:${c.get('dialect')}` as Scope);
}
