/**
 * Size caps on the free-JSON fields of a product: `metadata` and each image's `classifications`,
 * 16 KB of JSON each (a row must stay far below D1's 2 MB; a batch of 1,000 must fit the isolate's
 * memory budget). Checked on the raw input, beside the schema, because the caps apply to what a
 * write sends: a value identical to the one already stored (`previous`, written before a cap was
 * lowered) is kept, so an unrelated PATCH or dialect update never fails on it. Pure.
 */
import type { FieldError } from '../../http/problem';
import { canonicalJson } from '../../lib/canonical-json';
import type { ProductDoc } from './product-doc';

export const MAX_METADATA_BYTES = 16 * 1024;
export const MAX_CLASSIFICATIONS_BYTES = 16 * 1024;

const encoder = new TextEncoder();

function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Field errors for over-cap values in `input` (a product as a client sends it) that `previous` did not already hold. */
export function jsonCapErrors(input: unknown, previous: ProductDoc | null = null): FieldError[] {
  if (!isObject(input)) return [];
  const errors: FieldError[] = [];
  const metadata = input.metadata;
  if (isObject(metadata) && jsonBytes(metadata) > MAX_METADATA_BYTES) {
    const kept = previous?.metadata !== undefined && canonicalJson(previous.metadata) === canonicalJson(metadata);
    if (!kept) errors.push({ path: '/metadata', message: `Metadata must be at most ${MAX_METADATA_BYTES} bytes of JSON` });
  }
  if (Array.isArray(input.images)) {
    let stored: Set<string> | null = null;
    for (const [index, image] of input.images.entries()) {
      const classifications = isObject(image) ? image.classifications : undefined;
      if (!isObject(classifications) || jsonBytes(classifications) <= MAX_CLASSIFICATIONS_BYTES) continue;
      stored ??= new Set((previous?.images ?? []).flatMap((i) => (i.classifications ? [canonicalJson(i.classifications)] : [])));
      if (stored.has(canonicalJson(classifications))) continue;
      errors.push({ path: `/images/${index}/classifications`, message: `Classifications must be at most ${MAX_CLASSIFICATIONS_BYTES} bytes of JSON` });
    }
  }
  return errors;
}
