/** /v1/images, /v1/products/{id}/images, /v1/processors; and the content route (API key or signed URL). */
import type { Context } from 'hono';
import { authenticateKey, presentedKey } from '../auth/api-keys';
import { enforceIpLimit, enforceKeyLimit, ipRateLimit } from '../auth/rate-limit';
import { assertScope } from '../auth/require-scope';
import { routeTenant } from '../auth/route-tenant';
import { controlDb } from '../placement/tenant-env';
import { requestBase } from '../http/request-base';
import type { AppEnv } from '../env';
import { limitBodyTo, requireJson } from '../http/body';
import { readEtag } from '../http/etag';
import { ApiError } from '../http/problem';
import { createRouter } from '../http/router';
import { idempotency } from '../idempotency/idempotency';
import { toIso } from '../lib/time';
import { judgeUrl, registrationPolicy } from '../outbound/policy';
import { signedImageUrl, urlBase, type Variant, verifyImageSignature } from './image-url';
import { findImageOnAnyShard } from './image-tenant';
import { findImage, type FullImageRow, productImages, similarCandidates } from './images.repository';
import * as routes from './images.routes';
import { hammingDistance } from './processors/dhash';
import { noStore } from '../secrets/no-store';
import { newProcessorSecret, rotateProcessorSecret } from './processors/processor-secrets';
import { deleteProcessor, listProcessors, type ProcessorRow, upsertProcessor } from './processors/processors.repository';
import { serveContent } from './serve-content';
import { receiveProcessorCallback } from './processors/callback';

/** How long jobs are also signed with, and callbacks accepted under, the previous secret after a rotation. */
const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

function renderProcessor(r: ProcessorRow) {
  return { name: r.name, url: r.url, config: JSON.parse(r.config) as Record<string, unknown>, createdAt: toIso(r.created_at), updatedAt: toIso(r.updated_at) };
}

async function renderImage(c: Context<AppEnv>, row: FullImageRow) {
  const base = urlBase(c.env, requestBase(c));
  const sign = (variant: Variant) => signedImageUrl(c.env, base, row, variant);
  const results = row.results ? (JSON.parse(row.results) as Record<string, unknown>) : null;
  const derivatives = (results?.derivatives ?? {}) as Record<string, unknown>;
  return {
    id: row.key,
    imageId: row.id,
    productId: row.product_id,
    source: JSON.parse(row.source) as Record<string, unknown>,
    pipelines: JSON.parse(row.pipelines) as Record<string, boolean>,
    classifications: row.classifications ? (JSON.parse(row.classifications) as Record<string, unknown>) : null,
    status: row.status as 'pending',
    error: row.error,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    format: row.format,
    bytes: row.bytes,
    attempts: row.attempts,
    dhash: row.dhash,
    results,
    url: await sign('original'),
    variants: {
      thumb: 'thumb' in derivatives ? await sign('thumb') : null,
      medium: 'medium' in derivatives ? await sign('medium') : null,
    },
    updatedAt: toIso(row.updated_at),
  };
}

/** Routes that run before API-key authentication: a signed URL or a signed callback is its own credential. */
export function imageContentRouter() {
  const router = createRouter();
  router.openapi(routes.imageContentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { variant = 'original', v, exp, sig, t } = c.req.valid('query');
    if (sig !== undefined || exp !== undefined || v !== undefined) {
      await enforceIpLimit(c);
      const valid = v !== undefined && exp !== undefined && sig !== undefined && (await verifyImageSignature(c.env, id, variant, v, Number(exp), sig, Date.now(), t ?? null));
      if (!valid) throw new ApiError('unauthorized', 'This image URL is invalid or has expired');
      // The signed tenant routes the read; a URL of the old form (no `t`) is looked up on every shard.
      if (t !== undefined) await routeTenant(c, t, 'first-unconstrained');
      const image = t !== undefined ? await findImage(c.env.DB, t, id) : await findImageOnAnyShard(c.env, id);
      // The signature vouches for these exact bytes; if the image changed since, they may be gone.
      if (!image) throw new ApiError('not_found', 'No such image');
      return serveContent(c.env.IMAGES, image.tenant_id, v, variant, c.req.raw, true) as never;
    }
    const key = presentedKey({ authorization: c.req.header('authorization'), apiKey: c.req.header('x-api-key') });
    const found = key ? await authenticateKey(controlDb(c.env), key, (p) => c.executionCtx.waitUntil(p)) : null;
    if (!found) {
      // Guessing keys here is limited like any keyless request.
      await enforceIpLimit(c);
      throw new ApiError('unauthorized', 'Send an API key, or use a signed image URL', undefined, { 'WWW-Authenticate': 'Bearer realm="shelfsync"' });
    }
    await enforceKeyLimit(c, found.keyId, found.plan);
    assertScope(found.scopes, 'images:read');
    await routeTenant(c, found.tenant.id, 'first-unconstrained');
    const image = await findImage(c.env.DB, found.tenant.id, id);
    if (!image) throw new ApiError('not_found', 'No such image');
    if (!image.sha256) throw new ApiError('not_found', `The image is ${image.status}: no bytes are stored yet`);
    return serveContent(c.env.IMAGES, found.tenant.id, image.sha256, variant, c.req.raw, false) as never;
  });

  // Signed by the processor's secret, so no API key; routed by hand so the signature sees raw bytes.
  router.openAPIRegistry.registerPath(routes.processorCallbackRoute);
  router.post('/processor-callbacks/:tenantId/:name', ipRateLimit(), limitBodyTo('admin'), requireJson({ raw: true }), (c) =>
    receiveProcessorCallback(c, c.req.param('name'), c.req.param('tenantId')),
  );
  return router;
}

export function imagesRouter() {
  const router = createRouter();

  router.openapi({ ...routes.productImagesRoute, middleware: [readEtag()] as const }, async (c) => {
    const rows = await productImages(c.env.DB, c.get('tenant').id, c.req.valid('param').id);
    if (!rows) throw new ApiError('not_found', 'No such product');
    return c.json({ data: await Promise.all(rows.map((row) => renderImage(c, row))), nextCursor: null }, 200);
  });

  router.openapi({ ...routes.getImageRoute, middleware: [readEtag()] as const }, async (c) => {
    const row = await findImage(c.env.DB, c.get('tenant').id, c.req.valid('param').id);
    if (!row) throw new ApiError('not_found', 'No such image');
    return c.json(await renderImage(c, row), 200);
  });

  router.openapi(routes.similarImagesRoute, async (c) => {
    const tenantId = c.get('tenant').id;
    const row = await findImage(c.env.DB, tenantId, c.req.valid('param').id);
    if (!row) throw new ApiError('not_found', 'No such image');
    if (!row.dhash) return c.json({ data: [], nextCursor: null }, 200);
    const candidates = await similarCandidates(c.env.DB, tenantId, { id: row.id, dhash: row.dhash });
    const near = candidates
      .map((candidate) => ({ candidate, distance: hammingDistance(row.dhash!, candidate.dhash!) }))
      .filter((x) => x.distance <= 6)
      .sort((a, b) => a.distance - b.distance);
    const data = await Promise.all(near.map(async (x) => ({ ...(await renderImage(c, x.candidate)), distance: x.distance })));
    return c.json({ data, nextCursor: null }, 200);
  });

  router.openapi({ ...routes.putProcessorRoute, middleware: [limitBodyTo('admin'), requireJson(), idempotency()] }, async (c) => {
    const tenantId = c.get('tenant').id;
    const { name } = c.req.valid('param');
    const body = c.req.valid('json');
    const verdict = judgeUrl(body.url, registrationPolicy(c.env), { requireHttps: true });
    if (!verdict.ok) throw new ApiError('validation_failed', 'The processor URL is not allowed', [{ path: '/url', message: verdict.reason }]);
    const now = Date.now();
    // Sealed for this (tenant, name) row; only used when the row is new (an update keeps its secret).
    const secret = await newProcessorSecret(c.env, tenantId, name);
    const row = await upsertProcessor(c.env.DB, { tenantId, name, url: body.url, config: body.config, sealedSecret: secret.sealed }, now);
    const out = renderProcessor(row);
    if (row.secret !== secret.sealed) return c.json(out, 200);
    noStore(c);
    return c.json({ ...out, secret: secret.plaintext }, 201);
  });

  router.openapi({ ...routes.rotateProcessorSecretRoute, middleware: [idempotency()] }, async (c) => {
    const rotated = await rotateProcessorSecret(c.env.DB, c.env, c.get('tenant').id, c.req.valid('param').name, ROTATION_OVERLAP_MS);
    if (!rotated) throw new ApiError('not_found', 'No such processor');
    noStore(c);
    return c.json({ ...renderProcessor(rotated.row), secret: rotated.secret }, 200);
  });

  router.openapi(routes.listProcessorsRoute, async (c) => {
    const data = (await listProcessors(c.env.DB, c.get('tenant').id)).map(renderProcessor);
    return c.json({ data, nextCursor: null }, 200);
  });

  router.openapi(routes.deleteProcessorRoute, async (c) => {
    if (!(await deleteProcessor(c.env.DB, c.get('tenant').id, c.req.valid('param').name))) throw new ApiError('not_found', 'No such processor');
    return c.body(null, 204);
  });

  return router;
}
