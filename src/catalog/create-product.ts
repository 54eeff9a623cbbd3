/**
 * POST /v1/products: create or replace a product whose id is in the body, as JSON, or as
 * multipart/form-data with the JSON in a `data` field and image files in parts named by
 * `images[].source.fileKey` (seed 003's shape). The multipart body is parsed as a stream: each file
 * part (<= 10 MB) is hashed and put to R2 as it arrives, then dropped, so a request of many images
 * never sits in memory whole.
 */
import { MaxFileSizeExceededError, MultipartParseError, parseMultipartRequest } from '@remix-run/multipart-parser';
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../http/problem';
import { parseJsonWithin } from '../lib/json-depth';
import { defaultImageLimits } from '../images/probe';
import { storeUpload, type UploadedFile } from '../images/uploads';
import { type CatalogContext, putProduct, type SingleWrite, type WriteOptions } from './products.service';

export const MAX_MULTIPART_PARTS = 41;

export async function readMultipart(c: Context<AppEnv>, ctx: CatalogContext): Promise<{ data: unknown; files: Map<string, UploadedFile> }> {
  const files = new Map<string, UploadedFile>();
  let data: unknown = undefined;
  const maxBytes = defaultImageLimits.maxBytes;
  try {
    for await (const part of parseMultipartRequest(c.req.raw, { maxFileSize: maxBytes, maxParts: MAX_MULTIPART_PARTS, maxTotalSize: 100 * 1024 * 1024 })) {
      if (!part.name) continue;
      if (part.name === 'data' && !part.isFile) {
        const parsed = parseJsonWithin(part.text);
        if (!parsed.ok) throw new ApiError('bad_request', `The "data" field is not valid JSON: ${parsed.message}`);
        data = parsed.value;
      } else if (part.isFile) {
        if (files.has(part.name)) throw new ApiError('validation_failed', 'Duplicate file part', [{ path: part.name, message: 'Each file part needs its own name' }]);
        const sha256 = await storeUpload({ db: ctx.db, bucket: ctx.bucket, tenantId: ctx.tenant.id, maxBytes }, part.bytes);
        files.set(part.name, { sha256, fileName: part.filename ?? null });
      }
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof MaxFileSizeExceededError) throw new ApiError('payload_too_large', `Each file must be at most ${maxBytes} bytes`);
    if (err instanceof MultipartParseError) throw new ApiError('bad_request', `The multipart body could not be parsed: ${err.message}`);
    throw err;
  }
  if (data === undefined) throw new ApiError('validation_failed', 'The product JSON goes in a "data" field', [{ path: 'data', message: 'Required' }]);
  return { data, files };
}

export async function createProduct(c: Context<AppEnv>, ctx: CatalogContext, options: WriteOptions = {}): Promise<SingleWrite> {
  const type = c.req.header('content-type') ?? '';
  let body: unknown;
  let files: Map<string, UploadedFile> | null = null;
  if (/^multipart\/form-data/i.test(type)) {
    if (c.req.header('idempotency-key')) {
      // Hashing the body would mean buffering it whole. Re-sending an upload is safe anyway: the
      // same bytes have the same hash, and a write that changes nothing changes nothing.
      throw new ApiError('validation_failed', 'Idempotency-Key is not supported on multipart uploads', [
        { path: 'header.idempotency-key', message: 'Re-send the upload instead: identical content is stored once and changes nothing' },
      ]);
    }
    ({ data: body, files } = await readMultipart(c, ctx));
  } else if (/^application\/(?:[a-z0-9.+-]+\+)?json/i.test(type)) {
    // Read and parsed (depth-checked) by requireJson() on the route; only an empty body fails here.
    try {
      body = await c.req.json();
    } catch {
      throw new ApiError('bad_request', 'The request body is not valid JSON');
    }
  } else {
    throw new ApiError('unsupported_media_type', 'Send application/json, or multipart/form-data with a "data" field');
  }
  const id = body !== null && typeof body === 'object' ? (body as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') throw new ApiError('validation_failed', 'The product is not valid', [{ path: '/id', message: 'Required' }]);
  return putProduct(ctx, id, body, files, 'products.post', null, options);
}
