/** Pure rules of the stats: percentiles, rates, counts by status. No I/O, no clock. */

export interface Percentiles {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentiles (the value at rank ceil(p * n)): every reported figure is a real sample. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! };
}

/** Share of successes in [0, 1], rounded to 4 places; null when nothing was attempted. */
export function rate(succeeded: number, attempted: number): number | null {
  return attempted === 0 ? null : Math.round((succeeded / attempted) * 10_000) / 10_000;
}

/** `{status: n}` with every known status present (0 when absent) and unknown ones kept. */
export function byStatus<S extends string>(known: readonly S[], rows: ReadonlyArray<{ status: string; n: number }>): Record<S, number> & Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(known.map((s) => [s, 0]));
  for (const row of rows) out[row.status] = (out[row.status] ?? 0) + row.n;
  return out as Record<S, number> & Record<string, number>;
}

export const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** A 2xx answer is the only success (README "Webhooks"). */
export const succeeded = (statusCode: number | null) => statusCode !== null && statusCode >= 200 && statusCode <= 299;
