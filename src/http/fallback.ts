/**
 * The final catch-all of a mounted app (hono does not use a sub-app's notFound, and answers a wrong
 * method with 404): 405 with `Allow` when the path exists under other methods, else 404.
 */
import type { Hono } from 'hono';
import { ApiError } from './problem';

type RouteList = Hono['routes'];

function toRegExp(path: string): RegExp {
  const pattern = path
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\/\*$/, '(?:/.*)?')
    .replace(/\{[^}]+\}|:[A-Za-z0-9_]+(\{[^}]*\})?/g, '[^/]+');
  return new RegExp(`^${pattern}/?$`);
}

export function allowedMethods(routes: RouteList, path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.path.endsWith('*')) continue;
    if (toRegExp(route.path).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** Throws the 404/405 ApiError for a request nothing answered; `routes` is read lazily, after mounting. */
export function unmatched(routes: () => RouteList, path: string): never {
  const allow = allowedMethods(routes(), path);
  if (allow.length > 0) {
    throw new ApiError('method_not_allowed', `This resource allows ${allow.join(', ')}`, undefined, { Allow: allow.join(', ') });
  }
  throw new ApiError('not_found', `No route for ${path}`);
}

/**
 * Registers the catch-all on `router` (call it last). Paths are matched relative to wherever the
 * router ends up mounted, read from the catch-all's own matched pattern.
 */
export function registerFallback(router: Hono<any, any, any>): void {
  router.all('*', (c) => {
    const base = c.req.routePath.replace(/\/?\*$/, '');
    return unmatched(() => router.routes, c.req.path.slice(base.length) || '/');
  });
}
