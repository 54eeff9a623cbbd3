/**
 * Answers that show a secret (a created or rotated webhook, inbound source or processor secret, a new
 * API key) are marked `Cache-Control: no-store`: no cache, proxy or browser keeps them, and the
 * idempotency store does not either (it replays a "shown already" problem instead; see
 * idempotency/idempotency.ts). Call before rendering the answer.
 */
import type { Context } from 'hono';

export const NO_STORE = 'no-store';

export function noStore(c: Context): void {
  c.header('Cache-Control', NO_STORE);
}

/** True for an answer a handler marked with noStore(). */
export function isNoStore(res: Response): boolean {
  return /(^|,)\s*no-store\s*(,|$)/i.test(res.headers.get('cache-control') ?? '');
}
