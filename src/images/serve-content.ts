/**
 * Serving stored bytes from R2: the original or a derivative, with the stored Content-Type (decided
 * from magic bytes at ingest), an ETag, conditional GET (304) and single byte ranges (206).
 * `immutable` when the URL pins the content (`v=sha256`), else `no-cache` so clients revalidate.
 */
import { ApiError } from '../http/problem';
import { blobKey, derivativeKey } from './store';
import type { Variant } from './image-url';

export async function serveContent(
  bucket: R2Bucket,
  tenantId: string,
  sha256: string,
  variant: Variant,
  request: Request,
  immutable: boolean,
): Promise<Response> {
  const key = variant === 'original' ? blobKey(tenantId, sha256) : derivativeKey(tenantId, sha256, variant);
  const etag = `"${sha256}${variant === 'original' ? '' : `-${variant}`}"`;
  const cacheControl = immutable ? 'private, max-age=604800, immutable' : 'private, no-cache';
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl } });
  }
  const head = await bucket.head(key);
  if (!head) throw new ApiError('not_found', variant === 'original' ? 'The image bytes are not stored' : `No ${variant} derivative exists for this image`);

  const size = head.size;
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}`, etag } });
  }
  const object = await bucket.get(key, range ? { range: { offset: range.start, length: range.end - range.start + 1 } } : {});
  if (!object) throw new ApiError('not_found', 'The image bytes are not stored');
  const headers: Record<string, string> = {
    'content-type': head.httpMetadata?.contentType ?? 'application/octet-stream',
    etag,
    'cache-control': cacheControl,
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
  };
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['content-length'] = String(range.end - range.start + 1);
    return new Response(object.body, { status: 206, headers });
  }
  headers['content-length'] = String(size);
  return new Response(object.body, { status: 200, headers });
}

/** One `bytes=` range (the common case); several ranges are served whole, as RFC 9110 allows. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** RFC 9110 If-None-Match: `*`, or a list of tags compared weakly (a `W/` prefix is ignored). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}
