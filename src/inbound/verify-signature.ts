/**
 * HMAC-SHA256 over the raw request bytes, as an inbound source describes it, compared in constant
 * time. Nothing is parsed before this says yes.
 */
import { base64ToBytes } from '../lib/base64';
import { hmacSha256 } from '../lib/crypto';

export interface SignatureScheme {
  secretEncoding: string;
  signatureEncoding: string;
  signaturePrefix: string;
  signedPayload: string;
  toleranceSeconds: number;
}

/** A delivery id as senders make them (Standard Webhooks `msg_...`, UUIDs): printable, no separators. */
const EVENT_ID = /^[\x21-\x7e]{1,256}$/;

export type VerifyResult = { ok: true } | { ok: false; reason: string };

function decodeSignature(text: string, encoding: string): Uint8Array | null {
  if (encoding === 'hex') {
    if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) return null;
    return Uint8Array.from(text.match(/../g)!, (h) => parseInt(h, 16));
  }
  return base64ToBytes(text);
}

export async function verifySignature(
  scheme: SignatureScheme,
  secret: string,
  body: Uint8Array,
  signatureHeader: string | null,
  timestampHeader: string | null,
  now: number,
  eventIdHeader: string | null = null,
): Promise<VerifyResult> {
  if (!signatureHeader) return { ok: false, reason: 'missing signature' };
  const key = scheme.secretEncoding === 'base64' ? base64ToBytes(secret) : new TextEncoder().encode(secret);
  if (!key || key.length === 0) return { ok: false, reason: 'the source secret is unusable' };

  let signed = body;
  if (scheme.signedPayload !== '{body}') {
    if (!timestampHeader || !/^\d{1,12}$/.test(timestampHeader)) return { ok: false, reason: 'missing timestamp' };
    const skew = Math.abs(now / 1000 - Number(timestampHeader));
    if (skew > scheme.toleranceSeconds) return { ok: false, reason: 'timestamp outside the tolerance' };
    let prefix = `${timestampHeader}.`;
    if (scheme.signedPayload === '{id}.{timestamp}.{body}') {
      if (!eventIdHeader || !EVENT_ID.test(eventIdHeader)) return { ok: false, reason: 'missing event id' };
      prefix = `${eventIdHeader}.${prefix}`;
    } else if (scheme.signedPayload !== '{timestamp}.{body}') {
      return { ok: false, reason: 'unknown signed payload' };
    }
    const head = new TextEncoder().encode(prefix);
    signed = new Uint8Array(head.length + body.length);
    signed.set(head);
    signed.set(body, head.length);
  }
  const expected = await hmacSha256(key, signed);
  // A header may carry several signatures (rotation); any one matching is enough.
  for (const candidate of signatureHeader.split(/[\s,]+/)) {
    const text = scheme.signaturePrefix && candidate.startsWith(scheme.signaturePrefix) ? candidate.slice(scheme.signaturePrefix.length) : candidate;
    const given = decodeSignature(text, scheme.signatureEncoding);
    if (given && given.length === expected.length && crypto.subtle.timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'signature mismatch' };
}
