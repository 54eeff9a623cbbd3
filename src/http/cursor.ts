import { decodeCursor, encodeCursor } from '../lib/cursor';
import { ApiError } from './problem';

/** Reads one field of an opaque cursor this API issued; anything else is a 422 on `cursor`. */
export function cursorField<T extends string | number>(cursor: string | undefined, field: string, type: 'string' | 'number'): T | null {
  if (cursor === undefined) return null;
  const value = decodeCursor(cursor)?.[field];
  if (typeof value !== type) throw new ApiError('validation_failed', 'Invalid cursor', [{ path: 'query.cursor', message: 'Not a cursor this API issued' }]);
  return value as T;
}

/**
 * A keyset cursor tied to the listing that issued it: the listing's name (its order and filters,
 * e.g. `products/updatedSince/3f2a9c1e`) and the position, `{v: 2, l, ...position}`.
 */
export function issueListCursor(listing: string, position: Record<string, string | number>): string {
  return encodeCursor({ v: 2, l: listing, ...position });
}

const restart = (why: string) =>
  new ApiError('bad_request', `${why}: restart the listing without a cursor`, [{ path: 'query.cursor', message: 'Restart the listing without a cursor' }]);

/**
 * The position of a cursor issued by `issueListCursor` for this same listing. Not a cursor at all:
 * 422 (as before). A cursor of another listing, another filter, or of an order this listing no longer
 * has (one issued before the list got one statement per filter): 400 saying to restart. `legacy`
 * accepts the bare `{n}` cursors issued before, where the order they encode has not changed.
 */
export function readListCursor(
  cursor: string | undefined,
  listing: string,
  fields: Record<string, 'string' | 'number'>,
  legacy = false,
): Record<string, string | number> | null {
  if (cursor === undefined) return null;
  const value = decodeCursor(cursor);
  if (value === null) throw new ApiError('validation_failed', 'Invalid cursor', [{ path: 'query.cursor', message: 'Not a cursor this API issued' }]);
  if (value.v === undefined && legacy && typeof value.n === 'number' && Object.keys(value).length === 1) return { n: value.n };
  if (value.v !== 2 || value.l !== listing) throw restart('This cursor belongs to another listing, another filter or an earlier list order');
  const position: Record<string, string | number> = {};
  for (const [field, type] of Object.entries(fields)) {
    const item = value[field];
    if (typeof item !== type || (type === 'number' && !Number.isSafeInteger(item))) {
      throw new ApiError('validation_failed', 'Invalid cursor', [{ path: 'query.cursor', message: 'Not a cursor this API issued' }]);
    }
    position[field] = item as string | number;
  }
  return position;
}
