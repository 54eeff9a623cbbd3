/**
 * Real image bytes for tests, generated in Node at start-up with photon's Node build (no binary
 * fixtures in the repository): JPEG, PNG, WebP from a gradient; a GIF written by hand; plus the
 * hostile and awkward cases — an EXIF-rotated JPEG, a truncated JPEG, a PNG behind a .jpg name,
 * a PNG header claiming 12000x12000, a non-image; and the decode-budget bombs (a GIF frame larger
 * than its screen, a 16-bit PNG, WebP frames larger than their canvas).
 */
import { deflateSync } from 'node:zlib';
import { PhotonImage } from '@cf-wasm/photon/node';

function gradient(width: number, height: number, seed = 0): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rgba[i] = (x * 255) / width;
      rgba[i + 1] = (y * 255) / height;
      rgba[i + 2] = (((x + y + seed) % 64) * 255) / 64;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

function encode(width: number, height: number, kind: 'jpeg' | 'png' | 'webp', seed = 0): Uint8Array {
  const image = new PhotonImage(gradient(width, height, seed), width, height);
  try {
    return kind === 'jpeg' ? image.get_bytes_jpeg(85) : kind === 'png' ? image.get_bytes() : image.get_bytes_webp();
  } finally {
    image.free();
  }
}

/** A JPEG with an APP1/EXIF segment saying Orientation = 6 (rotate 90 degrees clockwise to display). */
function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
  const payload = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff];
  const length = payload.length + 2;
  const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/** A 4x4 two-frame GIF89a, written by hand (global palette of 2 colours, raw LZW data). */
function tinyGif(): Uint8Array {
  const frame = [0x2c, 0, 0, 0, 0, 4, 0, 4, 0, 0x00, 0x02, 0x04, 0x84, 0x8f, 0xa9, 0x0b, 0x00];
  return Uint8Array.from([
    ...Buffer.from('GIF89a'), 4, 0, 4, 0, 0x80, 0, 0, 0xff, 0, 0, 0, 0, 0xff,
    0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, ...frame,
    0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, ...frame,
    0x3b,
  ]);
}

/**
 * The PNG signature, an IHDR claiming 12000x12000 and a token IDAT: 144 megapixels, over even the
 * Images binding's 100, refused before any decode whatever is bound.
 */
function hugePngHeader(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(12000, 0);
  ihdr.writeUInt32BE(12000, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(0))), pngChunk('IEND', Buffer.alloc(0))]);
  return Uint8Array.from(png);
}

/** 35 bytes: a 1x1 logical screen whose one image descriptor claims 8000x8000 (a decoder would allocate 256 MB). */
function gifFrameBomb(): Uint8Array {
  const bytes = Uint8Array.from([
    ...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x00, 0, 0,
    0x2c, 0, 0, 0, 0, 0x40, 0x1f, 0x40, 0x1f, 0x00, 0x02,
    0x08, 0x4c, 0x01, 0x00, 0x4c, 0x01, 0x00, 0x4c, 0x01, 0x00,
    0x3b,
  ]);
  if (bytes.length !== 35) throw new Error(`gifFrameBomb is ${bytes.length} bytes`);
  return bytes;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4);
  let crc = 0xffffffff;
  for (const byte of Buffer.concat([head.subarray(4), data])) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}

/** A valid, all-black 16-bit RGBA PNG: 2449x2449 (just under 6 MP) in ~46 KB, 48 MB once decoded. */
function deepPng(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 16;
  ihdr[9] = 6;
  const raw = Buffer.alloc(height * (1 + width * 8));
  const idat = deflateSync(raw, { level: 9 });
  return Uint8Array.from(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]));
}

function riff(chunks: Buffer[]): Uint8Array {
  const body = Buffer.concat([Buffer.from('WEBP'), ...chunks]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0);
  head.writeUInt32LE(body.length, 4);
  return Uint8Array.from(Buffer.concat([head, body]));
}

function webpChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0);
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

const u24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];

/** A VP8L bitstream header claiming width x height (no real pixel data). */
function vp8l(width: number, height: number): Buffer {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  return webpChunk('VP8L', Buffer.from([0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff, 0, 0, 0]));
}

function vp8x(flags: number, width: number, height: number): Buffer {
  return webpChunk('VP8X', Buffer.from([flags, 0, 0, 0, ...u24(width - 1), ...u24(height - 1)]));
}

/** Animated WebP: a 1x1 canvas whose one ANMF frame claims 8000x8000. */
function webpFrameBomb(): Uint8Array {
  const frame = Buffer.concat([Buffer.from([...u24(0), ...u24(0), ...u24(7999), ...u24(7999), ...u24(100), 0]), vp8l(8000, 8000)]);
  return riff([vp8x(0x02, 1, 1), webpChunk('ANIM', Buffer.alloc(6)), webpChunk('ANMF', frame)]);
}

/** Still WebP (VP8X): a 1x1 canvas whose bitstream claims 16384x16384. */
function webpBitstreamBomb(): Uint8Array {
  return riff([vp8x(0x00, 1, 1), vp8l(16384, 16384)]);
}

export interface Fixture {
  bytes: Uint8Array;
  contentType: string;
}

export function buildImageFixtures(): Record<string, Fixture> {
  const jpeg = encode(640, 480, 'jpeg');
  const png = encode(320, 200, 'png');
  return {
    'photo.jpg': { bytes: jpeg, contentType: 'image/jpeg' },
    'photo-copy.jpg': { bytes: jpeg, contentType: 'image/jpeg' },
    'photo-similar.jpg': { bytes: encode(640, 480, 'jpeg', 1), contentType: 'image/jpeg' },
    'graphic.png': { bytes: png, contentType: 'image/png' },
    'picture.webp': { bytes: encode(300, 300, 'webp'), contentType: 'image/webp' },
    'anim.gif': { bytes: tinyGif(), contentType: 'image/gif' },
    'rotated.jpg': { bytes: withOrientation(encode(400, 200, 'jpeg'), 6), contentType: 'image/jpeg' },
    'truncated.jpg': { bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)), contentType: 'image/jpeg' },
    'polyglot.jpg': { bytes: png, contentType: 'image/jpeg' },
    'huge-header.png': { bytes: hugePngHeader(), contentType: 'image/png' },
    'not-an-image.jpg': { bytes: new TextEncoder().encode('<html>hello</html>'), contentType: 'image/jpeg' },
    'large-1mp.jpg': { bytes: encode(1280, 800, 'jpeg'), contentType: 'image/jpeg' },
    // Over the in-isolate decode budget (2.8 MP): served through the Images binding when it is bound.
    'large-5mp.jpg': { bytes: encode(2500, 2000, 'jpeg'), contentType: 'image/jpeg' },
    'bomb-frame.gif': { bytes: gifFrameBomb(), contentType: 'image/gif' },
    'deep16.png': { bytes: deepPng(2449, 2449), contentType: 'image/png' },
    'bomb-frame.webp': { bytes: webpFrameBomb(), contentType: 'image/webp' },
    'bomb-bitstream.webp': { bytes: webpBitstreamBomb(), contentType: 'image/webp' },
  };
}
