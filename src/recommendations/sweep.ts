/**
 * The cron's part: wake the consumer for every tenant with events past its watermark or due products,
 * and re-send the next slice of rebuilds untouched for a minute (a lost message, a restarted server).
 */
import { read, readBatch } from '../db/batch';
import type { Env } from '../env';
import { type RebuildRow, SELECT_STALLED_REBUILDS, SELECT_TENANTS_DUE, type TenantRow } from './recs.queries';
import { stampRoute } from '../placement/stamp';

const TENANTS_PER_SWEEP = 500;
const STALLED_MS = 60_000;

export async function sweepRecommendations(env: Pick<Env, 'DB' | 'RECS_QUEUE'>, now: number): Promise<void> {
  const db = env.DB;
  const [tenants, rebuilds] = await readBatch(db, [
    read<TenantRow>(db.prepare(SELECT_TENANTS_DUE).bind(TENANTS_PER_SWEEP)),
    read<RebuildRow>(db.prepare(SELECT_STALLED_REBUILDS).bind(STALLED_MS, now)),
  ]);
  const messages = [
    ...tenants.map((t) => ({ body: stampRoute(env, { kind: 'recs' as const, tenantId: t.tenant_id }) })),
    ...rebuilds.map((r) => ({ body: stampRoute(env, { kind: 'rebuild' as const, tenantId: r.tenant_id, jobId: r.job_id }) })),
  ];
  for (let i = 0; i < messages.length; i += 100) await env.RECS_QUEUE.sendBatch(messages.slice(i, i + 100));
}
