/**
 * The data plane of one tenant, table by table (DESIGN "Shards"): what a move copies, compares,
 * verifies and finally deletes from the old shard. Every data table is listed; a test compares this
 * list with the tables the migrations create, so a new table cannot be forgotten by a move.
 *
 * Order matters: children come before their parents. A child without `tenant_id` is selected through
 * its parent, so deleting the parent first (in the tail's clean-up or the old copy's deletion) would
 * leave its children unreachable, hence never deleted.
 */

/** How a tenant's rows of a table are found. */
export type Scope =
  /** `tenant_id = ?`. */
  | { kind: 'tenant' }
  /** The tenant's own `tenants` row (`id = ?`). */
  | { kind: 'self' }
  /** Through the parent row that owns it: `column` references `parent.id`, and the parent has `tenant_id`. */
  | { kind: 'parent'; parent: string; column: string };

export interface MoveTable {
  name: string;
  /** The keyset: the primary key without `tenant_id` (it is fixed), in index order. */
  keys: string[];
  scope: Scope;
  /**
   * Unique keys whose old row must be deleted (firing its triggers) before a copy is inserted: the
   * products FTS index is kept by triggers, and `INSERT OR REPLACE` removes a conflicting row without
   * firing its DELETE trigger (D1 runs with recursive_triggers off), which would leave its FTS entry
   * behind. A rename keeps the number, so `number` conflicts too.
   */
  deleteBeforeInsert?: string[][];
}

const tenant: Scope = { kind: 'tenant' };

export const MOVE_TABLES: readonly MoveTable[] = [
  { name: 'job_errors', keys: ['job_id', 'idx'], scope: { kind: 'parent', parent: 'jobs', column: 'job_id' } },
  { name: 'jobs', keys: ['id'], scope: tenant },
  { name: 'products', keys: ['id'], scope: tenant, deleteBeforeInsert: [['id'], ['number']] },
  { name: 'images', keys: ['id'], scope: tenant },
  { name: 'processing_rounds', keys: ['product_id', 'job_id'], scope: tenant },
  { name: 'blobs', keys: ['sha256'], scope: tenant },
  { name: 'url_cache', keys: ['url'], scope: tenant },
  { name: 'processor_results', keys: ['sha256', 'processor', 'config_hash'], scope: tenant },
  { name: 'processors', keys: ['name'], scope: tenant },
  { name: 'events', keys: ['id'], scope: tenant },
  { name: 'idempotency_keys', keys: ['method', 'route', 'key'], scope: tenant },
  { name: 'delivery_attempts', keys: ['id'], scope: { kind: 'parent', parent: 'deliveries', column: 'delivery_id' } },
  { name: 'deliveries', keys: ['id'], scope: tenant },
  { name: 'webhook_endpoints', keys: ['id'], scope: tenant },
  { name: 'inbound_receipts', keys: ['source_id', 'dedupe_key'], scope: { kind: 'parent', parent: 'inbound_sources', column: 'source_id' } },
  { name: 'inbound_sources', keys: ['id'], scope: tenant },
  { name: 'imports', keys: ['job_id'], scope: tenant },
  { name: 'rec_signatures', keys: ['product_id'], scope: tenant },
  { name: 'rec_keys', keys: ['key', 'product_id'], scope: tenant },
  { name: 'rec_lists', keys: ['anchor_id', 'kind', 'rank'], scope: tenant },
  { name: 'rec_dirty', keys: ['product_id'], scope: tenant },
  { name: 'rec_settings', keys: ['tenant_id'], scope: tenant },
  { name: 'rec_rebuilds', keys: ['job_id'], scope: tenant },
  // Last: its counters and write state describe the rows above (and the old shard keeps it, `moved`).
  { name: 'tenants', keys: ['id'], scope: { kind: 'self' } },
];

/** Tables only the control database uses (never copied): SHARDS "Control plane". */
export const CONTROL_TABLES: readonly string[] = [
  'tenant_aliases',
  'api_keys',
  'dead_letters',
  'queue_failures',
  'secret_backfill',
  'dashboard_sessions',
  'placements',
  'directory',
  'shard_loads',
  'shard_moves',
  'write_fence',
];

export function moveTable(name: string): MoveTable {
  const table = MOVE_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`not a data table: ${name}`);
  return table;
}
