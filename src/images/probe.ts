/**
 * Format, dimensions and decode cost from the bytes' own headers, no decode (the `probe` step). The
 * format is decided by magic bytes, never by a file name or a Content-Type. Pure.
 *
 * JPEG: SOI, then segments up to a SOFn frame header (height, width); an EOI marker must follow the
 * scan data (trailing bytes after it are allowed, as phones write them), so a truncated upload is
 * caught here. PNG: signature + IHDR (bit depth and colour type give the bytes per pixel), APNG
 * frame controls (fcTL). GIF: logical screen + every image descriptor. WebP: RIFF/WEBP with a VP8,
 * VP8L or VP8X chunk; with VP8X, every ANMF frame and the still bitstream's own size.
 *
 * A decoder allocates what a frame header says, not what the canvas says: a 35-byte GIF whose one
 * frame claims 8000x8000 behind a 1x1 screen asks for 256 MB. So every frame header is read, a
 * frame larger than its canvas is refused here, and the cost counts the largest frame.
 */
import { defaultOptions, type AppOptions } from '../config';

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';

export interface Probe {
  format: ImageFormat;
  width: number;
  height: number;
  frames: number;
  /** The largest area a decoder allocates for one frame: the canvas, or a larger frame header. */
  frameArea: number;
  /** Bytes per decoded pixel before conversion to 8-bit RGBA: 16-bit PNG is 6 (RGB) or 8 (RGBA). */
  bytesPerPixel: number;
}

export type ProbeResult = { ok: true; probe: Probe } | { ok: false; error: string };

export const MIME: Record<ImageFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u32le = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + ((b[i + 3]! << 24) >>> 0);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

export function detectFormat(b: Uint8Array): ImageFormat | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'png';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  return null;
}

function probeJpeg(b: Uint8Array): ProbeResult {
  let i = 2;
  let size: { width: number; height: number } | null = null;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { ok: false, error: 'Corrupt JPEG: a segment marker was expected' };
    const marker = b[i + 1]!;
    if (marker === 0xff) { i += 1; continue; } // fill byte
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    const length = u16be(b, i + 2);
    if (length < 2 || i + 2 + length > b.length) return { ok: false, error: 'Truncated JPEG: a segment runs past the end of the file' };
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) size = { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    if (marker === 0xda) {
      // Scan data: entropy-coded bytes until the EOI marker (0xFFD9) that must close the image.
      if (!size) return { ok: false, error: 'Corrupt JPEG: scan data before any frame header' };
      for (let j = i + 2 + length; j + 1 < b.length; j++) {
        if (b[j] === 0xff && b[j + 1] === 0xd9) return { ok: true, probe: { format: 'jpeg', ...size, frames: 1, frameArea: size.width * size.height, bytesPerPixel: 4 } };
      }
      return { ok: false, error: 'Truncated JPEG: the end-of-image marker is missing' };
    }
    i += 2 + length;
  }
  return size
    ? { ok: false, error: 'Truncated JPEG: the image data is missing' }
    : { ok: false, error: 'Corrupt JPEG: no frame header' };
}

function probePng(b: Uint8Array): ProbeResult {
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return { ok: false, error: 'Corrupt PNG: no IHDR header' };
  // The last chunk must be IEND: a cut-off upload is refused here rather than half-decoded later.
  if (b.length < 45 || ascii(b, b.length - 8, 4) !== 'IEND') {
    let hasIend = false;
    for (let i = 8; i + 8 <= b.length; ) {
      const len = u32be(b, i);
      if (ascii(b, i + 4, 4) === 'IEND') { hasIend = true; break; }
      i += 12 + len;
    }
    if (!hasIend) return { ok: false, error: 'Truncated PNG: the IEND chunk is missing' };
  }
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  let frames = 1;
  let frameArea = width * height;
  for (let i = 8, n = 0; i + 8 <= b.length; ) {
    const len = u32be(b, i);
    const type = ascii(b, i + 4, 4);
    if (type === 'acTL' && i + 12 <= b.length) frames = Math.max(1, u32be(b, i + 8));
    if (type === 'fcTL' && i + 28 <= b.length) {
      // APNG frame control: width, height, x offset, y offset; the spec requires the frame inside the canvas.
      n += 1;
      const [w, h, x, y] = [u32be(b, i + 12), u32be(b, i + 16), u32be(b, i + 20), u32be(b, i + 24)];
      if (x + w > width || y + h > height) return { ok: false, error: `Corrupt PNG: animation frame ${n} (${w}x${h} at ${x},${y}) does not fit the ${width}x${height} image` };
      frameArea = Math.max(frameArea, w * h);
    }
    if (type === 'IEND') break;
    i += 12 + len;
  }
  return { ok: true, probe: { format: 'png', width, height, frames, frameArea, bytesPerPixel: pngBytesPerPixel(b[24]!, b[25]!) } };
}

/** Bytes per pixel of the decoded PNG: channels (palette expands to RGB(A)) x 1 or 2 bytes per sample. */
function pngBytesPerPixel(bitDepth: number, colourType: number): number {
  const channels = colourType === 0 ? 1 : colourType === 2 ? 3 : colourType === 3 ? 4 : colourType === 4 ? 2 : 4;
  return channels * (bitDepth === 16 ? 2 : 1);
}

function probeGif(b: Uint8Array): ProbeResult {
  if (b.length < 13) return { ok: false, error: 'Truncated GIF' };
  const width = u16le(b, 6);
  const height = u16le(b, 8);
  let i = 13;
  if (b[10]! & 0x80) i += 3 * (1 << ((b[10]! & 0x07) + 1));
  let frames = 0;
  let frameArea = width * height;
  while (i < b.length) {
    const block = b[i]!;
    if (block === 0x3b) {
      return frames > 0 ? { ok: true, probe: { format: 'gif', width, height, frames, frameArea, bytesPerPixel: 4 } } : { ok: false, error: 'Corrupt GIF: no image' };
    }
    if (block === 0x21) {
      i += 2;
      while (i < b.length && b[i] !== 0) i += b[i]! + 1;
      i += 1;
    } else if (block === 0x2c) {
      frames += 1;
      if (i + 10 > b.length) break;
      const w = u16le(b, i + 5);
      const h = u16le(b, i + 7);
      if (w > width || h > height) return { ok: false, error: `Corrupt GIF: frame ${frames} (${w}x${h}) is larger than the logical screen (${width}x${height})` };
      frameArea = Math.max(frameArea, w * h);
      const packed = b[i + 9]!;
      i += 10;
      if (packed & 0x80) i += 3 * (1 << ((packed & 0x07) + 1));
      i += 1; // LZW minimum code size
      while (i < b.length && b[i] !== 0) i += b[i]! + 1;
      i += 1;
    } else {
      return { ok: false, error: 'Corrupt GIF: unknown block' };
    }
  }
  return { ok: false, error: 'Truncated GIF: the trailer is missing' };
}

/** Width and height of a VP8 or VP8L bitstream chunk starting at `i` (its FourCC), or null. */
function bitstreamSize(b: Uint8Array, i: number): { width: number; height: number } | null {
  const type = ascii(b, i, 4);
  if (type === 'VP8 ' && i + 18 <= b.length && b[i + 11] === 0x9d && b[i + 12] === 0x01 && b[i + 13] === 0x2a) {
    return { width: u16le(b, i + 14) & 0x3fff, height: u16le(b, i + 16) & 0x3fff };
  }
  if (type === 'VP8L' && i + 13 <= b.length && b[i + 8] === 0x2f) {
    const bits = u32le(b, i + 9);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return null;
}

const webpChunkEnd = (b: Uint8Array, i: number) => i + 8 + u32le(b, i + 4) + (u32le(b, i + 4) & 1);

function probeWebp(b: Uint8Array): ProbeResult {
  if (b.length < 30) return { ok: false, error: 'Truncated WebP' };
  if (u32le(b, 4) + 8 > b.length) return { ok: false, error: 'Truncated WebP: the file is shorter than its RIFF header says' };
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' || chunk === 'VP8L') {
    const size = bitstreamSize(b, 12);
    if (!size) return { ok: false, error: chunk === 'VP8 ' ? 'Corrupt WebP: bad VP8 frame tag' : 'Corrupt WebP: bad VP8L signature' };
    return { ok: true, probe: { format: 'webp', ...size, frames: 1, frameArea: size.width * size.height, bytesPerPixel: 4 } };
  }
  if (chunk === 'VP8X') {
    const width = u24le(b, 24) + 1;
    const height = u24le(b, 27) + 1;
    let frames = 0;
    let frameArea = width * height;
    const fits = (w: number, h: number, x = 0, y = 0) => x + w <= width && y + h <= height;
    for (let i = webpChunkEnd(b, 12); i + 8 <= b.length; i = webpChunkEnd(b, i)) {
      const type = ascii(b, i, 4);
      if (type === 'ANMF' && i + 24 <= b.length) {
        // Frame header: X/2, Y/2 (24 bits each), width-1, height-1; then the frame's own bitstream.
        frames += 1;
        const [x, y, w, h] = [u24le(b, i + 8) * 2, u24le(b, i + 11) * 2, u24le(b, i + 14) + 1, u24le(b, i + 17) + 1];
        if (!fits(w, h, x, y)) return { ok: false, error: `Corrupt WebP: animation frame ${frames} (${w}x${h} at ${x},${y}) does not fit the ${width}x${height} canvas` };
        frameArea = Math.max(frameArea, w * h);
        const end = Math.min(webpChunkEnd(b, i), b.length);
        for (let j = i + 24; j + 8 <= end; j = webpChunkEnd(b, j)) {
          const inner = bitstreamSize(b, j);
          if (inner && (inner.width > w || inner.height > h)) {
            return { ok: false, error: `Corrupt WebP: animation frame ${frames}'s bitstream (${inner.width}x${inner.height}) is larger than its frame (${w}x${h})` };
          }
        }
      } else if (type === 'VP8 ' || type === 'VP8L') {
        const inner = bitstreamSize(b, i);
        if (inner && !fits(inner.width, inner.height)) return { ok: false, error: `Corrupt WebP: the bitstream (${inner.width}x${inner.height}) is larger than the ${width}x${height} canvas` };
      }
    }
    return { ok: true, probe: { format: 'webp', width, height, frames: Math.max(frames, 1), frameArea, bytesPerPixel: 4 } };
  }
  return { ok: false, error: 'Corrupt WebP: unknown chunk' };
}

export function probeImage(bytes: Uint8Array): ProbeResult {
  const format = detectFormat(bytes);
  if (!format) return { ok: false, error: 'Unsupported image format: only JPEG, PNG, GIF and WebP are accepted (decided by the file content)' };
  const result = format === 'jpeg' ? probeJpeg(bytes) : format === 'png' ? probePng(bytes) : format === 'gif' ? probeGif(bytes) : probeWebp(bytes);
  if (result.ok && (result.probe.width === 0 || result.probe.height === 0)) return { ok: false, error: 'The image has no pixels' };
  return result;
}

export type ImageLimits = AppOptions['images'];

export const defaultImageLimits: ImageLimits = defaultOptions.images;

/**
 * What decoding costs, in pixels of 8-bit RGBA (4 bytes each): frames x the largest frame's area x
 * the decoded bytes per pixel / 4. A 16-bit RGBA PNG counts twice its area; an 8-bit one, or a JPEG,
 * counts its area once (the decoders here convert everything to 8-bit RGBA).
 */
export function decodeCost(probe: Probe): number {
  return Math.ceil((probe.frames * probe.frameArea * Math.max(4, probe.bytesPerPixel)) / 4);
}

/** Decoding exceeds what one isolate may hold (ImageLimits.maxDecodePixels): only the Images binding can take it. */
export function overIsolateBudget(probe: Probe, limits: ImageLimits): boolean {
  return decodeCost(probe) > limits.maxDecodePixels;
}

function describe(probe: Probe, cost: number): string {
  const frames = probe.frames > 1 ? ` x ${probe.frames} frames` : '';
  const largerFrame = probe.frameArea > probe.width * probe.height ? ` (largest frame ${probe.frameArea} pixels)` : '';
  const depth = probe.bytesPerPixel > 4 ? ` at ${probe.bytesPerPixel} bytes per pixel` : '';
  const plain = probe.frames === 1 && !largerFrame && !depth;
  return plain
    ? `${probe.width}x${probe.height} = ${cost} pixels`
    : `${probe.width}x${probe.height}${largerFrame}${frames}${depth} = ${cost} pixels to decode (counted at 4 bytes each)`;
}

/**
 * Null when the image may be processed, else the reason it is refused. `transforms`: an Images
 * binding is bound, so images over the in-isolate budget go to it, up to its own limit.
 */
export function checkLimits(probe: Probe, bytes: number, limits: ImageLimits, transforms = false): string | null {
  if (bytes > limits.maxBytes) return `The image is ${bytes} bytes; the limit is ${limits.maxBytes}`;
  const cost = decodeCost(probe);
  if (cost <= limits.maxDecodePixels) return null;
  if (!transforms) {
    return `The image is ${describe(probe, cost)}; the limit is ${limits.maxDecodePixels} (what one isolate can decode within its memory budget; larger images need the Images binding, which is not configured)`;
  }
  if (cost > limits.maxTransformPixels) return `The image is ${describe(probe, cost)}; the limit is ${limits.maxTransformPixels} (the Images binding's)`;
  return null;
}
