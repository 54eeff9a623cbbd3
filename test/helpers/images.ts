/**
 * Helpers for the image suites: fixture URLs on the local receiver (test/setup/receiver.ts), writes
 * with images, polling a product or an image until its processing settles (deadlines, no fixed
 * sleeps), the events feed, the ingest queue handler called as the runtime calls it, and reading
 * WebP dimensions from the bytes.
 */
import { waitFor as waitForWithin } from './poll';
import { env } from 'cloudflare:test';
import { inject } from 'vitest';
import worker from '../../src/index';
import { body, call, feed, putProduct, product, type FeedEvent, type TestTenant } from './api';

export const receiverUrl = inject('receiverUrl');

export type FixtureName =
  | 'photo.jpg'
  | 'photo-copy.jpg'
  | 'photo-similar.jpg'
  | 'graphic.png'
  | 'picture.webp'
  | 'anim.gif'
  | 'rotated.jpg'
  | 'truncated.jpg'
  | 'polyglot.jpg'
  | 'huge-header.png'
  | 'not-an-image.jpg'
  | 'large-1mp.jpg'
  | 'large-5mp.jpg'
  | 'bomb-frame.gif'
  | 'deep16.png'
  | 'bomb-frame.webp'
  | 'bomb-bitstream.webp';

/** A fixture's URL. `tag` makes the URL unique (a query string the receiver ignores) without changing the bytes. */
export function img(name: FixtureName, tag?: string): string {
  return `${receiverUrl}/img/${name}${tag ? `?t=${encodeURIComponent(tag)}` : ''}`;
}

/**
 * How many times the receiver served /img/{name} (all test files together) and how many were 304.
 * `anim.gif` is reserved for the counting tests in test/images/resync.test.ts: other suites should not
 * fetch it, or those counts stop being exact.
 */
export async function imgCount(name: FixtureName): Promise<{ total: number; notModified: number }> {
  const res = await fetch(`${receiverUrl}/img-count/${name}`);
  return (await res.json()) as { total: number; notModified: number };
}

export { sleep } from './poll';

/** Polls `probe` until it returns something other than undefined/false; image work gets a longer deadline. */
export function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 8000, intervalMs = 40): Promise<T> {
  return waitForWithin(probe, what, timeoutMs, intervalMs);
}

export interface ImageSpec {
  id?: string;
  url: string;
  pipelines?: Record<string, boolean>;
}

export function imageInput(spec: ImageSpec | string, index = 0): Record<string, unknown> {
  const s = typeof spec === 'string' ? { url: spec } : spec;
  return { id: s.id ?? `i${index}`, source: { url: s.url }, ...(s.pipelines ? { pipelines: s.pipelines } : {}) };
}

/** PUT a product whose images come from these URLs; returns the response body (asserting 200/201). */
export async function putWithImages(t: TestTenant, id: string, images: Array<ImageSpec | string>, query = '', extra: Record<string, unknown> = {}): Promise<any> {
  const res = query
    ? await call(`/v1/products/${encodeURIComponent(id)}${query}`, { method: 'PUT', headers: t.headers, json: product(id, { images: images.map(imageInput), ...extra }) })
    : await putProduct(t, id, product(id, { images: images.map(imageInput), ...extra }));
  const json = await body(res);
  if (res.status !== 200 && res.status !== 201) throw new Error(`PUT ${id} answered ${res.status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

export async function getProductBody(t: TestTenant, id: string): Promise<any> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}`, { headers: t.headers });
  if (res.status !== 200) throw new Error(`GET product ${id} answered ${res.status}`);
  return body(res);
}

const settled = (status: string) => status !== 'pending' && status !== 'processing';

/** Polls the product until its status is neither pending nor processing; returns it. */
export function waitProduct(t: TestTenant, id: string, timeoutMs = 15_000): Promise<any> {
  return waitFor(async () => {
    const p = await getProductBody(t, id);
    return settled(p.status) && p.images.every((i: { status: string }) => settled(i.status)) ? p : undefined;
  }, `product ${id} to settle`, timeoutMs);
}

export async function getImage(t: TestTenant, imageId: string): Promise<any> {
  const res = await call(`/v1/images/${imageId}`, { headers: t.headers });
  if (res.status !== 200) throw new Error(`GET image ${imageId} answered ${res.status}: ${await res.text()}`);
  return body(res);
}

/** Image events (image.*) of the tenant, optionally about one product. */
export async function imageEvents(t: TestTenant, productId?: string): Promise<FeedEvent[]> {
  return (await feed(t)).filter((e) => e.type.startsWith('image.') && (productId === undefined || e.data.productId === productId));
}

export async function typedEvents(t: TestTenant, type: string, productId?: string): Promise<FeedEvent[]> {
  return (await feed(t)).filter((e) => e.type === type && (productId === undefined || e.data.productId === productId));
}

/** Raw image rows of a product, straight from D1. */
export async function imageRows(tenantId: string, productId: string) {
  const { results } = await env.DB.prepare(
    'SELECT id, key, status, attempts, error, sha256, format, width, height, bytes, results, dhash, next_attempt_at, updated_at FROM images WHERE tenant_id = ?1 AND product_id = ?2 ORDER BY position',
  )
    .bind(tenantId, productId)
    .all<{
      id: string;
      key: string;
      status: string;
      attempts: number;
      error: string | null;
      sha256: string | null;
      format: string | null;
      width: number | null;
      height: number | null;
      bytes: number | null;
      results: string | null;
      dhash: string | null;
      next_attempt_at: number | null;
      updated_at: number;
    }>();
  return results;
}

/** The R2 keys stored under a tenant. */
export async function r2Keys(tenantId: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.IMAGES.list({ prefix: `${tenantId}/`, cursor });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys.sort();
}

/** The Worker's queue handler, called as the runtime calls it. */
export function runQueue(batch: MessageBatch<unknown>, ctx: ExecutionContext): Promise<void> {
  return (worker as ExportedHandler<Cloudflare.Env>).queue!(batch, env, ctx) as Promise<void>;
}

/** Width and height from a WebP's own header (VP8, VP8L or VP8X), or null if it is not a WebP. */
export function webpSize(b: Uint8Array): { width: number; height: number } | null {
  const ascii = (i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
  if (b.length < 30 || ascii(0, 4) !== 'RIFF' || ascii(8, 4) !== 'WEBP') return null;
  const chunk = ascii(12, 4);
  const u16 = (i: number) => b[i]! | (b[i + 1]! << 8);
  const u24 = (i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
  if (chunk === 'VP8 ') return { width: u16(26) & 0x3fff, height: u16(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: u24(24) + 1, height: u24(27) + 1 };
  return null;
}

/** Hamming distance of two 16-hex-digit hashes. */
export function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}
