/**
 * Content-addressed storage in R2: the original at `{tenant}/{sha256}`, derivatives beside it at
 * `{tenant}/{sha256}/{variant}.webp`. Writes are put-if-absent (identical bytes are never stored
 * twice) and carry the sha256, so R2 itself checks the bytes arrived intact.
 */
import { toHex } from '../lib/crypto';
import { MIME, type ImageFormat } from './probe';

export const blobKey = (tenantId: string, sha256: string) => `${tenantId}/${sha256}`;
export const derivativeKey = (tenantId: string, sha256: string, variant: string) => `${tenantId}/${sha256}/${variant}.webp`;

export async function sha256Of(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}

export async function putIfAbsent(bucket: R2Bucket, key: string, bytes: Uint8Array, contentType: string, sha256?: string): Promise<boolean> {
  if (await bucket.head(key)) return false;
  await bucket.put(key, bytes, { httpMetadata: { contentType }, ...(sha256 ? { sha256 } : {}) });
  return true;
}

export async function storeOriginal(bucket: R2Bucket, tenantId: string, bytes: Uint8Array, format: ImageFormat): Promise<string> {
  const sha256 = await sha256Of(bytes);
  await putIfAbsent(bucket, blobKey(tenantId, sha256), bytes, MIME[format], sha256);
  return sha256;
}
