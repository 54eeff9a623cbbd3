/**
 * Images: limits and fetching. Each hostile or awkward source ends as a clear per-image error (never
 * a crash), the format comes from magic bytes, redirects are followed at most 3 times, a refused
 * target never connects, and the other images of the same product still end `done`.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, sha256Hex } from '../helpers/api';
import { checkLimits, defaultImageLimits, type Probe, probeImage } from '../../src/images/probe';
import { getImage, img, imageEvents, imageRows, putWithImages, r2Keys, receiverUrl, typedEvents, waitProduct } from '../helpers/images';

describe('per-image limits and errors', { timeout: 30_000 }, () => {
  it('one product with hostile sources: clear per-image errors, the rest done, product done, one event each', async () => {
    const t = await createTenant();
    const sources: Record<string, string> = {
      photo: img('photo.jpg'),
      polyglot: img('polyglot.jpg'),
      truncated: img('truncated.jpg'),
      huge: img('huge-header.png'),
      notimage: img('not-an-image.jpg'),
      big: `${receiverUrl}/img-big`,
      redirect3: `${receiverUrl}/img-redirect/3/graphic.png`,
      redirect4: `${receiverUrl}/img-redirect/4/graphic.png`,
      refused: 'http://10.0.0.1/x.jpg',
    };
    const written = await putWithImages(t, 'limits', Object.entries(sources).map(([id, url]) => ({ id, url })));
    expect(written.images.map((i: any) => i.status)).toEqual(Object.keys(sources).map(() => 'pending'));

    const p = await waitProduct(t, 'limits', 20_000);
    const byId = Object.fromEntries(p.images.map((i: any) => [i.id, i]));

    expect(byId.photo).toMatchObject({ status: 'done', error: null, width: 640, height: 480 });
    expect(byId.redirect3).toMatchObject({ status: 'done', error: null, width: 320, height: 200 });

    expect(byId.truncated).toMatchObject({ status: 'error', sha256: null, url: null });
    expect(byId.truncated.error).toMatch(/Truncated JPEG: the end-of-image marker is missing/);
    expect(byId.huge.status).toBe('error');
    expect(byId.huge.error).toMatch(/12000x12000 = 144000000 pixels; the limit is 100000000 \(the Images binding's\)/);
    expect(byId.notimage.status).toBe('error');
    expect(byId.notimage.error).toMatch(/Unsupported image format/);
    // 12 MB with no Content-Length: refused while streaming, at the 10 MB cap.
    expect(byId.big.status).toBe('error');
    expect(byId.big.error).toMatch(/larger than 10485760 bytes/);
    expect(byId.redirect4.status).toBe('error');
    expect(byId.redirect4.error).toMatch(/more than 3 redirects/);
    // Refused before any connection (OUTBOUND_ONLY=127.0.0.1): a refusal text, not a network error.
    expect(byId.refused.status).toBe('error');
    expect(byId.refused.error).toMatch(/refused/i);
    for (const id of ['truncated', 'huge', 'notimage', 'big', 'redirect4', 'refused']) {
      expect(byId[id].sha256, id).toBeNull();
      expect(byId[id].url, id).toBeNull();
    }

    // Some images failed, not all: the product is done (per-image errors stay visible).
    expect(p.status).toBe('done');

    // Nothing of the refused sources reached R2: only the good pictures (polyglot = graphic's bytes).
    const originals = (await r2Keys(t.id)).filter((k) => k.split('/').length === 2);
    expect(new Set(originals)).toEqual(new Set([byId.photo.sha256, byId.polyglot.sha256, byId.redirect3.sha256].map((s) => `${t.id}/${s}`)));

    // Every image announced exactly once, with the type matching its status.
    const events = await imageEvents(t, 'limits');
    for (const image of p.images) {
      const mine = events.filter((e) => e.data.id === image.imageId);
      expect(mine, image.id).toHaveLength(1);
      expect(mine[0]!.type, image.id).toBe(image.status === 'done' ? 'image.processed' : 'image.failed');
      expect(mine[0]!.data).toMatchObject({ productId: 'limits', status: image.status });
      if (image.status === 'error') expect(mine[0]!.data.error).toBe(image.error);
      else expect(mine[0]!.data.url).toEqual(expect.any(String));
    }
    const processed = await typedEvents(t, 'product.processed', 'limits');
    expect(processed).toHaveLength(1);
    expect(processed[0]!.data).toMatchObject({ productId: 'limits', status: 'done' });
  });

  it('formats come from magic bytes: PNG bytes behind a .jpg name and an image/jpeg type are stored and served as PNG', async () => {
    const t = await createTenant();
    await putWithImages(t, 'poly', [img('polyglot.jpg')]);
    const [image] = (await waitProduct(t, 'poly')).images;
    expect(image).toMatchObject({ status: 'done', width: 320, height: 200 });
    expect((await getImage(t, image.imageId)).format).toBe('png');

    const object = await env.IMAGES.head(`${t.id}/${image.sha256}`);
    expect(object?.httpMetadata?.contentType).toBe('image/png');
    const res = await call(`/v1/images/${image.imageId}/content`, { headers: t.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('the image row records source, sha256, format, width, height, bytes, status, attempts, error and results; R2 holds {tenant}/{sha256}', async () => {
    const t = await createTenant();
    await putWithImages(t, 'rec', [img('photo.jpg'), img('graphic.png'), img('truncated.jpg')]);
    const p = await waitProduct(t, 'rec');
    const fixture = new Uint8Array(await (await fetch(img('photo.jpg'))).arrayBuffer());
    const sha = await sha256Hex(fixture);

    const photo = await getImage(t, p.images[0].imageId);
    expect(photo).toMatchObject({
      id: 'i0',
      productId: 'rec',
      source: { url: img('photo.jpg') },
      status: 'done',
      error: null,
      sha256: sha,
      format: 'jpeg',
      width: 640,
      height: 480,
      bytes: fixture.length,
      attempts: 1,
    });
    expect(photo.results).toMatchObject({ derivatives: { thumb: expect.any(Object), medium: expect.any(Object) }, dhash: { hash: photo.dhash } });
    expect(photo.dhash).toMatch(/^[0-9a-f]{16}$/);
    const stored = await env.IMAGES.get(`${t.id}/${sha}`);
    expect(stored).not.toBeNull();
    expect(await sha256Hex(new Uint8Array(await stored!.arrayBuffer()))).toBe(sha);

    const png = await getImage(t, p.images[1].imageId);
    expect(png).toMatchObject({ status: 'done', format: 'png', width: 320, height: 200 });

    const truncated = await getImage(t, p.images[2].imageId);
    expect(truncated).toMatchObject({ status: 'error', sha256: null, format: null, width: null, height: null, attempts: 1 });
    expect(truncated.error).toMatch(/end-of-image marker/);
    const rows = await imageRows(t.id, 'rec');
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['done', 1], ['done', 1], ['error', 1]]);
  });

  it('a product whose every image failed is `error`; with no images it is `done` at once', async () => {
    const t = await createTenant();
    await putWithImages(t, 'bad', [img('truncated.jpg'), img('not-an-image.jpg')]);
    const p = await waitProduct(t, 'bad');
    expect(p.images.map((i: any) => i.status)).toEqual(['error', 'error']);
    expect(p.status).toBe('error');
    const processed = await typedEvents(t, 'product.processed', 'bad');
    expect(processed).toHaveLength(1);
    expect(processed[0]!.data).toMatchObject({ status: 'error' });

    const none = await putWithImages(t, 'none', []);
    expect(none.status).toBe('done');
    const res = await call('/v1/products/none', { headers: t.headers });
    expect((await body(res)).status).toBe('done');
  });
});

describe('the decoded-pixel limit counts frames', () => {
  /** A GIF89a of `frames` frames of width x height, just enough structure for the probe (no real pixels). */
  function gif(width: number, height: number, frames: number): Uint8Array {
    const le = (n: number) => [n & 0xff, n >> 8];
    const frame = [0x2c, 0, 0, 0, 0, ...le(width), ...le(height), 0x00, 0x02, 0x02, 0x44, 0x01, 0x00];
    return Uint8Array.from([...new TextEncoder().encode('GIF89a'), ...le(width), ...le(height), 0x00, 0, 0, ...Array.from({ length: frames }, () => frame).flat(), 0x3b]);
  }

  it('two frames of 1500x1200 (1.8 MP each) exceed 2.8 MP; one frame does not', () => {
    const two = probeImage(gif(1500, 1200, 2));
    expect(two).toEqual({ ok: true, probe: { format: 'gif', width: 1500, height: 1200, frames: 2, frameArea: 1_800_000, bytesPerPixel: 4 } });
    expect(checkLimits((two as { probe: Probe }).probe, 1000, defaultImageLimits)).toMatch(/1500x1200 x 2 frames = 3600000 pixels to decode \(counted at 4 bytes each\); the limit is 2800000/);
    const one = probeImage(gif(1500, 1200, 1));
    expect(checkLimits((one as { probe: Probe }).probe, 1000, defaultImageLimits)).toBeNull();
    // And bytes: 10 MB is the cap.
    expect(checkLimits((one as { probe: Probe }).probe, 10 * 1024 * 1024 + 1, defaultImageLimits)).toMatch(/the limit is 10485760/);
  });
});
