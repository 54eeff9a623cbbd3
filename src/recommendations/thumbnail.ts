/**
 * The visual signature of a product's primary image, read from its 256 px WebP derivative (written
 * by the images pipeline's `derivatives` processor): at most 256x256 RGBA = 256 KB decoded, so it
 * stays far inside the 96 MB image budget, and no original is decoded again. A missing or unreadable
 * derivative yields null: the product is then ranked on text and attributes, never failed for it.
 */
import { derivativeKey } from '../images/store';
import { visualSignature, type VisualSignature } from './visual';

type Decode = (buffer: ArrayBuffer) => Promise<{ data: Uint8ClampedArray; width: number; height: number }>;
let ready: Promise<Decode> | null = null;

function load(): Promise<Decode> {
  ready ??= (async () => {
    const [{ default: decode, init }, wasm] = await Promise.all([
      import('@jsquash/webp/decode'),
      // @ts-expect-error: a .wasm import is a WebAssembly.Module in workerd (wrangler's CompiledWasm rule).
      import('@jsquash/webp/codec/dec/webp_dec.wasm'),
    ]);
    await init((wasm as { default: WebAssembly.Module }).default);
    return decode;
  })();
  return ready;
}

export async function thumbnailSignature(bucket: R2Bucket, tenantId: string, sha256: string): Promise<VisualSignature | null> {
  const object = await bucket.get(derivativeKey(tenantId, sha256, 'thumb'));
  if (!object) return null;
  try {
    const decode = await load();
    const image = await decode(await object.arrayBuffer());
    return visualSignature(image.data, image.width, image.height);
  } catch (err) {
    console.warn(JSON.stringify({ level: 'warn', message: 'thumbnail not readable; ranked without it', tenantId, sha256, error: String(err) }));
    return null;
  }
}
