/**
 * The cron's part in webhooks: D1 is the record of pending work, queues only wake consumers. Every
 * minute, tenants whose events are past their fan-out watermark get a wake-up, and deliveries that
 * are due (long backoffs, lost wake-ups, expired claims) are handed to the deliveries queue in
 * messages of 100 ids.
 */
import { ROUTINE_SWEEP, type SweepMode, wakeBefore } from '../lib/sweep-mode';
import { read, readBatch } from '../db/batch';
import type { Env } from '../env';
import { type DueRow, type IdRow, RELEASE_DEAD_CLAIMS, SELECT_DUE_DELIVERIES, SELECT_STUCK_INBOUND_JOBS, SELECT_TENANTS_BEHIND, type StuckJobRow } from './webhooks.queries';
import { stampRoute } from '../placement/stamp';

const MAX_TENANTS = 100;
const MAX_DUE = 2000;
/** After a restart every due delivery lost its message at once: wake far more of them in one go. */
const MAX_DUE_RECOVERY = 20_000;
/** A routine sweep leaves inbound jobs younger than this to the wake-up their push sent. */
const INBOUND_UNTOUCHED_MS = 60_000;

export async function sweepWebhooks(env: Env, now = Date.now(), mode: SweepMode = ROUTINE_SWEEP): Promise<{ tenants: number; due: number; inbound: number }> {
  const db = env.DB;
  // Claims a dead process took (see lib/sweep-mode.ts): due again now rather than when the lease ends.
  const release = mode.deadBefore === null ? [] : [db.prepare(RELEASE_DEAD_CLAIMS).bind(now, mode.deadBefore)];
  const [tenants, due, stuckInbound] = await readBatch(db, [
    read<IdRow>(db.prepare(SELECT_TENANTS_BEHIND).bind(MAX_TENANTS)),
    read<DueRow>(db.prepare(SELECT_DUE_DELIVERIES).bind(now, mode.recovery ? MAX_DUE_RECOVERY : MAX_DUE)),
    read<StuckJobRow>(db.prepare(SELECT_STUCK_INBOUND_JOBS).bind(wakeBefore(mode, now, INBOUND_UNTOUCHED_MS))),
  ], release);
  if (stuckInbound.length > 0) {
    await env.INBOUND_QUEUE.sendBatch(stuckInbound.map((j) => ({ body: stampRoute(env, { kind: 'inbound' as const, tenantId: j.tenant_id, jobId: j.id }) })));
  }
  const tenantIds = tenants.map((r) => r.id);
  const dueIds = due.map((r) => r.id);
  // One tenant's deliveries per message: the consumer routes each message to its tenant's shard.
  const dueByTenant = new Map<string, string[]>();
  for (const row of due) dueByTenant.set(row.tenant_id, [...(dueByTenant.get(row.tenant_id) ?? []), row.id]);
  if (tenantIds.length > 0) await env.EVENTS_QUEUE.sendBatch(tenantIds.map((tenantId) => ({ body: stampRoute(env, { kind: 'events' as const, tenantId }) })));
  const messages = [];
  for (const [tenantId, ids] of dueByTenant) {
    for (let i = 0; i < ids.length; i += 100) messages.push({ body: stampRoute(env, { kind: 'deliver' as const, tenantId, ids: ids.slice(i, i + 100) }) });
  }
  for (let i = 0; i < messages.length; i += 100) await env.DELIVERIES_QUEUE.sendBatch(messages.slice(i, i + 100));
  return { tenants: tenantIds.length, due: dueIds.length, inbound: stuckInbound.length };
}
