/** The rule for a temporary endpoint's `expiresAt`: a real instant, in the future, at most a week ahead. */
import { parseRfc3339 } from '../lib/dates';

/**
 * A week: long enough for a working session or a demo, short enough that a forgotten temporary
 * endpoint (a killed `shelfsync webhooks listen`) does not linger. A permanent endpoint has no expiry.
 */
export const MAX_ENDPOINT_LIFETIME_MS = 7 * 86_400_000;

export type ExpiryVerdict = { ok: true; at: number } | { ok: false; message: string };

export function judgeExpiry(text: string, now: number, maxMs = MAX_ENDPOINT_LIFETIME_MS): ExpiryVerdict {
  const at = parseRfc3339(text);
  if (at === null) return { ok: false, message: 'Must be an RFC 3339 date-time like 2026-12-05T18:00:00Z' };
  if (at <= now) return { ok: false, message: 'Must be in the future' };
  if (at > now + maxMs) return { ok: false, message: `Must be at most ${maxMs / 86_400_000} days ahead` };
  return { ok: true, at };
}
