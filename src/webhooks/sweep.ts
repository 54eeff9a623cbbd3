/**
 * The cron's part in webhooks: D1 is the record of pending work, queues only wake consumers. Every
 * minute, tenants whose events are past their fan-out watermark get a wake-up, and deliveries that
 * are due (long backoffs, lost wake-ups, expired claims) are handed to the deliveries queue in
 * messages of 100 ids.
 */
import { ROUTINE_SWEEP, type SweepMode, wakeBefore } from '../lib/sweep-mode';
import type { Env } from '../env';

const MAX_TENANTS = 100;
const MAX_DUE = 2000;
/** After a restart every due delivery lost its message at once: wake far more of them in one go. */
const MAX_DUE_RECOVERY = 20_000;
/** A routine sweep leaves inbound jobs younger than this to the wake-up their push sent. */
const INBOUND_UNTOUCHED_MS = 60_000;

export async function sweepWebhooks(env: Env, now = Date.now(), mode: SweepMode = ROUTINE_SWEEP): Promise<{ tenants: number; due: number; inbound: number }> {
  const db = env.DB;
  const release = mode.deadBefore === null ? [] : [
    // Claims a dead process took (see lib/sweep-mode.ts): due again now rather than when the lease ends.
    db.prepare("UPDATE deliveries SET lease_until = ?1 - 1 WHERE status = 'delivering' AND lease_until >= ?1 AND updated_at < ?2").bind(now, mode.deadBefore),
  ];
  const [tenants, due, inbound] = (await db.batch([...release,
    db.prepare('SELECT id FROM tenants WHERE event_seq > fanout_seq LIMIT ?1').bind(MAX_TENANTS),
    db.prepare(
      `SELECT id FROM deliveries
       WHERE (status IN ('pending', 'retrying') AND next_attempt_at <= ?1) OR (status = 'delivering' AND lease_until < ?1)
       ORDER BY next_attempt_at LIMIT ?2`,
    ).bind(now, mode.recovery ? MAX_DUE_RECOVERY : MAX_DUE),
    // Accepted inbound pushes whose wake-up was lost (or whose apply crashed) a minute or more ago.
    db.prepare(
      `SELECT id, tenant_id FROM jobs WHERE status IN ('pending', 'processing') AND kind = 'inbound' AND created_at < ?1 LIMIT 100`,
    ).bind(wakeBefore(mode, now, INBOUND_UNTOUCHED_MS)),
  ])).slice(release.length);
  const stuckInbound = inbound!.results as Array<{ id: string; tenant_id: string }>;
  if (stuckInbound.length > 0) {
    await env.INBOUND_QUEUE.sendBatch(stuckInbound.map((j) => ({ body: { kind: 'inbound' as const, tenantId: j.tenant_id, jobId: j.id } })));
  }
  const tenantIds = (tenants!.results as Array<{ id: string }>).map((r) => r.id);
  const dueIds = (due!.results as Array<{ id: string }>).map((r) => r.id);
  if (tenantIds.length > 0) await env.EVENTS_QUEUE.sendBatch(tenantIds.map((tenantId) => ({ body: { kind: 'events' as const, tenantId } })));
  const messages = [];
  for (let i = 0; i < dueIds.length; i += 100) messages.push({ body: { kind: 'deliver' as const, ids: dueIds.slice(i, i + 100) } });
  for (let i = 0; i < messages.length; i += 100) await env.DELIVERIES_QUEUE.sendBatch(messages.slice(i, i + 100));
  return { tenants: tenantIds.length, due: dueIds.length, inbound: stuckInbound.length };
}
