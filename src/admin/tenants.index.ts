/** /v1/admin: tenants, API keys and dead-lettered work, behind ADMIN_TOKEN. */
import { ipRateLimit } from '../auth/rate-limit';
import { requireAdmin } from '../auth/require-admin';
import { limitBodyTo, requireJson } from '../http/body';
import { createRouter } from '../http/router';
import { idempotency, OPERATOR_SCOPE } from '../idempotency/idempotency';
import * as routes from './tenants.routes';
import * as deadLetters from './dead-letters.routes';
import { listDeadLetters, replayDeadLetter } from '../queues/dead-letters';
import { createTenant, getTenant, issueKey, listKeys, revokeKey, updateTenant } from './tenants.service';
import { registerFallback } from '../http/fallback';
import { ApiError } from '../http/problem';
import { noStore } from '../secrets/no-store';
import { controlDb } from '../placement/tenant-env';
import { parseRfc3339 } from '../lib/dates';
import { adminStatsRoute, statsFor } from '../stats/stats.index';
import { registerMoveRoutes } from '../moves/moves.index';

export function adminRouter() {
  const router = createRouter();
  router.use('*', ipRateLimit(), requireAdmin(), limitBodyTo('admin'), requireJson(), idempotency({ scope: OPERATOR_SCOPE }));

  // Both answers show a new API key once: never cached (no-store), so a repeated Idempotency-Key
  // answers 409 secret_already_shown instead of a second key.
  router.openapi(routes.createTenantRoute, async (c) => {
    const created = await createTenant(c.env, c.req.valid('json'));
    noStore(c);
    return c.json(created, 201);
  });

  router.openapi(routes.getTenantRoute, async (c) => {
    const tenant = await getTenant(c.env, c.req.valid('param').id);
    if (!tenant) throw new ApiError('not_found', 'No such tenant');
    return c.json(tenant, 200);
  });

  router.openapi(routes.updateTenantRoute, async (c) =>
    c.json(await updateTenant(c.env, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(routes.issueKeyRoute, async (c) => {
    const body = c.req.header('content-length') === '0' || !c.req.header('content-type') ? {} : c.req.valid('json');
    const expiresAt = body.expiresAt === undefined ? undefined : parseRfc3339(body.expiresAt)!;
    const issued = await issueKey(controlDb(c.env), c.req.valid('param').id, body.name ?? 'unnamed', { scopes: body.scopes, expiresAt });
    noStore(c);
    return c.json(issued, 201);
  });

  router.openapi(routes.listKeysRoute, async (c) => c.json({ data: await listKeys(controlDb(c.env), c.req.valid('param').id) }, 200));

  router.openapi(routes.revokeKeyRoute, async (c) => {
    const { id, keyId } = c.req.valid('param');
    await revokeKey(controlDb(c.env), id, keyId);
    return c.body(null, 204);
  });

  router.openapi(deadLetters.listDeadLettersRoute, async (c) => {
    const { replayed, ...query } = c.req.valid('query');
    return c.json(await listDeadLetters(controlDb(c.env), { ...query, replayed: replayed === undefined ? undefined : replayed === 'true' }), 200);
  });

  router.openapi(deadLetters.replayDeadLetterRoute, async (c) => c.json(await replayDeadLetter(c.env, c.req.valid('param').id), 200));

  router.openapi(adminStatsRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await statsFor(c, 'all'), 200);
  });

  registerMoveRoutes(router);

  // Admin paths answer their own 404/405: falling through would reach tenant-key authentication.
  registerFallback(router);
  return router;
}
