/**
 * Format and dimensions from the bytes' own headers, no decode (the `probe` step). The format is
 * decided by magic bytes, never by a file name or a Content-Type. Pure.
 *
 * JPEG: SOI, then segments up to a SOFn frame header (height, width); an EOI marker must follow the
 * scan data (trailing bytes after it are allowed, as phones write them), so a truncated upload is
 * caught here. PNG: signature + IHDR. GIF: logical screen + a count of image descriptors (frames).
 * WebP: RIFF/WEBP with a VP8, VP8L or VP8X chunk (animation frames counted from ANMF chunks).
 */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';

export interface Probe {
  format: ImageFormat;
  width: number;
  height: number;
  frames: number;
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
        if (b[j] === 0xff && b[j + 1] === 0xd9) return { ok: true, probe: { format: 'jpeg', ...size, frames: 1 } };
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
  let frames = 1;
  for (let i = 8; i + 8 <= b.length; ) {
    const len = u32be(b, i);
    if (ascii(b, i + 4, 4) === 'acTL') frames = Math.max(1, u32be(b, i + 8));
    if (ascii(b, i + 4, 4) === 'IDAT') break;
    i += 12 + len;
  }
  return { ok: true, probe: { format: 'png', width: u32be(b, 16), height: u32be(b, 20), frames } };
}

function probeGif(b: Uint8Array): ProbeResult {
  if (b.length < 13) return { ok: false, error: 'Truncated GIF' };
  const width = u16le(b, 6);
  const height = u16le(b, 8);
  let i = 13;
  if (b[10]! & 0x80) i += 3 * (1 << ((b[10]! & 0x07) + 1));
  let frames = 0;
  while (i < b.length) {
    const block = b[i]!;
    if (block === 0x3b) return frames > 0 ? { ok: true, probe: { format: 'gif', width, height, frames } } : { ok: false, error: 'Corrupt GIF: no image' };
    if (block === 0x21) {
      i += 2;
      while (i < b.length && b[i] !== 0) i += b[i]! + 1;
      i += 1;
    } else if (block === 0x2c) {
      frames += 1;
      if (i + 10 > b.length) break;
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

function probeWebp(b: Uint8Array): ProbeResult {
  if (b.length < 30) return { ok: false, error: 'Truncated WebP' };
  if (u32le(b, 4) + 8 > b.length) return { ok: false, error: 'Truncated WebP: the file is shorter than its RIFF header says' };
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return { ok: false, error: 'Corrupt WebP: bad VP8 frame tag' };
    return { ok: true, probe: { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, frames: 1 } };
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return { ok: false, error: 'Corrupt WebP: bad VP8L signature' };
    const bits = u32le(b, 21);
    return { ok: true, probe: { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, frames: 1 } };
  }
  if (chunk === 'VP8X') {
    const width = u24le(b, 24) + 1;
    const height = u24le(b, 27) + 1;
    let frames = 0;
    for (let i = 30 + (u32le(b, 16) - 10); i + 8 <= b.length; ) {
      if (ascii(b, i, 4) === 'ANMF') frames += 1;
      i += 8 + u32le(b, i + 4) + (u32le(b, i + 4) & 1);
    }
    return { ok: true, probe: { format: 'webp', width, height, frames: Math.max(frames, 1) } };
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

export interface ImageLimits {
  maxBytes: number;
  /** Decoded pixels, frames x width x height: the 128 MB isolate bounds what may be decoded. */
  maxPixels: number;
}

export const defaultImageLimits: ImageLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 6_000_000 };

export function checkLimits(probe: Probe, bytes: number, limits: ImageLimits): string | null {
  if (bytes > limits.maxBytes) return `The image is ${bytes} bytes; the limit is ${limits.maxBytes}`;
  const pixels = probe.width * probe.height * probe.frames;
  if (pixels > limits.maxPixels) {
    return `The image is ${probe.width}x${probe.height}${probe.frames > 1 ? ` x ${probe.frames} frames` : ''} = ${pixels} pixels; the limit is ${limits.maxPixels}`;
  }
  return null;
}
