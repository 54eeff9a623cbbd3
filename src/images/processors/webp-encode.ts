/**
 * Lossy WebP encoding with @jsquash/webp (libwebp in wasm). The wasm module is imported (so wrangler
 * bundles it; workerd has SIMD, which is the build jsquash picks), lazily, like photon's.
 */
export interface WebpSettings {
  /** 0-100. */
  quality: number;
  /** libwebp's effort, 0 (fastest) - 6; jsquash's default is 4. */
  method?: number;
  /** Deblocking filter strength, 0-100; jsquash's default is 60. */
  filter_strength?: number;
}

type Encode = (data: Parameters<typeof import('@jsquash/webp/encode').default>[0], options: WebpSettings) => Promise<ArrayBuffer>;
let ready: Promise<Encode> | null = null;

function load() {
  ready ??= (async () => {
    const [{ default: encode, init }, wasm] = await Promise.all([
      import('@jsquash/webp/encode'),
      // @ts-expect-error: a .wasm import is a WebAssembly.Module in workerd (wrangler's CompiledWasm rule).
      import('@jsquash/webp/codec/enc/webp_enc_simd.wasm'),
    ]);
    await init((wasm as { default: WebAssembly.Module }).default);
    return encode as Encode;
  })();
  return ready;
}

export async function encodeWebp(rgba: Uint8Array, width: number, height: number, settings: WebpSettings = { quality: 80 }): Promise<Uint8Array> {
  const encode = await load();
  const data = { data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height, colorSpace: 'srgb' } as unknown as Parameters<Encode>[0];
  return new Uint8Array(await encode(data, settings));
}
