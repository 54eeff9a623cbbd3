/** Idempotency-Key on POST/PUT/PATCH, scoped to (tenant, method, route, key). */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem, feed, patchProduct, postBatch, product, productEvents, putProduct, sha256Hex, type TestTenant } from '../helpers/api';

const key = () => `idem-${crypto.randomUUID()}`;

/** The request hash as src/idempotency computes it: sha256(`${method} ${path}\n` + raw body bytes). */
function requestHash(method: string, path: string, rawBody: string): Promise<string> {
  return sha256Hex(`${method} ${path}\n${rawBody}`);
}

async function jobIds(t: TestTenant): Promise<string[]> {
  return (await body(await call('/v1/jobs?limit=200', { headers: t.headers }))).data.map((j: { id: string }) => j.id);
}

describe('Idempotency-Key', () => {
  it('replays the first PUT response and does not write again', async () => {
    const t = await createTenant();
    const k = key();
    const first = await putProduct(t, 'p1', product('p1'), { 'idempotency-key': k });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.text();

    // Someone else changes the product in between.
    expect((await putProduct(t, 'p1', product('p1', { title: 'changed' }))).status).toBe(200);
    const jobsBefore = await jobIds(t);
    const eventsBefore = await feed(t);

    const replay = await putProduct(t, 'p1', product('p1'), { 'idempotency-key': k });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(firstBody);
    expect(replay.headers.get('job-id')).toBe(first.headers.get('job-id'));
    expect(replay.headers.get('etag')).toBe('"1"');
    expect(replay.headers.get('location')).toBe('/v1/products/p1');
    expect(replay.headers.get('content-type')).toMatch(/^application\/json/);
    expect(replay.headers.get('ratelimit-policy')).toBeTruthy();

    // Nothing was written: no job, no event, the later change stands.
    expect(await jobIds(t)).toEqual(jobsBefore);
    expect(await feed(t)).toEqual(eventsBefore);
    expect(await body(await call('/v1/products/p1', { headers: t.headers }))).toMatchObject({ title: 'changed', version: 2 });
  });

  it('replays a PATCH without applying it twice', async () => {
    const t = await createTenant();
    await putProduct(t, 'p1', product('p1', { quantity: 1 }));
    const k = key();
    const first = await patchProduct(t, 'p1', { quantity: 2 }, { 'idempotency-key': k });
    expect(first.status).toBe(200);
    const firstBody = await body(first);
    expect(firstBody.version).toBe(2);
    const replay = await patchProduct(t, 'p1', { quantity: 2 }, { 'idempotency-key': k });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await body(replay)).toEqual(firstBody);
    expect((await productEvents(t, 'p1')).map((e) => e.data.version)).toEqual([1, 2]);
  });

  it('replays a batch with the same job and no second job', async () => {
    const t = await createTenant();
    const k = key();
    const first = await postBatch(t, [product('a'), product('b', { gender: 'x' })], { 'idempotency-key': k });
    expect(first.status).toBe(200);
    const firstBody = await body(first);
    const jobsBefore = await jobIds(t);
    const replay = await postBatch(t, [product('a'), product('b', { gender: 'x' })], { 'idempotency-key': k });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('job-id')).toBe(firstBody.job.id);
    expect(await body(replay)).toEqual(firstBody);
    expect(await jobIds(t)).toEqual(jobsBefore);
  });

  it('refuses the same key with a different body (422 idempotency_key_reused)', async () => {
    const t = await createTenant();
    const k = key();
    expect((await putProduct(t, 'p1', product('p1'), { 'idempotency-key': k })).status).toBe(201);
    const reused = await putProduct(t, 'p1', product('p1', { title: 'other' }), { 'idempotency-key': k });
    await expectProblem(reused, 422, 'idempotency_key_reused');
    expect((await body(await call('/v1/products/p1', { headers: t.headers }))).title).toBe('Product p1');
  });

  it('keeps keys of different tenants apart', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const k = key();
    const ra = await putProduct(a, 'p1', product('p1', { title: 'A' }), { 'idempotency-key': k });
    const rb = await putProduct(b, 'p1', product('p1', { title: 'A' }), { 'idempotency-key': k });
    expect(ra.status).toBe(201);
    expect(rb.status).toBe(201);
    expect(rb.headers.get('idempotent-replayed')).toBeNull();
    expect(rb.headers.get('job-id')).not.toBe(ra.headers.get('job-id'));
    // A different body under the same key is no reuse for the other tenant either.
    const rb2 = await putProduct(b, 'p2', product('p2'), { 'idempotency-key': `${k}-2` });
    expect(rb2.status).toBe(201);
    const ra2 = await putProduct(a, 'p2', product('p2', { title: 'different' }), { 'idempotency-key': `${k}-2` });
    expect(ra2.status).toBe(201);
    expect((await body(ra2)).title).toBe('different');
  });

  it('keeps keys of different methods apart', async () => {
    const t = await createTenant();
    const k = key();
    await putProduct(t, 'p1', product('p1'), { 'idempotency-key': k });
    const patched = await patchProduct(t, 'p1', { title: 'patched' }, { 'idempotency-key': k });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('idempotent-replayed')).toBeNull();
    expect((await body(patched)).title).toBe('patched');
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const t = await createTenant();
    const k = key();
    const raw = JSON.stringify(product('p1'));
    const now = Date.now();
    await env.DB.prepare(
      `INSERT INTO idempotency_keys (tenant_id, method, route, key, request_hash, locked_until, status_code, headers, body, created_at, expires_at)
       VALUES (?1, 'PUT', '/v1/products/p1', ?2, ?3, ?4, NULL, NULL, NULL, ?5, ?6)`,
    )
      .bind(t.id, k, await requestHash('PUT', '/v1/products/p1', raw), now + 60_000, now, now + 86_400_000)
      .run();

    const res = await call('/v1/products/p1', { method: 'PUT', headers: { ...t.headers, 'idempotency-key': k, 'content-type': 'application/json' }, body: raw });
    await expectProblem(res, 409, 'idempotency_in_progress');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectProblem(await call('/v1/products/p1', { headers: t.headers }), 404);
    expect(await feed(t)).toEqual([]);
  });

  it('takes over a key whose lease expired', async () => {
    const t = await createTenant();
    const k = key();
    const raw = JSON.stringify(product('p1'));
    const now = Date.now();
    await env.DB.prepare(
      `INSERT INTO idempotency_keys (tenant_id, method, route, key, request_hash, locked_until, status_code, headers, body, created_at, expires_at)
       VALUES (?1, 'PUT', '/v1/products/p1', ?2, ?3, ?4, NULL, NULL, NULL, ?5, ?6)`,
    )
      .bind(t.id, k, await requestHash('PUT', '/v1/products/p1', raw), now - 1_000, now - 61_000, now + 86_400_000)
      .run();

    const res = await call('/v1/products/p1', { method: 'PUT', headers: { ...t.headers, 'idempotency-key': k, 'content-type': 'application/json' }, body: raw });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    const created = await body(res);
    expect(created).toMatchObject({ id: 'p1', version: 1 });

    // Its response is now the stored one.
    const row = await env.DB.prepare('SELECT status_code, locked_until FROM idempotency_keys WHERE tenant_id = ?1 AND key = ?2')
      .bind(t.id, k)
      .first<{ status_code: number; locked_until: number | null }>();
    expect(row).toEqual({ status_code: 201, locked_until: null });
    const replay = await call('/v1/products/p1', { method: 'PUT', headers: { ...t.headers, 'idempotency-key': k, 'content-type': 'application/json' }, body: raw });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await body(replay)).toEqual(created);
  });

  it('stores nothing for requests without a key, and refuses a malformed key', async () => {
    const t = await createTenant();
    await putProduct(t, 'p1');
    const n = await env.DB.prepare('SELECT COUNT(*) AS n FROM idempotency_keys WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>();
    expect(n!.n).toBe(0);
    const res = await putProduct(t, 'p2', product('p2'), { 'idempotency-key': 'x'.repeat(256) });
    await expectProblem(res, 422, 'validation_failed');
    await expectProblem(await call('/v1/products/p2', { headers: t.headers }), 404);
  });
});
