/**
 * Product reads by something other than the caller's id, for the adapters in front of the catalog:
 * the server `number` (Robosize's `id`, GeSmart's `presta_id`), the job that last wrote a product,
 * an offset page with each product's first image (Robosize's list), and the stored documents a merge
 * write starts from. Every statement is scoped to one tenant.
 */

/** A stored document as a merge write reads it. */
export interface StoredDocRow {
  id: string;
  data: string;
  extensions: string | null;
}

export const SELECT_DOCS_BY_IDS = 'SELECT id, data, extensions FROM products WHERE tenant_id = ?1 AND id IN (SELECT value FROM json_each(?2))';

export const SELECT_IDS_BY_NUMBERS = 'SELECT id, number FROM products WHERE tenant_id = ?1 AND number IN (SELECT value FROM json_each(?2))';

export const SELECT_NUMBER_BY_ID = 'SELECT number FROM products WHERE tenant_id = ?1 AND id = ?2';

/** ?3: how many to read (callers ask for 2 to learn whether exactly one product carries the job). */
export const SELECT_IDS_BY_JOB = 'SELECT id FROM products WHERE tenant_id = ?1 AND job_id = ?2 LIMIT ?3';

/**
 * The tenant's event sequence, and its product count only when that sequence is not ?2 (the one a
 * cached count was taken at): every create and delete emits an event in its own transaction, so an
 * unchanged sequence means an unchanged count, and the COUNT(*) (a walk of the whole tenant's index:
 * linear in the catalog) runs only after a change. `CASE` evaluates the subquery only in its branch.
 */
export const COUNT_PRODUCTS_IF_CHANGED = `
SELECT t.event_seq AS seq, CASE WHEN t.event_seq IS ?2 THEN NULL ELSE (SELECT COUNT(*) FROM products WHERE tenant_id = ?1) END AS n
FROM tenants AS t WHERE t.id = ?1`;
export interface CountIfChangedRow {
  seq: number;
  n: number | null;
}

/** One product row with its first image's stored bytes, as the offset page reads it. */
export interface ProductRowWithImage {
  id: string;
  number: number;
  data: string;
  extensions: string | null;
  image_id: string | null;
  image_sha256: string | null;
  image_status: string | null;
  image_has_medium: number | null;
}

/**
 * A page in `number` order with each product's first image. The offset is skipped on the
 * (tenant_id, number) index alone, then the page starts at that number: the image join runs for the
 * page's rows only, not for every skipped one. Skipping still reads `offset` index entries, which is
 * why the dialect caps it (10,000); /v1's keyset cursor is the scalable way through a large catalog.
 * ?1 tenant, ?2 limit, ?3 offset.
 */
export const SELECT_PAGE_BY_OFFSET = `
SELECT p.id, p.number, p.data, p.extensions,
  i.id AS image_id, i.sha256 AS image_sha256, i.status AS image_status,
  json_extract(i.results, '$.derivatives.medium') IS NOT NULL AS image_has_medium
FROM products AS p
LEFT JOIN images AS i ON i.id = (
  SELECT f.id FROM images AS f WHERE f.tenant_id = p.tenant_id AND f.product_id = p.id ORDER BY f.position LIMIT 1)
WHERE p.tenant_id = ?1 AND p.number >= (SELECT s.number FROM products AS s WHERE s.tenant_id = ?1 ORDER BY s.number LIMIT 1 OFFSET ?3)
ORDER BY p.number
LIMIT ?2`;
