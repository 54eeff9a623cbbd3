/**
 * Uploaded image bytes (base64 in JSON, or multipart file parts) go to R2 before the D1 write, one
 * image at a time, and the document keeps only their sha256: bytes never ride in D1 rows or queue
 * messages. Each stored object gets a `blobs` row marked orphaned until an image references it, so
 * bytes left behind by a write that then failed are removed by the cron's orphan sweep.
 */
import type { ImageDoc } from './image-doc';
import type { FieldError } from '../http/problem';
import { base64ToBytes } from '../lib/base64';
import { detectFormat, MIME } from './probe';
import { blobKey, putIfAbsent, sha256Of } from './store';
import { BLOB_EXISTS, type FoundRow, INSERT_UPLOADED_BLOB } from './images.queries';

export interface UploadedFile {
  sha256: string;
  fileName: string | null;
}

export interface UploadContext {
  db: D1Database;
  bucket: R2Bucket;
  tenantId: string;
  maxBytes: number;
}

/** Stores bytes content-addressed and records them (orphaned until referenced). */
export async function storeUpload(ctx: UploadContext, bytes: Uint8Array): Promise<string> {
  const format = detectFormat(bytes);
  const sha256 = await sha256Of(bytes);
  const now = Date.now();
  // The row first: if the put then fails, the sweep finds nothing in R2 and drops the row.
  await ctx.db
    .prepare(INSERT_UPLOADED_BLOB)
    .bind(ctx.tenantId, sha256, bytes.length, now)
    .run();
  await putIfAbsent(ctx.bucket, blobKey(ctx.tenantId, sha256), bytes, format ? MIME[format] : 'application/octet-stream', sha256);
  return sha256;
}

/**
 * Replaces `base64` and `fileKey` sources with `{sha256, fileName}`, and checks `sha256` sources name
 * bytes this tenant has. Returns field errors (JSON Pointers into the product) instead of throwing.
 */
export async function materializeUploads(ctx: UploadContext, doc: { images?: ImageDoc[] }, files: Map<string, UploadedFile> | null): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [i, image] of (doc.images ?? []).entries()) {
    const source = image.source as { url?: string; fileKey?: string; base64?: string; fileName?: string; sha256?: string };
    const path = `/images/${i}/source`;
    let stored: ImageDoc['source'] | null = null;
    if (source.base64 !== undefined) {
      const bytes = base64ToBytes(source.base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, ''));
      if (!bytes) errors.push({ path: `${path}/base64`, message: 'Not valid base64' });
      else if (bytes.length > ctx.maxBytes) errors.push({ path: `${path}/base64`, message: `The image is ${bytes.length} bytes; the limit is ${ctx.maxBytes}` });
      else stored = { sha256: await storeUpload(ctx, bytes), ...(source.fileName ? { fileName: source.fileName } : {}) };
    } else if (source.fileKey !== undefined) {
      const file = files?.get(source.fileKey);
      if (!file) {
        errors.push({
          path: `${path}/fileKey`,
          message: files ? `No file part named "${source.fileKey}" in this request` : 'fileKey needs a multipart/form-data request carrying the file',
        });
      } else {
        stored = { sha256: file.sha256, ...(file.fileName ? { fileName: file.fileName } : {}) };
      }
    } else if (source.sha256 !== undefined) {
      const known = await ctx.db.prepare(BLOB_EXISTS).bind(ctx.tenantId, source.sha256).first<FoundRow>();
      if (!known) errors.push({ path: `${path}/sha256`, message: 'No uploaded bytes with this sha256' });
      else stored = { sha256: source.sha256, ...(source.fileName ? { fileName: source.fileName } : {}) };
    }
    if (stored) image.source = stored;
  }
  return errors;
}
