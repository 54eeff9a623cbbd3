/**
 * `dhash`: a 64-bit perceptual hash of the (oriented) first frame, for near-duplicate lookups.
 * Shrunk from the 256 px thumb the derivatives step made (ctx.fitted), not from the full image:
 * 0.5 ms instead of ~10-16 ms for 1 MP, and the same hash on every image the bench compared (the
 * 9x8 triangle filter averages over ~28 thumb pixels per cell either way).
 */
import { VARIANTS } from './derivatives';
import { dhashFromRgba } from './dhash';
import type { Processor } from './processor';

export const dhashProcessor: Processor = {
  name: 'dhash',
  configHash: 'dhash64-9x8',
  async run(ctx) {
    const { photon } = await ctx.decoded();
    const small = photon.resize(await ctx.fitted(VARIANTS.thumb), 9, 8, photon.SamplingFilter.Triangle);
    try {
      return { ok: true, result: { hash: dhashFromRgba(small.get_raw_pixels()) } };
    } finally {
      small.free();
    }
  },
};
