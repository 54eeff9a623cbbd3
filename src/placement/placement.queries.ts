/**
 * The placement module's SQL. Control database: `placements` (tenant -> shard, epoch, state),
 * `shard_loads`. Data shard: the tenant's own `tenants` row there (its counters, a copy of its
 * settings, and the epoch/write state the write fence checks).
 */

export interface PlacementRow {
  tenant_id: string;
  shard: number;
  epoch: number;
  state: 'active' | 'frozen';
}

/** ?1 tenant (control; rows: PlacementRow). */
export const SELECT_PLACEMENT = 'SELECT tenant_id, shard, epoch, state FROM placements WHERE tenant_id = ?1';

/** ?1 tenant, ?2 shard, ?3 now (control). A tenant is placed once; a repeat leaves it where it is. */
export const INSERT_PLACEMENT = `INSERT INTO placements (tenant_id, shard, epoch, state, updated_at) VALUES (?1, ?2, 1, 'active', ?3)
ON CONFLICT (tenant_id) DO NOTHING`;

export interface LoadRow {
  shard: number;
  /** Tenants placed there now (live count from placements). */
  placed: number;
  /** As of the last measurement (null: never measured). */
  tenants: number | null;
  rows: number | null;
  bytes: number | null;
}

/** Control: per shard, the live placement count and the last measured load (rows: LoadRow). */
export const SELECT_LOADS = `
SELECT p.shard AS shard, count(*) AS placed, l.tenants AS tenants, l.rows AS rows, l.bytes AS bytes
FROM placements AS p LEFT JOIN shard_loads AS l ON l.shard = p.shard GROUP BY p.shard
UNION ALL
SELECT l.shard, 0, l.tenants, l.rows, l.bytes FROM shard_loads AS l WHERE NOT EXISTS (SELECT 1 FROM placements WHERE shard = l.shard)`;

/** ?1 shard, ?2 tenants, ?3 rows, ?4 bytes, ?5 now (control). */
export const UPSERT_LOAD = `INSERT INTO shard_loads (shard, tenants, rows, bytes, measured_at) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (shard) DO UPDATE SET tenants = excluded.tenants, rows = excluded.rows, bytes = excluded.bytes, measured_at = excluded.measured_at`;

/** Data shard: what the shard holds (rows: { tenants, rows }). Counts of the three largest tables. */
export const MEASURE_SHARD = `SELECT (SELECT count(*) FROM tenants WHERE write_state <> 'moved') AS tenants,
  (SELECT count(*) FROM products) + (SELECT count(*) FROM images) + (SELECT count(*) FROM events) AS rows`;

/**
 * ?1 id, ?2 name, ?3 currency, ?4 locale, ?5 plan, ?6 created, ?7 updated, ?8 epoch (data shard).
 * The shard's copy of a tenant's settings; its counters, epoch and write state are never touched here.
 */
export const UPSERT_SHARD_TENANT = `
INSERT INTO tenants (id, name, default_currency, default_locale, plan, created_at, updated_at, epoch, write_state)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open')
ON CONFLICT (id) DO UPDATE SET name = excluded.name, default_currency = excluded.default_currency,
  default_locale = excluded.default_locale, plan = excluded.plan, updated_at = excluded.updated_at`;

/** ?1 tenant (control; rows: SettingsRow): the authoritative settings, copied to the shard at a flip. */
export const SELECT_SETTINGS = 'SELECT id, name, default_currency, default_locale, plan, created_at, updated_at FROM tenants WHERE id = ?1';
export interface SettingsRow {
  id: string;
  name: string;
  default_currency: string;
  default_locale: string;
  plan: string;
  created_at: number;
  updated_at: number;
}

// ---- a move's transitions (placement owns them; src/moves drives them) ----------------------------

/** ?1 tenant, ?2 epoch, ?3 write state (data shard: the fence's truth). */
export const SET_SHARD_TENANT_STATE = 'UPDATE tenants SET epoch = ?2, write_state = ?3 WHERE id = ?1';

/** ?1 tenant, ?2 state, ?3 now, ?4 the epoch it must still have (control). */
export const SET_PLACEMENT_STATE = 'UPDATE placements SET state = ?2, updated_at = ?3 WHERE tenant_id = ?1 AND epoch = ?4';

/** ?1 tenant, ?2 new shard, ?3 new epoch, ?4 now (control). Only from the epoch before: a repeat is a no-op. */
export const FLIP_PLACEMENT = `UPDATE placements SET shard = ?2, epoch = ?3, state = 'active', updated_at = ?4
WHERE tenant_id = ?1 AND epoch = ?3 - 1`;

/** Control: when each shard was last measured (rows: { shard, measured_at }). */
export const SELECT_MEASURED = 'SELECT shard, measured_at FROM shard_loads';
