/**
 * Compressed ancillary PNG chunks, checked before any decode. The decode budget counts pixels, but a
 * PNG's colour profile (`iCCP`) and compressed text (`zTXt`, `iTXt` with its compression flag set)
 * are zlib streams the decoder inflates whole: a 16x16 PNG of 306 KB whose profile inflates to 300 MB
 * took the isolate to ~1.1 GB. So each such stream is inflated here, streaming and counting bytes,
 * and the image is refused as soon as one passes its bound. Nothing inflated is kept.
 *
 * Bounds: real ICC profiles are under 600 KB (v4 profiles with large LUTs), compressed text is
 * metadata: 1 MiB per chunk leaves room for both. All chunks together may inflate to 4 MiB, so a file
 * of thousands of small chunks (each under the per-chunk bound) cannot buy gigabytes of inflate work.
 */

export const MAX_INFLATED_CHUNK = 1024 * 1024;
export const MAX_INFLATED_TOTAL = 4 * 1024 * 1024;

const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

interface CompressedChunk {
  type: string;
  /** The zlib stream inside the chunk's data. */
  stream: Uint8Array;
}

/** Offset just past the NUL ending a Latin-1 string that starts at `from`, or -1. */
function afterNul(data: Uint8Array, from: number): number {
  const at = data.indexOf(0, from);
  return at < 0 ? -1 : at + 1;
}

/** The compressed streams of a PNG's iCCP, zTXt and compressed iTXt chunks (layout per PNG spec 11.3). Pure. */
export function compressedChunks(b: Uint8Array): CompressedChunk[] {
  const found: CompressedChunk[] = [];
  for (let i = 8; i + 8 <= b.length; ) {
    const len = u32be(b, i);
    const type = ascii(b, i + 4, 4);
    if (type === 'IEND') break;
    const data = b.subarray(i + 8, Math.min(i + 8 + len, b.length));
    if (type === 'iCCP' || type === 'zTXt') {
      // name or keyword, NUL, compression method (0 = zlib), stream
      const at = afterNul(data, 0);
      if (at > 0 && at < data.length) found.push({ type, stream: data.subarray(at + 1) });
    } else if (type === 'iTXt') {
      // keyword, NUL, compression flag, compression method, language tag, NUL, translated keyword, NUL, text
      const flagAt = afterNul(data, 0);
      if (flagAt > 0 && data[flagAt] === 1) {
        const translatedAt = afterNul(data, flagAt + 2);
        const textAt = translatedAt > 0 ? afterNul(data, translatedAt) : -1;
        if (textAt > 0) found.push({ type, stream: data.subarray(textAt) });
      }
    }
    i += 12 + len;
  }
  return found;
}

/** Inflates `stream`, stopping once more than `limit` bytes came out; returns the bytes counted (at most limit + one read). */
async function inflatedSize(stream: Uint8Array, limit: number): Promise<number> {
  const reader = new Blob([stream]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > limit) return total;
    }
  } catch {
    // A corrupt stream: what it produced so far is all a decoder could inflate from it either.
    return total;
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Null when every compressed ancillary chunk of this PNG inflates within the bounds, else the refusal. */
export async function checkCompressedChunks(bytes: Uint8Array, perChunk = MAX_INFLATED_CHUNK, total = MAX_INFLATED_TOTAL): Promise<string | null> {
  let spent = 0;
  for (const chunk of compressedChunks(bytes)) {
    const size = await inflatedSize(chunk.stream, Math.min(perChunk, total - spent));
    if (size > perChunk) {
      const what = chunk.type === 'iCCP' ? 'colour profile (iCCP chunk)' : `compressed text (${chunk.type} chunk)`;
      return `The PNG's ${what} inflates to more than ${perChunk} bytes; the limit is ${perChunk} (checked before decoding)`;
    }
    spent += size;
    if (spent > total) return `The PNG's compressed chunks inflate to more than ${total} bytes together; the limit is ${total} (checked before decoding)`;
  }
  return null;
}

/** The same check for any probed image: only PNG carries such chunks. */
export function checkAncillary(format: string, bytes: Uint8Array): Promise<string | null> {
  return format === 'png' ? checkCompressedChunks(bytes) : Promise.resolve(null);
}
