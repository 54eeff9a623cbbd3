/**
 * Images: compressed ancillary PNG chunks. The decode budget counts pixels, but a PNG's colour
 * profile (iCCP) and compressed text (zTXt, iTXt) are zlib streams a decoder inflates whole: a
 * 16x16 PNG whose profile inflated to 300 MB took ~1.1 GB. Each stream is inflated and counted
 * before any decode, and the image ends `error` naming the limit once one passes it.
 */
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/lib/base64';
import { checkCompressedChunks, MAX_INFLATED_CHUNK, MAX_INFLATED_TOTAL } from '../../src/images/png-ancillary';
import { call, createTenant, type TestTenant } from '../helpers/api';
import { waitProduct } from '../helpers/images';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
/** A valid 1x1 RGBA PNG with `extra` chunks between IHDR and IDAT. */
async function png(extra: Uint8Array[]): Promise<Uint8Array> {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 1);
  new DataView(ihdr.buffer).setUint32(4, 1);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const idat = await deflate(Uint8Array.from([0, 255, 0, 0, 255]));
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...extra, chunk('IDAT', idat), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An iCCP chunk whose profile is `profileBytes` zeros (deflate compresses them to ~1/1000). */
async function iccp(profileBytes: number): Promise<Uint8Array> {
  const profile = await deflate(new Uint8Array(profileBytes));
  return chunk('iCCP', concat([latin1('icc\0\0'), profile])); // name, NUL, compression method 0
}
/** A zTXt chunk whose text is `textBytes` spaces. */
async function ztxt(textBytes: number): Promise<Uint8Array> {
  return chunk('zTXt', concat([latin1('Comment\0\0'), await deflate(new Uint8Array(textBytes).fill(0x20))]));
}
/** An iTXt chunk with the compression flag set, its text `textBytes` spaces. */
async function itxt(textBytes: number): Promise<Uint8Array> {
  // keyword NUL, flag 1, method 0, language tag NUL, translated keyword NUL, text
  return chunk('iTXt', concat([latin1('XML:com.adobe.xmp\0\x01\0en\0\0'), await deflate(new Uint8Array(textBytes).fill(0x20))]));
}
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
const MiB = 1024 * 1024;

async function upload(t: TestTenant, id: string, bytes: Uint8Array) {
  const res = await call(`/v1/products/${id}`, {
    method: 'PUT',
    headers: t.headers,
    json: { title: id, images: [{ id: 'p', source: { base64: bytesToBase64(bytes), fileName: 'p.png' } }] },
  });
  expect(res.status).toBe(201);
  return (await waitProduct(t, id, 45_000)).images[0];
}

describe('compressed PNG chunks are inflated with a bound before any decode', { timeout: 60_000 }, () => {
  it('a 1x1 PNG whose colour profile inflates to 64 MB (a 65 KB file) ends error naming the limit', async () => {
    const t = await createTenant();
    const bomb = await png([await iccp(64 * MiB)]);
    expect(bomb.length).toBeLessThan(100_000);
    const image = await upload(t, 'iccp-bomb', bomb);
    expect(image.status).toBe('error');
    expect(image.error).toBe(`The PNG's colour profile (iCCP chunk) inflates to more than ${MAX_INFLATED_CHUNK} bytes; the limit is ${MAX_INFLATED_CHUNK} (checked before decoding)`);
  });

  it('a PNG with a real-sized profile (600 KB) and compressed text is processed', async () => {
    const t = await createTenant();
    const image = await upload(t, 'iccp-ok', await png([await iccp(600 * 1024), await ztxt(4096), await itxt(4096)]));
    expect(image.status).toBe('done');
  });

  it('bounds zTXt and compressed iTXt chunks as well, and every chunk together', async () => {
    expect(await checkCompressedChunks(await png([await ztxt(2 * MiB)]))).toBe(
      `The PNG's compressed text (zTXt chunk) inflates to more than ${MAX_INFLATED_CHUNK} bytes; the limit is ${MAX_INFLATED_CHUNK} (checked before decoding)`,
    );
    expect(await checkCompressedChunks(await png([await itxt(2 * MiB)]))).toContain('(iTXt chunk) inflates to more than');
    // Each under the per-chunk bound, together over the total: a file of many small bombs.
    const many = await Promise.all(Array.from({ length: 5 }, () => ztxt(MAX_INFLATED_CHUNK)));
    expect(await checkCompressedChunks(await png(many))).toBe(
      `The PNG's compressed chunks inflate to more than ${MAX_INFLATED_TOTAL} bytes together; the limit is ${MAX_INFLATED_TOTAL} (checked before decoding)`,
    );
    expect(await checkCompressedChunks(await png([await ztxt(MAX_INFLATED_CHUNK), await iccp(MAX_INFLATED_CHUNK)]))).toBeNull();
  });
});
