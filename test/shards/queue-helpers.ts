/**
 * Helpers for the shards project's queue and cron suites: tenants placed on a chosen shard (control
 * row, placement, the shard's copy of the row), messages delivered to the Worker's queue handler, and
 * counts of a tenant's rows on every database, to prove work happened on one shard only.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import type { Env } from '../../src/env';
import worker from '../../src/index';
import { shardBinding } from '../../src/db/shards';
import { copySettingsToShard, resolvePlacement } from '../../src/placement/placement';
import { UPSERT_SHARD_TENANT } from '../../src/placement/placement.queries';
import type { Placement } from '../../src/placement/tenant-env';

export const testEnv = env as unknown as Env;

/** A tenant on `shard` at epoch 1, with no API key (the queue and cron suites need none). */
export async function tenantOn(shard: number): Promise<Placement> {
  const now = Date.now();
  const id = `t_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await env.DB.prepare(UPSERT_SHARD_TENANT).bind(id, `Tenant ${id}`, 'USD', 'en-US', 'standard', now, now, 1).run();
  await env.DB.prepare("INSERT INTO placements (tenant_id, shard, epoch, state, updated_at) VALUES (?1, ?2, 1, 'active', ?3)").bind(id, shard, now).run();
  const placement = await resolvePlacement(testEnv, id, 0);
  await copySettingsToShard(testEnv, placement, { id, name: `Tenant ${id}`, defaultCurrency: 'USD', defaultLocale: 'en-US', plan: 'standard', createdAt: now, updatedAt: now });
  return placement;
}

export function shard(n: number): D1Database {
  return shardBinding(env, n);
}

/** Every database of the project: control first, then shards 0..3. */
export function databases(): Array<{ name: string; db: D1Database }> {
  return [{ name: 'control', db: env.DB }, ...[0, 1, 2, 3].map((n) => ({ name: `shard ${n}`, db: shard(n) }))];
}

/** Rows of `table` for the tenant on each database, by name (control, shard 0..3). */
export async function rowsEverywhere(table: string, tenantId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { name, db } of databases()) {
    const row = await db.prepare(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = ?1`).bind(tenantId).first<{ n: number }>();
    out[name] = row?.n ?? 0;
  }
  return out;
}

/** Only `where` holds `n` rows of the tenant in `table`; every other database none. */
export function onlyOn(where: number, n: number): Record<string, number> {
  const out: Record<string, number> = { control: 0 };
  for (const s of [0, 1, 2, 3]) out[`shard ${s}`] = s === where ? n : 0;
  return out;
}

/** Delivers `bodies` as one batch of `queue` to the Worker's queue handler; what it acked and retried. */
export async function consume(queue: string, bodies: unknown[], attempts = 1) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await (worker as ExportedHandler<Cloudflare.Env>).queue!(batch, env, ctx);
  return getQueueResult(batch, ctx);
}
