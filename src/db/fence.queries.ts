/** The write fence's SQL (db/fence.ts). Control of the fence is the shard's own `tenants` row. */

/** ?1 tenant, ?2 epoch. Inserts NULL (hence fails) unless this shard owns the tenant at the epoch, writable. */
export const FENCE = `INSERT INTO write_fence (fenced)
SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM tenants WHERE id = ?1 AND epoch = ?2 AND write_state = 'open')`;

/** ?1 tenant: why the fence refused (rows: { epoch, write_state }). */
export const WHY_FENCED = 'SELECT epoch, write_state FROM tenants WHERE id = ?1';

/** A row of WHY_FENCED. */
export interface FenceStateRow {
  epoch: number;
  write_state: string;
}
