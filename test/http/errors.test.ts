/** The one error envelope: application/problem+json for every failure the API answers. */
import { describe, expect, it } from 'vitest';
import { ADMIN, body, call, createTenant, expectProblem, product } from '../helpers/api';

const MB = 1024 * 1024;
/** The single-product body cap (src/config.ts bodyLimits.single), set from bench/memory/single.mjs. */
const CAP = 4 * MB;

describe('error envelope', () => {
  it('has type, title, status, detail, code, requestId, and errors[] for validation', async () => {
    const t = await createTenant();
    const res = await call('/v1/products/p1', { method: 'PUT', headers: { ...t.headers, 'x-request-id': 'req-abc-12345' }, json: { gender: 'x' } });
    const problem = await expectProblem(res, 422, 'validation_failed');
    expect(problem).toEqual({
      type: expect.stringMatching(/validation_failed/),
      title: expect.any(String),
      status: 422,
      detail: expect.any(String),
      code: 'validation_failed',
      requestId: 'req-abc-12345',
      errors: [{ path: '/gender', message: expect.any(String) }],
    });
    expect(res.headers.get('x-request-id')).toBe('req-abc-12345');
    expect(res.headers.get('ratelimit-policy')).toBeTruthy();
  });

  it('answers 400 for malformed JSON', async () => {
    const t = await createTenant();
    for (const [path, method] of [
      ['/v1/products/p1', 'PUT'],
      ['/v1/products/p1', 'PATCH'],
      ['/v1/products/batch', 'POST'],
    ] as const) {
      const res = await call(path, { method, headers: { ...t.headers, 'content-type': 'application/json' }, body: '{"title": "x",' });
      await expectProblem(res, 400, 'bad_request');
      expect(res.headers.get('ratelimit-policy')).toBeTruthy();
    }
    const admin = await call('/v1/admin/tenants', { method: 'POST', headers: { ...ADMIN, 'content-type': 'application/json' }, body: '{nope' });
    await expectProblem(admin, 400, 'bad_request');
    await expectProblem(await call('/v1/products/p1', { headers: t.headers }), 404);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const t = await createTenant();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await call('/v1/products/p1', { method: 'PUT', headers: { ...t.headers, 'content-type': type }, body: '{"title":"x"}' });
      await expectProblem(res, 415, 'unsupported_media_type');
      expect(res.headers.get('ratelimit-policy')).toBeTruthy();
    }
    const batch = await call('/v1/products/batch', { method: 'POST', headers: { ...t.headers, 'content-type': 'text/csv' }, body: 'id\na' });
    await expectProblem(batch, 415, 'unsupported_media_type');
    const admin = await call('/v1/admin/tenants', { method: 'POST', headers: { ...ADMIN, 'content-type': 'text/plain' }, body: '{}' });
    await expectProblem(admin, 415, 'unsupported_media_type');
    await expectProblem(await call('/v1/products/p1', { headers: t.headers }), 404);
  });

  it('answers 413 above the single-product cap, and accepts a body just under it', async () => {
    const t = await createTenant();
    const doc = JSON.stringify(product('p1'));
    const padded = (size: number) => doc + ' '.repeat(size - doc.length); // still valid JSON
    const over = await call('/v1/products/p1', { method: 'PUT', headers: { ...t.headers, 'content-type': 'application/json' }, body: padded(CAP + 1) });
    await expectProblem(over, 413, 'payload_too_large');
    expect(over.headers.get('ratelimit-policy')).toBeTruthy();
    await expectProblem(await call('/v1/products/p1', { headers: t.headers }), 404);

    const under = await call('/v1/products/p1', { method: 'PUT', headers: { ...t.headers, 'content-type': 'application/json' }, body: padded(CAP - 16) });
    expect(under.status).toBe(201);

    const patchOver = await call('/v1/products/p1', { method: 'PATCH', headers: { ...t.headers, 'content-type': 'application/json' }, body: padded(CAP + MB) });
    await expectProblem(patchOver, 413, 'payload_too_large');
  });

  it('answers 413 for an oversized body sent without Content-Length (streamed)', async () => {
    const t = await createTenant();
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"title":"x"'));
        if (sent > CAP + 64 * 1024) {
          controller.enqueue(new TextEncoder().encode('}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.length;
      },
      cancel() {
        sent = Number.POSITIVE_INFINITY;
      },
    });
    const res = await call('/v1/products/p1', {
      method: 'PUT',
      headers: { ...t.headers, 'content-type': 'application/json' },
      body: stream,
      // @ts-expect-error: undici/workerd streaming request bodies
      duplex: 'half',
    });
    await expectProblem(res, 413, 'payload_too_large');
  });

  it('answers 404 for an unknown route, in and outside /v1', async () => {
    const t = await createTenant();
    await expectProblem(await call('/nope'), 404, 'not_found');
    await expectProblem(await call('/v1/nope', { headers: t.headers }), 404, 'not_found');
    const nested = await call('/v1/products/p1/nope', { headers: t.headers });
    await expectProblem(nested, 404, 'not_found');
    expect(nested.headers.get('ratelimit-policy')).toBeTruthy();
  });

  it('answers 405 with Allow for a known path under another method', async () => {
    const t = await createTenant();
    const cases: Array<[string, string, string[]]> = [
      ['/v1/jobs', 'DELETE', ['GET', 'HEAD']],
      ['/v1/events', 'POST', ['GET', 'HEAD']],
      ['/v1/products/p1', 'POST', ['DELETE', 'GET', 'HEAD', 'PATCH', 'PUT']],
      ['/v1/jobs/job_x/errors', 'PUT', ['GET', 'HEAD']],
    ];
    for (const [path, method, allow] of cases) {
      const res = await call(path, { method, headers: t.headers, ...(method === 'GET' || method === 'DELETE' ? {} : { json: {} }) });
      await expectProblem(res, 405, 'method_not_allowed');
      const allowed = (res.headers.get('allow') ?? '').split(',').map((m) => m.trim()).sort();
      expect(allowed, `${method} ${path}`).toEqual(allow);
      expect(res.headers.get('ratelimit-policy')).toBeTruthy();
    }
    const health = await call('/health', { method: 'POST' });
    await expectProblem(health, 405, 'method_not_allowed');
    expect(health.headers.get('allow')).toContain('GET');
  });

  it('answers 405 with Allow on admin paths too (with the admin token)', async () => {
    const res = await call('/v1/admin/tenants', { headers: ADMIN });
    await expectProblem(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('POST');
    const t = await createTenant();
    const put = await call(`/v1/admin/tenants/${t.id}`, { method: 'PUT', headers: ADMIN, json: { name: 'x' } });
    await expectProblem(put, 405, 'method_not_allowed');
    expect((put.headers.get('allow') ?? '').split(',').map((m) => m.trim()).sort()).toEqual(['GET', 'HEAD', 'PATCH']);
  });

  it('accepts JSON media types with parameters', async () => {
    const t = await createTenant();
    const res = await call('/v1/products/p1', {
      method: 'PUT',
      headers: { ...t.headers, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(product('p1', { title: 'Read with a charset' })),
    });
    expect(res.status).toBe(201);
    // The body was read as JSON, not dropped: what was sent is what is stored.
    const stored = await body(await call('/v1/products/p1', { headers: t.headers }));
    expect(stored).toMatchObject({ id: 'p1', title: 'Read with a charset', brand: 'Acme', prices: { USD: { amount: '25.00' } } });
  });

  it('answers 401 in the envelope, with RateLimit-Policy', async () => {
    const res = await call('/v1/products');
    await expectProblem(res, 401, 'unauthorized');
    expect(res.headers.get('ratelimit-policy')).toBe('"per-key";q=600;w=60');
  });
});
