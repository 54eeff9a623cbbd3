/**
 * Uploaded image bytes: base64 in JSON and multipart file parts (seed 003's `data` field + parts named
 * by `fileKey`). Bytes go to R2 before the write, under `{tenant}/{sha256}`; D1 rows carry only the
 * hash; the ingest queue then probes and processes them like fetched images.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/lib/base64';
import { body, call, createTenant, expectProblem } from '../helpers/api';
import { waitFor } from '../helpers/poll';

async function fixture(name: string): Promise<Uint8Array> {
  const { inject } = await import('vitest');
  const res = await fetch(`${inject('receiverUrl')}/img/${name}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function sha256(bytes: Uint8Array): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function settled(headers: Record<string, string>, id: string): Promise<any> {
  return waitFor(async () => {
    const product = await body(await call(`/v1/products/${id}`, { headers }));
    return product.status !== 'pending' && product.status !== 'processing' ? product : undefined;
  }, `product ${id} to settle`, 15_000, 100);
}

describe('base64 image sources', () => {
  it('stores the bytes in R2 before the write, keeps only the hash in D1, and processes them', async () => {
    const t = await createTenant();
    const png = await fixture('graphic.png');
    const hash = await sha256(png);
    const res = await call('/v1/products/b64', {
      method: 'PUT',
      headers: t.headers,
      json: { title: 'Uploaded', images: [{ id: 'front', source: { base64: bytesToBase64(png), fileName: 'front.png' } }] },
    });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created.images[0]).toMatchObject({ id: 'front', source: { sha256: hash, fileName: 'front.png' }, sha256: hash });

    const row = await env.DB.prepare("SELECT data FROM products WHERE tenant_id = ?1 AND id = 'b64'").bind(t.id).first<{ data: string }>();
    expect(row!.data).not.toContain(bytesToBase64(png).slice(0, 40));
    expect(await env.IMAGES.head(`${t.id}/${hash}`)).not.toBeNull();

    const product = await settled(t.headers, 'b64');
    expect(product.status).toBe('done');
    expect(product.images[0]).toMatchObject({ status: 'done', width: 320, height: 200 });

    // The same bytes again: same hash, nothing changes, no new version.
    const again = await call('/v1/products/b64', {
      method: 'PUT',
      headers: t.headers,
      json: { title: 'Uploaded', images: [{ id: 'front', source: { base64: bytesToBase64(png), fileName: 'front.png' } }] },
    });
    expect((await body(again)).version).toBe(1);
  });

  it('refuses invalid base64 with a field error, and bytes that are not an image end as an image error', async () => {
    const t = await createTenant();
    const bad = await call('/v1/products/x', { method: 'PUT', headers: t.headers, json: { images: [{ source: { base64: '***', fileName: 'a.jpg' } }] } });
    const problem = await expectProblem(bad, 422, 'validation_failed');
    expect(problem.errors).toContainEqual({ path: '/images/0/source/base64', message: 'Not valid base64' });

    const text = bytesToBase64(new TextEncoder().encode('definitely not a picture'));
    expect((await call('/v1/products/y', { method: 'PUT', headers: t.headers, json: { images: [{ source: { base64: text, fileName: 'fake.jpg' } }] } })).status).toBe(201);
    const product = await settled(t.headers, 'y');
    expect(product.images[0].status).toBe('error');
    expect(product.images[0].error).toMatch(/Unsupported image format/);
  });

  it('needs exactly one source kind', async () => {
    const t = await createTenant();
    const res = await call('/v1/products/z', { method: 'PUT', headers: t.headers, json: { images: [{ source: { url: 'https://a.example/x.jpg', base64: 'AAAA' } }] } });
    const problem = await expectProblem(res, 422, 'validation_failed');
    expect(problem.errors!.map((e) => e.path)).toContain('/images/0/source');
  });
});

describe('POST /v1/products (multipart)', () => {
  it('takes the product from the data field and files from parts named by fileKey', async () => {
    const t = await createTenant();
    const jpg = await fixture('photo.jpg');
    const webp = await fixture('picture.webp');
    const form = new FormData();
    form.append(
      'data',
      JSON.stringify({
        id: 'mp1',
        title: 'Multipart',
        images: [
          { id: 'a', source: { fileKey: 'front' }, classifications: { view: 'front' } },
          { id: 'b', source: { fileKey: 'back' } },
        ],
      }),
    );
    form.append('front', new Blob([jpg], { type: 'image/jpeg' }), 'front.jpg');
    form.append('back', new Blob([webp], { type: 'image/webp' }), 'back.webp');
    const res = await call('/v1/products', { method: 'POST', headers: t.headers, body: form });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/v1/products/mp1');
    const created = await body(res);
    expect(created.images.map((i: any) => i.source)).toEqual([
      { sha256: await sha256(jpg), fileName: 'front.jpg' },
      { sha256: await sha256(webp), fileName: 'back.webp' },
    ]);
    const product = await settled(t.headers, 'mp1');
    expect(product.images.map((i: any) => [i.id, i.status, i.width, i.height])).toEqual([
      ['a', 'done', 640, 480],
      ['b', 'done', 300, 300],
    ]);
  });

  it('names a fileKey with no matching part, and refuses a fileKey in a JSON body', async () => {
    const t = await createTenant();
    const form = new FormData();
    form.append('data', JSON.stringify({ id: 'mp2', images: [{ source: { fileKey: 'missing' } }] }));
    const res = await call('/v1/products', { method: 'POST', headers: t.headers, body: form });
    const problem = await expectProblem(res, 422, 'validation_failed');
    expect(problem.errors).toContainEqual({ path: '/images/0/source/fileKey', message: 'No file part named "missing" in this request' });

    const json = await call('/v1/products', { method: 'POST', headers: t.headers, json: { id: 'mp3', images: [{ source: { fileKey: 'front' } }] } });
    expect((await expectProblem(json, 422)).errors![0]!.path).toBe('/images/0/source/fileKey');
  });

  it('needs a data field and answers 413 for a file over 10 MB', async () => {
    const t = await createTenant();
    const noData = new FormData();
    noData.append('front', new Blob([new Uint8Array(10)]), 'x.jpg');
    await expectProblem(await call('/v1/products', { method: 'POST', headers: t.headers, body: noData }), 422);

    const big = new FormData();
    big.append('data', JSON.stringify({ id: 'big', images: [{ source: { fileKey: 'f' } }] }));
    big.append('f', new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), 'big.jpg');
    await expectProblem(await call('/v1/products', { method: 'POST', headers: t.headers, body: big }), 413, 'payload_too_large');
  });
});
