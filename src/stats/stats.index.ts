/** /v1/stats: the tenant's figures (the admin-wide view is served by the admin router). */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { createRouter } from '../http/router';
import { shardNumbers } from '../db/shards';
import { controlDb, shardDb, unscoped } from '../placement/tenant-env';
import { computeAllStats, computeStats, recordStats, type StatsScope } from './stats.service';
import { tenantStatsRoute } from './stats.routes';

export { adminStatsRoute } from './stats.routes';
export { computeStats, productCounts } from './stats.service';
export type { StatsT } from './stats.schemas';

/** Computes a view and records it in the Analytics Engine dataset when one is bound. */
export async function statsFor(c: Context<AppEnv>, scope: StatsScope) {
  const env = unscoped(c.env);
  // The admin view sums every data shard (with one database, the one database).
  const stats = scope === 'all' ? await computeAllStats(controlDb(env), shardNumbers(env).map((n) => shardDb(env, n))) : await computeStats(c.env.DB, scope);
  recordStats(c.env.STATS, stats, scope === 'all' ? null : scope.tenantId);
  return stats;
}

export function statsRouter() {
  const router = createRouter();
  router.openapi(tenantStatsRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await statsFor(c, { tenantId: c.get('tenant').id }), 200);
  });
  return router;
}
