/** Timestamps are integer milliseconds inside, RFC 3339 UTC `Z` outside (DESIGN "Dates"). */
export function toIso(ms: number): string;
export function toIso(ms: number | null | undefined): string | null;
export function toIso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
