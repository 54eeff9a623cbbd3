/** `derivatives`: thumb (256 px) and medium (1200 px) WebP versions, EXIF orientation applied, first frame only. */
import { derivativeKey, putIfAbsent } from '../store';
import { fitWithin } from './decode';
import type { Processor } from './processor';
import { encodeWebp } from './webp-encode';

export const VARIANTS = { thumb: 256, medium: 1200 } as const;

export const derivativesProcessor: Processor = {
  name: 'derivatives',
  configHash: 'thumb256-medium1200-webp80',
  async run(ctx) {
    const decoded = await ctx.decoded();
    const out: Record<string, unknown> = {};
    for (const [variant, side] of Object.entries(VARIANTS)) {
      const resized = fitWithin(decoded, side);
      try {
        const width = resized.get_width();
        const height = resized.get_height();
        const webp = await encodeWebp(resized.get_raw_pixels(), width, height);
        const key = derivativeKey(ctx.tenantId, ctx.sha256, variant);
        await putIfAbsent(ctx.env.IMAGES, key, webp, 'image/webp');
        out[variant] = { key, width, height, bytes: webp.length, format: 'webp' };
      } finally {
        resized.free();
      }
    }
    return { ok: true, result: out };
  },
};
