/** `dhash`: a 64-bit perceptual hash of the (oriented) first frame, for near-duplicate lookups. */
import { resizeExact } from './decode';
import { dhashFromRgba } from './dhash';
import type { Processor } from './processor';

export const dhashProcessor: Processor = {
  name: 'dhash',
  configHash: 'dhash64-9x8',
  async run(ctx) {
    const decoded = await ctx.decoded();
    const small = resizeExact(decoded, 9, 8);
    try {
      return { ok: true, result: { hash: dhashFromRgba(small.get_raw_pixels()) } };
    } finally {
      small.free();
    }
  },
};
