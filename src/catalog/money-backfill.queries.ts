/**
 * SQL of the money backfill (products written before micros). The partial index
 * `products_money_unconverted` holds only unconverted rows, so each slice reads just what is left.
 */

/** ?1 ?2 the (tenant, id) to continue after ('' '' from the start), ?3 the slice size. */
export const NEXT_UNCONVERTED = `
SELECT tenant_id, id, version, data FROM products INDEXED BY products_money_unconverted
WHERE money_format IS NULL AND (tenant_id, id) > (?1, ?2)
ORDER BY tenant_id, id LIMIT ?3`;
export interface UnconvertedRow {
  tenant_id: string;
  id: string;
  version: number;
  data: string;
}

/**
 * ?1 a JSON array of {t, id, v, doc, fmt}. Guarded by the version read and the marker, so a write
 * that landed in between (it stores micros itself) is never overwritten. `version`, `job_id` and
 * `updated_at` stay as they are: the product did not change, only how its money is written down.
 * `content_hash` is cleared (it described the old text): the row is then compared by its text.
 */
export const CONVERT_ROWS = `
UPDATE products SET data = j.value ->> 'doc', money_format = j.value ->> 'fmt', content_hash = NULL
FROM json_each(?1) AS j
WHERE products.tenant_id = j.value ->> 't' AND products.id = j.value ->> 'id'
  AND products.version = j.value ->> 'v' AND products.money_format IS NULL`;

export const ANY_UNCONVERTED = 'SELECT 1 AS one FROM products INDEXED BY products_money_unconverted WHERE money_format IS NULL LIMIT 1';
