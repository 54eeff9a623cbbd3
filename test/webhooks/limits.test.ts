/**
 * Fan-out limits: webhook endpoints per tenant (each event is sent once per endpoint), and what
 * existing data keeps after the limits arrived: endpoints past the cap, targets on other ports.
 * "Before the upgrade" is an app or env with the old, looser settings, over the same D1.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { defaultOptions } from '../../src/config';
import { eventStatements } from '../../src/events/outbox';
import worker from '../../src/index';
import { runKeyedPool } from '../../src/lib/keyed-pool';
import { newId } from '../../src/lib/ulid';
import { fanOutTenant } from '../../src/webhooks/fanout';
import { FANOUT_LIMITS, planFanout } from '../../src/webhooks/fanout-plan';
import { body, call, createTenant, expectProblem, putProduct, type TestTenant } from '../helpers/api';
import { createWebhook, deliveries, newBucket, receiverUrl, target, waitDeliveries, waitReceived } from '../helpers/webhooks';

/** Sends a request to an app built with `options`, over the same bindings but `envOverrides`. */
async function callWith(options: Parameters<typeof createApp>[0], envOverrides: Record<string, string>, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const request = new Request(`http://shelfsync.test${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const ctx = createExecutionContext();
  const res = await createApp(options).fetch(request, { ...env, ...envOverrides }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function count(t: TestTenant): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM webhook_endpoints WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>();
  return row!.n;
}

describe('webhook endpoints per tenant', () => {
  it(`allows ${defaultOptions.maxWebhookEndpoints} by default; one more is a 409 naming the limit, and deleting one makes room`, async () => {
    expect(defaultOptions.maxWebhookEndpoints).toBe(20);
    const t = await createTenant();
    const url = target(newBucket());
    const created = [];
    for (let i = 0; i < 20; i++) created.push(await createWebhook(t, { url, eventTypes: ['image.failed'] }));
    const refused = await expectProblem(await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url } }), 409, 'conflict');
    expect(refused.detail).toMatch(/at most 20/);
    expect(await count(t)).toBe(20);

    expect((await call(`/v1/webhooks/${created[0]!.id}`, { method: 'DELETE', headers: t.headers })).status).toBe(204);
    expect((await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url } })).status).toBe(201);
    // Another tenant has its own allowance.
    expect((await call('/v1/webhooks', { method: 'POST', headers: (await createTenant()).headers, json: { url } })).status).toBe(201);
  });

  it('concurrent creates cannot pass the cap together', async () => {
    const t = await createTenant();
    const url = target(newBucket());
    for (let i = 0; i < 17; i++) await createWebhook(t, { url, eventTypes: ['image.failed'] });
    const answers = await Promise.all(Array.from({ length: 8 }, () => call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url } })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    expect(await count(t)).toBe(20);
  });

  it('is an option of createApp', async () => {
    const t = await createTenant();
    const url = target(newBucket());
    const post = () => callWith({ maxWebhookEndpoints: 2 }, {}, '/v1/webhooks', { method: 'POST', headers: t.headers, json: { url } });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    await expectProblem(await post(), 409, 'conflict');
  });

  it('a tenant that had more before the cap keeps them all (and they all receive), but cannot add more until under it', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    // Before the upgrade: 23 endpoints.
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const res = await callWith({ maxWebhookEndpoints: 100 }, {}, '/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(bucket), eventTypes: ['product.created'] } });
      expect(res.status).toBe(201);
      ids.push((await body(res)).id);
    }
    const listed = await body(await call('/v1/webhooks?limit=100', { headers: t.headers }));
    expect(listed.data).toHaveLength(23);
    // Every one of them still gets the tenant's events.
    expect((await putProduct(t, 'over-cap')).status).toBe(201);
    const got = await waitReceived(bucket, 23, 15_000);
    expect(got).toHaveLength(23);

    await expectProblem(await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(bucket) } }), 409, 'conflict');
    for (const id of ids.slice(0, 3)) expect((await call(`/v1/webhooks/${id}`, { method: 'DELETE', headers: t.headers })).status).toBe(204);
    // 20 left: still at the cap.
    await expectProblem(await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(bucket) } }), 409, 'conflict');
    expect((await call(`/v1/webhooks/${ids[3]}`, { method: 'DELETE', headers: t.headers })).status).toBe(204);
    expect((await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(bucket) } })).status).toBe(201);
    // Editing an existing endpoint is never blocked by the cap.
    expect((await call(`/v1/webhooks/${ids[4]}`, { method: 'PATCH', headers: t.headers, json: { eventTypes: ['product.*'] } })).status).toBe(200);
  });
});

describe('ports: existing targets keep theirs until edited', () => {
  // The test run allows any port (the receiver's is random); these settings are a deployment that
  // allows only 80 and 443, where the receiver's port stands for, say, a legacy :8443 target.
  const portsClosed = { ALLOW_TARGET_PORTS: '' };

  it('a stored target on another port is still delivered to; creating or editing to such a URL is refused', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const url = target(bucket);
    const port = new URL(url).port;
    expect(port).not.toBe('');
    // Created before the port rule (the test env allows the port).
    const wh = await createWebhook(t, { url, eventTypes: ['product.*'] });

    // An event in the outbox with no wake-up, fanned out by hand, attempted by the consumer under the new rules.
    const eventId = newId('evt', Date.now());
    await env.DB.batch(eventStatements(env.DB, t.id, 'product.updated', { productId: 'p', number: 1, version: 2 }, Date.now(), eventId));
    const { deliveryIds } = await fanOutTenant(env.DB, t.id);
    expect(deliveryIds).toHaveLength(1);
    const batch = createMessageBatch('shelfsync-deliveries', [{ id: 'm-port', timestamp: new Date(), attempts: 1, body: { kind: 'deliver', ids: deliveryIds } }]);
    const ctx = createExecutionContext();
    await (worker as ExportedHandler<Cloudflare.Env>).queue!(batch, { ...env, ...portsClosed }, ctx);
    expect((await getQueueResult(batch, ctx)).outcome).toBe('ok');
    const got = await waitReceived(bucket, 1);
    expect(got[0]!.headers['webhook-id']).toBe(eventId);
    const [delivery] = await waitDeliveries(t, wh.id, (l) => l[0]?.status === 'succeeded', 'the delivery recorded');
    expect(delivery!.attempts[0]).toMatchObject({ statusCode: 200, error: null });

    // The same URL sent now, as a new endpoint or an edit, is judged by the rule.
    const created = await expectProblem(await callWith({}, portsClosed, '/v1/webhooks', { method: 'POST', headers: t.headers, json: { url } }), 422, 'validation_failed');
    expect(created.errors).toEqual([{ path: '/url', message: `port ${port} is not allowed: only 80 and 443` }]);
    await expectProblem(await callWith({}, portsClosed, `/v1/webhooks/${wh.id}`, { method: 'PATCH', headers: t.headers, json: { url: `${url}?edited` } }), 422, 'validation_failed');
    // Edits that leave the URL alone are fine.
    expect((await callWith({}, portsClosed, `/v1/webhooks/${wh.id}`, { method: 'PATCH', headers: t.headers, json: { eventTypes: ['*'] } })).status).toBe(200);
    expect((await deliveries(t, wh.id))[0]!.status).toBe('succeeded');
  });
});

describe('one fan-out run is bounded in rows and statements', () => {
  it('plans whole events up to 1,000 deliveries, 200 rows a statement, and loses or repeats no event across runs', () => {
    const endpoints = Array.from({ length: 40 }, (_, i) => ({ id: `wh_${i}`, patterns: i % 4 === 0 ? ['image.failed'] : ['product.*'] }));
    const events = Array.from({ length: 500 }, (_, i) => ({ id: `evt_${i}`, seq: i + 1, type: i % 10 === 0 ? 'image.failed' : 'product.updated', data: '{}' }));
    let n = 0;
    const seen = new Set<string>();
    let watermark = 0;
    let runs = 0;
    for (;;) {
      const pending = events.filter((e) => e.seq > watermark);
      const plan = planFanout(pending, endpoints, FANOUT_LIMITS, () => `dlv_${n++}`);
      if (!plan) break;
      runs += 1;
      const rows = plan.chunks.flat();
      expect(rows.length).toBeLessThanOrEqual(1000);
      expect(plan.chunks.every((c) => c.length <= 200)).toBe(true);
      expect(plan.chunks.every((c) => JSON.stringify(c).length < 40_000)).toBe(true);
      for (const row of rows) {
        const key = `${row.endpoint}/${row.event}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      // Whole events: every row of the last event taken is in this run.
      expect(rows.every((r) => Number(r.event.slice(4)) < plan.lastSeq)).toBe(true);
      watermark = plan.lastSeq;
    }
    // 450 product events x 30 endpoints + 50 image events x 10 endpoints.
    expect(seen.size).toBe(450 * 30 + 50 * 10);
    expect(runs).toBeGreaterThanOrEqual(14);
  });

  it('one event always goes, however many endpoints it matches', () => {
    const endpoints = Array.from({ length: 1100 }, (_, i) => ({ id: `wh_${i}`, patterns: ['*'] }));
    const events = [1, 2].map((seq) => ({ id: `evt_${seq}`, seq, type: 'product.created', data: '{}' }));
    const plan = planFanout(events, endpoints, FANOUT_LIMITS, () => crypto.randomUUID())!;
    expect(plan).toMatchObject({ lastSeq: 1, stoppedEarly: true });
    expect(plan.chunks.map((c) => c.length)).toEqual([200, 200, 200, 200, 200, 100]);
  });

  it('a tenant over the endpoint cap with a backlog is fanned out in bounded runs, each delivery once', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    for (let i = 0; i < 25; i++) {
      const res = await callWith({ maxWebhookEndpoints: 100 }, {}, '/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(bucket), eventTypes: ['product.*'] } });
      expect(res.status).toBe(201);
    }
    // 45 events in the outbox with no wake-up: 1,125 deliveries.
    const now = Date.now();
    await env.DB.batch(Array.from({ length: 45 }, (_, i) => eventStatements(env.DB, t.id, 'product.updated', { productId: `p${i}`, number: i, version: 2 }, now, newId('evt', now))).flat());
    const first = await fanOutTenant(env.DB, t.id);
    expect(first.deliveryIds).toHaveLength(1000);
    expect(first.more).toBe(true);
    const second = await fanOutTenant(env.DB, t.id);
    expect(second.deliveryIds).toHaveLength(125);
    expect(second.more).toBe(false);
    expect((await fanOutTenant(env.DB, t.id)).deliveryIds).toEqual([]);
    const row = await env.DB.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT endpoint_id || event_id) AS pairs FROM deliveries WHERE tenant_id = ?1').bind(t.id).first();
    expect(row).toEqual({ n: 1125, pairs: 1125 });
  });
});

describe('per-destination-host concurrency', () => {
  it('runKeyedPool keeps at most `perKey` in flight per key and `concurrency` overall, and hands back what a spent budget did not start', async () => {
    const items = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'a', 'c', 'd'].map((key, i) => ({ key, i }));
    const inFlight = new Map<string, number>();
    let total = 0;
    let maxTotal = 0;
    const maxPerKey = new Map<string, number>();
    const work = async (item: { key: string; i: number }) => {
      inFlight.set(item.key, (inFlight.get(item.key) ?? 0) + 1);
      total += 1;
      maxTotal = Math.max(maxTotal, total);
      maxPerKey.set(item.key, Math.max(maxPerKey.get(item.key) ?? 0, inFlight.get(item.key)!));
      await new Promise((r) => setTimeout(r, 5));
      inFlight.set(item.key, inFlight.get(item.key)! - 1);
      total -= 1;
      return item.i;
    };
    const all = await runKeyedPool(items, { concurrency: 3, perKey: 2, key: (x) => x.key }, work);
    expect(all.results.map((r) => r.result).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.skipped).toEqual([]);
    expect(maxTotal).toBe(3);
    expect(Math.max(...maxPerKey.values())).toBe(2);
    // A host with a backlog does not hold the others back: b, c and d start before a's third item.
    const order: number[] = [];
    await runKeyedPool(items, { concurrency: 3, perKey: 2, key: (x) => x.key }, async (item) => {
      order.push(item.i);
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(order.slice(0, 3)).toEqual([0, 1, 4]);

    let starts = 0;
    const budgeted = await runKeyedPool(items, { concurrency: 3, perKey: 2, key: (x) => x.key, mayStart: () => starts++ < 4 }, work);
    expect(budgeted.results).toHaveLength(4);
    expect(budgeted.skipped.map((x) => x.i).sort((x, y) => x - y)).toEqual(items.map((x) => x.i).filter((i) => !budgeted.results.some((r) => r.item.i === i)));
    expect(budgeted.skipped).toHaveLength(6);
  });

  it('six endpoints on one host get at most two requests at a time, and every delivery arrives', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const hooks = [];
    for (let i = 0; i < 6; i++) hooks.push(await createWebhook(t, { url: target(bucket, 'hold'), eventTypes: ['product.created'] }));
    expect((await putProduct(t, 'fan')).status).toBe(201);
    const got = await waitReceived(bucket, 6, 15_000);
    expect(got).toHaveLength(6);
    const { max } = (await (await fetch(`${receiverUrl}/inflight/${bucket}`)).json()) as { max: number };
    expect(max).toBe(2);
    for (const wh of hooks) await waitDeliveries(t, wh.id, (l) => l[0]?.status === 'succeeded', 'each delivery recorded', 10_000);
  });
});
