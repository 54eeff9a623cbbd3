/** /v1/inbound-sources (tenant API) and /v1/inbound/{id} (the ERP's signed entry, no API key). */
import { ipRateLimit } from '../auth/rate-limit';
import { limitBodyTo, requireJson, withBodyLimit } from '../http/body';
import { ApiError } from '../http/problem';
import { createRouter } from '../http/router';
import { idempotency } from '../idempotency/idempotency';
import { noStore } from '../secrets/no-store';
import { schemeErrors } from './dedupe';
import { routeTenant } from '../auth/route-tenant';
import { singleDatabase } from '../db/shards';
import { addToDirectory, directoryTenant, removeFromDirectory } from '../placement/directory';
import { controlDb } from '../placement/tenant-env';
import { mayUseEnvSecret } from './env-secrets';
import type { InboundFormats } from './formats';
import * as routes from './inbound.routes';
import { receiveInbound, sourceSecretOrRefuse } from './receive';
import { deleteSource, findSource, insertSource, listSources, renderSource, rotateSourceSecret, updateSource } from './sources.repository';

/** How long the previous secret is still accepted after a rotation (as for webhook secrets). */
const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

const mountBase = (path: string) => path.slice(0, Math.max(0, path.indexOf('/v1/')));

/**
 * The signed entry point, mounted before API-key authentication. Documented through the registry but
 * routed by hand: a validator would parse the body before the signature over its raw bytes is checked.
 */
export function inboundReceiverRouter(formats: InboundFormats) {
  const router = createRouter();
  router.openAPIRegistry.registerPath(routes.receiveRoute);
  // Per-IP limit, then the source (unknown: 401 without reading a byte), then the cap (options.inbound.bodyBytes).
  router.post('/inbound/:id', ipRateLimit(), requireJson({ raw: true }), async (c) => {
    // The source's tenant from the directory (control), then the source itself on that tenant's shard.
    const id = c.req.param('id');
    // With one database a source missing from the directory (inserted by hand) is still found there.
    const tenantId = (await directoryTenant(c.env, 'inbound-source', id)) ?? (singleDatabase(c.env) ? ((await findSource(c.env.DB, null, id))?.tenantId ?? null) : null);
    if (tenantId) await routeTenant(c, tenantId, 'first-primary');
    const source = tenantId ? await findSource(c.env.DB, tenantId, id) : null;
    await sourceSecretOrRefuse(c.env, source);
    return withBodyLimit(c, c.get('options').inbound.bodyBytes, () => receiveInbound(c, source, formats));
  });
  return router;
}

/** `formats`: the inbound formats registered at the composition root (a source declares one). */
export function inboundSourcesRouter(formats: InboundFormats) {
  const router = createRouter();
  const writes = [limitBodyTo('admin'), requireJson(), idempotency()];

  router.openapi({ ...routes.createSourceRoute(formats.names), middleware: writes }, async (c) => {
    const body = c.req.valid('json');
    if (body.secretEnv && !(await mayUseEnvSecret(controlDb(c.env), c.env, c.get('tenant').id, body.secretEnv))) {
      throw new ApiError('validation_failed', 'The request body is not valid', [
        { path: '/secretEnv', message: `${body.secretEnv} is not this tenant's: only the tenant named by GESMART_TENANT (for GESMART_WEBHOOK_SECRET) or listed in INBOUND_ENV_SECRET_TENANTS may use it` },
      ]);
    }
    const tenantId = c.get('tenant').id;
    const { row, generated } = await insertSource(c.env.DB, c.env, tenantId, { ...body, secretEnv: body.secretEnv ?? null });
    // Pushes name only the source: the directory (control) says whose it is. Without the entry the
    // source could never be reached, so a failed listing takes the source back.
    try {
      await addToDirectory(c.env, 'inbound-source', row.id, tenantId);
    } catch (err) {
      await deleteSource(c.env.DB, tenantId, row.id).catch(() => undefined);
      throw err;
    }
    if (generated) noStore(c);
    return c.json({ ...renderSource(row, mountBase(c.req.path)), secret: generated }, 201);
  });

  router.openapi(routes.listSourcesRoute, async (c) => {
    const rows = await listSources(c.env.DB, c.get('tenant').id);
    return c.json({ data: rows.map((row) => renderSource(row, mountBase(c.req.path))), nextCursor: null }, 200);
  });

  router.openapi(routes.getSourceRoute, async (c) => {
    const row = await findSource(c.env.DB, c.get('tenant').id, c.req.valid('param').id);
    if (!row) throw new ApiError('not_found', 'No such inbound source');
    return c.json(renderSource(row, mountBase(c.req.path)), 200);
  });

  router.openapi({ ...routes.updateSourceRoute, middleware: writes }, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const current = await findSource(c.env.DB, c.get('tenant').id, id);
    if (!current) throw new ApiError('not_found', 'No such inbound source');
    // The headers a signing scheme needs are checked on the source as it would be after the change.
    const errors = schemeErrors({ ...current, ...patch });
    if (errors.length > 0) throw new ApiError('validation_failed', 'The request body is not valid', errors);
    const row = await updateSource(c.env.DB, c.get('tenant').id, id, patch);
    if (!row) throw new ApiError('not_found', 'No such inbound source');
    return c.json(renderSource(row, mountBase(c.req.path)), 200);
  });

  router.openapi({ ...routes.rotateSourceSecretRoute, middleware: [idempotency()] }, async (c) => {
    const rotated = await rotateSourceSecret(c.env.DB, c.env, c.get('tenant').id, c.req.valid('param').id, ROTATION_OVERLAP_MS);
    if (!rotated.ok && rotated.reason === 'env_secret') {
      throw new ApiError('conflict', 'This source takes its secret from an environment secret (secretEnv): rotate that secret instead');
    }
    if (!rotated.ok && rotated.reason === 'raced') throw new ApiError('conflict', 'The secret was rotated concurrently; rotate again if you need a newer one');
    if (!rotated.ok) throw new ApiError('not_found', 'No such inbound source');
    noStore(c);
    return c.json({ ...renderSource(rotated.row, mountBase(c.req.path)), secret: rotated.secret }, 200);
  });

  router.openapi(routes.deleteSourceRoute, async (c) => {
    const tenantId = c.get('tenant').id;
    const id = c.req.valid('param').id;
    if (!(await deleteSource(c.env.DB, tenantId, id))) throw new ApiError('not_found', 'No such inbound source');
    await removeFromDirectory(c.env, 'inbound-source', id, tenantId);
    return c.body(null, 204);
  });

  return router;
}
