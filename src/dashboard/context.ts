/**
 * What a dashboard request carries: the session (after sign-in), where the dashboard is mounted, and
 * the services' contexts built for it (image URLs signed against the dashboard's own mount).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { enforceKeyLimit } from '../auth/rate-limit';
import { routeTenant } from '../auth/route-tenant';
import { grants, type Scope } from '../auth/scopes';
import type { CatalogContext } from '../catalog/products.service';
import type { AppEnv, AppVariables, Env } from '../env';
import { signedImageUrl, urlBase, type Variant } from '../images/image-url';
import { controlDb } from '../placement/tenant-env';
import { contentSecurityPolicy, fromOwnOrigin, mountOf, ownOrigins } from './guard';
import { findSession, type Session } from './sessions';

export interface DashboardEnv {
  Bindings: Env;
  Variables: AppVariables & { session: Session; mount: string };
}
export type DashboardContext = Context<DashboardEnv>;

export const SESSION_COOKIE = 'shelfsync_session';
export const LOGIN_COOKIE = 'shelfsync_login';

/** Local development serves plain http; everywhere else the cookies are Secure. */
export const secureCookies = (env: Env) => env.ENVIRONMENT !== 'development';

/** Headers of every dashboard answer: strict CSP, no sniffing, no framing, never cached. */
export function dashboardHeaders(): MiddlewareHandler<DashboardEnv> {
  return async function dashboardHeadersMiddleware(c, next) {
    c.set('mount', mountOf(c.req.path));
    await next();
    const base = c.env.PUBLIC_BASE_URL ? [new URL(c.env.PUBLIC_BASE_URL).origin] : [];
    c.header('Content-Security-Policy', contentSecurityPolicy(base));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}

/** Pages after sign-in: a live session (its key not revoked), within the key's rate limit. Else to the sign-in page. */
export function requireSession(): MiddlewareHandler<DashboardEnv> {
  return async function requireSessionMiddleware(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findSession(controlDb(c.env), token, (p) => c.executionCtx.waitUntil(p)) : null;
    if (!session) {
      if (c.req.method === 'GET' && !c.req.path.endsWith('.json')) return c.redirect(`${c.get('mount')}/login`, 303);
      return c.text('Your session has ended; sign in again.', 401);
    }
    c.set('session', session);
    c.set('tenant', session.key.tenant);
    c.set('apiKeyId', session.key.keyId);
    await enforceKeyLimit(c as unknown as Context<AppEnv>, session.key.keyId);
    // The signed-in tenant's shard for the rest of the page; reads as /v1's (a replica, or the client's bookmark).
    await routeTenant(c as unknown as Context<AppEnv>, session.key.tenant.id, 'first-unconstrained');
    await next();
  };
}

/**
 * A page or action needing `scope`: the signed-in key's scopes apply here as on /v1 (a key limited to
 * `products:read` sees the catalog, not the webhooks), answered with a 403 page naming the scope.
 */
export function requireDashboardScope(scope: Scope): MiddlewareHandler<DashboardEnv> {
  return async function requireDashboardScopeMiddleware(c, next) {
    if (!grants(c.get('session').key.scopes, scope)) {
      return c.text(`This key does not hold the ${scope} scope this page needs; sign in with a key that does.`, 403);
    }
    await next();
  };
}

/** A form of this origin carrying the session's CSRF token; otherwise 403 (nothing is changed). */
export async function checkForm(c: DashboardContext, expectedToken: string): Promise<FormData | Response> {
  if (!fromOwnOrigin({ origin: c.req.header('origin'), referer: c.req.header('referer') }, ownOrigins(c.req.url, c.env.PUBLIC_BASE_URL))) {
    return c.text('This form did not come from this dashboard (Origin check).', 403);
  }
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return c.text('Expected a form.', 415);
  const form = await c.req.formData();
  const sent = form.get('csrf');
  if (typeof sent !== 'string' || !(await sameSecret(sent, expectedToken))) return c.text('The form expired or was not issued here (CSRF token); reload the page and try again.', 403);
  return form;
}

async function sameSecret(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([a, b].map((s) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))));
  return crypto.subtle.timingSafeEqual(x!, y!);
}

/** The base image URLs are signed against: PUBLIC_BASE_URL, else this request's origin and the app's mount. */
export function imageBase(c: DashboardContext): string {
  const mount = c.get('mount');
  return urlBase(c.env, new URL(c.req.url).origin + mount.slice(0, mount.length - '/dashboard'.length));
}

/** The catalog service's context for a signed-in page; `variant` picks which image URL `render` signs. */
export function catalogFor(c: DashboardContext, variant: Variant = 'original'): CatalogContext {
  const base = imageBase(c);
  return {
    db: c.env.DB,
    bucket: c.env.IMAGES,
    tenant: c.get('tenant'),
    options: c.get('options'),
    imageUrl: (image) => signedImageUrl(c.env, base, image, variant),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    queues: c.env,
  };
}
