/**
 * A tenant without webhook endpoints: every write still wakes the fan-out, which then moves the
 * watermark to the last event in one step (no page of events read). An endpoint created afterwards
 * gets every later event and none from before it existed, as when the fan-out paged through them.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { eventStatements } from '../../src/events/outbox';
import { newId } from '../../src/lib/ulid';
import { fanOutTenant } from '../../src/webhooks/fanout';
import { createTenant, type TestTenant } from '../helpers/api';
import { createWebhook, newBucket, target } from '../helpers/webhooks';

async function silentEvents(t: TestTenant, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId('evt', Date.now());
    await env.DB.batch(eventStatements(env.DB, t.id, 'product.updated', { productId: `p${i}`, number: i + 1, version: 2 }, Date.now(), id));
    ids.push(id);
  }
  return ids;
}

async function seqs(t: TestTenant): Promise<{ fanout_seq: number; event_seq: number }> {
  return (await env.DB.prepare('SELECT fanout_seq, event_seq FROM tenants WHERE id = ?1').bind(t.id).first<{ fanout_seq: number; event_seq: number }>())!;
}

describe('fan-out for a tenant without endpoints', () => {
  it('moves the watermark past every event at once, and later endpoints get only later events', async () => {
    const t = await createTenant();
    await silentEvents(t, 3);
    expect(await seqs(t)).toEqual({ fanout_seq: 0, event_seq: 3 });

    expect(await fanOutTenant(env.DB, t.id)).toEqual({ deliveryIds: [], more: false });
    expect(await seqs(t)).toEqual({ fanout_seq: 3, event_seq: 3 });

    const wh = await createWebhook(t, { url: target(newBucket()), eventTypes: ['product.*'] });
    const [later] = await silentEvents(t, 1);
    const result = await fanOutTenant(env.DB, t.id);
    expect(result.deliveryIds).toHaveLength(1);
    const { results } = await env.DB.prepare('SELECT event_id FROM deliveries WHERE endpoint_id = ?1').bind(wh.id).all<{ event_id: string }>();
    expect(results).toEqual([{ event_id: later }]);
    expect((await seqs(t)).fanout_seq).toBe(4);
  });

  it('treats a disabled or expired endpoint as none', async () => {
    const t = await createTenant();
    const wh = await createWebhook(t, { url: target(newBucket()), eventTypes: ['product.*'] });
    await env.DB.prepare('UPDATE webhook_endpoints SET enabled = 0 WHERE id = ?1').bind(wh.id).run();
    await silentEvents(t, 2);
    expect(await fanOutTenant(env.DB, t.id)).toEqual({ deliveryIds: [], more: false });
    expect(await seqs(t)).toEqual({ fanout_seq: 2, event_seq: 2 });
    const { results } = await env.DB.prepare('SELECT id FROM deliveries WHERE endpoint_id = ?1').bind(wh.id).all();
    expect(results).toEqual([]);
  });
});
