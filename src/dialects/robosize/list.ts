/**
 * The list: DRF's LimitOffsetPagination (`count`, `next`, `previous`, `results`). One D1 batch (one
 * transaction, so the count and the page agree) of two statements: a COUNT over the tenant's
 * products and the page in `number` order with each product's first image. OFFSET makes D1 read (and
 * bill) every skipped row, which is fine at Robosize's page sizes and catalog sizes but grows
 * linearly with the offset; /v1's keyset cursor is the scalable way through a large catalog.
 */
import type { ProductRowWithImage } from './mapping';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const PAGE = `
SELECT p.id, p.number, p.data, p.extensions,
  i.id AS image_id, i.sha256 AS image_sha256, i.status AS image_status,
  json_extract(i.results, '$.derivatives.medium') IS NOT NULL AS image_has_medium
FROM products AS p
LEFT JOIN images AS i ON i.id = (
  SELECT f.id FROM images AS f WHERE f.tenant_id = p.tenant_id AND f.product_id = p.id ORDER BY f.position LIMIT 1)
WHERE p.tenant_id = ?1
ORDER BY p.number
LIMIT ?2 OFFSET ?3`;

export async function listPage(db: D1Database, tenantId: string, limit: number, offset: number): Promise<{ count: number; rows: ProductRowWithImage[] }> {
  const [count, page] = await db.batch([
    db.prepare('SELECT COUNT(*) AS n FROM products WHERE tenant_id = ?1').bind(tenantId),
    db.prepare(PAGE).bind(tenantId, limit, offset),
  ]);
  return { count: (count!.results[0] as { n: number }).n, rows: page!.results as unknown as ProductRowWithImage[] };
}

/** DRF's `_positive_int`: a positive integer (capped), or the default for anything else. */
export function readLimit(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return DEFAULT_LIMIT;
  const value = Number(raw.trim());
  return value <= 0 ? DEFAULT_LIMIT : Math.min(value, MAX_LIMIT);
}

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
