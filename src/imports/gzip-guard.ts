/**
 * A gzip body decompressed on the way in, refused once it expands more than `maxRatio` to 1: a
 * ~1 KB upload can inflate to 100 MB of one repeated byte, which costs the upload and every chunk
 * of the import for nothing. Real feeds compress 3-20:1. Output below MIN_CHECKED_BYTES is never
 * refused for its ratio (a tiny file may compress oddly and costs nothing).
 */
export const MIN_CHECKED_BYTES = 1024 * 1024;

export class ExpansionRefused extends Error {
  constructor(
    readonly ratio: number,
    readonly maxRatio: number,
  ) {
    super(`The gzip body expands more than ${maxRatio}:1 (${ratio}:1 when it was stopped)`);
  }
}

/**
 * Pure rule. `compressed` may count bytes the decompressor has read but not yet expanded, so the
 * ratio seen mid-stream is never above the true one: nothing is refused early by mistake.
 */
export function expansionRefused(compressed: number, expanded: number, maxRatio: number): boolean {
  return expanded > MIN_CHECKED_BYTES && expanded > compressed * maxRatio;
}

export function gunzipWithRatioLimit(body: ReadableStream<Uint8Array>, maxRatio: number): ReadableStream<Uint8Array> {
  let compressed = 0;
  let expanded = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        compressed += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  return counted.pipeThrough(new DecompressionStream('gzip')).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        expanded += chunk.byteLength;
        if (expansionRefused(compressed, expanded, maxRatio)) throw new ExpansionRefused(Math.floor(expanded / Math.max(1, compressed)), maxRatio);
        controller.enqueue(chunk);
      },
    }),
  );
}
