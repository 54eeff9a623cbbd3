/** Opaque keyset cursors: base64url JSON, so clients cannot depend on what is inside. */
import { toBase64Url } from './crypto';

export function encodeCursor(value: Record<string, string | number>): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

export function decodeCursor(cursor: string): Record<string, unknown> | null {
  try {
    const b64 = cursor.replaceAll('-', '+').replaceAll('_', '/');
    const text = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
