/**
 * Temporary endpoints (`expiresAt`, what `shelfsync webhooks listen` creates): validated on create,
 * returned in the representation, no deliveries once expired, deleted by the cron with the
 * deliveries still waiting for them.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import worker from '../../src/index';
import { body, call, createTenant, errorPaths, expectProblem, putProduct, type TestTenant } from '../helpers/api';
import { createWebhook, newBucket, received, target, waitDeliveries, waitReceived } from '../helpers/webhooks';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

function create(t: TestTenant, json: Record<string, unknown>): Promise<Response> {
  return call('/v1/webhooks', { method: 'POST', headers: t.headers, json });
}

/** Time passes for one endpoint: its expiry moves into the past (the clock of the test cannot). */
async function expire(id: string): Promise<void> {
  await env.DB.prepare('UPDATE webhook_endpoints SET expires_at = ?2 WHERE id = ?1').bind(id, Date.now() - 1000).run();
}

async function runCron(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env as unknown as Env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('webhook endpoint expiry', () => {
  it('refuses an expiresAt in the past, too far ahead or not RFC 3339 (422, field named), and returns a valid one', async () => {
    const t = await createTenant();
    for (const expiresAt of [new Date(Date.now() - 60_000).toISOString(), inMinutes(8 * 24 * 60), 'tomorrow']) {
      const problem = await expectProblem(await create(t, { url: target(newBucket()), expiresAt }), 422);
      expect(errorPaths(problem)).toEqual(['/expiresAt']);
    }
    const expiresAt = inMinutes(120);
    const res = await create(t, { url: target(newBucket()), expiresAt });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created.expiresAt).toBe(expiresAt);
    expect((await body(await call(`/v1/webhooks/${created.id}`, { headers: t.headers }))).expiresAt).toBe(expiresAt);
    const permanent = await createWebhook(t, { url: target(newBucket()) });
    expect((permanent as unknown as { expiresAt: unknown }).expiresAt).toBeNull();
  });

  it('delivers nothing to an expired endpoint, and the cron deletes it with its unfinished deliveries', async () => {
    const t = await createTenant();
    const failing = newBucket();
    const temporary = await body(await create(t, { url: target(failing, 'fail'), eventTypes: ['product.created'], expiresAt: inMinutes(60) }));
    const liveBucket = newBucket();
    const permanent = await createWebhook(t, { url: target(liveBucket), eventTypes: ['product.*'] });

    // Before the expiry: a delivery that fails and waits for its retry (unfinished).
    expect((await putProduct(t, 'before')).status).toBe(201);
    await waitDeliveries(t, temporary.id, (l) => l.some((d) => d.status === 'retrying'), 'a retrying delivery');
    await expire(temporary.id);

    // After it: the permanent endpoint gets the event, the expired one gets no delivery row at all.
    expect((await putProduct(t, 'after')).status).toBe(201);
    await waitReceived(liveBucket, 2);
    const rows = await env.DB.prepare('SELECT event_type, status FROM deliveries WHERE endpoint_id = ?1').bind(temporary.id).all<{ event_type: string; status: string }>();
    expect(rows.results).toHaveLength(1);
    expect((await received(failing)).every((r) => !JSON.stringify(r).includes('"after"'))).toBe(true);

    await runCron();
    expect((await call(`/v1/webhooks/${temporary.id}`, { headers: t.headers })).status).toBe(404);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE endpoint_id = ?1 AND status NOT IN ('succeeded', 'failed')").bind(temporary.id).first<{ n: number }>();
    expect(left?.n).toBe(0);
    expect((await call(`/v1/webhooks/${permanent.id}`, { headers: t.headers })).status).toBe(200);
  });
});
