/**
 * Starting and reading moves (the admin API's service). A move starts only from a tenant's active
 * placement to another bound shard, one running move per tenant; its first message is sent at once.
 */
import { shardCount } from '../db/shards';
import type { Env, ShardMoveMessage } from '../env';
import { ApiError } from '../http/problem';
import { newId } from '../lib/ulid';
import { resolvePlacement } from '../placement/placement';
import { controlDb } from '../placement/tenant-env';
import { INSERT_MOVE, LIST_MOVES, type MoveRow, SELECT_MOVE, SELECT_RUNNING, SELECT_TENANT } from './moves.queries';
import { parseWatermarks } from './progress';
import { toIso } from '../lib/time';
import type { z } from '@hono/zod-openapi';
import type { MoveSchema } from './moves.schemas';
import type { MoveReport, MoveState } from './progress';

export type MoveResource = z.infer<typeof MoveSchema>;

export function toResource(row: MoveRow): MoveResource {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    fromShard: row.from_shard,
    toShard: row.to_shard,
    state: row.state as MoveState,
    epoch: row.epoch,
    watermarks: parseWatermarks(row.watermarks) as unknown as Record<string, unknown>,
    report: row.report ? (JSON.parse(row.report) as MoveReport) : null,
    error: row.error,
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
    completedAt: toIso(row.completed_at),
  };
}

async function requireTenant(env: Env, tenantId: string): Promise<void> {
  const found = await controlDb(env).prepare(SELECT_TENANT).bind(tenantId).first();
  if (!found) throw new ApiError('not_found', 'No such tenant');
}

/** Starts moving `tenantId` to `toShard`; the move runs on the maintenance queue. */
export async function startMove(env: Env, tenantId: string, toShard: number, now = Date.now()): Promise<MoveResource> {
  await requireTenant(env, tenantId);
  const count = shardCount(env);
  if (count < 2) throw new ApiError('validation_failed', 'Only one shard is bound: there is nowhere to move a tenant', [{ path: '/shard', message: 'Bind DB_SHARD_0..N-1 (N >= 2) to move tenants' }]);
  if (toShard >= count) {
    throw new ApiError('validation_failed', `Shard ${toShard} is not bound`, [{ path: '/shard', message: `Must be a bound shard: 0 to ${count - 1}` }]);
  }
  const running = await controlDb(env).prepare(SELECT_RUNNING).bind(tenantId).first<MoveRow>();
  if (running) throw new ApiError('conflict', `Move ${running.id} of this tenant is still ${running.state}`, [{ path: '/shard', message: 'One move per tenant at a time' }]);
  const placement = await resolvePlacement(env, tenantId, 0);
  if (placement.shard === toShard) throw new ApiError('conflict', `The tenant already lives on shard ${toShard}`, [{ path: '/shard', message: 'Must differ from the current shard' }]);
  if (placement.state !== 'active') throw new ApiError('conflict', 'The tenant is frozen', [{ path: '/shard', message: 'Wait until the tenant is active' }]);

  const id = newId('mov', now);
  const inserted = await controlDb(env).prepare(INSERT_MOVE).bind(id, tenantId, placement.shard, toShard, placement.epoch + 1, now).run();
  if ((inserted.meta.changes ?? 0) !== 1) throw new ApiError('conflict', 'Another move of this tenant started just now', [{ path: '/shard', message: 'One move per tenant at a time' }]);
  const message: ShardMoveMessage = { kind: 'shard-move', moveId: id, token: now };
  try {
    await env.MAINTENANCE_QUEUE.send(message);
  } catch (error) {
    // A lost send is not a lost move: the cron resumes it once its lease has expired.
    console.warn(JSON.stringify({ level: 'warn', message: 'shard move: first message not sent; the cron will resume it', moveId: id, error: String(error) }));
  }
  return (await getMove(env, tenantId, id))!;
}

export async function getMove(env: Env, tenantId: string, moveId: string): Promise<MoveResource | null> {
  const row = await controlDb(env).prepare(SELECT_MOVE).bind(moveId).first<MoveRow>();
  return row && row.tenant_id === tenantId ? toResource(row) : null;
}

/** The tenant's moves, newest first (at most 100). */
export async function listMoves(env: Env, tenantId: string): Promise<MoveResource[]> {
  await requireTenant(env, tenantId);
  const { results } = await controlDb(env).prepare(LIST_MOVES).bind(tenantId, 100).all<MoveRow>();
  return results.map(toResource);
}
