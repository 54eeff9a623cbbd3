/**
 * Decoding, on photon (wasm). One decoded image at a time per isolate: a 6-megapixel RGBA frame is
 * ~24 MB, and wasm memory grows but never shrinks, so callers decode, derive, and free before the
 * next image. Derivatives use the first frame of animated GIF/WebP.
 *
 * The module is loaded on first use, not at import: the app stays importable where wasm modules
 * cannot load (Node-side tooling reading the OpenAPI document), and requests that never decode an
 * image never pay for it.
 */
import type { PhotonImage } from '@cf-wasm/photon';
import { jpegOrientation } from '../exif';

type Photon = typeof import('@cf-wasm/photon');
let photonModule: Promise<Photon> | null = null;
const loadPhoton = () => (photonModule ??= import('@cf-wasm/photon'));

export interface Decoded {
  image: PhotonImage;
  width: number;
  height: number;
  photon: Photon;
}

/** Decodes and applies EXIF orientation; the caller must `free()` the image. */
export async function decodeOriented(bytes: Uint8Array, format: string): Promise<Decoded> {
  const photon = await loadPhoton();
  let image = photon.PhotonImage.new_from_byteslice(bytes);
  const orientation = format === 'jpeg' ? jpegOrientation(bytes) : 1;
  const swap = (next: PhotonImage) => {
    image.free();
    image = next;
  };
  if (orientation === 3) swap(photon.rotate(image, 180));
  if (orientation === 5 || orientation === 6) swap(photon.rotate(image, 90));
  if (orientation === 7 || orientation === 8) swap(photon.rotate(image, 270));
  if (orientation === 2 || orientation === 5 || orientation === 7) photon.fliph(image);
  if (orientation === 4) photon.flipv(image);
  return { image, width: image.get_width(), height: image.get_height(), photon };
}

/** Whether the decoded image already fits within `maxSide` (then a resize would copy it unchanged). */
export function fits(decoded: Decoded, maxSide: number): boolean {
  return Math.max(decoded.width, decoded.height) <= maxSide;
}

/** A new image whose longer side is at most `maxSide` (never upscaled). */
export function fitWithin(decoded: Decoded, maxSide: number): PhotonImage {
  const scale = Math.min(1, maxSide / Math.max(decoded.width, decoded.height));
  const width = Math.max(1, Math.round(decoded.width * scale));
  const height = Math.max(1, Math.round(decoded.height * scale));
  return decoded.photon.resize(decoded.image, width, height, decoded.photon.SamplingFilter.Triangle);
}
