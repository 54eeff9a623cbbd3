/**
 * When to try a failed delivery again. Pure: the attempt count, the answer and a random number in,
 * a delay (ms) or `null` (give up) out.
 *
 * Schedule after each failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (eight attempts in all,
 * the first one immediate), with +-10 % jitter so a receiver that was down is not hit by every
 * sender at the same second. `Retry-After` on 429/503 replaces the scheduled delay (capped at 10 h).
 */
const SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
const MAX_DELAY_MS = 36_000_000;

export const MAX_ATTEMPTS = SCHEDULE_MS.length + 1;

/** Short delays ride on queue message delays; longer ones wait for the cron sweep (DESIGN "Durability"). */
export const QUEUE_DELAY_LIMIT_MS = 15 * 60_000;

export function retryDelayMs(attempts: number, random: number, retryAfterMs: number | null): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  if (retryAfterMs !== null) return Math.min(Math.max(retryAfterMs, 1000), MAX_DELAY_MS);
  const base = SCHEDULE_MS[attempts - 1]!;
  return Math.round(base * (0.9 + 0.2 * random));
}

/** `Retry-After` as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
