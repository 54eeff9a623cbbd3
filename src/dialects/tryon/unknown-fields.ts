/**
 * Top-level fields the tryon dialect does not know. The seed lost the names of two of its fields
 * (both described as "Helps the AI classify the product category more accurately"); Shelfsync reads
 * them as `name` and `description`. A client that used other names must not get a silent 200 with
 * nothing stored: unknown top-level fields are kept under `extensions.tryon` (DESIGN: dialects
 * tolerate unknown fields) and listed in the answer's `warnings`.
 */
import type { FieldError } from '../../http/problem';

/** Every top-level field of the upsert body this dialect reads. */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set(['externalId', 'name', 'description', 'images', 'imageUrls', 'validForDays', 'metadata']);

/** What the kept fields may weigh together (serialized), like `metadata`'s bound. */
export const MAX_UNKNOWN_BYTES = 16 * 1024;

export interface Warning {
  field: string;
  message: string;
}

export type UnknownFields =
  | { ok: true; extensions: Record<string, unknown>; warnings: Warning[] }
  | { ok: false; errors: FieldError[] };

export function unknownFields(body: unknown): UnknownFields {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: true, extensions: {}, warnings: [] };
  const entries = Object.entries(body as Record<string, unknown>).filter(([key]) => !KNOWN_FIELDS.has(key));
  if (entries.length === 0) return { ok: true, extensions: {}, warnings: [] };
  const extensions = Object.fromEntries(entries);
  const bytes = new TextEncoder().encode(JSON.stringify(extensions)).length;
  if (bytes > MAX_UNKNOWN_BYTES) {
    const message = `Unknown fields are kept, but at most ${MAX_UNKNOWN_BYTES} bytes of them (these are ${bytes})`;
    return { ok: false, errors: entries.map(([key]) => ({ path: key, message })) };
  }
  const warnings = entries.map(([key]) => ({ field: key, message: 'Not a field of this API: kept in extensions.tryon (readable through /v1), not used' }));
  return { ok: true, extensions, warnings };
}
