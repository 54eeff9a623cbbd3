/** /v1/webhooks and /v1/deliveries: subscriptions, the delivery log, and manual resends. */
import type { Context } from 'hono';
import { parseRfc3339 } from '../lib/dates';
import type { AppEnv } from '../env';
import { limitBodyTo, requireJson } from '../http/body';
import { cursorField } from '../http/cursor';
import { ApiError } from '../http/problem';
import { createRouter } from '../http/router';
import { idempotency } from '../idempotency/idempotency';
import { noStore } from '../secrets/no-store';
import { encodeCursor } from '../lib/cursor';
import { judgeUrl, registrationPolicy } from '../outbound/policy';
import { recoverEndpoint, redeliver, sendTestEvent } from './actions';
import { listDeliveries } from './deliveries.repository';
import {
  countEndpoints,
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  renderEndpoint,
  rotateSecret,
  updateEndpoint,
} from './endpoints.repository';
import type { PayloadFormats } from './payload';
import * as routes from './webhooks.routes';
import { wakeFanoutAfterResponse } from '../events/wake';

const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

function assertTarget(c: Context<AppEnv>, url: string): void {
  const verdict = judgeUrl(url, registrationPolicy(c.env), { requireHttps: true });
  if (!verdict.ok) throw new ApiError('validation_failed', 'The webhook URL is not allowed', [{ path: '/url', message: verdict.reason }]);
}

/** `formats`: the payload formats registered at the composition root (an endpoint picks one). */
export function webhooksRouter(formats: PayloadFormats) {
  const router = createRouter();
  const formatRoutes = routes.webhookWriteRoutes(formats.names);
  const writes = [limitBodyTo('admin'), requireJson(), idempotency()];

  router.openapi({ ...formatRoutes.createWebhookRoute, middleware: writes }, async (c) => {
    const body = c.req.valid('json');
    assertTarget(c, body.url);
    const tenantId = c.get('tenant').id;
    const max = c.get('options').maxWebhookEndpoints;
    // Validated by the schema (judgeExpiry), so it parses.
    const expiresAt = body.expiresAt === undefined ? null : parseRfc3339(body.expiresAt)!;
    const inserted = await insertEndpoint(c.env.DB, c.env, tenantId, { ...body, expiresAt }, max);
    if (!inserted) {
      const count = await countEndpoints(c.env.DB, tenantId);
      throw new ApiError('conflict', `This tenant has ${count} webhook endpoints; at most ${max} are allowed. Delete one before adding another.`);
    }
    noStore(c);
    return c.json({ ...renderEndpoint(inserted.row), secret: inserted.secret }, 201);
  });

  router.openapi(routes.listWebhooksRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listEndpoints(c.env.DB, c.get('tenant').id, cursorField<string>(cursor, 'id', 'string'), limit);
    const last = page.rows.at(-1);
    return c.json({ data: page.rows.map(renderEndpoint), nextCursor: page.more && last ? encodeCursor({ id: last.id }) : null }, 200);
  });

  router.openapi(routes.getWebhookRoute, async (c) => {
    const row = await findEndpoint(c.env.DB, c.get('tenant').id, c.req.valid('param').id);
    if (!row) throw new ApiError('not_found', 'No such webhook');
    return c.json(renderEndpoint(row), 200);
  });

  router.openapi({ ...formatRoutes.updateWebhookRoute, middleware: writes }, async (c) => {
    const body = c.req.valid('json');
    if (body.url !== undefined) assertTarget(c, body.url);
    const row = await updateEndpoint(c.env.DB, c.get('tenant').id, c.req.valid('param').id, body);
    if (!row) throw new ApiError('not_found', 'No such webhook');
    return c.json(renderEndpoint(row), 200);
  });

  router.openapi(routes.deleteWebhookRoute, async (c) => {
    if (!(await deleteEndpoint(c.env.DB, c.get('tenant').id, c.req.valid('param').id))) throw new ApiError('not_found', 'No such webhook');
    return c.body(null, 204);
  });

  router.openapi({ ...routes.rotateSecretRoute, middleware: [idempotency()] }, async (c) => {
    const rotated = await rotateSecret(c.env.DB, c.env, c.get('tenant').id, c.req.valid('param').id, ROTATION_OVERLAP_MS);
    if (!rotated) throw new ApiError('not_found', 'No such webhook');
    noStore(c);
    return c.json({ ...renderEndpoint(rotated.row), secret: rotated.secret }, 200);
  });

  router.openapi({ ...routes.testWebhookRoute, middleware: [idempotency()] }, async (c) => {
    const sent = await sendTestEvent(c.env, c.get('tenant').id, c.req.valid('param').id);
    if (sent === 'not_found') throw new ApiError('not_found', 'No such webhook');
    if (sent === 'disabled') throw new ApiError('conflict', 'The webhook is disabled; enable it first');
    wakeFanoutAfterResponse(c);
    return c.json({ eventId: sent.eventId }, 202);
  });

  router.openapi(routes.listDeliveriesRoute, async (c) => {
    const tenantId = c.get('tenant').id;
    const { id } = c.req.valid('param');
    if (!(await findEndpoint(c.env.DB, tenantId, id))) throw new ApiError('not_found', 'No such webhook');
    const { limit, cursor } = c.req.valid('query');
    const page = await listDeliveries(c.env.DB, tenantId, id, cursorField<string>(cursor, 'id', 'string'), limit);
    return c.json({ data: page.data, nextCursor: page.nextId ? encodeCursor({ id: page.nextId }) : null }, 200);
  });

  router.openapi({ ...routes.recoverRoute, middleware: [idempotency()] }, async (c) => {
    const since = parseRfc3339(c.req.valid('query').since);
    if (since === null) throw new ApiError('validation_failed', 'Invalid query parameters', [{ path: 'query.since', message: 'Must be an RFC 3339 date-time' }]);
    const requeued = await recoverEndpoint(c.env, c.get('tenant').id, c.req.valid('param').id, since);
    if (requeued === null) throw new ApiError('not_found', 'No such webhook');
    return c.json({ requeued }, 202);
  });

  router.openapi({ ...routes.redeliverRoute, middleware: [idempotency()] }, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await redeliver(c.env, c.get('tenant').id, id))) throw new ApiError('not_found', 'No such delivery');
    return c.json({ id, status: 'pending' as const }, 202);
  });

  return router;
}
