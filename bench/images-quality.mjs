/**
 * The WebP size/quality table for bench/images.mjs: the derivatives' encoder settings (quality,
 * method = libwebp's speed/effort 0-6) on the bench's own photo-like sources, with the app's codecs
 * run in Node (photon's Node build for the resize, @jsquash/webp's wasm encoder and decoder: the
 * same wasm the Worker runs, so sizes and pixels are the Worker's). Quality is SSIM (bench/ssim.mjs)
 * of the decoded WebP against (a) the resized source pixels, the truth, and (b) the reference encode
 * (`REFERENCE`, the setting of the code before the change), the floor the issue asks for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as photon from '@cf-wasm/photon/node';
import encode, { init as initEncoder } from '@jsquash/webp/encode.js';
import decode, { init as initDecoder } from '@jsquash/webp/decode.js';
import { percentile, round } from './harness.mjs';
import { ssim } from './ssim.mjs';

export const REFERENCE = { quality: 80, method: 4 };
const SETTINGS = [
  { quality: 80, method: 4 },
  { quality: 80, method: 2 },
  { quality: 80, method: 1 },
  { quality: 80, method: 0 },
  { quality: 80, method: 1, filter_strength: 40 },
  { quality: 80, method: 0, filter_strength: 40 },
  { quality: 81, method: 0, filter_strength: 40 },
  { quality: 75, method: 4 },
  { quality: 80, method: 6 },
];
/** SSIM against the reference encode at or above this, and against the source no worse than the reference's by more than SOURCE_TOLERANCE. */
export const SSIM_FLOOR = 0.95;
const SOURCE_TOLERANCE = 0.001;

let ready = null;
function codecs() {
  ready ??= (async () => {
    const codec = join(dirname(createRequire(import.meta.url).resolve('@jsquash/webp/encode.js')), 'codec');
    await initEncoder(await WebAssembly.compile(readFileSync(join(codec, 'enc', 'webp_enc_simd.wasm'))));
    await initDecoder(await WebAssembly.compile(readFileSync(join(codec, 'dec', 'webp_dec.wasm'))));
  })();
  return ready;
}

function fit(image, side) {
  const scale = Math.min(1, side / Math.max(image.get_width(), image.get_height()));
  const width = Math.max(1, Math.round(image.get_width() * scale));
  const height = Math.max(1, Math.round(image.get_height() * scale));
  const resized = photon.resize(image, width, height, photon.SamplingFilter.Triangle);
  try {
    return { rgba: resized.get_raw_pixels(), width, height };
  } finally {
    resized.free();
  }
}

async function webp(pixels, setting) {
  const started = performance.now();
  const bytes = new Uint8Array(await encode({ data: new Uint8ClampedArray(pixels.rgba.buffer, pixels.rgba.byteOffset, pixels.rgba.byteLength), width: pixels.width, height: pixels.height }, setting));
  const ms = performance.now() - started;
  const decoded = await decode(bytes);
  return { bytes: bytes.length, ms, rgba: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength) };
}

/**
 * `sources`: RGBA photos {rgba, width, height}. Answers one row per setting and variant: mean bytes,
 * median encode ms (Node, this machine), mean and min SSIM against the source and the reference.
 */
export async function qualityTable(sources, variants = { thumb: 256, medium: 1200 }) {
  await codecs();
  const rows = [];
  for (const [variant, side] of Object.entries(variants)) {
    const inputs = sources.map((s) => {
      const image = new photon.PhotonImage(s.rgba, s.width, s.height);
      try {
        return fit(image, side);
      } finally {
        image.free();
      }
    });
    const references = await Promise.all(inputs.map((p) => webp(p, REFERENCE)));
    for (const setting of SETTINGS) {
      const out = [];
      for (const [i, input] of inputs.entries()) {
        const encoded = await webp(input, setting);
        out.push({ ...encoded, vsSource: ssim(input.rgba, encoded.rgba, input.width, input.height), vsReference: ssim(references[i].rgba, encoded.rgba, input.width, input.height) });
      }
      const mean = (key) => out.reduce((t, o) => t + o[key], 0) / out.length;
      rows.push({
        variant,
        size: `${inputs[0].width}x${inputs[0].height}`,
        quality: setting.quality,
        method: setting.method,
        filterStrength: setting.filter_strength ?? 60,
        meanBytes: Math.round(mean('bytes')),
        encodeMsMedian: round(percentile(out.map((o) => o.ms), 50)),
        ssimVsSource: round(mean('vsSource'), 4),
        ssimVsSourceMin: round(Math.min(...out.map((o) => o.vsSource)), 4),
        ssimVsReference: round(mean('vsReference'), 4),
        ssimVsReferenceMin: round(Math.min(...out.map((o) => o.vsReference)), 4),
      });
    }
  }
  for (const row of rows) {
    const reference = rows.find((r) => r.variant === row.variant && r.size === row.size && r.quality === REFERENCE.quality && r.method === REFERENCE.method && r.filterStrength === 60);
    row.bytesVsReference = round(row.meanBytes / reference.meanBytes, 3);
    row.encodeSpeedup = round(reference.encodeMsMedian / row.encodeMsMedian, 2);
    row.passes = row.ssimVsReferenceMin >= SSIM_FLOOR && row.ssimVsSource >= reference.ssimVsSource - SOURCE_TOLERANCE;
  }
  return rows;
}
