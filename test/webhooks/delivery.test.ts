/**
 * Delivery through the real queues to the local receiver: filters, one row per matching endpoint,
 * success only on 2xx, retries and their schedule, Retry-After, 410 and the five-day rule, timeouts,
 * redirects, slow bodies, and the first 1 KB of every answer.
 */
import { env } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { eventStatements, type EventType } from '../../src/events/outbox';
import { MAX_ATTEMPTS, parseRetryAfter, retryDelayMs } from '../../src/webhooks/retry-schedule';
import { body, call, createTenant, feed, putProduct, type TestTenant } from '../helpers/api';
import {
  type Behaviour,
  createWebhook,
  type Delivery,
  deliveries,
  newBucket,
  received,
  target,
  waitDeliveries,
  waitReceived,
  type Webhook as Endpoint,
} from '../helpers/webhooks';

/** A tenant and one endpoint that only wants product.created (one delivery per PUT). */
async function subscribed(behaviour: Behaviour | string, eventTypes = ['product.created']): Promise<{ t: TestTenant; bucket: string; wh: Endpoint }> {
  const t = await createTenant();
  const bucket = newBucket();
  const wh = await createWebhook(t, { url: target(bucket, behaviour as Behaviour), eventTypes });
  return { t, bucket, wh };
}

/** PUTs a product and waits for the first attempt of its delivery to be recorded. */
async function firstAttempt(t: TestTenant, wh: Endpoint, productId = 'p1', timeoutMs = 5000): Promise<Delivery> {
  expect((await putProduct(t, productId)).status).toBeLessThan(300);
  const list = await waitDeliveries(t, wh.id, (l) => l.some((d) => d.attempts.length >= 1), 'a recorded attempt', timeoutMs);
  return list.find((d) => d.attempts.length >= 1)!;
}

async function endpoint(t: TestTenant, id: string): Promise<Record<string, any>> {
  return body(await call(`/v1/webhooks/${id}`, { headers: t.headers }));
}

const ms = (iso: string | null) => Date.parse(iso!);

describe('fan-out and filters', () => {
  it('one delivery row per matching endpoint; product.*, image.failed and * filter as documented', async () => {
    const t = await createTenant();
    const buckets = { family: newBucket(), imageFailed: newBucket(), all: newBucket(), exact: newBucket() };
    const family = await createWebhook(t, { url: target(buckets.family), eventTypes: ['product.*'] });
    const imageFailed = await createWebhook(t, { url: target(buckets.imageFailed), eventTypes: ['image.failed'] });
    const all = await createWebhook(t, { url: target(buckets.all), eventTypes: ['*'] });
    const exact = await createWebhook(t, { url: target(buckets.exact), eventTypes: ['product.deleted'] });
    const disabled = await createWebhook(t, { url: target(newBucket()), eventTypes: ['*'], enabled: false });

    await putProduct(t, 'f1'); // product.created + job.completed
    const allGot = await waitReceived(buckets.all, 2);
    const familyGot = await waitReceived(buckets.family, 1);
    expect(allGot.map((r) => JSON.parse(r.body).type).sort()).toEqual(['job.completed', 'product.created']);
    expect(familyGot.map((r) => JSON.parse(r.body).type)).toEqual(['product.created']);
    // Rows for every endpoint are written in the same batch, so the non-matching ones have none now.
    expect(await deliveries(t, imageFailed.id)).toEqual([]);
    expect(await deliveries(t, exact.id)).toEqual([]);
    expect(await deliveries(t, disabled.id)).toEqual([]);
    expect((await deliveries(t, all.id)).map((d) => d.eventType).sort()).toEqual(['job.completed', 'product.created']);
    expect((await deliveries(t, family.id)).map((d) => d.eventType)).toEqual(['product.created']);

    // An image.failed event (written straight to the outbox, as the image pipeline would) reaches its subscribers only.
    await env.DB.batch(eventStatements(env.DB, t.id, 'image.failed' as EventType, { productId: 'f1', imageId: 'img_x', status: 'error', error: 'boom' }, Date.now()));
    await env.EVENTS_QUEUE.send({ kind: 'events', tenantId: t.id });
    const failedGot = await waitReceived(buckets.imageFailed, 1);
    expect(JSON.parse(failedGot[0]!.body)).toMatchObject({ type: 'image.failed', data: { imageId: 'img_x' } });
    await waitReceived(buckets.all, 3);
    expect((await deliveries(t, family.id)).map((d) => d.eventType)).toEqual(['product.created']);

    await call('/v1/products/f1', { method: 'DELETE', headers: t.headers });
    const exactGot = await waitReceived(buckets.exact, 1);
    expect(JSON.parse(exactGot[0]!.body)).toMatchObject({ type: 'product.deleted', data: { productId: 'f1' } });
    // One row per (endpoint, event), each endpoint getting each event once.
    const allRows = await deliveries(t, all.id);
    expect(new Set(allRows.map((d) => d.eventId)).size).toBe(allRows.length);
  });
});

describe('delivery outcomes', () => {
  it('2xx succeeds: one attempt recorded with code, latency and body', async () => {
    const { t, bucket, wh } = await subscribed('ok');
    const d = await firstAttempt(t, wh);
    expect(d).toMatchObject({ endpointId: wh.id, eventType: 'product.created', status: 'succeeded', attemptCount: 1, nextAttemptAt: null });
    expect(d.attempts).toEqual([{ attemptedAt: expect.any(String), statusCode: 200, latencyMs: expect.any(Number), responseBody: 'received', error: null }]);
    expect(d.attempts[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(await received(bucket)).toHaveLength(1);
  });

  it('5xx retries in ~5 s, keeps the first 1 KB of the answer, and starts the failure clock', async () => {
    const { t, wh } = await subscribed('fail');
    const d = await firstAttempt(t, wh);
    expect(d.status).toBe('retrying');
    const [a] = d.attempts;
    expect(a!.statusCode).toBe(500);
    expect(a!.error).toEqual(expect.any(String));
    // The receiver answers "receiver exploded: " + 2000 bytes: exactly the first 1024 are kept.
    expect(a!.responseBody).toHaveLength(1024);
    expect(a!.responseBody!.startsWith('receiver exploded: xxx')).toBe(true);
    const delay = ms(d.nextAttemptAt) - ms(a!.attemptedAt);
    expect(delay).toBeGreaterThanOrEqual(4500);
    expect(delay).toBeLessThanOrEqual(5500);
    expect((await endpoint(t, wh.id)).failingSince).toEqual(expect.any(String));
  });

  it('a 4xx other than 410 is a failure too (only 2xx is success)', async () => {
    const { t, wh } = await subscribed('no-such-behaviour'); // the receiver answers 400
    const d = await firstAttempt(t, wh);
    expect(d).toMatchObject({ status: 'retrying', attempts: [{ statusCode: 400 }] });
    expect((await endpoint(t, wh.id)).enabled).toBe(true);
  });

  it(
    'a retry arrives through the queue delay and succeeds (flaky receiver); webhook-id is stable',
    async () => {
      const { t, bucket, wh } = await subscribed('flaky');
      await putProduct(t, 'p1');
      const got = await waitReceived(bucket, 2, 12_000);
      expect(got).toHaveLength(2);
      const [first, second] = got;
      expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(4000);
      expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      expect(second!.body).toBe(first!.body);
      // Each attempt is signed afresh: a retry hours later must still pass the receiver's timestamp tolerance.
      expect(Number(second!.headers['webhook-timestamp'])).toBeGreaterThanOrEqual(Number(first!.headers['webhook-timestamp']) + 4);
      expect(second!.headers['webhook-signature']).not.toBe(first!.headers['webhook-signature']);
      for (const r of got) new Webhook(wh.secret).verify(r.body, r.headers);

      const [d] = await waitDeliveries(t, wh.id, (l) => l[0]?.status === 'succeeded', 'the retry recorded');
      expect(d!.attemptCount).toBe(2);
      expect(d!.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
      expect(d!.nextAttemptAt).toBeNull();
      expect((await endpoint(t, wh.id)).failingSince).toBeNull();
    },
    20_000,
  );

  it(
    '429 honours Retry-After (the next attempt comes ~2 s later)',
    async () => {
      const { t, bucket, wh } = await subscribed('rate');
      const d = await firstAttempt(t, wh);
      expect(d).toMatchObject({ status: 'retrying', attempts: [{ statusCode: 429 }] });
      const delay = ms(d.nextAttemptAt) - ms(d.attempts[0]!.attemptedAt);
      expect(delay).toBeGreaterThanOrEqual(1500);
      expect(delay).toBeLessThanOrEqual(2500);
      const got = await waitReceived(bucket, 2, 6000);
      expect(got[1]!.receivedAt - got[0]!.receivedAt).toBeGreaterThanOrEqual(1500);
    },
    15_000,
  );

  it('503 honours Retry-After', async () => {
    const { t, wh } = await subscribed('unavailable');
    const d = await firstAttempt(t, wh);
    expect(d).toMatchObject({ status: 'retrying', attempts: [{ statusCode: 503, responseBody: 'maintenance' }] });
    const delay = ms(d.nextAttemptAt) - ms(d.attempts[0]!.attemptedAt);
    expect(delay).toBeGreaterThanOrEqual(2500);
    expect(delay).toBeLessThanOrEqual(3500);
  });

  it('410 disables the endpoint and emits endpoint.disabled', async () => {
    const { t, bucket, wh } = await subscribed('gone');
    const d = await firstAttempt(t, wh);
    expect(d).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: [{ statusCode: 410 }] });
    const ep = await endpoint(t, wh.id);
    expect(ep).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/410/) });
    const disabledEvents = (await feed(t)).filter((e) => e.type === 'endpoint.disabled');
    expect(disabledEvents).toHaveLength(1);
    expect(disabledEvents[0]!.data).toMatchObject({ endpointId: wh.id });

    // Nothing more is sent to it. A second endpoint of the tenant shows when fan-out has run for the
    // later events (rows for every endpoint are written in one batch per event).
    const control = newBucket();
    await createWebhook(t, { url: target(control), eventTypes: ['product.created'] });
    await putProduct(t, 'p2');
    await putProduct(t, 'p3');
    const controlGot = await waitReceived(control, 2);
    expect(controlGot.map((r) => JSON.parse(r.body).data.productId).sort()).toEqual(['p2', 'p3']);
    expect((await deliveries(t, wh.id)).length).toBe(1);
    expect(await received(bucket)).toHaveLength(1);
  });

  it('an endpoint failing for 5 days is disabled on its next failure; endpoint.disabled is emitted once', async () => {
    const { t, wh } = await subscribed('fail', ['*']);
    const sixDaysAgo = Date.now() - 6 * 86_400_000;
    await env.DB.prepare('UPDATE webhook_endpoints SET failing_since = ?2 WHERE id = ?1').bind(wh.id, sixDaysAgo).run();
    expect(ms((await endpoint(t, wh.id)).failingSince)).toBe(sixDaysAgo);

    await putProduct(t, 'p1'); // two events, two deliveries, one round
    const list = await waitDeliveries(t, wh.id, (l) => l.length === 2 && l.every((d) => d.attempts.length === 1), 'both attempts');
    for (const d of list) expect(d).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: [{ statusCode: 500 }] });
    expect(await endpoint(t, wh.id)).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/5 days/) });

    // Asking again changes nothing: no second event, no request to a disabled endpoint.
    const redeliver = await call(`/v1/deliveries/${list[0]!.id}/redeliver`, { method: 'POST', headers: t.headers });
    expect(redeliver.status).toBe(202);
    await waitDeliveries(t, wh.id, (l) => l.every((d) => d.status === 'failed'), 'the redelivery settled');
    const disabledEvents = (await feed(t)).filter((e) => e.type === 'endpoint.disabled');
    expect(disabledEvents).toHaveLength(1);
    expect(disabledEvents[0]!.data).toMatchObject({ endpointId: wh.id });
  });

  it('a receiver that hangs times out (DELIVERY_TIMEOUT_MS) and is recorded as an error', { timeout: 15_000 }, async () => {
    const { t, bucket, wh } = await subscribed('hang');
    const d = await firstAttempt(t, wh, 'p1', 8000);
    expect(d.status).toBe('retrying');
    const [a] = d.attempts;
    expect(a!.statusCode).toBeNull();
    expect(a!.error).toMatch(/2000 ms|time/i);
    expect(a!.latencyMs).toBeGreaterThanOrEqual(1900);
    expect(a!.latencyMs).toBeLessThan(5000);
    expect(await received(bucket)).toHaveLength(1);
  });

  it('a redirect is not followed: the 302 is recorded as a failure', async () => {
    const { t, bucket, wh } = await subscribed('redirect');
    const d = await firstAttempt(t, wh);
    expect(d).toMatchObject({ status: 'retrying', attempts: [{ statusCode: 302 }] });
    expect(d.attempts[0]!.error).toEqual(expect.any(String));
    const got = await received(bucket);
    expect(got.map((r) => r.path.split('/').at(-1))).toEqual(['redirect']);
  });

  it('a body that trickles past the limit is a timeout: the limit covers the whole exchange, not just the headers', { timeout: 15_000 }, async () => {
    // 30 bytes over 3 s behind an immediate 200: the 2 s timeout must cut the body read off.
    const { t, wh } = await subscribed('slow');
    const d = await firstAttempt(t, wh, 'p1', 8000);
    const [a] = d.attempts;
    expect(d.attempts).toHaveLength(1);
    expect(d.status).toBe('retrying');
    expect(a).toMatchObject({ statusCode: null, error: expect.stringMatching(/2000 ms/) });
    expect(ms(d.nextAttemptAt) - ms(a!.attemptedAt)).toBeGreaterThanOrEqual(4500);
  });
});

describe('retry schedule (retryDelayMs)', () => {
  const schedule = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

  it('follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h with ±10 % jitter', () => {
    for (const [i, base] of schedule.entries()) {
      const attempts = i + 1;
      expect(retryDelayMs(attempts, 0.5, null)).toBe(base);
      expect(retryDelayMs(attempts, 0, null)).toBe(Math.round(base * 0.9));
      expect(retryDelayMs(attempts, 0.999999, null)).toBeLessThanOrEqual(Math.round(base * 1.1));
      for (let k = 0; k < 50; k++) {
        const d = retryDelayMs(attempts, Math.random(), null)!;
        expect(d).toBeGreaterThanOrEqual(base * 0.9);
        expect(d).toBeLessThanOrEqual(base * 1.1);
      }
    }
  });

  it('gives up after 8 attempts', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(retryDelayMs(7, 0.5, null)).not.toBeNull();
    expect(retryDelayMs(8, 0.5, null)).toBeNull();
    expect(retryDelayMs(9, 0.5, null)).toBeNull();
    expect(retryDelayMs(8, 0.5, 2000)).toBeNull();
  });

  it('Retry-After replaces the scheduled delay', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(retryDelayMs(3, 0.5, 2000)).toBe(2000);
    expect(retryDelayMs(1, 0.5, 0)).toBeGreaterThan(0);
    expect(retryDelayMs(1, 0.5, 100 * 3600_000)).toBeLessThanOrEqual(36_000_000);
  });
});
