/**
 * The stats module's SQL: read-only aggregates over other modules' tables (counts by status, the
 * oldest due row of each queue's pending work, recent job durations and delivery attempts).
 *
 * Each statement comes in two forms built from one template: `tenant` (?1 = tenant id; every table is
 * reached through an index that leads with `tenant_id` or the status) and `all` (the admin view).
 * `{T}` / `{T:alias}` mark where the tenant condition goes.
 */

type Scoped = { tenant: string; all: string };

function scoped(template: string): Scoped {
  return {
    tenant: template.replace(/\{T(?::(\w+))?\}/g, (_, alias?: string) => `${alias ? `${alias}.` : ''}tenant_id = ?1 AND`),
    all: template.replace(/\{T(?::\w+)?\}/g, ''),
  };
}

/** Rows of the `*_BY_STATUS` statements. */
export interface StatusCountRow {
  status: string;
  n: number;
}

/** Products by status (products_tenant_status covers the tenant form). */
export const PRODUCTS_BY_STATUS = scoped('SELECT status, COUNT(*) AS n FROM products WHERE {T} 1 GROUP BY status');

export const IMAGES_BY_STATUS = scoped('SELECT status, COUNT(*) AS n FROM images WHERE {T} 1 GROUP BY status');

export const JOBS_BY_STATUS = scoped('SELECT status, COUNT(*) AS n FROM jobs WHERE {T} 1 GROUP BY status');

/** Durations of jobs finished since ?2 (ms), newest first, at most ?3 of them. */
export const RECENT_JOB_DURATIONS = scoped(`
SELECT completed_at - started_at AS ms FROM jobs
WHERE {T} completed_at IS NOT NULL AND started_at IS NOT NULL AND completed_at >= ?2
ORDER BY id DESC LIMIT ?3`);
export interface DurationRow {
  ms: number;
}

/**
 * Pending work per queue, read from the rows D1 keeps for it (DESIGN "Durability": messages are only
 * wake-ups). `due` counts rows whose time has come (?2 = now); `oldest_due` is the earliest of them,
 * so `now - oldest_due` is how long work has waited past its time: the queue's lag.
 */
export interface QueueLagRow {
  queue: string;
  pending: number;
  due: number;
  oldest_due: number | null;
}

const lag = (queue: string, due: string, from: string, where: string) =>
  `SELECT '${queue}' AS queue, COUNT(*) AS pending, COALESCE(SUM(CASE WHEN ${due} <= ?2 THEN 1 ELSE 0 END), 0) AS due,
  MIN(CASE WHEN ${due} <= ?2 THEN ${due} END) AS oldest_due FROM ${from} WHERE ${where}`;

export const QUEUE_LAG = scoped(
  [
    // images_due (status, next_attempt_at) serves both forms.
    lag('ingest', 'COALESCE(next_attempt_at, updated_at)', 'images', "{T} status IN ('pending', 'processing')"),
    // deliveries_due (status, next_attempt_at).
    lag('deliveries', 'COALESCE(next_attempt_at, updated_at)', 'deliveries', "{T} status IN ('pending', 'delivering', 'retrying')"),
    // imports_tenant (tenant_id, status).
    lag('imports', 'updated_at', 'imports', "{T} status IN ('pending', 'processing')"),
    // Accepted ERP pushes not applied yet: their job is still pending (jobs_status (status, created_at)).
    lag('inbound', 'created_at', 'jobs', "{T} status = 'pending' AND kind = 'inbound'"),
    // Events past the tenant's fan-out watermark (events_tenant_seq).
    lag('events', 'e.created_at', 'events AS e JOIN tenants AS t ON t.id = e.tenant_id', '{T:e} e.seq > t.fanout_seq'),
  ].join('\nUNION ALL\n'),
);

/**
 * Delivery attempts since ?2 (deliveries whose id sorts at or after that instant's ULID prefix: ids
 * are time-ordered, so the primary key bounds the scan), newest first, at most ?3.
 * The tenant form walks the tenant's endpoints (deliveries_endpoint (endpoint_id, id)).
 */
export const RECENT_ATTEMPTS = {
  tenant: `
SELECT d.endpoint_id, a.status_code, a.latency_ms FROM deliveries AS d
JOIN delivery_attempts AS a ON a.delivery_id = d.id
WHERE d.endpoint_id IN (SELECT id FROM webhook_endpoints WHERE tenant_id = ?1) AND d.id >= ?2
ORDER BY d.id DESC LIMIT ?3`,
  all: `
SELECT d.endpoint_id, a.status_code, a.latency_ms FROM deliveries AS d
JOIN delivery_attempts AS a ON a.delivery_id = d.id
WHERE d.id >= ?2 AND d.id < 'dlv_~'
ORDER BY d.id DESC LIMIT ?3`,
} satisfies Scoped;
export interface AttemptRow {
  endpoint_id: string;
  status_code: number | null;
  latency_ms: number;
}

/** Endpoints (at most ?2), so an endpoint with no attempts yet is listed too. */
export const ENDPOINTS = scoped('SELECT id, tenant_id, url, enabled, disabled_reason FROM webhook_endpoints WHERE {T} 1 ORDER BY id LIMIT ?2');
export interface EndpointSummaryRow {
  id: string;
  tenant_id: string;
  url: string;
  enabled: number;
  disabled_reason: string | null;
}

/** Admin view only. */
export const COUNT_TENANTS = 'SELECT COUNT(*) AS n FROM tenants';
export const COUNT_DEAD_LETTERS = 'SELECT COUNT(*) AS n FROM dead_letters';
export interface CountRow {
  n: number;
}
