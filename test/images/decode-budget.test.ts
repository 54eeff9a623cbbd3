/**
 * Images: the decode budget. The probe reads every frame header (GIF image descriptors, WebP ANMF
 * frames and bitstreams, APNG frame controls) and the bytes per pixel, and refuses what would not
 * fit one isolate before anything is decoded. Images over the in-isolate budget go to the Images
 * binding when it is bound, and are refused with the limit's name when it is not. Hostile sources
 * end as per-image errors inside a consumer batch that also carries another tenant's work, and that
 * batch is not retried because of them.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { writeProducts } from '../../src/catalog/write/write-products';
import { defaultOptions, memoryBudgetsMB } from '../../src/config';
import { checkLimits, decodeCost, defaultImageLimits, type Probe, probeImage } from '../../src/images/probe';
import worker from '../../src/index';
import { createTenant, type TestTenant } from '../helpers/api';
import { getImage, img, imageRows, r2Keys, webpSize, type FixtureName } from '../helpers/images';

const fixture = async (name: FixtureName) => new Uint8Array(await (await fetch(img(name))).arrayBuffer());
const probeOf = (bytes: Uint8Array) => {
  const result = probeImage(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.probe;
};

/** A PNG signature + IHDR + a token IDAT + IEND: enough for the probe, no pixels. */
function pngHeader(width: number, height: number, bitDepth: number, colourType: number): Uint8Array {
  const be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const chunk = (type: string, data: number[]) => [...be(data.length), ...new TextEncoder().encode(type), ...data, 0, 0, 0, 0];
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [...be(width), ...be(height), bitDepth, colourType, 0, 0, 0]),
    ...chunk('IDAT', [0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
    ...chunk('IEND', []),
  ]);
}

/** A GIF89a of `frames` image descriptors of w x h on a screen of sw x sh (no real pixels). */
function gif(sw: number, sh: number, frames: number, w = sw, h = sh): Uint8Array {
  const le = (n: number) => [n & 0xff, n >> 8];
  const frame = [0x2c, 0, 0, 0, 0, ...le(w), ...le(h), 0x00, 0x02, 0x02, 0x44, 0x01, 0x00];
  return Uint8Array.from([...new TextEncoder().encode('GIF89a'), ...le(sw), ...le(sh), 0x00, 0, 0, ...Array.from({ length: frames }, () => frame).flat(), 0x3b]);
}

describe('the probe reads every frame header and the bytes per pixel', () => {
  it('refuses a 35-byte GIF whose one frame (8000x8000) is larger than its 1x1 logical screen', async () => {
    const bytes = await fixture('bomb-frame.gif');
    expect(bytes.length).toBe(35);
    expect(probeImage(bytes)).toEqual({ ok: false, error: 'Corrupt GIF: frame 1 (8000x8000) is larger than the logical screen (1x1)' });
  });

  it('refuses WebP frames and bitstreams larger than their canvas', async () => {
    expect(probeImage(await fixture('bomb-frame.webp'))).toEqual({ ok: false, error: 'Corrupt WebP: animation frame 1 (8000x8000 at 0,0) does not fit the 1x1 canvas' });
    expect(probeImage(await fixture('bomb-bitstream.webp'))).toEqual({ ok: false, error: 'Corrupt WebP: the bitstream (16384x16384) is larger than the 1x1 canvas' });
  });

  it('counts bytes per pixel: a 46 KB 16-bit 2449x2449 PNG costs twice its area and is refused', async () => {
    const bytes = await fixture('deep16.png');
    expect(bytes.length).toBeLessThan(48 * 1024);
    const probe = probeOf(bytes);
    expect(probe).toMatchObject({ format: 'png', width: 2449, height: 2449, frames: 1, bytesPerPixel: 8 });
    expect(decodeCost(probe)).toBe(2449 * 2449 * 2);
    expect(checkLimits(probe, bytes.length, defaultImageLimits)).toBe(
      'The image is 2449x2449 at 8 bytes per pixel = 11995202 pixels to decode (counted at 4 bytes each); the limit is 2800000 (what one isolate can decode within its memory budget; larger images need the Images binding, which is not configured)',
    );
    // The same area at 8 bits passes; 16-bit RGB (6 bytes) costs 1.5x, grey+alpha 8-bit costs its area.
    const limit = { ...defaultImageLimits, maxDecodePixels: 3_000_000 };
    expect(checkLimits(probeOf(pngHeader(1500, 1500, 8, 6)), 100, limit)).toBeNull();
    expect(checkLimits(probeOf(pngHeader(1500, 1500, 16, 6)), 100, limit)).toMatch(/1500x1500 at 8 bytes per pixel = 4500000 pixels to decode/);
    expect(decodeCost(probeOf(pngHeader(1000, 1000, 16, 2)))).toBe(1_500_000);
    expect(decodeCost(probeOf(pngHeader(1000, 1000, 8, 4)))).toBe(1_000_000);
  });

  it('counts frames x the largest frame: GIF and animated WebP', async () => {
    expect(decodeCost(probeOf(gif(1000, 1400, 2)))).toBe(2_800_000);
    expect(checkLimits(probeOf(gif(1000, 1400, 2)), 100, defaultImageLimits)).toBeNull();
    expect(checkLimits(probeOf(gif(1000, 1000, 3)), 100, defaultImageLimits)).toMatch(/1000x1000 x 3 frames = 3000000 pixels to decode/);
    // Frames smaller than the screen count the screen (the decoder's canvas).
    expect(probeOf(gif(1000, 800, 2, 10, 10))).toMatchObject({ frames: 2, frameArea: 800_000 });
  });

  it('a 12 MP photo: refused naming the limit without the Images binding, accepted for it up to its 100 MP', () => {
    const probe: Probe = { format: 'jpeg', width: 4000, height: 3000, frames: 1, frameArea: 12_000_000, bytesPerPixel: 4 };
    expect(checkLimits(probe, 3_000_000, defaultImageLimits)).toBe(
      'The image is 4000x3000 = 12000000 pixels; the limit is 2800000 (what one isolate can decode within its memory budget; larger images need the Images binding, which is not configured)',
    );
    expect(checkLimits(probe, 3_000_000, defaultImageLimits, true)).toBeNull();
    const huge = { ...probe, width: 12000, height: 9000, frameArea: 108_000_000 };
    expect(checkLimits(huge, 3_000_000, defaultImageLimits, true)).toBe("The image is 12000x9000 = 108000000 pixels; the limit is 100000000 (the Images binding's)");
  });

  it('the limits are app options, and the derivative memory budget is written beside them', () => {
    expect(defaultImageLimits).toEqual(defaultOptions.images);
    expect(defaultOptions.images.maxDecodePixels).toBe(2_800_000);
    expect(memoryBudgetsMB.imageDerivative).toBe(96);
  });
});

// ---------------------------------------------------------------------------------------------
// Through the ingest consumer

type Bindings = Cloudflare.Env;
const withoutTransforms = (): Bindings => ({ ...env, IMAGE_TRANSFORMS: undefined }) as Bindings;

/** A product with images written as the API writes it, but with no queue message: the test delivers it. */
async function seed(t: TestTenant, id: string, images: FixtureName[]) {
  await writeProducts(env.DB, {
    tenantId: t.id,
    kind: 'products.put',
    items: [{ index: 0, id, doc: { title: id, images: images.map((name, i) => ({ id: `i${i}`, source: { url: img(name, `${t.id}-${i}`) }, pipelines: {} })) } }],
    failures: [],
  });
}

async function deliver(bindings: Bindings, messages: Array<{ t: TestTenant; productId: string }>) {
  const batch = createMessageBatch(
    'shelfsync-ingest',
    messages.map(({ t, productId }, i) => ({ id: `m${i}-${t.id}`, timestamp: new Date(), attempts: 1, body: { kind: 'ingest', tenantId: t.id, productId } })),
  );
  const ctx = createExecutionContext();
  await (worker as ExportedHandler<Bindings>).queue!(batch as MessageBatch<unknown>, bindings, ctx);
  return getQueueResult(batch, ctx);
}

async function imagesOf(t: TestTenant, productId: string) {
  const rows = await imageRows(t.id, productId);
  return Promise.all(rows.map((r) => getImage(t, r.id)));
}

async function derivative(results: any, variant: 'thumb' | 'medium') {
  const meta = results.derivatives[variant];
  const object = await env.IMAGES.get(meta.key);
  const bytes = new Uint8Array(await object!.arrayBuffer());
  return { format: meta.format, contentType: object!.httpMetadata?.contentType, size: webpSize(bytes) };
}

describe('hostile and oversized sources in the ingest consumer', { timeout: 60_000 }, () => {
  it("hostile sources end as per-image errors, refused before any decode; the other tenant's work in the same batch is done and nothing is retried", async () => {
    const attacker = await createTenant();
    const neighbour = await createTenant();
    await seed(attacker, 'hostile', ['bomb-frame.gif', 'deep16.png', 'bomb-frame.webp', 'bomb-bitstream.webp', 'photo.jpg']);
    await seed(neighbour, 'calm', ['photo.jpg', 'graphic.png']);

    const result = await deliver(withoutTransforms(), [{ t: attacker, productId: 'hostile' }, { t: neighbour, productId: 'calm' }]);
    expect(result.retryBatch.retry).toBe(false);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks.sort()).toEqual([`m0-${attacker.id}`, `m1-${neighbour.id}`].sort());

    const hostile = await imagesOf(attacker, 'hostile');
    expect(hostile.map((i) => i.status)).toEqual(['error', 'error', 'error', 'error', 'done']);
    expect(hostile[0].error).toBe('Corrupt GIF: frame 1 (8000x8000) is larger than the logical screen (1x1)');
    expect(hostile[1].error).toMatch(/^The image is 2449x2449 at 8 bytes per pixel = 11995202 pixels to decode .*; the limit is 2800000 /);
    expect(hostile[2].error).toBe('Corrupt WebP: animation frame 1 (8000x8000 at 0,0) does not fit the 1x1 canvas');
    expect(hostile[3].error).toBe('Corrupt WebP: the bitstream (16384x16384) is larger than the 1x1 canvas');
    // Refused at the probe: nothing stored, nothing decoded, one attempt each.
    for (const image of hostile.slice(0, 4)) expect(image).toMatchObject({ sha256: null, width: null, attempts: 1 });
    expect((await r2Keys(attacker.id)).filter((k) => k.split('/').length === 2)).toEqual([`${attacker.id}/${hostile[4].sha256}`]);

    const calm = await imagesOf(neighbour, 'calm');
    expect(calm.map((i) => [i.status, i.width, i.height])).toEqual([['done', 640, 480], ['done', 320, 200]]);
  });

  it('within the budget, derivatives are made in the isolate: WebP, never upscaled', async () => {
    const t = await createTenant();
    await seed(t, 'small', ['photo.jpg']);
    const result = await deliver(withoutTransforms(), [{ t, productId: 'small' }]);
    expect(result.retryMessages).toEqual([]);
    const [image] = await imagesOf(t, 'small');
    expect(image).toMatchObject({ status: 'done', width: 640, height: 480 });
    expect(await derivative(image.results, 'medium')).toEqual({ format: 'webp', contentType: 'image/webp', size: { width: 640, height: 480 } });
    expect(await derivative(image.results, 'thumb')).toEqual({ format: 'webp', contentType: 'image/webp', size: { width: 256, height: 192 } });
  });

  it('over the budget without the Images binding: an error naming the limit', async () => {
    const t = await createTenant();
    await seed(t, 'big', ['large-5mp.jpg']);
    const result = await deliver(withoutTransforms(), [{ t, productId: 'big' }]);
    expect(result.retryMessages).toEqual([]);
    const [image] = await imagesOf(t, 'big');
    expect(image).toMatchObject({ status: 'error', sha256: null });
    expect(image.error).toBe(
      'The image is 2500x2000 = 5000000 pixels; the limit is 2800000 (what one isolate can decode within its memory budget; larger images need the Images binding, which is not configured)',
    );
  });

  it('over the budget with the Images binding: derivatives made from its downscaled copy, WebP at the same sizes', async () => {
    expect(env.IMAGE_TRANSFORMS, 'wrangler.toml binds [images] as IMAGE_TRANSFORMS').toBeDefined();
    const t = await createTenant();
    await seed(t, 'big', ['large-5mp.jpg', 'bomb-frame.gif']);
    const result = await deliver(env, [{ t, productId: 'big' }]);
    expect(result.retryMessages).toEqual([]);
    const [image, bomb] = await imagesOf(t, 'big');
    expect(image).toMatchObject({ status: 'done', error: null, format: 'jpeg', width: 2500, height: 2000 });
    expect(await derivative(image.results, 'medium')).toEqual({ format: 'webp', contentType: 'image/webp', size: { width: 1200, height: 960 } });
    expect(await derivative(image.results, 'thumb')).toEqual({ format: 'webp', contentType: 'image/webp', size: { width: 256, height: 205 } });
    expect(image.dhash).toMatch(/^[0-9a-f]{16}$/);
    // A frame bomb is refused by the probe whatever is bound: it never reaches the binding.
    expect(bomb).toMatchObject({ status: 'error', error: 'Corrupt GIF: frame 1 (8000x8000) is larger than the logical screen (1x1)' });
  });
});
