/** /v1/webhooks CRUD: subscriptions, the secret shown once, write-only static headers, tenant isolation. */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, errorPaths, expectProblem } from '../helpers/api';
import { createWebhook, newBucket, target } from '../helpers/webhooks';

const WHSEC = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

function secretBytes(secret: string): number {
  return atob(secret.slice('whsec_'.length)).length;
}

describe('webhook subscriptions', () => {
  it('refuses an event filter no event type can match (422 naming it), accepts every listed type and family', async () => {
    const t = await createTenant();
    for (const bad of ['nope.created', 'product.nope', 'nope.*']) {
      const problem = await expectProblem(await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(newBucket()), eventTypes: ['product.*', bad] } }), 422, 'validation_failed');
      expect(errorPaths(problem)).toEqual(['/eventTypes/1']);
    }
    const listed = ((await body(await call('/v1/event-types', { headers: t.headers }))) as { data: Array<{ name: string }> }).data.map((e) => e.name);
    const ok = await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(newBucket()), eventTypes: [...listed, 'product.*', 'product.recommendations.*', '*'].slice(0, 50) } });
    expect(ok.status).toBe(201);
  });

  it('creates with defaults, shows the secret once, and reads back without it', async () => {
    const t = await createTenant();
    const url = target(newBucket());
    const res = await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url } });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created).toMatchObject({ id: expect.stringMatching(/^wh_[0-9A-HJKMNP-TV-Z]{26}$/), url, eventTypes: ['*'], headerNames: [], enabled: true, disabledReason: null, failingSince: null });
    expect(created.secret).toMatch(WHSEC);
    expect(secretBytes(created.secret)).toBeGreaterThanOrEqual(24);
    expect(Date.parse(created.createdAt)).not.toBeNaN();

    const got = await body(await call(`/v1/webhooks/${created.id}`, { headers: t.headers }));
    const { secret, ...rest } = created;
    expect(got).toEqual(rest);
    expect(JSON.stringify(got)).not.toContain(secret);
    expect(got).not.toHaveProperty('secret');

    const listed = await body(await call('/v1/webhooks', { headers: t.headers }));
    expect(listed).toEqual({ data: [rest], nextCursor: null });
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));

    // Two endpoints never share a secret.
    const other = await createWebhook(t, { url });
    expect(other.secret).not.toBe(secret);
  });

  it('keeps filters, static headers and the enabled flag; header values are write-only', async () => {
    const t = await createTenant();
    const headerValue = `Bearer receiver-token-${crypto.randomUUID()}`;
    const headers = { Authorization: headerValue, 'X-Shop': 'north' };
    const res = await call('/v1/webhooks', {
      method: 'POST',
      headers: t.headers,
      json: { url: target(newBucket()), eventTypes: ['product.*', 'image.failed'], headers, enabled: false },
    });
    const text = await res.text();
    expect(res.status).toBe(201);
    expect(text).not.toContain(headerValue);
    const created = JSON.parse(text);
    expect(created).toMatchObject({ eventTypes: ['product.*', 'image.failed'], headerNames: ['Authorization', 'X-Shop'], enabled: false });

    const seen: string[] = [];
    const record = async (r: Response) => {
      const s = await r.text();
      seen.push(s);
      return { status: r.status, json: s ? JSON.parse(s) : null };
    };
    await record(await call(`/v1/webhooks/${created.id}`, { headers: t.headers }));
    await record(await call('/v1/webhooks', { headers: t.headers }));
    const patched = await record(await call(`/v1/webhooks/${created.id}`, { method: 'PATCH', headers: t.headers, json: { enabled: true, eventTypes: ['*'] } }));
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ enabled: true, eventTypes: ['*'], headerNames: ['Authorization', 'X-Shop'], disabledReason: null });
    const rotated = await record(await call(`/v1/webhooks/${created.id}/rotate-secret`, { method: 'POST', headers: t.headers }));
    expect(rotated.status).toBe(200);
    await record(await call(`/v1/webhooks/${created.id}/deliveries`, { headers: t.headers }));
    for (const s of seen) expect(s).not.toContain(headerValue);
    expect(seen.join('\n')).not.toContain('receiver-token');

    // Headers are replaced whole.
    const replaced = await body(await call(`/v1/webhooks/${created.id}`, { method: 'PATCH', headers: t.headers, json: { headers: { 'X-Other': 'v' } } }));
    expect(replaced.headerNames).toEqual(['X-Other']);
  });

  it('disabling by PATCH records a reason; re-enabling clears it', async () => {
    const t = await createTenant();
    const wh = await createWebhook(t, { url: target(newBucket()) });
    const off = await body(await call(`/v1/webhooks/${wh.id}`, { method: 'PATCH', headers: t.headers, json: { enabled: false } }));
    expect(off).toMatchObject({ enabled: false, disabledReason: expect.any(String) });
    const on = await body(await call(`/v1/webhooks/${wh.id}`, { method: 'PATCH', headers: t.headers, json: { enabled: true } }));
    expect(on).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    const moved = target(newBucket());
    expect(await body(await call(`/v1/webhooks/${wh.id}`, { method: 'PATCH', headers: t.headers, json: { url: moved } }))).toMatchObject({ url: moved });
  });

  it('deletes: 204, then 404 everywhere', async () => {
    const t = await createTenant();
    const wh = await createWebhook(t, { url: target(newBucket()) });
    expect((await call(`/v1/webhooks/${wh.id}`, { method: 'DELETE', headers: t.headers })).status).toBe(204);
    await expectProblem(await call(`/v1/webhooks/${wh.id}`, { headers: t.headers }), 404);
    await expectProblem(await call(`/v1/webhooks/${wh.id}`, { method: 'DELETE', headers: t.headers }), 404);
    expect((await body(await call('/v1/webhooks', { headers: t.headers }))).data).toEqual([]);
  });

  it("answers 404 for another tenant's webhook, whatever the operation", async () => {
    const owner = await createTenant();
    const other = await createTenant();
    const wh = await createWebhook(owner, { url: target(newBucket()) });
    const h = other.headers;
    await expectProblem(await call(`/v1/webhooks/${wh.id}`, { headers: h }), 404);
    await expectProblem(await call(`/v1/webhooks/${wh.id}`, { method: 'PATCH', headers: h, json: { enabled: false } }), 404);
    await expectProblem(await call(`/v1/webhooks/${wh.id}/rotate-secret`, { method: 'POST', headers: h }), 404);
    await expectProblem(await call(`/v1/webhooks/${wh.id}/test`, { method: 'POST', headers: h }), 404);
    await expectProblem(await call(`/v1/webhooks/${wh.id}/deliveries`, { headers: h }), 404);
    await expectProblem(await call(`/v1/webhooks/${wh.id}/recover?since=2020-01-01T00:00:00Z`, { method: 'POST', headers: h }), 404);
    await expectProblem(await call(`/v1/webhooks/${wh.id}`, { method: 'DELETE', headers: h }), 404);
    expect((await body(await call('/v1/webhooks', { headers: h }))).data).toEqual([]);
    // Still there, untouched, for its owner.
    expect(await body(await call(`/v1/webhooks/${wh.id}`, { headers: owner.headers }))).toMatchObject({ id: wh.id, enabled: true });
  });

  it('validates: filters, reserved headers, unknown fields, and targets the guard refuses', async () => {
    const t = await createTenant();
    const url = target(newBucket());
    const post = (json: unknown) => call('/v1/webhooks', { method: 'POST', headers: t.headers, json });

    expect(errorPaths(await expectProblem(await post({ url, eventTypes: ['Product.Created'] }), 422))).toContain('/eventTypes/0');
    expect(errorPaths(await expectProblem(await post({ url, eventTypes: [] }), 422))).toContain('/eventTypes');
    await expectProblem(await post({ url, headers: { 'webhook-signature': 'v1,forged' } }), 422);
    await expectProblem(await post({ url, headers: { Host: 'evil.example' } }), 422);
    await expectProblem(await post({ url, secret: 'whsec_mine' }), 422);
    await expectProblem(await post({}), 422);

    for (const bad of ['http://10.0.0.1/hook', 'http://169.254.169.254/', 'https://metadata.google.internal/x', 'https://user:pass@receiver.example/hook', 'ftp://127.0.0.1/x', 'http://localhost/x', 'not a url']) {
      const problem = await expectProblem(await post({ url: bad }), 422);
      expect(errorPaths(problem), bad).toEqual(['/url']);
    }
    const wh = await createWebhook(t, { url });
    expect(errorPaths(await expectProblem(await call(`/v1/webhooks/${wh.id}`, { method: 'PATCH', headers: t.headers, json: { url: 'http://192.168.0.1/' } }), 422))).toEqual(['/url']);
    expect((await body(await call('/v1/webhooks', { headers: t.headers }))).data).toHaveLength(1);
  });

  it('rotate-secret shows the new secret once', async () => {
    const t = await createTenant();
    const wh = await createWebhook(t, { url: target(newBucket()) });
    const rotated = await body(await call(`/v1/webhooks/${wh.id}/rotate-secret`, { method: 'POST', headers: t.headers }));
    expect(rotated.id).toBe(wh.id);
    expect(rotated.secret).toMatch(WHSEC);
    expect(secretBytes(rotated.secret)).toBeGreaterThanOrEqual(24);
    expect(rotated.secret).not.toBe(wh.secret);
    const got = await call(`/v1/webhooks/${wh.id}`, { headers: t.headers });
    const text = await got.text();
    expect(text).not.toContain(rotated.secret);
    expect(text).not.toContain(wh.secret);
  });
});
