/**
 * What keeps the delivery path fast without changing what it sends: one invocation never holds more
 * than 6 requests at once (production's limit, which local mode does not enforce), a batch imports
 * each HMAC key and opens each endpoint's secret once, and the claim/record statements find their
 * rows by primary key however many deliveries wait.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import {
  CLAIM_DELIVERIES,
  LOAD_CLAIMED_DELIVERIES,
  LOAD_CLAIMED_ENDPOINTS,
  LOAD_CLAIMED_EVENTS,
  RECORD_DELIVERY_STATES,
  RELEASE_UNSTARTED,
  UPDATE_FAILURE_CLOCKS,
} from '../../src/webhooks/webhooks.queries';
import { call, createTenant, putProduct, type TestTenant } from '../helpers/api';
import { createWebhook, deliveries, newBucket, receiverUrl, received, target, waitFor, type Webhook } from '../helpers/webhooks';

const ENDPOINTS = 12;
const PRODUCTS = 5;

/** Endpoints that got their first deliveries, then point at `behaviour` with every delivery due again and no message sent. */
async function dueAgain(t: TestTenant, hooks: Webhook[], bucket: string, behaviour: 'hold' | 'ok'): Promise<string[]> {
  for (const hook of hooks) {
    const res = await call(`/v1/webhooks/${hook.id}`, { method: 'PATCH', headers: t.headers, json: { url: target(bucket, behaviour) } });
    expect(res.status).toBe(200);
  }
  // As the cron finds rows due after a lost wake-up: due now, nothing queued for them.
  const { results } = await env.DB.prepare("UPDATE deliveries SET status = 'pending', next_attempt_at = 0 WHERE tenant_id = ?1 RETURNING id").bind(t.id).all<{ id: string }>();
  return results.map((r) => r.id);
}

async function deliveredOnce(): Promise<{ t: TestTenant; hooks: Webhook[] }> {
  const t = await createTenant();
  const first = newBucket();
  const hooks: Webhook[] = [];
  for (let i = 0; i < ENDPOINTS; i++) hooks.push(await createWebhook(t, { url: target(first), eventTypes: ['product.created'] }));
  for (let i = 0; i < PRODUCTS; i++) expect((await putProduct(t, `tp-${i}`)).status).toBe(201);
  await waitFor(async () => ((await received(first)).length >= ENDPOINTS * PRODUCTS ? true : undefined), 'the first deliveries', 20_000);
  for (const hook of hooks) await waitFor(async () => ((await deliveries(t, hook.id)).every((d) => d.status === 'succeeded') ? true : undefined), 'first attempts recorded', 10_000);
  return { t, hooks };
}

async function deliverInOneInvocation(ids: string[], overrides: Record<string, string> = {}): Promise<void> {
  const messages = [];
  for (let i = 0; i < ids.length; i += 100) messages.push({ id: `m-${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body: { kind: 'deliver' as const, ids: ids.slice(i, i + 100) } });
  const batch = createMessageBatch('shelfsync-deliveries', messages);
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<any>, { ...env, ...overrides });
  await waitOnExecutionContext(ctx);
  expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([]);
}

afterEach(() => vi.restoreAllMocks());

describe('one delivery invocation', () => {
  it('holds at most 6 requests at once even when every host allows more, and sends every due delivery', async () => {
    const { t, hooks } = await deliveredOnce();
    const bucket = newBucket();
    const ids = await dueAgain(t, hooks, bucket, 'hold');
    expect(ids).toHaveLength(ENDPOINTS * PRODUCTS);
    // 12 endpoints on one host, that host allowed 50 at a time: only the invocation's limit is left.
    await deliverInOneInvocation(ids, { WEBHOOK_HOST_CONCURRENCY: '50' });
    expect(await received(bucket)).toHaveLength(ENDPOINTS * PRODUCTS);
    const { max } = (await (await fetch(`${receiverUrl}/inflight/${bucket}`)).json()) as { max: number };
    expect(max).toBe(6);
    for (const hook of hooks) {
      const list = await deliveries(t, hook.id);
      expect(list.map((d) => [d.status, d.attemptCount])).toEqual(Array.from({ length: PRODUCTS }, () => ['succeeded', 2]));
    }
  });

  it('imports each HMAC key and opens each endpoint secret once, and the same webhook-id and a valid signature still go out', async () => {
    const { t, hooks } = await deliveredOnce();
    const bucket = newBucket();
    const ids = await dueAgain(t, hooks, bucket, 'ok');
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    await deliverInOneInvocation(ids);
    const hmacImports = importKey.mock.calls.filter(([, , algorithm]) => (algorithm as { name?: string }).name === 'HMAC');
    expect(hmacImports).toHaveLength(ENDPOINTS);
    expect(decrypt.mock.calls.length).toBeLessThanOrEqual(ENDPOINTS);
    importKey.mockRestore();
    decrypt.mockRestore();

    const got = await received(bucket);
    expect(got).toHaveLength(ENDPOINTS * PRODUCTS);
    // webhook-id is the event's id: one per product, each sent to every endpoint.
    const byId = new Map<string, number>();
    for (const r of got) byId.set(r.headers['webhook-id']!, (byId.get(r.headers['webhook-id']!) ?? 0) + 1);
    expect([...byId.values()]).toEqual(Array.from({ length: PRODUCTS }, () => ENDPOINTS));
    const { Webhook: Verifier } = await import('standardwebhooks');
    for (const hook of hooks) for (const d of await deliveries(t, hook.id)) expect(d.attemptCount).toBe(2);
    // Every body verifies under exactly one of the endpoints' secrets (whichever endpoint sent it).
    for (const r of got) {
      const ok = hooks.filter((h) => {
        try {
          new Verifier(h.secret).verify(r.body, { 'webhook-id': r.headers['webhook-id']!, 'webhook-timestamp': r.headers['webhook-timestamp']!, 'webhook-signature': r.headers['webhook-signature']! });
          return true;
        } catch {
          return false;
        }
      });
      expect(ok).toHaveLength(1);
    }
  });
});

describe('the attempt statements find deliveries by primary key', () => {
  const plan = async (sql: string, ...params: unknown[]) => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
    return results.map((r) => r.detail);
  };
  it.each([
    ['CLAIM_DELIVERIES', CLAIM_DELIVERIES, ['[]', 0, 0]],
    ['LOAD_CLAIMED_DELIVERIES', LOAD_CLAIMED_DELIVERIES, ['[]', 0]],
    ['LOAD_CLAIMED_EVENTS', LOAD_CLAIMED_EVENTS, ['[]', 0]],
    ['LOAD_CLAIMED_ENDPOINTS', LOAD_CLAIMED_ENDPOINTS, ['[]', 0]],
    ['RELEASE_UNSTARTED', RELEASE_UNSTARTED, ['[]', 0, 0]],
    ['RECORD_DELIVERY_STATES', RECORD_DELIVERY_STATES, ['[]', 0]],
  ] as const)('%s', async (_name, sql, params) => {
    const lines = await plan(sql, ...params);
    const onDeliveries = lines.filter((l) => /\b(deliveries|d)\b USING/.test(l) || /SCAN (deliveries|d)\b/.test(l));
    expect(onDeliveries.length).toBeGreaterThan(0);
    // Through `deliveries_due (status=?)` every pending row of the table was read per statement.
    for (const line of onDeliveries) expect(line).toMatch(/USING INDEX sqlite_autoindex_deliveries_1 \(id=\?\)/);
  });

  it.each([
    ['LOAD_CLAIMED_EVENTS', LOAD_CLAIMED_EVENTS, 'events', 'e', 'sqlite_autoindex_events_1'],
    ['LOAD_CLAIMED_ENDPOINTS', LOAD_CLAIMED_ENDPOINTS, 'webhook_endpoints', 'w', 'sqlite_autoindex_webhook_endpoints_1'],
  ] as const)('%s reads each %s row by primary key', async (_name, sql, table, alias, index) => {
    const lines = await plan(sql, '[]', 0);
    expect(lines.some((l) => new RegExp(`\\b(${table}|${alias})\\b USING INDEX ${index} \\(id=\\?\\)`).test(l))).toBe(true);
    expect(lines.some((l) => new RegExp(`SCAN (${table}|${alias})\\b`).test(l))).toBe(false);
  });

  it('UPDATE_FAILURE_CLOCKS looks endpoints up by primary key', async () => {
    const lines = await plan(UPDATE_FAILURE_CLOCKS, '[]', 0);
    expect(lines.some((l) => /webhook_endpoints USING INDEX sqlite_autoindex_webhook_endpoints_1 \(id=\?\)/.test(l))).toBe(true);
    expect(lines.some((l) => /SCAN webhook_endpoints\b/.test(l))).toBe(false);
  });
});
