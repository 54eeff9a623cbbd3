/**
 * The cron over a control database and four data shards: its data sweeps run on every shard (a due
 * delivery that lives on shard 2 is sent, through a message routed to shard 2), and it measures each
 * shard's load into the control database's `shard_loads`.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { writeProducts } from '../../src/catalog/write/write-products';
import { shardsThisRun } from '../../src/cron/scheduled';
import worker from '../../src/index';
import { scopeEnv } from '../../src/placement/tenant-env';
import { insertEndpoint } from '../../src/webhooks/endpoints.repository';
import { fanOutTenant } from '../../src/webhooks/fanout';
import { newBucket, target, waitFor, waitReceived } from '../helpers/webhooks';
import { shard, tenantOn, testEnv } from './queue-helpers';

async function runCron(): Promise<void> {
  const ctx = createExecutionContext();
  await (worker as ExportedHandler<Cloudflare.Env>).scheduled!(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('the cron on shards', () => {
  it('sends a due delivery that lives on shard 2 and measures every shard’s load', async () => {
    const t = await tenantOn(2);
    const scoped = scopeEnv(testEnv, t).env;
    const bucket = newBucket();
    await insertEndpoint(scoped.DB, scoped, t.tenantId, { url: target(bucket), eventTypes: ['product.created'], headers: {}, enabled: true, format: 'standard' });
    await writeProducts(shard(2), { tenantId: t.tenantId, kind: 'products.put', items: [{ index: 0, id: 'due', doc: { title: 'Due' } }], failures: [] });
    // Fanned out, never attempted: the delivery waits, due, on shard 2 (its wake-up was lost).
    const { deliveryIds } = await fanOutTenant(shard(2), t.tenantId);
    expect(deliveryIds).toHaveLength(1);

    await runCron();
    const [got] = await waitReceived(bucket, 1, 10_000);
    expect(JSON.parse(got!.body)).toMatchObject({ type: 'product.created' });
    await waitFor(async () => (await shard(2).prepare('SELECT status FROM deliveries WHERE id = ?1').bind(deliveryIds[0]).first<string>('status')) === 'succeeded', 'the delivery to succeed');

    const { results: loads } = await env.DB.prepare('SELECT shard, tenants, rows, bytes, measured_at FROM shard_loads ORDER BY shard').all<{ shard: number; tenants: number; rows: number; bytes: number; measured_at: number }>();
    expect(loads.map((l) => l.shard)).toEqual([0, 1, 2, 3]);
    const two = loads[2]!;
    expect(two.tenants).toBeGreaterThanOrEqual(1);
    // The product and its product.created event at least.
    expect(two.rows).toBeGreaterThanOrEqual(2);
    expect(two.bytes).toBeGreaterThan(0);
    // The measurements live in the control database only.
    for (let n = 0; n < 4; n++) expect(await shard(n).prepare('SELECT count(*) AS n FROM shard_loads').first<number>('n')).toBe(0);
  });

  it('bounds one run: up to five shards each run, more taken in turn so every shard comes up', () => {
    expect(shardsThisRun([0, 1, 2, 3], 0)).toEqual([0, 1, 2, 3]);
    const all = Array.from({ length: 12 }, (_, i) => i);
    const seen = new Set<number>();
    for (let minute = 0; minute < 3; minute++) {
      const run = shardsThisRun(all, minute * 60_000);
      expect(run).toHaveLength(5);
      run.forEach((s) => seen.add(s));
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(all);
  });
});
