/**
 * CORS for browser clients, per deployment: `CORS_ORIGINS` (env.ts) lists the origins allowed, and
 * without it no origin is (default deny). Preflights carry no credentials, so the list cannot depend
 * on the tenant. A request from an origin not listed passes through untouched: no CORS header at all,
 * and a preflight reaches the usual 404/405, which a browser takes as a refusal. Credentials
 * (cookies) are never allowed: API keys travel in headers the preflight allows.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { BOOKMARK_HEADER } from '../db/session';
import { type AppEnv, corsOrigins } from '../env';

/** The headers clients send: auth, JSON bodies, idempotency, conditional requests, their request id, their read bookmark. */
const ALLOW_HEADERS = ['Authorization', 'X-Api-Key', 'Content-Type', 'Content-Encoding', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'X-Request-Id', 'Range', BOOKMARK_HEADER];
/** The response headers a browser script may read besides the CORS-safelisted ones. */
const EXPOSE_HEADERS = ['Job-Id', 'ETag', 'Location', 'Retry-After', 'RateLimit-Policy', 'X-Request-Id', 'WWW-Authenticate', 'Content-Range', 'Allow', BOOKMARK_HEADER];

export function allowedOrigin(origins: readonly string[], origin: string | undefined): string | null {
  if (!origin || origins.length === 0) return null;
  if (origins.includes('*')) return '*';
  return origins.includes(origin) ? origin : null;
}

export function corsPolicy(): MiddlewareHandler<AppEnv> {
  const answer = cors({
    origin: (origin, c) => allowedOrigin(corsOrigins(c.env as AppEnv['Bindings']), origin),
    allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    // Browsers cap it (Chromium at 2 h); 10 min lets a changed list take effect soon.
    maxAge: 600,
    credentials: false,
  });
  return async function corsMiddleware(c, next) {
    if (allowedOrigin(corsOrigins(c.env), c.req.header('origin')) === null) return next();
    return answer(c, next);
  };
}
