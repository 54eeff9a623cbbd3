/**
 * The money backfill (issue: money as micros): rows stored in minor units before micros are rewritten
 * by a queue job into exactly what the write path stores today, with no version bump and no event,
 * so re-sending the same catalog afterwards is `unchanged`. Old-format rows are made by writing the
 * legacy document straight into D1, as a database migrated from before micros holds them.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env, MaintenanceMessage } from '../../src/env';
import worker from '../../src/index';
import { body, call, createTenant, postBatch, product, putProduct, type TestTenant } from '../helpers/api';

const PRICES = {
  USD: { amount: '25.00', sale: { amount: '19.99', start: '2024-06-10T00:00:00Z', end: '2024-06-20T23:59:59Z' } },
  JPY: { amount: '3900' },
  KWD: { amount: '1.005' },
};

/** The stored document with each amount turned back into the currency's minor units (the old form). */
function toLegacy(data: string): string {
  const doc = JSON.parse(data);
  const exponent: Record<string, number> = { USD: 2, JPY: 0, KWD: 3, EUR: 2 };
  for (const [currency, price] of Object.entries(doc.prices ?? {}) as Array<[string, any]>) {
    const minor = (micros: number) => micros / 10 ** (6 - exponent[currency]!);
    price.amount = minor(price.amountMicros);
    delete price.amountMicros;
    if (price.sale) {
      price.sale.amount = minor(price.sale.amountMicros);
      delete price.sale.amountMicros;
    }
  }
  // Keys sorted, as the old write path stored them.
  const sort = (v: any): any => (Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v);
  return JSON.stringify(sort(doc));
}

async function rows(t: TestTenant) {
  const { results } = await env.DB.prepare('SELECT id, version, data, money_format, job_id, updated_at FROM products WHERE tenant_id = ?1 ORDER BY id')
    .bind(t.id)
    .all<{ id: string; version: number; data: string; money_format: number | null; job_id: string; updated_at: number }>();
  return results;
}

async function makeLegacy(t: TestTenant): Promise<void> {
  for (const row of await rows(t)) {
    await env.DB.prepare('UPDATE products SET data = ?3, money_format = NULL WHERE tenant_id = ?1 AND id = ?2').bind(t.id, row.id, toLegacy(row.data)).run();
  }
}

async function eventCount(t: TestTenant): Promise<number> {
  return (await env.DB.prepare('SELECT count(*) AS n FROM events WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>())!.n;
}

/** One maintenance-queue message through the Worker's queue entry; the follow-up it sends is captured. */
async function runBackfill(message: MaintenanceMessage) {
  const sent: MaintenanceMessage[] = [];
  const testEnv = { ...env, MAINTENANCE_QUEUE: { send: async (m: MaintenanceMessage) => void sent.push(m), sendBatch: async () => undefined } };
  const batch = createMessageBatch('shelfsync-maintenance', [{ id: `m-${Math.random()}`, timestamp: new Date(), attempts: 1, body: message }]);
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, testEnv as unknown as Env);
  const result = await getQueueResult(batch, ctx);
  expect(result.retryMessages).toEqual([]);
  return sent;
}

/** Drives the chain of slices the way the queue would, until a slice sends no follow-up. */
async function drainBackfill(): Promise<number> {
  let message: MaintenanceMessage | undefined = { kind: 'money-backfill' };
  let messages = 0;
  while (message) {
    messages += 1;
    [message] = await runBackfill(message);
    if (messages > 50) throw new Error('the backfill did not finish');
  }
  return messages;
}

describe('money backfill', () => {
  it('rewrites minor-unit rows into the write path\'s own JSON, with no version bump and no event; re-sending is unchanged', async () => {
    const t = await createTenant();
    await putProduct(t, 'a', product('a', { prices: PRICES }));
    await putProduct(t, 'b', product('b', { prices: { EUR: { amount: 0.5 } } }));
    await putProduct(t, 'c', product('c', { prices: undefined }));
    const written = await rows(t);
    expect(written.map((r) => r.money_format)).toEqual([1, 1, 1]);
    expect(JSON.parse(written[0]!.data).prices.USD).toMatchObject({ amountMicros: 25_000_000, sale: { amountMicros: 19_990_000 } });

    await makeLegacy(t);
    const legacy = await rows(t);
    expect(JSON.parse(legacy[0]!.data).prices.USD).toMatchObject({ amount: 2500, sale: { amount: 1999 } });
    expect(legacy.map((r) => r.money_format)).toEqual([null, null, null]);

    // Until converted, an old row reads exactly like a new one.
    const before = await body(await call('/v1/products/a', { headers: t.headers }));
    expect(before.prices).toEqual({
      USD: { amount: '25.00', amountMicros: '25000000', sale: { amount: '19.99', amountMicros: '19990000', start: '2024-06-10T00:00:00.000Z', end: '2024-06-20T23:59:59.000Z' } },
      JPY: { amount: '3900', amountMicros: '3900000000' },
      KWD: { amount: '1.005', amountMicros: '1005000' },
    });
    const events = await eventCount(t);

    await drainBackfill();
    const after = await rows(t);
    expect(after).toEqual(written.map((r) => ({ ...r }))); // data byte for byte, version, job, updated_at, marker
    expect(await eventCount(t)).toBe(events);

    // The client re-sends its catalog: nothing changed.
    const resend = await postBatch(t, [product('a', { prices: PRICES }), product('b', { prices: { EUR: { amount: 0.5 } } }), product('c', { prices: undefined })]);
    expect(resend.status).toBe(200);
    expect((await body(resend)).results.map((r: { status: string }) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect((await rows(t)).map((r) => r.version)).toEqual([1, 1, 1]);
  });

  it('is resumable: each message converts one slice after its cursor and sends the next; a row the write path stored meanwhile is not touched', async () => {
    const t = await createTenant();
    const ids = Array.from({ length: 230 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const res = await postBatch(t, ids.map((id) => product(id, { prices: { USD: { amount: '12.34' } } })));
    expect(res.status).toBe(200);
    await makeLegacy(t);

    // A slice starting mid-table converts only what comes after its cursor.
    const sent = await runBackfill({ kind: 'money-backfill', after: [t.id, 'p199'] });
    expect(sent).toEqual([]); // 30 rows: fewer than a slice, the pass ends
    const marks = (await rows(t)).map((r) => r.money_format);
    expect(marks.slice(0, 200).every((m) => m === null)).toBe(true);
    expect(marks.slice(200).every((m) => m === 1)).toBe(true);

    // A product written meanwhile stores micros itself; the pass must not overwrite it.
    await putProduct(t, 'p050', product('p050', { prices: { USD: { amount: '99.000001' } } }));
    const messages = await drainBackfill();
    expect(messages).toBeGreaterThanOrEqual(2); // 200 rows in slices of 100 (plus other tests' rows, if any)
    const final = await rows(t);
    expect(final.every((r) => r.money_format === 1)).toBe(true);
    expect(JSON.parse(final.find((r) => r.id === 'p050')!.data).prices).toEqual({ USD: { amountMicros: 99_000_001 } });
    expect(JSON.parse(final.find((r) => r.id === 'p000')!.data).prices).toEqual({ USD: { amountMicros: 12_340_000 } });
  });

  it('keeps an amount too large for micros as it is (marked, still read exactly), and the cron starts a pass only while rows wait', async () => {
    const t = await createTenant({ defaultCurrency: 'JPY' });
    await putProduct(t, 'huge', product('huge', { prices: { JPY: { amount: '3900' } } }));
    const legacyHuge = JSON.stringify({ ...JSON.parse(toLegacy((await rows(t))[0]!.data)), prices: { JPY: { amount: 9_000_000_000_000 } } });
    await env.DB.prepare('UPDATE products SET data = ?2, money_format = NULL WHERE tenant_id = ?1').bind(t.id, legacyHuge).run();

    const cron = async () => {
      const sent: MaintenanceMessage[] = [];
      const testEnv = { ...env, MAINTENANCE_QUEUE: { send: async (m: MaintenanceMessage) => void sent.push(m) } };
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), testEnv as unknown as Env, ctx);
      await waitOnExecutionContext(ctx);
      return sent;
    };
    expect(await cron()).toEqual([{ kind: 'money-backfill' }]);
    await drainBackfill();
    const [row] = await rows(t);
    expect(row!.money_format).toBe(0);
    expect(row!.data).toBe(legacyHuge);
    expect((await body(await call('/v1/products/huge', { headers: t.headers }))).prices).toEqual({ JPY: { amount: '9000000000000', amountMicros: '9000000000000000000' } });
    expect(await cron()).toEqual([]);
  });
});
