import { decodeCursor } from '../lib/cursor';
import { ApiError } from './problem';

/** Reads one field of an opaque cursor this API issued; anything else is a 422 on `cursor`. */
export function cursorField<T extends string | number>(cursor: string | undefined, field: string, type: 'string' | 'number'): T | null {
  if (cursor === undefined) return null;
  const value = decodeCursor(cursor)?.[field];
  if (typeof value !== type) throw new ApiError('validation_failed', 'Invalid cursor', [{ path: 'query.cursor', message: 'Not a cursor this API issued' }]);
  return value as T;
}
