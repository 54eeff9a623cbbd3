/**
 * Real deliveries, as the receiver got them, verified with the official `standardwebhooks` package;
 * secret rotation signs with both secrets for 24 h.
 */
import { env } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, putProduct } from '../helpers/api';
import { createWebhook, newBucket, type Received, target, waitReceived } from '../helpers/webhooks';

function verifies(secret: string, r: Pick<Received, 'body' | 'headers'>): boolean {
  try {
    new Webhook(secret).verify(r.body, r.headers);
    return true;
  } catch {
    return false;
  }
}

function productCreated(list: Received[]): Received {
  const found = list.find((r) => JSON.parse(r.body).type === 'product.created');
  if (!found) throw new Error(`no product.created among ${list.map((r) => r.body).join(', ')}`);
  return found;
}

describe('Standard Webhooks signatures', () => {
  it('a real delivery verifies with the standardwebhooks package; tampering fails', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const headerValue = `Bearer static-${crypto.randomUUID()}`;
    const wh = await createWebhook(t, { url: target(bucket), eventTypes: ['product.*'], headers: { Authorization: headerValue } });
    const before = Math.floor(Date.now() / 1000);
    await putProduct(t, 'sig-1');
    const [delivery] = await waitReceived(bucket, 1);
    const r = delivery!;

    expect(r.method).toBe('POST');
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers.authorization).toBe(headerValue);
    expect(r.headers['webhook-id']).toMatch(/^\S{1,255}$/);
    expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const ts = Number(r.headers['webhook-timestamp']);
    expect(r.headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(ts).toBeGreaterThanOrEqual(before - 1);
    expect(ts).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);

    const payload = new Webhook(wh.secret).verify(r.body, r.headers) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['data', 'timestamp', 'type']);
    expect(payload).toMatchObject({ type: 'product.created', data: { productId: 'sig-1', number: 1, version: 1 } });
    expect(new Date(payload.timestamp as string).toISOString()).toBe(payload.timestamp);

    // The event id is the message id: the feed shows the same one.
    const events = (await body(await call('/v1/events', { headers: t.headers }))).data as Array<{ id: string; type: string }>;
    expect(events.find((e) => e.type === 'product.created')!.id).toBe(r.headers['webhook-id']);

    expect(verifies(wh.secret, { ...r, body: r.body.replace('sig-1', 'sig-2') })).toBe(false);
    expect(verifies(wh.secret, { ...r, body: `${r.body} ` })).toBe(false);
    expect(verifies(wh.secret, { ...r, headers: { ...r.headers, 'webhook-timestamp': String(ts + 1) } })).toBe(false);
    expect(verifies(wh.secret, { ...r, headers: { ...r.headers, 'webhook-timestamp': String(ts - 3600) } })).toBe(false);
    expect(verifies(wh.secret, { ...r, headers: { ...r.headers, 'webhook-id': `${r.headers['webhook-id']}x` } })).toBe(false);
    const stranger = await createWebhook(t, { url: target(newBucket()) });
    expect(verifies(stranger.secret, r)).toBe(false);
  });

  it('after rotation both secrets sign for 24 h, then only the new one', async () => {
    const t = await createTenant();
    const bucket = newBucket();
    const wh = await createWebhook(t, { url: target(bucket), eventTypes: ['product.created'] });
    const rotated = await body(await call(`/v1/webhooks/${wh.id}/rotate-secret`, { method: 'POST', headers: t.headers }));
    const oldSecret = wh.secret;
    const newSecret = rotated.secret as string;
    expect(newSecret).not.toBe(oldSecret);

    await putProduct(t, 'rot-1');
    const first = productCreated(await waitReceived(bucket, 1));
    const signatures = first.headers['webhook-signature']!.split(' ');
    expect(signatures).toHaveLength(2);
    for (const s of signatures) expect(s).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifies(oldSecret, first)).toBe(true);
    expect(verifies(newSecret, first)).toBe(true);
    // Each signature alone is valid for one of the two secrets.
    const alone = signatures.map((s) => ({ ...first, headers: { ...first.headers, 'webhook-signature': s } }));
    expect(alone.map((one) => [verifies(oldSecret, one), verifies(newSecret, one)]).sort()).toEqual([[false, true], [true, false]]);

    // The overlap lasts 24 h from the rotation.
    const row = await env.DB.prepare('SELECT previous_secret_expires_at AS expires, updated_at AS rotated FROM webhook_endpoints WHERE id = ?1')
      .bind(wh.id)
      .first<{ expires: number; rotated: number }>();
    expect(row!.expires - row!.rotated).toBe(24 * 3600 * 1000);

    // Once the overlap is over, the old secret stops signing.
    await env.DB.prepare('UPDATE webhook_endpoints SET previous_secret_expires_at = ?2 WHERE id = ?1').bind(wh.id, Date.now() - 1000).run();
    await putProduct(t, 'rot-2');
    const later = await waitReceived(bucket, 2);
    const second = later.find((r) => JSON.parse(r.body).data.productId === 'rot-2')!;
    expect(second.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(verifies(newSecret, second)).toBe(true);
    expect(verifies(oldSecret, second)).toBe(false);
  });
});
