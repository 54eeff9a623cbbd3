/**
 * `derivatives`: thumb (256 px) and medium (1200 px; a source up to 1320 px keeps its size) WebP
 * versions, EXIF orientation applied, first frame only.
 */
import { derivativeKey } from '../store';
import { fits, fitWithin } from './decode';
import type { Processor } from './processor';
import { encodeWebp, type WebpSettings } from './webp-encode';

export const VARIANTS = { thumb: 256, medium: 1200 } as const;

/**
 * A source whose longest side is at most this factor over the medium's 1200 px (so up to 1320 px)
 * is encoded at its own size as the medium: shrinking a 1280x800 image by 7% took 37 ms of its
 * ~210 ms (photon's resize), for 14% fewer pixels to encode. The image document lists the size.
 * The cost is bytes: the shrink also smoothed sensor noise, so such a medium can be much larger
 * (155 KB instead of 72 KB on the bench's noisy photos). 1 turns the rule off.
 */
export const MEDIUM_NEAR_SIZE = 1.1;

/**
 * Encoder settings per variant, chosen by the size/quality table of `npm run bench:images`
 * (bench/README.md "Images benchmark"). The thumb keeps libwebp's method 4: it is ~4 ms, and a
 * faster method costs 5-20% more bytes there. The medium was ~99 ms of a 1 MP image's ~210 at
 * method 4; method 0 with a lighter deblocking filter (40 instead of 60) encodes it ~4x faster,
 * 3-4% larger, at the same SSIM against the source (within 0.001) and >= 0.95 against the
 * method-4 encode on every bench image.
 */
export const WEBP_SETTINGS: Record<keyof typeof VARIANTS, WebpSettings> = {
  thumb: { quality: 80, method: 4 },
  medium: { quality: 80, method: 0, filter_strength: 40 },
};

export const derivativesProcessor: Processor = {
  name: 'derivatives',
  configHash: 'thumb256-medium1200near1320-webp80-m4-m0f40',
  async run(ctx) {
    const decoded = await ctx.decoded();
    const out: Record<string, unknown> = {};
    for (const variant of Object.keys(VARIANTS) as Array<keyof typeof VARIANTS>) {
      // The thumb is shared with dhash (ctx.fitted, freed by the registry); a resized medium is this
      // step's own. A source that fits (or nearly, for the medium) is encoded as it is.
      const owned = variant === 'medium' && !fits(decoded, Math.floor(VARIANTS.medium * MEDIUM_NEAR_SIZE)) ? fitWithin(decoded, VARIANTS.medium) : null;
      const resized = owned ?? (variant === 'thumb' ? await ctx.fitted(VARIANTS.thumb) : decoded.image);
      try {
        const width = resized.get_width();
        const height = resized.get_height();
        const webp = await encodeWebp(resized.get_raw_pixels(), width, height, WEBP_SETTINGS[variant]);
        const key = derivativeKey(ctx.tenantId, ctx.sha256, variant);
        // No HEAD first: a derivative is a pure function of the original's bytes and this step's
        // configuration, so writing it again replaces it with an equivalent one (one R2 call less).
        await ctx.env.IMAGES.put(key, webp, { httpMetadata: { contentType: 'image/webp' } });
        out[variant] = { key, width, height, bytes: webp.length, format: 'webp' };
      } finally {
        owned?.free();
      }
    }
    return { ok: true, result: out };
  },
};
