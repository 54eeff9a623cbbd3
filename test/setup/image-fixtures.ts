/**
 * Real image bytes for tests, generated in Node at start-up with photon's Node build (no binary
 * fixtures in the repository): JPEG, PNG, WebP from a gradient; a GIF written by hand; plus the
 * hostile and awkward cases — an EXIF-rotated JPEG, a truncated JPEG, a PNG behind a .jpg name,
 * a PNG header claiming 7000x7000, a non-image.
 */
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

/** Just the PNG signature and an IHDR claiming 7000x7000: 49 megapixels, refused before any decode. */
function hugePngHeader(): Uint8Array {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4);
  ihdr.writeUInt32BE(7000, 8);
  ihdr.writeUInt32BE(7000, 12);
  ihdr[16] = 8;
  ihdr[17] = 6;
  const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...ihdr, ...iend]);
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
  };
}
