/** A move survives lost messages (the cron resumes it), ignores stale ones, and cleans only 2x the cache TTL after the flip. */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { runShardMove } from '../../src/moves/run-move';
import type { ShardMoveMessage } from '../../src/env';
import { deliver, drainMoves, request, seedCatalog, tableCounts, takeMoveMessages, tenantOn, testEnv } from './moves-fixtures';

async function moveRow(id: string) {
  return (await env.DB.prepare('SELECT state, updated_at FROM shard_moves WHERE id = ?1').bind(id).first<{ state: string; updated_at: number }>())!;
}

async function start(tenantId: string, shard: number): Promise<ShardMoveMessage> {
  const res = await request(`/v1/admin/tenants/${tenantId}/move`, { method: 'POST', json: { shard } });
  expect(res.status).toBe(202);
  const [message] = takeMoveMessages() as ShardMoveMessage[];
  return message!;
}

describe('resuming a move', () => {
  it('the cron resumes a move whose lease expired (its message was lost), and the move ends', async () => {
    const t = await tenantOn(2);
    await seedCatalog(t, 5);
    const lost = await start(t.id, 1);
    const stalledAt = Date.now() - 10 * 60_000;
    await env.DB.prepare('UPDATE shard_moves SET updated_at = ?2 WHERE id = ?1').bind(lost.moveId, stalledAt).run();

    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), testEnv, ctx);
    await waitOnExecutionContext(ctx);
    const resumed = takeMoveMessages() as ShardMoveMessage[];
    expect(resumed).toContainEqual({ kind: 'shard-move', moveId: lost.moveId, token: stalledAt });
    for (const message of resumed.filter((m) => m.moveId !== lost.moveId)) testEnv.MAINTENANCE_QUEUE.send(message);
    for (const message of resumed.filter((m) => m.moveId === lost.moveId)) await deliver(message);
    await drainMoves();
    expect((await moveRow(lost.moveId)).state).toBe('done');
    expect((await tableCounts(1, t.id)).products).toBe(5);
  });

  it('a message whose lease token is stale changes nothing (a duplicate or an outrun runner)', async () => {
    const t = await tenantOn(2);
    const first = await start(t.id, 0);
    await deliver({ ...first, token: first.token - 1 });
    expect(await moveRow(first.moveId)).toEqual({ state: 'copying', updated_at: first.token });
    expect(takeMoveMessages()).toEqual([]);
    // The same message twice: the second finds the lease taken.
    expect(await runShardMove(testEnv, first, { cacheTtlMs: 0, queryBudget: 20 })).not.toBeNull();
    expect(await runShardMove(testEnv, first, { cacheTtlMs: 0, queryBudget: 20 })).toBeNull();
  });

  it('cleaning waits twice the identity cache TTL after the flip', async () => {
    const t = await tenantOn(3);
    await seedCatalog(t, 4);
    let message = await start(t.id, 2);
    let clock = Date.now();
    const now = () => clock;
    const ttl = 30_000;
    let next = await runShardMove(testEnv, message, { cacheTtlMs: ttl, now });
    for (let i = 0; i < 20 && next && next.delaySeconds === 0; i++) next = await runShardMove(testEnv, next.message, { cacheTtlMs: ttl, now });
    expect((await moveRow(message.moveId)).state).toBe('cleaning');
    expect(next!.delaySeconds).toBe(60);
    expect((await tableCounts(3, t.id)).products).toBe(4);

    clock += 59_000;
    next = await runShardMove(testEnv, next!.message, { cacheTtlMs: ttl, now });
    expect(next!.delaySeconds).toBe(1);
    expect((await tableCounts(3, t.id)).products).toBe(4);

    clock += 1_000;
    message = next!.message;
    expect(await runShardMove(testEnv, message, { cacheTtlMs: ttl, now })).toBeNull();
    expect((await moveRow(message.moveId)).state).toBe('done');
    expect((await tableCounts(3, t.id)).products).toBe(0);
  });
});
