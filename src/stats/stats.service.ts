/**
 * The numbers behind `GET /v1/stats`, `GET /v1/admin/stats` and the dashboard's overview: one D1
 * batch of aggregates (a consistent snapshot), summarized by the pure rules in summarize.ts.
 */
import { type Db, read, readBatch } from '../db/batch';
import { idFloor } from '../lib/ulid';
import { toIso } from '../lib/time';
import type { StatsT } from './stats.schemas';
import {
  type AttemptRow,
  COUNT_DEAD_LETTERS,
  COUNT_TENANTS,
  type CountRow,
  type DurationRow,
  ENDPOINTS,
  type EndpointSummaryRow,
  IMAGES_BY_STATUS,
  JOBS_BY_STATUS,
  PRODUCTS_BY_STATUS,
  QUEUE_LAG,
  type QueueLagRow,
  RECENT_ATTEMPTS,
  RECENT_JOB_DURATIONS,
  type StatusCountRow,
} from './stats.queries';
import { byStatus, percentiles, rate, succeeded, sum } from './summarize';

export type StatsScope = { tenantId: string } | 'all';

/** Figures cover the last day. */
export const WINDOW_HOURS = 24;
/**
 * Samples read per figure: percentiles of the newest 5,000 jobs and 20,000 delivery attempts in the
 * window. Bounded so a busy tenant's stats stay one cheap request; `count` says how many were used.
 */
export const MAX_JOB_SAMPLES = 5_000;
export const MAX_ATTEMPT_SAMPLES = 20_000;
export const MAX_ENDPOINTS = 100;

const PRODUCT_STATUSES = ['pending', 'processing', 'done', 'error'] as const;
const JOB_STATUSES = ['pending', 'processing', 'completed', 'failed', 'partial'] as const;

/** One database's aggregates, before summarizing (the admin view merges them across shards). */
interface Figures {
  products: StatusCountRow[];
  images: StatusCountRow[];
  jobs: StatusCountRow[];
  durations: DurationRow[];
  queues: QueueLagRow[];
  attempts: AttemptRow[];
  endpoints: EndpointSummaryRow[];
}

async function readFigures(db: Db, scope: StatsScope, now: number): Promise<Figures> {
  const form = scope === 'all' ? 'all' : 'tenant';
  const tenant = scope === 'all' ? null : scope.tenantId;
  // Numbered parameters: a statement has as many slots as its highest ?n, so the `all` forms (which
  // never mention ?1) still take the same positions when they have later ones.
  const prepare = (sql: { tenant: string; all: string }, ...rest: unknown[]) => {
    const statement = db.prepare(sql[form]);
    if (tenant !== null) return statement.bind(tenant, ...rest);
    return rest.length > 0 ? statement.bind(null, ...rest) : statement;
  };
  const since = now - WINDOW_HOURS * 3600_000;
  const [products, images, jobs, durations, queues, attempts, endpoints] = await readBatch(db, [
    read<StatusCountRow>(prepare(PRODUCTS_BY_STATUS)),
    read<StatusCountRow>(prepare(IMAGES_BY_STATUS)),
    read<StatusCountRow>(prepare(JOBS_BY_STATUS)),
    read<DurationRow>(prepare(RECENT_JOB_DURATIONS, since, MAX_JOB_SAMPLES)),
    read<QueueLagRow>(prepare(QUEUE_LAG, now)),
    // ids are `dlv_` + a ULID whose first 10 characters encode the time: a prefix bounds the window.
    read<AttemptRow>(prepare(RECENT_ATTEMPTS, idFloor('dlv', since), MAX_ATTEMPT_SAMPLES)),
    read<EndpointSummaryRow>(prepare(ENDPOINTS, MAX_ENDPOINTS)),
  ]);
  return { products, images, jobs, durations, queues, attempts, endpoints };
}

/**
 * Several shards' figures as one: counts add up, each queue's backlog adds up and its oldest due
 * item is the oldest of all, samples are pooled (each shard contributes at most its own cap, so
 * `count` may exceed the per-database cap), endpoints are the first MAX_ENDPOINTS by id. Pure.
 */
export function mergeFigures(all: readonly Figures[]): Figures {
  const queues = new Map<string, QueueLagRow>();
  for (const row of all.flatMap((f) => f.queues)) {
    const seen = queues.get(row.queue);
    if (!seen) queues.set(row.queue, { ...row });
    else {
      seen.pending += row.pending;
      seen.due += row.due;
      seen.oldest_due = seen.oldest_due === null ? row.oldest_due : row.oldest_due === null ? seen.oldest_due : Math.min(seen.oldest_due, row.oldest_due);
    }
  }
  return {
    products: all.flatMap((f) => f.products),
    images: all.flatMap((f) => f.images),
    jobs: all.flatMap((f) => f.jobs),
    durations: all.flatMap((f) => f.durations),
    queues: [...queues.values()],
    attempts: all.flatMap((f) => f.attempts),
    endpoints: all
      .flatMap((f) => f.endpoints)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, MAX_ENDPOINTS),
  };
}

function summarizeFigures(figures: Figures, form: 'tenant' | 'all', now: number): StatsT {
  const { products, images, jobs, durations, queues, attempts, endpoints } = figures;
  const productCounts = byStatus(PRODUCT_STATUSES, products);
  const imageCounts = byStatus(PRODUCT_STATUSES, images);

  const perEndpoint = new Map<string, AttemptRow[]>();
  for (const row of attempts) perEndpoint.set(row.endpoint_id, [...(perEndpoint.get(row.endpoint_id) ?? []), row]);
  const ok = attempts.filter((a) => succeeded(a.status_code)).length;

  return {
    scope: form,
    generatedAt: toIso(now),
    windowHours: WINDOW_HOURS,
    products: { total: sum(productCounts), byStatus: productCounts },
    images: { total: sum(imageCounts), byStatus: imageCounts },
    jobs: { byStatus: byStatus(JOB_STATUSES, jobs), durationMs: percentiles(durations.map((d) => d.ms)) },
    queues: queues.map((q) => ({
      queue: q.queue as StatsT['queues'][number]['queue'],
      pending: q.pending,
      due: q.due,
      oldestDueAt: toIso(q.oldest_due),
      lagSeconds: q.oldest_due === null ? 0 : Math.max(0, Math.floor((now - q.oldest_due) / 1000)),
    })),
    deliveries: {
      attempts: attempts.length,
      succeeded: ok,
      successRate: rate(ok, attempts.length),
      latencyMs: percentiles(attempts.map((a) => a.latency_ms)),
      endpoints: endpoints.map((e) => {
        const mine = perEndpoint.get(e.id) ?? [];
        const good = mine.filter((a) => succeeded(a.status_code)).length;
        return {
          id: e.id,
          tenantId: e.tenant_id,
          url: e.url,
          enabled: e.enabled === 1,
          disabledReason: e.disabled_reason,
          attempts: mine.length,
          succeeded: good,
          successRate: rate(good, mine.length),
          latencyMs: percentiles(mine.map((a) => a.latency_ms)),
        };
      }),
    },
  };
}

/** Control-plane counts, read once whatever the number of shards (the shards' `tenants` rows are copies). */
async function controlCounts(control: Db): Promise<{ tenants: number; deadLetters: number }> {
  const [tenants, dead] = await readBatch(control, [read<CountRow>(control.prepare(COUNT_TENANTS)), read<CountRow>(control.prepare(COUNT_DEAD_LETTERS))]);
  return { tenants: tenants[0]?.n ?? 0, deadLetters: dead[0]?.n ?? 0 };
}

/** A tenant's figures (`db`: its shard), or, with `all` on a single database, everyone's. */
export async function computeStats(db: Db, scope: StatsScope, now = Date.now()): Promise<StatsT> {
  const stats = summarizeFigures(await readFigures(db, scope, now), scope === 'all' ? 'all' : 'tenant', now);
  if (scope !== 'all') return stats;
  return { ...stats, ...(await controlCounts(db)) };
}

/** Everyone's figures: every data shard's aggregates merged, the control database's counts once. */
export async function computeAllStats(control: Db, shards: readonly Db[], now = Date.now()): Promise<StatsT> {
  const figures = await Promise.all(shards.map((db) => readFigures(db, 'all', now)));
  return { ...summarizeFigures(mergeFigures(figures), 'all', now), ...(await controlCounts(control)) };
}

/**
 * One Analytics Engine data point per computed view, when a dataset is bound (`STATS` binding,
 * optional): index = the tenant (or `all`), so a dashboard over the dataset can chart lag and
 * delivery health over time without asking D1.
 */
export function statsDataPoint(stats: StatsT, tenantId: string | null): AnalyticsEngineDataPoint {
  const lag = (queue: string) => stats.queues.find((q) => q.queue === queue)?.lagSeconds ?? 0;
  return {
    indexes: [tenantId ?? 'all'],
    blobs: [stats.scope, tenantId ?? 'all'],
    doubles: [
      stats.products.total,
      stats.images.byStatus.pending ?? 0,
      stats.images.byStatus.error ?? 0,
      stats.jobs.byStatus.processing ?? 0,
      lag('ingest'),
      lag('deliveries'),
      lag('imports'),
      lag('events'),
      stats.deliveries.successRate ?? -1,
      stats.deliveries.latencyMs.p95 ?? -1,
    ],
  };
}

/** Writes the data point; a failure of the optional metrics sink never fails the request. */
export function recordStats(dataset: AnalyticsEngineDataset | undefined, stats: StatsT, tenantId: string | null): void {
  if (!dataset) return;
  try {
    dataset.writeDataPoint(statsDataPoint(stats, tenantId));
  } catch (err) {
    console.error(JSON.stringify({ level: 'warn', message: 'stats data point not written', error: String(err) }));
  }
}

/** A tenant's products by status and their total (the catalog's counts): one indexed query. */
export async function productCounts(db: Db, tenantId: string): Promise<{ total: number; byStatus: Record<string, number> }> {
  const { results } = await db.prepare(PRODUCTS_BY_STATUS.tenant).bind(tenantId).all<StatusCountRow>();
  const counts = byStatus(PRODUCT_STATUSES, results);
  return { total: sum(counts), byStatus: counts };
}
