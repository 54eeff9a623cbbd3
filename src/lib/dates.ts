/**
 * Dates (DESIGN "Dates"): RFC 3339 in, UTC `Z` out. Sale windows are `{start, end}`; dialects and
 * feeds also send the Google Merchant interval string `start/end`, with optional seconds and a `Z`,
 * `±hh:mm`, `±hhmm` or no offset (read as UTC).
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const LENIENT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

function toMs(y: string, mo: string, d: string, h: string, mi: string, s: string, frac: string | undefined, offset: string | undefined): number | null {
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  // Not Date.UTC: it reads years 0-99 as 1900-1999. setUTCFullYear takes the year as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, frac ? Math.floor(Number(frac) * 1000) : 0);
  // Feb 30 rolls into March: checking the day back catches impossible dates.
  if (date.getUTCDate() !== day) return null;
  const base = date.getTime();
  let offsetMinutes = 0;
  if (offset && offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return base - offsetMinutes * 60_000;
}

/** Strict RFC 3339 date-time -> epoch ms, or null. */
export function parseRfc3339(text: string): number | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  return toMs(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7], m[8]);
}

/** The lenient form feeds and dialects send: seconds and offset optional, no offset = UTC. */
export function parseLenientDateTime(text: string): number | null {
  const m = LENIENT.exec(text.trim());
  if (!m) return null;
  return toMs(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6] ?? '00', m[7], m[8]);
}

export type WindowResult = { ok: true; start: number; end: number } | { ok: false; message: string };

/** `2024-06-10T00:00:00/2024-06-20T23:59:59` -> {start, end}; start must precede end. */
export function parseInterval(text: string): WindowResult {
  const parts = text.split('/');
  if (parts.length !== 2) return { ok: false, message: 'Expected an interval "start/end"' };
  const start = parseLenientDateTime(parts[0]!);
  const end = parseLenientDateTime(parts[1]!);
  if (start === null || end === null) return { ok: false, message: 'Interval ends must be date-times like 2024-06-10T00:00:00Z' };
  if (start >= end) return { ok: false, message: 'The interval must start before it ends' };
  return { ok: true, start, end };
}
