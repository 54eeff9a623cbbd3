/**
 * What makes two pushes "the same" (a replay, answered with the first job and not applied again),
 * and how long that is remembered. Pure: the caller hashes nothing and reads no clock here.
 *
 * Only what the signature covers may decide. An event-id header that is not signed can be changed by
 * whoever captured a push: resending an old push under a new id would apply it again (rolling a
 * product back), and spending the sender's next id on a captured body would make the real push look
 * like a duplicate. So:
 * - `{id}.{timestamp}.{body}` (Standard Webhooks): the signed id decides, remembered for as long as
 *   a signed timestamp can still verify (2 x tolerance: the clock may be off either way).
 * - `{timestamp}.{body}`: the body hash plus the signed timestamp, remembered as long.
 * - `{body}`: the body hash alone, for the dedupe window (600 s by default). Nothing signed says when
 *   the push was made, so a captured push verifies forever; the window bounds how long a replay is
 *   caught, and the trade-off is that the same body sent again on purpose within the window is
 *   dropped too (A, B, A inside 10 minutes loses the second A). Senders that can should sign a
 *   timestamp.
 */

export type SignedPayload = '{body}' | '{timestamp}.{body}' | '{id}.{timestamp}.{body}';
export const SIGNED_PAYLOADS = ['{body}', '{timestamp}.{body}', '{id}.{timestamp}.{body}'] as const;

export interface DedupeScheme {
  signedPayload: string;
  toleranceSeconds: number;
}

/** The receipt's key; `bodyHash` is the SHA-256 hex of the raw body, `signedAt`/`eventId` verified header values. */
export function dedupeKey(scheme: DedupeScheme, parts: { bodyHash: string; signedAt: string | null; eventId: string | null }): string {
  if (scheme.signedPayload === '{id}.{timestamp}.{body}' && parts.eventId) return `id:${parts.eventId}`;
  if (scheme.signedPayload === '{timestamp}.{body}' && parts.signedAt) return `ts:${parts.signedAt}:${parts.bodyHash}`;
  return `sha256:${parts.bodyHash}`;
}

/**
 * `lookBackMs`: how old a receipt may be and still make a push a replay. `keepMs`: when the cron may
 * delete it, max(2 x tolerance, window) for every scheme (the cron cannot tell them apart cheaply).
 */
export function dedupeWindow(scheme: DedupeScheme, windowSeconds: number): { lookBackMs: number; keepMs: number } {
  const keepMs = Math.max(2 * scheme.toleranceSeconds, windowSeconds) * 1000;
  return { lookBackMs: scheme.signedPayload === '{body}' ? windowSeconds * 1000 : keepMs, keepMs };
}

/** Header settings a scheme needs; field errors for a source's (merged) settings. */
export function schemeErrors(s: { signedPayload: string; timestampHeader: string | null; eventIdHeader: string | null }): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  if (s.signedPayload !== '{body}' && !s.timestampHeader) errors.push({ path: '/timestampHeader', message: 'A signed timestamp needs timestampHeader' });
  if (s.signedPayload === '{id}.{timestamp}.{body}' && !s.eventIdHeader) errors.push({ path: '/eventIdHeader', message: 'A signed event id needs eventIdHeader' });
  return errors;
}
