import { describe, expect, it } from 'vitest';
import { call, createTenant, product } from '../helpers/api';

describe('PUT /v1/products/{id}', () => {
  it('creates (201), replaces (200), and leaves an unchanged write alone', async () => {
    const t = await createTenant();
    const first = await call('/v1/products/p1', { method: 'PUT', headers: t.headers, json: product('p1') });
    expect(first.status).toBe(201);
    const created = (await first.json()) as Record<string, unknown>;
    expect(created).toMatchObject({ id: 'p1', number: 1, version: 1, status: 'done', prices: { USD: { amount: '25.00' } } });
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.headers.get('job-id')).toMatch(/^job_/);

    const same = await call('/v1/products/p1', { method: 'PUT', headers: t.headers, json: product('p1') });
    expect(same.status).toBe(200);
    expect(((await same.json()) as { version: number }).version).toBe(1);

    const changed = await call('/v1/products/p1', { method: 'PUT', headers: t.headers, json: product('p1', { title: 'New' }) });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ version: 2, title: 'New', number: 1 });
  });
});
