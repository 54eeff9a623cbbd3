/**
 * Lossy WebP encoding with @jsquash/webp (libwebp in wasm). The wasm module is imported so wrangler
 * bundles it; workerd has SIMD, which is the build jsquash picks.
 */
import encode, { init } from '@jsquash/webp/encode';
// @ts-expect-error: a .wasm import is a WebAssembly.Module in workerd (wrangler's CompiledWasm rule).
import webpSimdModule from '@jsquash/webp/codec/enc/webp_enc_simd.wasm';

let ready: Promise<unknown> | null = null;

export async function encodeWebp(rgba: Uint8Array, width: number, height: number, quality = 80): Promise<Uint8Array> {
  ready ??= init(webpSimdModule as WebAssembly.Module);
  await ready;
  const data = { data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height, colorSpace: 'srgb' } as unknown as Parameters<typeof encode>[0];
  return new Uint8Array(await encode(data, { quality }));
}
