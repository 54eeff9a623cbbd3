/** ?1 tenant, ?2 JSON array of tenant names granted a Worker secret: does one of them name this tenant as an alias? */
export const ALIAS_AMONG_GRANTS = 'SELECT 1 AS found FROM tenant_aliases WHERE tenant_id = ?1 AND alias IN (SELECT value FROM json_each(?2)) LIMIT 1';
export interface FoundRow {
  found: 1;
}
