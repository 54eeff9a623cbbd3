/**
 * The pixels every processor works from. Within the in-isolate decode budget (AppOptions.images):
 * the original, decoded here. Over it: the Images binding, which runs outside the isolate, scales
 * the original down to the largest derivative's size first (one transformation per image), and
 * only that copy is decoded here: a 12 MP phone photo then costs the isolate a 1.2 MP decode.
 *
 * Why not scale while decoding in the isolate (libjpeg's DCT scaling): none of the wasm JPEG
 * decoders on npm exposes it (jsquash's mozjpeg `decode(buffer, {preserveOrientation})`, the
 * libjpeg-turbo builds' `decode(source)`), and every full decode then copies the RGBA out of wasm,
 * so a 12 MP JPEG holds >= 2 x 48 MB before any resize: over the 96 MB budget either way.
 */
import type { Env } from '../../env';
import { checkAncillary } from '../png-ancillary';
import { checkLimits, type ImageLimits, overIsolateBudget, probeImage } from '../probe';
import { type Decoded, decodeOriented } from './decode';
import { VARIANTS } from './derivatives';

/** The longest side the binding scales to: the largest derivative's (`medium`, 1200 px). */
export const TRANSFORM_SIDE = Math.max(...Object.values(VARIANTS));

/** A refusal whose message is written for the client (it becomes the image's `error`). */
export class ImageRefused extends Error {}

/** The Images binding failed in a way that may pass on a later attempt. */
export class TransformUnavailable extends Error {}

export async function decodeForProcessing(env: Env, bytes: Uint8Array, limits: ImageLimits): Promise<Decoded> {
  // Probed again from the bytes: an image whose probe came from the blobs table (a URL seen
  // before) is routed by the same rule as a fresh one.
  const probed = probeImage(bytes);
  if (!probed.ok) throw new ImageRefused(probed.error);
  const bomb = await checkAncillary(probed.probe.format, bytes);
  if (bomb) throw new ImageRefused(bomb);
  if (!overIsolateBudget(probed.probe, limits)) return decodeOriented(bytes, probed.probe.format);
  const refused = checkLimits(probed.probe, bytes.length, limits, env.IMAGE_TRANSFORMS !== undefined);
  if (refused || !env.IMAGE_TRANSFORMS) throw new ImageRefused(refused ?? 'The image is over the decode budget');
  // The binding applies EXIF orientation itself; the PNG it returns carries none.
  return decodeOriented(await downscale(env.IMAGE_TRANSFORMS, bytes), 'png');
}

async function downscale(binding: ImagesBinding, bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const result = await binding
      .input(new Blob([bytes]).stream())
      .transform({ width: TRANSFORM_SIDE, height: TRANSFORM_SIDE, fit: 'scale-down' })
      .output({ format: 'image/png', anim: false });
    return new Uint8Array(await new Response(result.image()).arrayBuffer());
  } catch (err) {
    // 94xx: the binding could not read or accept this input (not an image, too large, ...): final.
    const code = (err as { code?: unknown })?.code;
    if (typeof code === 'number' && code >= 9400 && code < 9500) throw new ImageRefused(`The Images binding could not process this image (error ${code})`);
    throw new TransformUnavailable(`The Images binding is unavailable: ${String(err)}`);
  }
}
