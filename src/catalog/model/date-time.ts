/**
 * RFC 3339 date-times as the model reads them, remembered: a feed's sale windows repeat the same few
 * instants across thousands of products, and each is read three times per product (the field check,
 * the start-before-end check, normalisation to UTC `Z`).
 */
import { parseRfc3339 } from '../../lib/dates';

const MAX_REMEMBERED = 1_000;
const seen = new Map<string, number | null>();

/** Epoch ms of a strict RFC 3339 date-time, or null. */
export function dateTimeMs(text: string): number | null {
  const known = seen.get(text);
  if (known !== undefined) return known;
  const ms = parseRfc3339(text);
  if (seen.size >= MAX_REMEMBERED) seen.clear();
  seen.set(text, ms);
  return ms;
}

const utc = new Map<string, string | null>();

/** The same instant as UTC text (`...Z`, milliseconds), or null; remembered like dateTimeMs. */
export function utcDateTime(text: string): string | null {
  const known = utc.get(text);
  if (known !== undefined) return known;
  const ms = dateTimeMs(text);
  const iso = ms === null ? null : new Date(ms).toISOString();
  if (utc.size >= MAX_REMEMBERED) utc.clear();
  utc.set(text, iso);
  return iso;
}
