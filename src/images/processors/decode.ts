/**
 * Decoding, on photon (wasm). One decoded image at a time per isolate: a 6-megapixel RGBA frame is
 * ~24 MB, and wasm memory grows but never shrinks, so callers decode, derive, and free before the
 * next image. Derivatives use the first frame of animated GIF/WebP.
 */
import { PhotonImage, SamplingFilter, fliph, flipv, resize, rotate } from '@cf-wasm/photon';
import { jpegOrientation } from '../exif';

export interface Decoded {
  image: PhotonImage;
  width: number;
  height: number;
}

/** Decodes and applies EXIF orientation; the caller must `free()` the image. */
export function decodeOriented(bytes: Uint8Array, format: string): Decoded {
  let image = PhotonImage.new_from_byteslice(bytes);
  const orientation = format === 'jpeg' ? jpegOrientation(bytes) : 1;
  const swap = (next: PhotonImage) => {
    image.free();
    image = next;
  };
  if (orientation === 3) swap(rotate(image, 180));
  if (orientation === 5 || orientation === 6) swap(rotate(image, 90));
  if (orientation === 7 || orientation === 8) swap(rotate(image, 270));
  if (orientation === 2 || orientation === 5 || orientation === 7) fliph(image);
  if (orientation === 4) flipv(image);
  return { image, width: image.get_width(), height: image.get_height() };
}

/** A new image whose longer side is at most `maxSide` (never upscaled). */
export function fitWithin(decoded: Decoded, maxSide: number): PhotonImage {
  const scale = Math.min(1, maxSide / Math.max(decoded.width, decoded.height));
  const width = Math.max(1, Math.round(decoded.width * scale));
  const height = Math.max(1, Math.round(decoded.height * scale));
  return resize(decoded.image, width, height, SamplingFilter.Triangle);
}

export function resizeExact(image: PhotonImage, width: number, height: number): PhotonImage {
  return resize(image, width, height, SamplingFilter.Triangle);
}
