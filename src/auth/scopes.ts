/**
 * API key scopes: what a key may do. A key issued without `scopes` (and every key made before scopes
 * existed, stored as NULL) holds all of them. Each /v1 operation needs exactly one scope, declared in
 * `ROUTE_SCOPES` below and nowhere else; each dialect's routes need `dialect:<name>` alone.
 * Pure: the middleware that applies these rules is require-scope.ts.
 */

export const DIALECT_SCOPES = ['dialect:genera', 'dialect:sizebay', 'dialect:gesmart', 'dialect:tryon', 'dialect:robosize'] as const;

export const SCOPES = [
  'products:read',
  'products:write',
  'images:read',
  'processors:manage',
  'imports:read',
  'imports:write',
  'jobs:read',
  'events:read',
  'webhooks:manage',
  'inbound:manage',
  'stats:read',
  ...DIALECT_SCOPES,
] as const;

export type Scope = (typeof SCOPES)[number];

/** What a key holds: a list, or every scope (`null`, shown as `["*"]`). */
export type Grant = readonly string[] | null;

export const ALL_SCOPES = '*';

/**
 * Every /v1 operation that takes a tenant key, as `METHOD /path` below /v1 in OpenAPI form, and the
 * scope it needs. An operation missing here needs every scope (fail closed); test/auth/scopes.test.ts
 * reads /openapi.json and fails on any operation missing here.
 */
export const ROUTE_SCOPES: Readonly<Record<string, Scope>> = {
  'GET /products': 'products:read',
  'GET /products/{id}': 'products:read',
  'PUT /products/{id}': 'products:write',
  'PATCH /products/{id}': 'products:write',
  'DELETE /products/{id}': 'products:write',
  'POST /products': 'products:write',
  'POST /products/batch': 'products:write',
  'GET /products/{id}/images': 'images:read',
  'GET /images/{id}': 'images:read',
  'GET /images/{id}/content': 'images:read',
  'GET /images/{id}/similar': 'images:read',
  'GET /processors': 'processors:manage',
  'PUT /processors/{name}': 'processors:manage',
  'DELETE /processors/{name}': 'processors:manage',
  'POST /processors/{name}/rotate-secret': 'processors:manage',
  'POST /imports': 'imports:write',
  'GET /imports/{id}': 'imports:read',
  'GET /jobs': 'jobs:read',
  'GET /jobs/{id}': 'jobs:read',
  'GET /jobs/{id}/errors': 'jobs:read',
  'GET /events': 'events:read',
  'POST /webhooks': 'webhooks:manage',
  'GET /webhooks': 'webhooks:manage',
  'GET /webhooks/{id}': 'webhooks:manage',
  'PATCH /webhooks/{id}': 'webhooks:manage',
  'DELETE /webhooks/{id}': 'webhooks:manage',
  'POST /webhooks/{id}/rotate-secret': 'webhooks:manage',
  'POST /webhooks/{id}/test': 'webhooks:manage',
  'GET /webhooks/{id}/deliveries': 'webhooks:manage',
  'POST /webhooks/{id}/recover': 'webhooks:manage',
  'POST /deliveries/{id}/redeliver': 'webhooks:manage',
  'POST /inbound-sources': 'inbound:manage',
  'GET /inbound-sources': 'inbound:manage',
  'GET /inbound-sources/{id}': 'inbound:manage',
  'PATCH /inbound-sources/{id}': 'inbound:manage',
  'DELETE /inbound-sources/{id}': 'inbound:manage',
  'POST /inbound-sources/{id}/rotate-secret': 'inbound:manage',
  'GET /stats': 'stats:read',
  'GET /event-types': 'events:read',
  'GET /products/{id}/similar': 'products:read',
  'GET /products/{id}/complementary': 'products:read',
  'GET /products/{id}/variants': 'products:read',
  'GET /recommendation-rules': 'products:read',
  'PUT /recommendation-rules': 'products:write',
  'POST /recommendations/rebuild': 'products:write',
};

/**
 * The scope an operation needs, from hono's route pattern of the matched handler (`/v1/products/:id`,
 * with whatever mount prefix the host app added). `*` for an operation nobody declared.
 */
export function scopeForRoute(method: string, routePattern: string): Scope | typeof ALL_SCOPES {
  const at = routePattern.indexOf('/v1/');
  const path = (at >= 0 ? routePattern.slice(at + 3) : routePattern).replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return ROUTE_SCOPES[`${verb} ${path}`] ?? ALL_SCOPES;
}

/** Whether a key holding `grant` may use an operation needing `needed`. */
export function grants(grant: Grant, needed: Scope | typeof ALL_SCOPES): boolean {
  if (grant === null || grant.includes(ALL_SCOPES)) return true;
  return needed !== ALL_SCOPES && grant.includes(needed);
}

/** The stored column (JSON array or NULL) as a grant; an unreadable value grants nothing (fail closed). */
export function parseGrant(stored: string | null): Grant {
  if (stored === null) return null;
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
