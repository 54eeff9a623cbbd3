/** The delivery log and manual resends: redeliver, recover since a time, and the test event. */
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem, feed, putProduct } from '../helpers/api';
import { createWebhook, deliveries, newBucket, received, target, waitDeliveries, waitReceived } from '../helpers/webhooks';

describe('the delivery log', () => {
  it('lists deliveries newest first, each attempt with time, code, latency, body and error; pages with a cursor', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const wh = await createWebhook(t, { url: target(bucket), eventTypes: ['product.created'] });
    for (const id of ['a', 'b', 'c']) await putProduct(t, id);
    const list = await waitDeliveries(t, wh.id, (l) => l.length === 3 && l.every((d) => d.status === 'succeeded'), 'three deliveries');
    const ids = list.map((d) => d.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    for (const d of list) {
      expect(d).toMatchObject({ endpointId: wh.id, eventType: 'product.created', attemptCount: 1, nextAttemptAt: null });
      expect(d.attempts).toHaveLength(1);
      const [a] = d.attempts;
      expect(Date.parse(a!.attemptedAt)).toBeGreaterThanOrEqual(Date.parse(d.createdAt));
      expect(a).toMatchObject({ statusCode: 200, responseBody: 'received', error: null });
      expect(Number.isInteger(a!.latencyMs)).toBe(true);
    }

    const page1 = await body(await call(`/v1/webhooks/${wh.id}/deliveries?limit=2`, { headers: t.headers }));
    expect(page1.data.map((d: { id: string }) => d.id)).toEqual(ids.slice(0, 2));
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await body(await call(`/v1/webhooks/${wh.id}/deliveries?limit=2&cursor=${page1.nextCursor}`, { headers: t.headers }));
    expect(page2.data.map((d: { id: string }) => d.id)).toEqual(ids.slice(2));
    expect(page2.nextCursor).toBeNull();
  });
});

describe('redeliver', () => {
  it('a new attempt of the same message arrives and is logged', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const wh = await createWebhook(t, { url: target(bucket), eventTypes: ['product.created'] });
    await putProduct(t, 'r1');
    const [first] = await waitReceived(bucket, 1);
    const [d] = await waitDeliveries(t, wh.id, (l) => l[0]?.status === 'succeeded', 'the first attempt');

    const res = await call(`/v1/deliveries/${d!.id}/redeliver`, { method: 'POST', headers: t.headers });
    expect(res.status).toBe(202);
    expect(await body(res)).toEqual({ id: d!.id, status: 'pending' });
    const got = await waitReceived(bucket, 2);
    expect(got).toHaveLength(2);
    expect(got[1]!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(got[1]!.body).toBe(first!.body);
    new Webhook(wh.secret).verify(got[1]!.body, got[1]!.headers);
    const [after] = await waitDeliveries(t, wh.id, (l) => l[0]?.attempts.length === 2 && l[0].status === 'succeeded', 'the second attempt logged');
    expect(after!.attemptCount).toBe(2);
    expect(after!.attempts.map((a) => a.statusCode)).toEqual([200, 200]);
  });

  it("404 for an unknown delivery and for another tenant's", async () => {
    const t = await createTenant();
    const other = await createTenant();
    const bucket = newBucket();
    const wh = await createWebhook(t, { url: target(bucket), eventTypes: ['product.created'] });
    await putProduct(t, 'x');
    const [d] = await waitDeliveries(t, wh.id, (l) => l[0]?.status === 'succeeded', 'a delivery');
    await expectProblem(await call(`/v1/deliveries/${d!.id}/redeliver`, { method: 'POST', headers: other.headers }), 404);
    await expectProblem(await call('/v1/deliveries/dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E/redeliver', { method: 'POST', headers: t.headers }), 404);
    expect(await received(bucket)).toHaveLength(1);
  });
});

describe('recover', () => {
  it('resends every failed delivery since a time and says how many', async () => {
    const t = await createTenant();
    const goneBucket = newBucket();
    const wh = await createWebhook(t, { url: target(goneBucket, 'gone'), eventTypes: ['*'] });
    const before = new Date(Date.now() - 1000).toISOString();
    await putProduct(t, 'g1'); // product.created + job.completed, both answered 410
    const failed = await waitDeliveries(t, wh.id, (l) => l.length === 2 && l.every((d) => d.status === 'failed'), 'two failed deliveries');
    expect((await body(await call(`/v1/webhooks/${wh.id}`, { headers: t.headers }))).enabled).toBe(false);

    // The subscriber fixes its endpoint and turns it back on, then asks for what it missed.
    const fixed = newBucket();
    await call(`/v1/webhooks/${wh.id}`, { method: 'PATCH', headers: t.headers, json: { url: target(fixed), enabled: true } });

    const none = await call(`/v1/webhooks/${wh.id}/recover?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { method: 'POST', headers: t.headers });
    expect(none.status).toBe(202);
    expect(await body(none)).toEqual({ requeued: 0 });

    const res = await call(`/v1/webhooks/${wh.id}/recover?since=${encodeURIComponent(before)}`, { method: 'POST', headers: t.headers });
    expect(res.status).toBe(202);
    expect(await body(res)).toEqual({ requeued: failed.length });
    const got = await waitReceived(fixed, 2);
    expect(got.map((r) => r.headers['webhook-id']).sort()).toEqual(failed.map((d) => d.eventId).sort());
    await waitDeliveries(t, wh.id, (l) => l.every((d) => d.status === 'succeeded'), 'all recovered');
    // Nothing failed is left: recovering again requeues nothing.
    expect(await body(await call(`/v1/webhooks/${wh.id}/recover?since=${encodeURIComponent(before)}`, { method: 'POST', headers: t.headers }))).toEqual({ requeued: 0 });
  });

  it('rejects a since that is not RFC 3339', async () => {
    const t = await createTenant();
    const wh = await createWebhook(t, { url: target(newBucket()) });
    await expectProblem(await call(`/v1/webhooks/${wh.id}/recover?since=yesterday`, { method: 'POST', headers: t.headers }), 422);
    await expectProblem(await call(`/v1/webhooks/${wh.id}/recover`, { method: 'POST', headers: t.headers }), 422);
  });
});

describe('test event', () => {
  it('a webhook.test delivery reaches only that endpoint, whatever its filters', async () => {
    const t = await createTenant();
    const [aBucket, bBucket] = [newBucket(), newBucket()];
    const a = await createWebhook(t, { url: target(aBucket), eventTypes: ['image.failed'] });
    const b = await createWebhook(t, { url: target(bBucket), eventTypes: ['*'] });
    const res = await call(`/v1/webhooks/${a.id}/test`, { method: 'POST', headers: t.headers });
    expect(res.status).toBe(202);
    const { eventId } = await body(res);
    expect(eventId).toMatch(/^evt_/);

    const [got] = await waitReceived(aBucket, 1);
    expect(got!.headers['webhook-id']).toBe(eventId);
    expect(new Webhook(a.secret).verify(got!.body, got!.headers)).toMatchObject({ type: 'webhook.test', data: { endpointId: a.id } });
    // Rows for both endpoints would have been written in the same fan-out batch: b has none.
    expect(await deliveries(t, b.id)).toEqual([]);
    expect(await received(bBucket)).toEqual([]);
    expect((await feed(t)).filter((e) => e.type === 'webhook.test')).toHaveLength(1);
  });

  it('409 for a disabled endpoint', async () => {
    const t = await createTenant();
    const wh = await createWebhook(t, { url: target(newBucket()), enabled: false });
    await expectProblem(await call(`/v1/webhooks/${wh.id}/test`, { method: 'POST', headers: t.headers }), 409);
  });
});
