/**
 * The read and management routes of the image module: GET /v1/products/{id}/images, and the
 * processors collection (PUT create vs update, GET, DELETE), each scoped to the calling tenant.
 */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem } from '../helpers/api';
import { img, waitProduct } from '../helpers/images';

describe('GET /v1/products/{id}/images', () => {
  it("lists the product's images in order, with their status, the same as GET /v1/images/{id}", async () => {
    const t = await createTenant();
    const images = [
      { id: 'front', source: { url: img('photo.jpg', 'list-a') } },
      { id: 'back', source: { url: img('graphic.png', 'list-b') } },
    ];
    expect((await call('/v1/products/listed', { method: 'PUT', headers: t.headers, json: { title: 'Listed', images } })).status).toBe(201);
    const product = await waitProduct(t, 'listed');
    expect(product.status).toBe('done');

    const res = await call('/v1/products/listed/images', { headers: t.headers });
    expect(res.status).toBe(200);
    const list = await body(res);
    expect(list.nextCursor).toBeNull();
    expect(list.data.map((i: { status: string; width: number }) => [i.status, i.width])).toEqual([
      ['done', 640],
      ['done', expect.any(Number)],
    ]);
    expect(list.data.map((i: { id: string; imageId: string; productId: string }) => [i.id, i.imageId, i.productId])).toEqual(
      product.images.map((i: { id: string; imageId: string }) => [i.id, i.imageId, 'listed']),
    );
    expect(list.data.map((i: { id: string }) => i.id)).toEqual(['front', 'back']);
    for (const image of list.data) {
      const detail = await body(await call(`/v1/images/${image.imageId}`, { headers: t.headers }));
      // Signed variant URLs carry their own expiry; everything else is the same record.
      expect({ ...detail, variants: null }).toEqual({ ...image, variants: null });
    }
  });

  it('is [] for a product without images, 404 for an unknown one and for another tenant', async () => {
    const t = await createTenant();
    expect((await call('/v1/products/bare', { method: 'PUT', headers: t.headers, json: { title: 'Bare' } })).status).toBe(201);
    expect(await body(await call('/v1/products/bare/images', { headers: t.headers }))).toEqual({ data: [], nextCursor: null });
    await expectProblem(await call('/v1/products/nope/images', { headers: t.headers }), 404, 'not_found');
    const other = await createTenant();
    await expectProblem(await call('/v1/products/bare/images', { headers: other.headers }), 404, 'not_found');
  });
});

describe('/v1/processors', () => {
  const receiver = 'http://127.0.0.1:9/never-called';

  it('PUT creates (201, secret once), PUT again updates (200, no secret, same createdAt), GET lists, DELETE removes', async () => {
    const t = await createTenant();
    const created = await call('/v1/processors/tryOn', { method: 'PUT', headers: t.headers, json: { url: `${receiver}/a`, config: { garment: 'top' } } });
    expect(created.status).toBe(201);
    const first = await body(created);
    expect(first).toMatchObject({ name: 'tryOn', url: `${receiver}/a`, config: { garment: 'top' }, secret: expect.stringMatching(/^whsec_/) });

    const updated = await call('/v1/processors/tryOn', { method: 'PUT', headers: t.headers, json: { url: `${receiver}/b`, config: { garment: 'dress' } } });
    expect(updated.status).toBe(200);
    const second = await body(updated);
    expect(second).toEqual({ name: 'tryOn', url: `${receiver}/b`, config: { garment: 'dress' }, createdAt: first.createdAt, updatedAt: expect.any(String) });
    expect(Date.parse(second.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));

    expect((await call('/v1/processors/localization', { method: 'PUT', headers: t.headers, json: { url: `${receiver}/c`, config: {} } })).status).toBe(201);
    const list = await body(await call('/v1/processors', { headers: t.headers }));
    expect(list).toEqual({ data: [expect.objectContaining({ name: 'localization', url: `${receiver}/c` }), second], nextCursor: null });
    expect(JSON.stringify(list)).not.toContain('whsec_');

    const other = await createTenant();
    expect(await body(await call('/v1/processors', { headers: other.headers }))).toEqual({ data: [], nextCursor: null });
    await expectProblem(await call('/v1/processors/tryOn', { method: 'DELETE', headers: other.headers }), 404, 'not_found');

    const removed = await call('/v1/processors/tryOn', { method: 'DELETE', headers: t.headers });
    expect(removed.status).toBe(204);
    expect((await body(await call('/v1/processors', { headers: t.headers }))).data.map((p: { name: string }) => p.name)).toEqual(['localization']);
    await expectProblem(await call('/v1/processors/tryOn', { method: 'DELETE', headers: t.headers }), 404, 'not_found');
  });
});
