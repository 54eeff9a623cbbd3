/**
 * The product list's filters as the query gives them -> what the list statements take. Pure: no I/O,
 * no clock. The route's zod schema has already checked each value's form.
 */
import type { FieldError } from '../http/problem';
import type { KeyAfter, ListFilter, Shape } from './list.queries';

export interface ListParams {
  updatedSince?: number;
  status?: string;
  brand?: string;
  gtin?: string;
  itemGroupId?: string;
  productType?: string;
  active?: boolean;
  q?: string;
}

/** At most this many words in a search; each word matches as a prefix only when it is the last. */
export const MAX_SEARCH_TERMS = 8;

/** Words of a search: runs of letters and digits (what FTS5's unicode61 tokenizer indexes). */
export function searchTerms(q: string): string[] {
  return q.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/**
 * An FTS5 MATCH expression for a tenant's search. Every word is a quoted phrase (so nothing the
 * client types is FTS5 syntax), all must match, the last as a prefix (search as you type); the
 * tenant's own token restricts the match to its rows (the FTS table's `tenant` column).
 */
export function ftsMatch(tenantId: string, q: string): string {
  const words = searchTerms(q).slice(0, MAX_SEARCH_TERMS);
  const phrases = words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`);
  return `tenant : "${tenantId.replaceAll('_', '')}" AND title : (${phrases.join(' AND ')})`;
}

/** A search without any word is a field error (FTS5 would refuse the empty expression). */
export function searchErrors(q: string | undefined): FieldError[] {
  if (q === undefined || searchTerms(q).length > 0) return [];
  return [{ path: 'query.q', message: 'Must contain at least one letter or digit' }];
}

export function toListFilter(tenantId: string, params: ListParams): ListFilter {
  const filter: ListFilter = {};
  for (const key of ['updatedSince', 'status', 'brand', 'gtin', 'itemGroupId', 'productType', 'active'] as const) {
    if (params[key] !== undefined) (filter as Record<string, unknown>)[key] = params[key];
  }
  if (params.q !== undefined) filter.q = ftsMatch(tenantId, params.q);
  return filter;
}

/** FNV-1a, 32 bits, hex: a short fingerprint, not a secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The listing a cursor belongs to: the shape (its order) and a fingerprint of the filter values, so
 * a cursor handed to another filter is refused instead of silently skipping rows.
 */
export function listingName(shape: Shape, params: ListParams): string {
  const values = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `products/${shape}/${fnv1a(JSON.stringify(values))}`;
}

/** The position fields a cursor of this shape carries. */
export function cursorFields(shape: Shape): Record<string, 'string' | 'number'> {
  if (shape === 'updatedSince') return { n: 'number', u: 'number' };
  if (shape === 'productType') return { n: 'number', t: 'string' };
  if (shape === 'q') return { n: 'number', r: 'number' };
  return { n: 'number' };
}

/** The cursor's position, reduced to the fields of its shape. */
export function positionOf(shape: Shape, key: KeyAfter): Record<string, string | number> {
  const fields = cursorFields(shape);
  return Object.fromEntries(Object.keys(fields).map((field) => [field, key[field as keyof KeyAfter]!]));
}

/** Shapes ordered by number alone, as every list was before: their old `{n}` cursors still work. */
export const LEGACY_CURSOR_SHAPES: ReadonlySet<Shape> = new Set(['all', 'status']);
