/**
 * Genera <-> canonical, both ways, pure.
 *
 * | Genera                         | canonical                                  |
 * |--------------------------------|--------------------------------------------|
 * | product `id`                   | `id`                                       |
 * | `name`                         | `title`                                    |
 * | `enabled` (or `eanbled`)       | `active` (`enabled` wins)                  |
 * | `images[].id`                  | `images[].id`                              |
 * | `images[].url`                 | `images[].source.url` (no scheme: https)   |
 * | `images[].tryOn/localization`  | `images[].pipelines.tryOn/localization`    |
 * | `{brandId}` of the path        | `extensions.genera.brandId`                |
 */
import type { MergeItem } from '../shared/merge-write';
import { fieldPath } from '../shared/dialect-app';
import type { z } from '@hono/zod-openapi';
import type { GeneraProduct } from './schemas';

export type GeneraProductT = z.infer<typeof GeneraProduct>;
export type GeneraStatusT = 'processing' | 'done' | 'error';

/** `example.com/a.png` and `//example.com/a.png` -> `https://example.com/a.png`; anything with a scheme as is. */
export function withScheme(url: string): string {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/\//, '')}`;
}

/** One Genera product as a merge over the stored one: only the fields it sent. */
export function toMergeItem(product: GeneraProductT, brandId: string): MergeItem {
  const patch: Record<string, unknown> = {};
  if (product.name !== undefined) patch.title = product.name;
  const enabled = product.enabled ?? product.eanbled;
  if (enabled !== undefined) patch.active = enabled;
  if (product.images !== undefined) {
    patch.images = product.images.map((image) => {
      const pipelines: Record<string, boolean> = {};
      if (image.tryOn !== undefined) pipelines.tryOn = image.tryOn;
      if (image.localization !== undefined) pipelines.localization = image.localization;
      return {
        ...(image.id !== undefined ? { id: image.id } : {}),
        source: { url: withScheme(image.url) },
        ...(Object.keys(pipelines).length > 0 ? { pipelines } : {}),
      };
    });
  }
  return { id: product.id, patch, extensions: { brandId }, mode: 'upsert' };
}

/**
 * A canonical field error (JSON Pointer into the merged product) in Genera's words, under the
 * product's place in the request: `/images/1/source/url` of product 0 -> `products[0].images[1].url`.
 */
export function generaField(productIndex: number, pointer: string): string {
  const segments = pointer.split('/').slice(1);
  let local: string;
  if (segments[0] === 'title') local = ['name', ...segments.slice(1)].join('.');
  else if (segments[0] === 'active') local = 'enabled';
  else if (segments[0] === 'images' && segments[1] !== undefined && /^\d+$/.test(segments[1])) {
    const image = `images[${segments[1]}]`;
    const rest = segments.slice(2);
    if (rest[0] === 'source') local = `${image}.url`;
    else if (rest[0] === 'pipelines' && rest[1] !== undefined) local = `${image}.${rest[1]}`;
    else local = rest.length > 0 ? `${image}.${fieldPath('/' + rest.join('/'))}` : image;
  } else local = fieldPath(pointer);
  return local ? `products[${productIndex}].${local}` : `products[${productIndex}]`;
}

/** Genera knows no `pending`: work not started yet is processing. */
export function generaStatus(status: string): GeneraStatusT {
  if (status === 'done' || status === 'error') return status;
  return 'processing';
}

/** The seed's order of image flags: when an image asks for both, the try-on output is the one shown. */
const PIPELINE_ORDER = ['tryOn', 'localization'];

function byPrecedence(a: string, b: string): number {
  const rank = (name: string) => (PIPELINE_ORDER.includes(name) ? PIPELINE_ORDER.indexOf(name) : PIPELINE_ORDER.length);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The URL a done image shows, in the status answer and in the webhook alike: the output of the first
 * requested pipeline that produced an image (`tryOn`, then `localization`, then any other by name),
 * else the stored original. Stored pipeline flags are canonical JSON (keys sorted), so their order
 * says nothing about the client's intent: the precedence is explicit.
 */
export function outputUrl(pipelines: Record<string, boolean>, results: Record<string, unknown> | null, original: string | null): string | null {
  for (const name of Object.keys(pipelines).sort(byPrecedence)) {
    if (!pipelines[name]) continue;
    const result = results?.[name] as { status?: unknown; url?: unknown } | undefined;
    if (result && result.status === 'done' && typeof result.url === 'string' && result.url) return result.url;
  }
  return original;
}

/**
 * The same choice from an image event: `outputs` holds `{pipeline: url}` for the pipelines that made
 * an image (an `image.processed` means every requested pipeline succeeded), `url` the original.
 */
export function eventOutputUrl(outputs: unknown, original: string | null): string | null {
  if (outputs === null || typeof outputs !== 'object') return original;
  const urls = Object.entries(outputs as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return outputUrl(
    Object.fromEntries(urls.map(([name]) => [name, true])),
    Object.fromEntries(urls.map(([name, url]) => [name, { status: 'done', url }])),
    original,
  );
}
