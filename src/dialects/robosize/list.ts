/**
 * The list: DRF's LimitOffsetPagination (`count`, `next`, `previous`, `results`). The page itself
 * (the count and the rows in `number` order, in one transaction) comes from the catalog's
 * `productPageByOffset`; this file reads the query and builds the links.
 */

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** DRF's `_positive_int`: a positive integer (capped), or the default for anything else. */
export function readLimit(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return DEFAULT_LIMIT;
  const value = Number(raw.trim());
  return value <= 0 ? DEFAULT_LIMIT : Math.min(value, MAX_LIMIT);
}

/**
 * The deepest offset served. Skipping reads every skipped index entry (linear in the offset, billed
 * per row by D1), so a crawl by offset through 1M products would read ~5 * 10^9 rows; 10,000 keeps a
 * page under ~10k rows read. Past it: DRF's field-error 400 (a deviation, docs/dialects/robosize.md).
 */
export const MAX_OFFSET = 10_000;

export const OFFSET_TOO_DEEP = `Ensure this value is less than or equal to ${MAX_OFFSET}. Page deeper through GET /v1/products, whose cursor has no depth limit.`;

export function readOffset(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return 0;
  return Math.min(Number(raw.trim()), Number.MAX_SAFE_INTEGER);
}

/**
 * DRF's `get_next_link` / `get_previous_link`: the request's own absolute URL, every other query
 * parameter kept as it came (so the caller's `api_key` rides along, the one place a key appears in a
 * response), `limit` and `offset` replaced; the first page's link drops `offset`.
 */
export function pageLinks(url: string, count: number, limit: number, offset: number): { next: string | null; previous: string | null } {
  const withParams = (changes: Record<string, string | null>) => {
    const target = new URL(url);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) target.searchParams.delete(name);
      else target.searchParams.set(name, value);
    }
    return target.toString();
  };
  const next = offset + limit < count ? withParams({ limit: String(limit), offset: String(offset + limit) }) : null;
  const previous = offset <= 0 ? null : offset - limit <= 0 ? withParams({ limit: String(limit), offset: null }) : withParams({ limit: String(limit), offset: String(offset - limit) });
  return { next, previous };
}
