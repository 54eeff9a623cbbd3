/** The directory's SQL (control database): ids found without a tenant, and whose they are. */

/** ?1 kind, ?2 key (rows: { tenant_id }). */
export const SELECT_DIRECTORY = 'SELECT tenant_id FROM directory WHERE kind = ?1 AND key = ?2';

/** ?1 kind, ?2 key, ?3 tenant. An id is created once; a repeat (a retried create) leaves it as it is. */
export const INSERT_DIRECTORY = 'INSERT INTO directory (kind, key, tenant_id) VALUES (?1, ?2, ?3) ON CONFLICT (kind, key) DO NOTHING';

/** ?1 kind, ?2 key, ?3 tenant (only the owner's entry goes). */
export const DELETE_DIRECTORY = 'DELETE FROM directory WHERE kind = ?1 AND key = ?2 AND tenant_id = ?3';
