/**
 * tryon <-> canonical, as plain functions: a request body becomes a merge patch over the canonical
 * product (only the fields it names), a canonical product becomes a tryon product, and the canonical
 * model's field errors are reported under the names the client sent.
 */
import type { ProductOutT } from '../../catalog/model/product.schema';
import type { FieldError } from '../../http/problem';
import { fieldPath } from '../shared/dialect-app';
import type { TryonProductInputT, TryonProductT } from './schemas';

/** How each image entry was written, so errors can name the field the client used. */
export type ImageForm = 'alias' | 'flat' | 'nested';

export interface TryonPatch {
  id: string;
  patch: Record<string, unknown>;
  imageForms: ImageForm[] | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A merge patch that turns `current` into `next`, so that an object sent whole replaces the stored
 * one instead of merging into it. RFC 7396 cannot store a `null` member: those are dropped.
 */
export function replacementPatch(current: unknown, next: unknown): unknown {
  if (!isObject(current) || !isObject(next)) return next;
  const patch: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => Object.defineProperty(patch, key, { value, enumerable: true, writable: true, configurable: true });
  for (const key of Object.keys(current)) if (!Object.hasOwn(next, key)) put(key, null);
  for (const [key, value] of Object.entries(next)) put(key, replacementPatch(Object.hasOwn(current, key) ? current[key] : undefined, value));
  return patch;
}

/** `currentMetadata`: the stored metadata, which a sent `metadata` replaces whole. */
export function toPatch(input: TryonProductInputT, currentMetadata: unknown = undefined): TryonPatch {
  const patch: Record<string, unknown> = {};
  // Merge patch semantics: a field not named is kept; `null` removes it (validForDays: null = forever).
  if (input.name !== undefined) patch.title = input.name;
  if (input.description !== undefined) patch.description = input.description;
  if (input.metadata !== undefined) patch.metadata = replacementPatch(currentMetadata, input.metadata);
  if (input.validForDays !== undefined) patch.validForDays = input.validForDays;

  let imageForms: ImageForm[] | null = null;
  if (input.images != null) {
    imageForms = [];
    patch.images = input.images.map((image) => {
      const source = image.source ?? (image.url !== undefined ? { url: image.url } : { fileKey: image.fileKey });
      imageForms!.push(image.source ? 'nested' : 'flat');
      return { source: source.url !== undefined ? { url: source.url } : { fileKey: source.fileKey }, ...(image.classifications ? { classifications: image.classifications } : {}) };
    });
  } else if (input.imageUrls != null) {
    imageForms = input.imageUrls.map(() => 'alias');
    patch.images = input.imageUrls.map((url) => ({ source: { url } }));
  } else if (input.images === null || input.imageUrls === null) {
    imageForms = [];
    patch.images = [];
  }
  return { id: input.externalId, patch, imageForms };
}

const TOP: Record<string, string> = { id: 'externalId', title: 'name', description: 'description', metadata: 'metadata', validForDays: 'validForDays' };

/** A canonical JSON Pointer (`/images/0/source/url`) -> the field the client sent (`images[0].url`). */
export function toTryonPath(pointer: string, imageForms: ImageForm[] | null): string {
  const segments = pointer.split('/').slice(1);
  const [head, index, ...rest] = segments;
  if (head === undefined) return '';
  if (head !== 'images') {
    const mapped = TOP[head];
    return mapped ? fieldPath(['', mapped, ...segments.slice(1)].join('/')) : fieldPath(pointer);
  }
  const alias = imageForms !== null && imageForms.length > 0 && imageForms.every((f) => f === 'alias');
  const list = alias ? 'imageUrls' : 'images';
  if (index === undefined || !/^\d+$/.test(index)) return list;
  const form = imageForms?.[Number(index)] ?? 'nested';
  const entry = `${list}[${index}]`;
  if (rest[0] === 'source') {
    if (form === 'alias') return entry;
    if (form === 'flat') return rest[1] ? `${entry}.${rest[1]}` : entry;
    return rest[1] ? `${entry}.source.${rest[1]}` : `${entry}.source`;
  }
  if (rest[0] === 'id') return entry;
  return entry + rest.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join('');
}

export function toTryonErrors(errors: FieldError[], imageForms: ImageForm[] | null): FieldError[] {
  return errors.map((e) => ({ path: e.path.startsWith('/') ? toTryonPath(e.path, imageForms) : e.path, message: e.message }));
}

/** The canonical product as a tryon client reads it (the same shape from POST and GET). */
export function toTryonProduct(product: ProductOutT): TryonProductT {
  return {
    externalId: product.id,
    name: product.title ?? null,
    description: product.description ?? null,
    images: product.images.map((image) => ({
      imageId: image.imageId,
      source: image.source as TryonProductT['images'][number]['source'],
      classifications: image.classifications,
      status: image.status,
      error: image.error,
      sha256: image.sha256,
      width: image.width,
      height: image.height,
      contentUrl: image.url,
    })),
    metadata: product.metadata ?? null,
    validForDays: product.validForDays ?? null,
    expiresAt: product.expiresAt,
    status: product.status,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}
