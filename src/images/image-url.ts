/**
 * Every image URL Shelfsync hands out comes from here (DESIGN "Image URLs").
 *
 * Clients without a key (webhook receivers, processors, dialect clients) get a signed, expiring URL:
 * `{base}/v1/images/{id}/content?variant=&v={sha256}&exp={unix}&sig={hmac}`. `v` pins the content, so
 * that form is immutable and cacheable for as long as it is valid; without `v` (API-key callers)
 * the answer is `no-cache` with an ETag. Expiries are rounded up to a day boundary so the same image
 * keeps the same URL for a day, which keeps CDN and browser caches useful.
 *
 * With tenants on several data shards, a URL must say whose image it is before anything is read:
 * URLs signed inside a tenant's request or message carry `t={tenantId}` (last), covered by the
 * signature, when more than one shard is bound.
 * URLs signed before (no `t`; valid at most 8 days) still verify, and are served by looking the image
 * id up on every bound shard (image-tenant.ts).
 */
import type { Env } from '../env';
import { hmacSha256, toBase64Url } from '../lib/crypto';
import { singleDatabase } from '../db/shards';
import { routeOf, unscoped } from '../placement/tenant-env';

export type Variant = 'original' | 'thumb' | 'medium';
const DAY = 86_400;
const VALID_DAYS = 7;

async function hmac(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  return toBase64Url(await hmacSha256(encoder.encode(secret), encoder.encode(message)));
}

/** What the signature covers; the tenant only in URLs that carry it (the old form did not). */
const signedPart = (imageId: string, variant: Variant, sha256: string, exp: number, tenantId: string | null) =>
  tenantId === null ? `${imageId}:${variant}:${sha256}:${exp}` : `${imageId}:${variant}:${sha256}:${exp}:${tenantId}`;

/**
 * The tenant a URL signed with `env` names: the one the env is routed to. None (the old form) when
 * the env is not routed to a tenant, or with one database, where the image id alone finds the image
 * in one read and URLs stay exactly as they were.
 */
function tenantOf(env: object): string | null {
  const route = routeOf(env as Env);
  return route === null || singleDatabase(unscoped(env as Env)) ? null : route.tenantId;
}

/** The base every generated URL starts with: PUBLIC_BASE_URL if configured, else what the request showed. */
export function urlBase(env: Pick<Env, 'PUBLIC_BASE_URL'>, requestBase?: string): string {
  return (env.PUBLIC_BASE_URL || requestBase || '').replace(/\/$/, '');
}

/**
 * The URL clients without a key get, for `done` images only: an image whose probe or processing
 * failed may hold any bytes a client sent (an upload is stored before it is probed), and a signed
 * URL would serve them from this origin to anyone.
 */
export function signedImageUrl(
  env: Pick<Env, 'IMAGE_URL_SECRET' | 'PUBLIC_BASE_URL'>,
  base: string,
  image: { id: string; sha256: string | null; status: string },
  variant: Variant = 'original',
  now = Date.now(),
): Promise<string | null> {
  if (image.status !== 'done' || !image.sha256) return Promise.resolve(null);
  return signUrl(env, base, { id: image.id, sha256: image.sha256 }, variant, now);
}

/**
 * For a pipeline service while the image is still `processing`: only called once the bytes passed
 * the probe and the limits (processors run after both).
 */
export function processingImageUrl(env: Pick<Env, 'IMAGE_URL_SECRET' | 'PUBLIC_BASE_URL'>, base: string, image: { id: string; sha256: string }): Promise<string | null> {
  return signUrl(env, base, image, 'original', Date.now());
}

async function signUrl(
  env: Pick<Env, 'IMAGE_URL_SECRET' | 'PUBLIC_BASE_URL'>,
  base: string,
  image: { id: string; sha256: string },
  variant: Variant,
  now: number,
): Promise<string | null> {
  if (!env.IMAGE_URL_SECRET) return null;
  const exp = (Math.ceil(now / 1000 / DAY) + VALID_DAYS) * DAY;
  const tenantId = tenantOf(env);
  const sig = await hmac(env.IMAGE_URL_SECRET, signedPart(image.id, variant, image.sha256, exp, tenantId));
  const variantParam = variant === 'original' ? '' : `variant=${variant}&`;
  // Last, so the part before it reads as it always did.
  const tenantParam = tenantId === null ? '' : `&t=${encodeURIComponent(tenantId)}`;
  return `${base}/v1/images/${image.id}/content?${variantParam}v=${image.sha256}&exp=${exp}&sig=${sig}${tenantParam}`;
}

export async function verifyImageSignature(
  env: Pick<Env, 'IMAGE_URL_SECRET'>,
  imageId: string,
  variant: Variant,
  sha256: string,
  exp: number,
  sig: string,
  now = Date.now(),
  tenantId: string | null = null,
): Promise<boolean> {
  if (!env.IMAGE_URL_SECRET || !Number.isFinite(exp) || exp * 1000 < now) return false;
  const expected = await hmac(env.IMAGE_URL_SECRET, signedPart(imageId, variant, sha256, exp, tenantId));
  const a = new TextEncoder().encode(expected);
  const b = new TextEncoder().encode(sig);
  return a.length === b.length && crypto.subtle.timingSafeEqual(a, b);
}
