/**
 * Lossy WebP encoding with @jsquash/webp (libwebp in wasm). The wasm module is imported (so wrangler
 * bundles it; workerd has SIMD, which is the build jsquash picks), lazily, like photon's.
 */
let ready: Promise<(data: Parameters<typeof import('@jsquash/webp/encode').default>[0], options: { quality: number }) => Promise<ArrayBuffer>> | null = null;

function load() {
  ready ??= (async () => {
    const [{ default: encode, init }, wasm] = await Promise.all([
      import('@jsquash/webp/encode'),
      // @ts-expect-error: a .wasm import is a WebAssembly.Module in workerd (wrangler's CompiledWasm rule).
      import('@jsquash/webp/codec/enc/webp_enc_simd.wasm'),
    ]);
    await init((wasm as { default: WebAssembly.Module }).default);
    return encode;
  })();
  return ready;
}

export async function encodeWebp(rgba: Uint8Array, width: number, height: number, quality = 80): Promise<Uint8Array> {
  const encode = await load();
  const data = { data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height, colorSpace: 'srgb' } as unknown as Parameters<typeof encode>[0];
  return new Uint8Array(await encode(data, { quality }));
}
