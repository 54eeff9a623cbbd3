/**
 * Client input -> the stored document, in one pass over the model's rules: the zod schema, the size
 * caps of the free-JSON fields, then normalisation (money to micros, locales and dates canonical,
 * image ids). Pure apart from hashing (image ids). The service adds what needs I/O (uploads to R2).
 */
import { type FieldError, fieldErrorsFromZod } from '../../http/problem';
import { jsonCapErrors } from './json-caps';
import { type NormalizeLimits, normalizeProduct } from './normalize';
import { isCertainlyValidProduct } from './product.fast-path';
import { BatchProductInput, type ProductInput, type ProductInputT } from './product.schema';
import type { ProductDoc } from './product-doc';

export type DocumentResult = { ok: true; id: string | null; doc: ProductDoc } | { ok: false; errors: FieldError[] };

/** `previous`: the stored document, whose over-cap values may stay as they are. */
export async function validateDocument(
  body: unknown,
  schema: typeof ProductInput | typeof BatchProductInput,
  limits: NormalizeLimits,
  previous: ProductDoc | null = null,
): Promise<DocumentResult> {
  const capErrors = jsonCapErrors(body, previous);
  // The plain checks first: a valid plain-JSON product is accepted without zod (product.fast-path.ts).
  const certain = capErrors.length === 0 && isCertainlyValidProduct(body, schema === BatchProductInput);
  const parsed = certain ? ({ success: true, data: body as ProductInputT } as const) : schema.safeParse(body);
  if (!parsed.success || capErrors.length > 0) {
    return { ok: false, errors: [...(parsed.success ? [] : fieldErrorsFromZod(parsed.error)), ...capErrors] };
  }
  const normalized = await normalizeProduct(parsed.data, limits);
  if (!normalized.ok) return normalized;
  return { ok: true, id: parsed.data.id ?? null, doc: normalized.doc };
}
