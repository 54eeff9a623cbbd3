/**
 * Images: serving the stored bytes (GET /v1/images/{id}/content[?variant=]) with an API key and via
 * signed URLs; the WebP derivatives (sizes, orientation); and near-duplicates by dhash.
 *
 * The tests here only read: one tenant's product is processed once (beforeAll) and shared.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, expectProblem, sha256Hex, type TestTenant } from '../helpers/api';
import { getImage, hamming, img, putWithImages, waitProduct, webpSize, type FixtureName } from '../helpers/images';

const FIXTURES: Record<string, FixtureName> = {
  photo: 'photo.jpg',
  copy: 'photo-copy.jpg',
  similar: 'photo-similar.jpg',
  graphic: 'graphic.png',
  rotated: 'rotated.jpg',
  large: 'large-1mp.jpg',
  polyglot: 'polyglot.jpg',
  broken: 'truncated.jpg',
};

let t: TestTenant;
let other: TestTenant;
/** Image detail (GET /v1/images/{id}) by the caller's image id. */
const images: Record<string, any> = {};
let photoBytes: Uint8Array;

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
const content = (imageId: string, query = '', headers: Record<string, string> = t.headers) => call(`/v1/images/${imageId}/content${query}`, { headers });

beforeAll(async () => {
  [t, other] = await Promise.all([createTenant(), createTenant()]);
  await Promise.all([
    putWithImages(t, 'shelf', Object.entries(FIXTURES).map(([id, name]) => ({ id, url: img(name) }))),
    // The other tenant holds the very same picture: it must never show up in t's answers.
    putWithImages(other, 'shelf', [{ id: 'photo', url: img('photo.jpg') }]),
  ]);
  const [p] = await Promise.all([waitProduct(t, 'shelf', 25_000), waitProduct(other, 'shelf', 25_000)]);
  for (const image of p.images) images[image.id] = await getImage(t, image.imageId);
  photoBytes = new Uint8Array(await (await fetch(img('photo.jpg'))).arrayBuffer());
}, 40_000);

describe('GET /v1/images/{id}/content with an API key', () => {
  it('serves the original with its Content-Type, an ETag, no-cache and its length', async () => {
    const photo = images.photo;
    expect(photo.status).toBe('done');
    const res = await content(photo.imageId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('etag')).toBe(`"${photo.sha256}"`);
    expect(res.headers.get('cache-control')).toMatch(/\bno-cache\b/);
    expect(res.headers.get('cache-control')).not.toMatch(/immutable/);
    expect(res.headers.get('content-length')).toBe(String(photoBytes.length));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes).toEqual(photoBytes);
    expect(await sha256Hex(bytes)).toBe(photo.sha256);

    // Content-Type from the magic bytes, not from the name or the type the source sent.
    const png = await content(images.polyglot.imageId);
    expect(png.headers.get('content-type')).toBe('image/png');
    await png.arrayBuffer();
  });

  it('answers If-None-Match with 304, for the original and for a derivative', async () => {
    const id = images.photo.imageId;
    const res = await content(id, '', { ...t.headers, 'if-none-match': `"${images.photo.sha256}"` });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(`"${images.photo.sha256}"`);
    expect(await res.text()).toBe('');

    const thumb = await content(id, '?variant=thumb');
    const etag = thumb.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(etag).not.toBe(`"${images.photo.sha256}"`);
    await thumb.arrayBuffer();
    expect((await content(id, '?variant=thumb', { ...t.headers, 'if-none-match': etag })).status).toBe(304);
    // A stale ETag gets the bytes.
    const stale = await content(id, '', { ...t.headers, 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it('If-None-Match uses the weak comparison of RFC 9110: a W/ prefix or a list holding the ETag also gets 304', async () => {
    const id = images.photo.imageId;
    const etag = `"${images.photo.sha256}"`;
    for (const header of [`W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await content(id, '', { ...t.headers, 'if-none-match': header });
      expect(res.status, header).toBe(304);
      await res.arrayBuffer();
    }
  });

  it('serves byte ranges (206 + Content-Range) and refuses an unsatisfiable one with 416', async () => {
    const id = images.photo.imageId;
    const size = photoBytes.length;
    const first = await content(id, '', { ...t.headers, range: 'bytes=0-99' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(photoBytes.subarray(0, 100));

    const tail = await content(id, '', { ...t.headers, range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(photoBytes.subarray(size - 10));

    const open = await content(id, '', { ...t.headers, range: `bytes=${size - 5}-` });
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe(`bytes ${size - 5}-${size - 1}/${size}`);
    expect(new Uint8Array(await open.arrayBuffer())).toEqual(photoBytes.subarray(size - 5));

    const beyond = await content(id, '', { ...t.headers, range: `bytes=${size}-${size + 10}` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
    await beyond.arrayBuffer();
  });

  it('is tenant-scoped: another tenant key gets 404, no credentials 401, an unknown id 404', async () => {
    await expectProblem(await content(images.photo.imageId, '', other.headers), 404);
    await expectProblem(await content(images.photo.imageId, '?variant=thumb', other.headers), 404);
    await expectProblem(await content(images.photo.imageId, '', {}), 401);
    await expectProblem(await content('img_01JD7Z8Q6V7N9K3M2X4B5C6D7E'), 404);
    // GET /v1/images/{id} and /similar are tenant-scoped too.
    await expectProblem(await call(`/v1/images/${images.photo.imageId}`, { headers: other.headers }), 404);
    await expectProblem(await call(`/v1/images/${images.photo.imageId}/similar`, { headers: other.headers }), 404);
  });

  it('a failed image has no bytes to serve: 404', async () => {
    expect(images.broken.status).toBe('error');
    await expectProblem(await content(images.broken.imageId), 404);
    await expectProblem(await content(images.broken.imageId, '?variant=thumb'), 404);
  });
});

describe('signed URLs (the `url` field)', () => {
  it('work without a key, are immutable, and serve the same bytes (ranges too)', async () => {
    const url = images.photo.url as string;
    expect(url).toMatch(/\/v1\/images\/img_[0-9A-Z]+\/content\?.*\bexp=\d+.*\bsig=/);
    const res = await call(pathOf(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toMatch(/\bimmutable\b/);
    expect(res.headers.get('etag')).toBe(`"${images.photo.sha256}"`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(photoBytes);

    const part = await call(pathOf(url), { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(photoBytes.subarray(10, 20));

    // The derivative URLs are signed too.
    for (const variant of ['thumb', 'medium'] as const) {
      const v = await call(pathOf(images.photo.variants[variant]));
      expect(v.status, variant).toBe(200);
      expect(v.headers.get('content-type')).toBe('image/webp');
      expect(v.headers.get('cache-control')).toMatch(/\bimmutable\b/);
      await v.arrayBuffer();
    }
  });

  it('a tampered sig, exp, v, image id or variant is refused with 401', async () => {
    const url = new URL(images.photo.url);
    const tamper = (mutate: (u: URL) => void) => {
      const u = new URL(url);
      mutate(u);
      return call(u.pathname + u.search);
    };
    const sig = url.searchParams.get('sig')!;
    const exp = Number(url.searchParams.get('exp'));
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    await expectProblem(await tamper((u) => u.searchParams.set('sig', flipped)), 401);
    await expectProblem(await tamper((u) => u.searchParams.set('sig', '')), 401);
    // Extending the expiry, or one already past, with the original signature.
    await expectProblem(await tamper((u) => u.searchParams.set('exp', String(exp + 86_400))), 401);
    await expectProblem(await tamper((u) => u.searchParams.set('exp', String(Math.floor(Date.now() / 1000) - 60))), 401);
    await expectProblem(await tamper((u) => u.searchParams.set('exp', 'soon')), 401);
    // Pointing the signature at other bytes, another image, or another variant.
    await expectProblem(await tamper((u) => u.searchParams.set('v', images.graphic.sha256)), 401);
    await expectProblem(await tamper((u) => (u.pathname = u.pathname.replace(images.photo.imageId, images.graphic.imageId))), 401);
    await expectProblem(await tamper((u) => u.searchParams.set('variant', 'thumb')), 401);
    // Half a signed URL is no credential.
    await expectProblem(await tamper((u) => u.searchParams.delete('sig')), 401);
  });
});

describe('derivatives', () => {
  /** The derivative's bytes, checked to be WebP, with the dimensions read from its header. */
  async function derivative(name: string, variant: 'thumb' | 'medium') {
    const res = await content(images[name].imageId, `?variant=${variant}`);
    expect(res.status, `${name} ${variant}`).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(...bytes.subarray(0, 4)), 'RIFF').toBe('RIFF');
    expect(String.fromCharCode(...bytes.subarray(8, 12)), 'WEBP').toBe('WEBP');
    const size = webpSize(bytes);
    expect(size, `${name} ${variant} has a readable WebP header`).not.toBeNull();
    return size!;
  }

  it('are WebP with a longest side of at most 256 (thumb) and 1200 (medium), never upscaled; a source at most 10% over 1200 px keeps its size as the medium', async () => {
    const expected: Record<string, { thumb: [number, number]; medium: [number, number] }> = {
      photo: { thumb: [256, 192], medium: [640, 480] },
      graphic: { thumb: [256, 160], medium: [320, 200] },
      // 1280 px is within 10% of 1200: re-encoded at its size rather than shrunk by 7% (bench/README.md "Images").
      large: { thumb: [256, 160], medium: [1280, 800] },
    };
    for (const [name, sizes] of Object.entries(expected)) {
      for (const variant of ['thumb', 'medium'] as const) {
        const { width, height } = await derivative(name, variant);
        expect([width, height], `${name} ${variant}`).toEqual(sizes[variant]);
        expect(images[name].results.derivatives[variant], `${name} ${variant} result`).toMatchObject({ width, height, format: 'webp' });
      }
    }
  });

  it('apply the EXIF orientation: the 400x200 JPEG with orientation 6 gets portrait derivatives', async () => {
    expect(images.rotated).toMatchObject({ status: 'done', width: 400, height: 200 });
    expect(await derivative('rotated', 'thumb')).toEqual({ width: 128, height: 256 });
    expect(await derivative('rotated', 'medium')).toEqual({ width: 200, height: 400 });
  });
});

describe('GET /v1/images/{id}/similar', () => {
  it('lists the tenant images within Hamming distance 6 (closest first), never itself nor other tenants', async () => {
    const done = Object.entries(images).filter(([, i]) => i.status === 'done');
    for (const [, image] of done) expect(image.dhash, image.id).toMatch(/^[0-9a-f]{16}$/);
    // Identical bytes, identical hash.
    expect(images.copy.dhash).toBe(images.photo.dhash);

    for (const [name, image] of done) {
      const res = await call(`/v1/images/${image.imageId}/similar`, { headers: t.headers });
      expect(res.status).toBe(200);
      const { data, nextCursor } = (await res.json()) as { data: Array<{ imageId: string; distance: number; productId: string }>; nextCursor: null };
      expect(nextCursor).toBeNull();
      const want = done
        .filter(([n, other]) => n !== name && hamming(image.dhash, other.dhash) <= 6)
        .map(([, other]) => ({ imageId: other.imageId, distance: hamming(image.dhash, other.dhash) }))
        .sort((a, b) => a.distance - b.distance);
      expect(data.map((d) => ({ imageId: d.imageId, distance: d.distance })).sort((a, b) => a.distance - b.distance || a.imageId.localeCompare(b.imageId)), name).toEqual(
        want.sort((a, b) => a.distance - b.distance || a.imageId.localeCompare(b.imageId)),
      );
      const distances = data.map((d) => d.distance);
      expect(distances, `${name}: closest first`).toEqual([...distances].sort((a, b) => a - b));
      expect(data.every((d) => d.productId === 'shelf'), `${name}: only this tenant`).toBe(true);
    }

    // The copy is found at distance 0 (and the other tenant's identical photo is not).
    const res = await call(`/v1/images/${images.photo.imageId}/similar`, { headers: t.headers });
    const { data } = (await res.json()) as { data: Array<{ imageId: string; distance: number }> };
    expect(data).toContainEqual(expect.objectContaining({ imageId: images.copy.imageId, distance: 0 }));
    expect(data.map((d) => d.imageId)).not.toContain(images.photo.imageId);
  });

  it('an image without a hash (failed) has no similar images', async () => {
    const res = await call(`/v1/images/${images.broken.imageId}/similar`, { headers: t.headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [], nextCursor: null });
  });
});

describe('signed URLs are issued for done images only', () => {
  it('an upload that is not an image, and an image whose pipeline failed, get no url anywhere', async () => {
    const u = await createTenant();
    const html = btoa('<!doctype html><script>alert(document.domain)</script>');
    const images = [
      { id: 'page', source: { base64: html, fileName: 'x.jpg' } },
      { id: 'piped', source: { url: img('photo.jpg') }, pipelines: { tryOn: true } },
      { id: 'fine', source: { url: img('graphic.png') } },
    ];
    const res = await call('/v1/products/mixed', { method: 'PUT', headers: u.headers, json: { images } });
    expect(res.status).toBe(201);
    const p = await waitProduct(u, 'mixed', 25_000);
    const byId = Object.fromEntries(p.images.map((i: any) => [i.id, i]));
    expect(byId.page).toMatchObject({ status: 'error', url: null });
    // Processed bytes, a hash and derivatives, but the image ended `error`: still no URL.
    expect(byId.piped).toMatchObject({ status: 'error', url: null, sha256: expect.any(String) });
    expect(byId.fine).toMatchObject({ status: 'done', url: expect.stringContaining('sig=') });
    for (const key of ['page', 'piped']) {
      const detail = await getImage(u, byId[key].imageId);
      expect(detail, key).toMatchObject({ status: 'error', url: null, variants: { thumb: null, medium: null } });
    }
    // The feed's image.failed events carry no URL either.
    const failed = (await (await call('/v1/events?after=0&limit=100', { headers: u.headers })).json()) as { data: Array<{ type: string; data: any }> };
    for (const e of failed.data.filter((x) => x.type === 'image.failed')) expect(e.data.url).toBeUndefined();
  }, 40_000);
});
