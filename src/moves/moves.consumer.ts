/**
 * The moves' queue and cron hooks. Move messages ride the maintenance queue beside the money
 * backfill's; each advances one move as far as one invocation's query budget allows, then sends the
 * next (a delay while cleaning waits, a backoff after a failure). The cron resumes a move whose lease
 * expired (a crash, a lost send), so nothing depends on one message arriving.
 */
import type { AppOptions } from '../config';
import type { Env, MaintenanceMessage, ShardMoveMessage } from '../env';
import { keyCacheTtlMs } from '../auth/tenant-lookup';
import { retryAfterFailure } from '../lib/retry-reason';
import { controlDb } from '../placement/tenant-env';
import { SELECT_STALLED } from './moves.queries';
import { type MoveRunOptions, runShardMove } from './run-move';

/**
 * A move not advanced for this long is resumed by the cron. Every slice commits (well under a second
 * apart), and cleaning's wait re-claims the move at least every half lease.
 */
export const MOVE_LEASE_MS = 120_000;
const MAX_DELAY_SECONDS = MOVE_LEASE_MS / 2000;

type Others = (batch: MessageBatch<Exclude<MaintenanceMessage, ShardMoveMessage>>, env: Env) => Promise<void>;

const isMove = (body: unknown): body is ShardMoveMessage => (body as { kind?: unknown } | null)?.kind === 'shard-move';

export function moveRunOptions(env: Env, options: Pick<AppOptions, 'keyCacheTtlSeconds'>): MoveRunOptions {
  return { cacheTtlMs: keyCacheTtlMs(env, options) };
}

/** The maintenance queue: move messages here, the rest to `others` (the money backfill). */
export async function handleMaintenanceWithMoves(batch: MessageBatch<MaintenanceMessage>, env: Env, options: AppOptions, others: Others): Promise<void> {
  const moves = batch.messages.filter((m) => isMove(m.body)) as Message<ShardMoveMessage>[];
  const rest = batch.messages.filter((m) => !isMove(m.body)) as Message<Exclude<MaintenanceMessage, ShardMoveMessage>>[];
  if (rest.length > 0) {
    // Built field by field: a runtime batch keeps its fields on its prototype, which a spread drops.
    const subset: MessageBatch<Exclude<MaintenanceMessage, ShardMoveMessage>> = {
      queue: batch.queue,
      metadata: batch.metadata,
      messages: rest,
      ackAll: () => rest.forEach((m) => m.ack()),
      retryAll: (options) => rest.forEach((m) => m.retry(options)),
    };
    await others(subset, env);
  }
  for (const message of moves) {
    try {
      const next = await runShardMove(env, message.body, moveRunOptions(env, options));
      if (next) await env.MAINTENANCE_QUEUE.send(next.message, { delaySeconds: Math.min(next.delaySeconds, MAX_DELAY_SECONDS) });
      message.ack();
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', message: 'shard move step failed', moveId: message.body.moveId, error: String(error) }));
      retryAfterFailure(message, error, Math.min(300, 10 * 2 ** message.attempts));
    }
  }
}

/** Cron: a message for every running move whose lease expired (its token is the stalled `updated_at`). */
export async function resumeStalledMoves(env: Env, now = Date.now()): Promise<void> {
  const { results } = await controlDb(env).prepare(SELECT_STALLED).bind(now - MOVE_LEASE_MS).all<{ id: string; updated_at: number }>();
  for (const row of results) await env.MAINTENANCE_QUEUE.send({ kind: 'shard-move', moveId: row.id, token: row.updated_at });
}
