/** `derivatives`: thumb (256 px) and medium (1200 px) WebP versions, EXIF orientation applied, first frame only. */
import { derivativeKey } from '../store';
import { fitWithin } from './decode';
import type { Processor } from './processor';
import { encodeWebp, type WebpSettings } from './webp-encode';

export const VARIANTS = { thumb: 256, medium: 1200 } as const;

/**
 * Encoder settings per variant, chosen by the size/quality table of `npm run bench:images`
 * (bench/README.md "Images benchmark"). The thumb keeps libwebp's method 4: it is ~4 ms, and a
 * faster method costs 5-20% more bytes there. The medium was ~99 ms of a 1 MP image's ~210 at
 * method 4; method 0 with a lighter deblocking filter (40 instead of 60) encodes it ~4x faster,
 * ~3% larger, at the same SSIM against the source (-0.0004) and 0.969 against the method-4 encode.
 */
export const WEBP_SETTINGS: Record<keyof typeof VARIANTS, WebpSettings> = {
  thumb: { quality: 80, method: 4 },
  medium: { quality: 80, method: 0, filter_strength: 40 },
};

export const derivativesProcessor: Processor = {
  name: 'derivatives',
  configHash: 'thumb256-medium1200-webp80-m4-m0f40',
  async run(ctx) {
    const decoded = await ctx.decoded();
    const out: Record<string, unknown> = {};
    for (const variant of Object.keys(VARIANTS) as Array<keyof typeof VARIANTS>) {
      // The thumb is shared with dhash (ctx.fitted); the medium is this step's own and freed here.
      const resized = variant === 'thumb' ? await ctx.fitted(VARIANTS.thumb) : fitWithin(decoded, VARIANTS[variant]);
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
        if (variant !== 'thumb') resized.free();
      }
    }
    return { ok: true, result: out };
  },
};
