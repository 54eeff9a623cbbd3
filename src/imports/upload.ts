/**
 * Streaming an import body into R2 without holding it: gzip bodies are decompressed on the way in,
 * bytes are hashed as they pass (crypto.DigestStream), and written as an R2 multipart upload of
 * fixed-size parts (R2 wants every part but the last the same size), so memory stays at one part
 * whatever the file's size and whether or not its length is known.
 */
import { toHex } from '../lib/crypto';

const PART_BYTES = 8 * 1024 * 1024;

export interface StoredFile {
  bytes: number;
  sha256: string;
}

export async function streamToR2(bucket: R2Bucket, key: string, body: ReadableStream<Uint8Array>, contentType: string, maxBytes: number): Promise<StoredFile> {
  const digest = new crypto.DigestStream('SHA-256');
  const hashWriter = digest.getWriter();
  const upload = await bucket.createMultipartUpload(key, { httpMetadata: { contentType } });
  const parts: R2UploadedPart[] = [];
  const reader = body.getReader();
  let buffer = new Uint8Array(PART_BYTES);
  let filled = 0;
  let total = 0;
  const flush = async () => {
    parts.push(await upload.uploadPart(parts.length + 1, buffer.subarray(0, filled)));
    buffer = new Uint8Array(PART_BYTES);
    filled = 0;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new RangeError(`The file is larger than ${maxBytes} bytes`);
      await hashWriter.write(value);
      let offset = 0;
      while (offset < value.byteLength) {
        const take = Math.min(PART_BYTES - filled, value.byteLength - offset);
        buffer.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === PART_BYTES) await flush();
      }
    }
    if (filled > 0 || parts.length === 0) await flush();
    await hashWriter.close();
    await upload.complete(parts);
  } catch (err) {
    await upload.abort().catch(() => {});
    throw err;
  }
  return { bytes: total, sha256: toHex(await digest.digest) };
}
