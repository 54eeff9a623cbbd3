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

/**
 * The URL a done image shows: the first of its requested pipelines that produced an image (its
 * `results[pipeline].url`), else the stored original.
 */
export function outputUrl(pipelines: Record<string, boolean>, results: Record<string, unknown> | null, original: string | null): string | null {
  for (const [name, wanted] of Object.entries(pipelines)) {
    if (!wanted) continue;
    const result = results?.[name] as { status?: unknown; url?: unknown } | undefined;
    if (result && result.status === 'done' && typeof result.url === 'string' && result.url) return result.url;
  }
  return original;
}
