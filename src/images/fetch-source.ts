/**
 * Fetching an image URL cheaply and safely: through the outbound guard (redirects re-checked, at
 * most 3; a timeout; the byte cap enforced while streaming), and not at all when the same URL gave
 * bytes in the last 24 h (unless the write asked `?refresh=true`); an older one is revalidated with
 * If-None-Match / If-Modified-Since, and a 304 reuses the stored bytes.
 */
import type { Env } from '../env';
import { guardedFetch } from '../outbound/guarded-fetch';
import { policyFromEnv } from '../outbound/policy';
import { SELECT_URL_CACHE, TOUCH_URL_CACHE, type UrlCacheRow } from './images.queries';

const FRESH_MS = 24 * 3600 * 1000;
const TIMEOUT_MS = 15_000;

export type FetchOutcome =
  | { kind: 'bytes'; bytes: Uint8Array; etag: string | null; lastModified: string | null }
  | { kind: 'cached'; sha256: string; revalidated: boolean }
  | { kind: 'error'; error: string; transient: boolean };

export async function fetchImageSource(env: Env, tenantId: string, url: string, maxBytes: number, refresh: boolean, now = Date.now()): Promise<FetchOutcome> {
  const cache = await env.DB.prepare(SELECT_URL_CACHE).bind(tenantId, url).first<UrlCacheRow>();
  if (cache && !refresh && now - cache.fetched_at < FRESH_MS) return { kind: 'cached', sha256: cache.sha256, revalidated: false };

  const headers: Record<string, string> = { accept: 'image/jpeg, image/png, image/gif, image/webp' };
  if (cache && !refresh) {
    if (cache.etag) headers['if-none-match'] = cache.etag;
    if (cache.last_modified) headers['if-modified-since'] = cache.last_modified;
  }
  const result = await guardedFetch(url, { policy: policyFromEnv(env), timeoutMs: TIMEOUT_MS, maxBytes, maxRedirects: 3, init: { headers } });
  if (!result.ok) {
    const transient = result.kind === 'timeout' || result.kind === 'network';
    const error = result.kind === 'too_large' ? `The image is larger than ${maxBytes} bytes` : `Could not fetch the image: ${result.message}`;
    return { kind: 'error', error, transient };
  }
  if (result.status === 304 && cache) {
    await env.DB.prepare(TOUCH_URL_CACHE).bind(tenantId, url, now).run();
    return { kind: 'cached', sha256: cache.sha256, revalidated: true };
  }
  if (result.status < 200 || result.status >= 300) {
    const transient = result.status >= 500 || result.status === 429 || result.status === 408;
    return { kind: 'error', error: `The image URL answered ${result.status}`, transient };
  }
  return { kind: 'bytes', bytes: result.body, etag: result.headers.get('etag'), lastModified: result.headers.get('last-modified') };
}
