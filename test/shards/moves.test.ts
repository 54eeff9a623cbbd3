/**
 * Moving a tenant between data shards through the admin API, driven message by message through the
 * Worker's queue entry (tests run with KEY_CACHE_TTL_SECONDS=0, so cleaning follows the flip at once).
 *
 * The catalog is written by the catalog service through the env scoped to the tenant's shard (the
 * HTTP routing of /v1 onto shards is not part of this suite), the rest of the data plane by SQL on
 * that shard as its modules write it: see moves-fixtures.ts.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { FencedWriteError } from '../../src/db/fence';
import { batchUpsert } from '../../src/catalog/products.service';
import { resolvePlacement } from '../../src/placement/placement';
import { shardDb } from '../../src/placement/tenant-env';
import { MOVE_TABLES } from '../../src/moves/tables';
import { runShardMove } from '../../src/moves/run-move';
import { catalogOn, drainMoves, ftsMatches, productBody, request, seedCatalog, tableCounts, takeMoveMessages, tenantOn, testEnv } from './moves-fixtures';

async function startMove(tenantId: string, shard: number) {
  const res = await request(`/v1/admin/tenants/${tenantId}/move`, { method: 'POST', json: { shard } });
  expect(res.status, await res.clone().text()).toBe(202);
  const move = (await res.json()) as { id: string; state: string; fromShard: number; toShard: number; epoch: number };
  expect(res.headers.get('location')).toBe(`/v1/admin/tenants/${tenantId}/moves/${move.id}`);
  return move;
}

async function readMove(tenantId: string, moveId: string): Promise<any> {
  const res = await request(`/v1/admin/tenants/${tenantId}/moves/${moveId}`);
  expect(res.status).toBe(200);
  return res.json();
}

describe('moving a tenant to another shard', () => {
  it('copies every table, verifies counts and hashes, flips the placement and deletes the old copy', async () => {
    const t = await tenantOn(1);
    const bystander = await tenantOn(1);
    await seedCatalog(t, 120);
    await seedCatalog(bystander, 3);
    const before = await tableCounts(1, t.id);
    const bystanderBefore = await tableCounts(1, bystander.id);
    // Every table holds rows of the tenant, so each one's copy is exercised.
    const seeded = ['tenants', 'products', 'images', 'jobs', 'job_errors', 'events', 'webhook_endpoints', 'deliveries', 'delivery_attempts', 'imports', 'inbound_sources', 'inbound_receipts', 'rec_signatures', 'rec_keys', 'rec_lists', 'rec_settings', 'idempotency_keys'];
    for (const name of seeded) expect(before[name], name).toBeGreaterThan(0);
    expect(before.products).toBe(120);
    expect((await ftsMatches(1, t.id, 'Canvas')).matched).toBe(60);

    const move = await startMove(t.id, 3);
    expect(move).toMatchObject({ state: 'copying', fromShard: 1, toShard: 3, epoch: 2 });
    expect(await drainMoves()).toBeGreaterThan(0);

    const done = await readMove(t.id, move.id);
    expect(done.state).toBe('done');
    expect(done.error).toBeNull();
    expect(done.completedAt).not.toBeNull();
    expect(Object.keys(done.report.tables).sort()).toEqual(MOVE_TABLES.map((x) => x.name).sort());
    for (const [name, r] of Object.entries<any>(done.report.tables)) {
      expect(r.equal, name).toBe(true);
      expect(r.fromRows, name).toBe(r.toRows);
      expect(r.fromHash, name).toBe(r.toHash);
      expect(r.toRows, name).toBe(before[name]);
    }
    expect(done.report.freezeMs).toBeGreaterThanOrEqual(0);

    // The new shard has every row; its FTS index was filled by the products' triggers.
    expect(await tableCounts(3, t.id)).toEqual(before);
    expect(await ftsMatches(3, t.id, 'Canvas')).toEqual({ matched: 60, entries: 120 });
    // The old shard keeps only the `moved` tenants row; the bystander on that shard is untouched.
    const after = await tableCounts(1, t.id);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([['tenants', 1]]);
    expect(await shardDb(testEnv, 1).prepare('SELECT epoch, write_state FROM tenants WHERE id = ?1').bind(t.id).first()).toEqual({ epoch: 1, write_state: 'moved' });
    expect(await ftsMatches(1, t.id, 'Canvas')).toEqual({ matched: 0, entries: 0 });
    expect(await tableCounts(1, bystander.id)).toEqual(bystanderBefore);
    expect((await tableCounts(3, bystander.id)).products).toBe(0);

    const placement = await resolvePlacement(testEnv, t.id, 0);
    expect(placement).toMatchObject({ shard: 3, epoch: 2, state: 'active' });
    expect(await shardDb(testEnv, 3).prepare('SELECT epoch, write_state FROM tenants WHERE id = ?1').bind(t.id).first()).toEqual({ epoch: 2, write_state: 'open' });

    // A write routed with the old placement is fenced, and nothing lands on the old shard.
    const stale = catalogOn(t.id, 'stale', t.placement);
    await expect(batchUpsert(stale, [productBody(900)])).rejects.toThrow(FencedWriteError);
    expect((await tableCounts(1, t.id)).products).toBe(0);
    // Routed with the new placement, it lands on the new shard.
    await batchUpsert(catalogOn(t.id, 'fresh', placement), [productBody(901)]);
    expect((await tableCounts(3, t.id)).products).toBe(121);

    const list = await request(`/v1/admin/tenants/${t.id}/moves`);
    expect(((await list.json()) as { data: Array<{ id: string }> }).data.map((m) => m.id)).toEqual([move.id]);
  });

  it('brings rows changed and deleted during the copy right in the tail', async () => {
    const t = await tenantOn(1);
    await seedCatalog(t, 30);
    const move = await startMove(t.id, 2);
    const [first] = takeMoveMessages() as Array<{ kind: 'shard-move'; moveId: string; token: number }>;
    // Small slices: run until the products are copied, writes still open.
    let next = await runShardMove(testEnv, first!, { cacheTtlMs: 0, sliceRows: 7, queryBudget: 40 });
    for (let i = 0; i < 50 && !(await readMove(t.id, move.id)).watermarks.copy.products?.done; i++) {
      next = await runShardMove(testEnv, next!.message, { cacheTtlMs: 0, sliceRows: 7, queryBudget: 40 });
    }
    const during = await readMove(t.id, move.id);
    expect(during.state).toBe('copying');
    expect(during.watermarks.copy.products).toMatchObject({ done: true, rows: 30 });
    expect((await tableCounts(2, t.id)).products).toBe(30);

    // The tenant keeps writing on its old shard: one product changed (a new title), one deleted.
    await batchUpsert(t.ctx, [productBody(3, { title: 'Renamed Parka' })]);
    await shardDb(testEnv, 1).batch([
      shardDb(testEnv, 1).prepare("DELETE FROM products WHERE tenant_id = ?1 AND id = 'p-0004'").bind(t.id),
      shardDb(testEnv, 1).prepare("DELETE FROM images WHERE tenant_id = ?1 AND product_id = 'p-0004'").bind(t.id),
    ]);
    const expected = await tableCounts(1, t.id);

    await testEnv.MAINTENANCE_QUEUE.send(next!.message);
    await drainMoves();
    const done = await readMove(t.id, move.id);
    expect(done.state).toBe('done');
    expect(done.report.tailRecopiedRows).toBeGreaterThan(0);
    expect(done.report.tailDeletedRows).toBeGreaterThanOrEqual(2);
    expect(await tableCounts(2, t.id)).toEqual(expected);
    const changed = await shardDb(testEnv, 2).prepare("SELECT json_extract(data, '$.title') AS title, version FROM products WHERE tenant_id = ?1 AND id = 'p-0003'").bind(t.id).first();
    expect(changed).toEqual({ title: 'Renamed Parka', version: 2 });
    expect(await shardDb(testEnv, 2).prepare("SELECT count(*) AS n FROM products WHERE tenant_id = ?1 AND id = 'p-0004'").bind(t.id).first('n')).toBe(0);
    // The FTS index follows: the new title is found, the old one and the deleted product are not.
    expect(await ftsMatches(2, t.id, 'Parka')).toEqual({ matched: 1, entries: 29 });
    // 15 odd-numbered shirts, one of them renamed; 15 totes, one of them deleted.
    expect((await ftsMatches(2, t.id, 'Shirt')).matched).toBe(14);
    expect((await ftsMatches(2, t.id, 'Canvas')).matched).toBe(14);
  });

  it('thaws the tenant where it was when the verification finds a difference', async () => {
    const t = await tenantOn(1);
    await seedCatalog(t, 10);
    // Schema drift on the new shard (a trigger its migrations do not have) alters a copied row.
    const drift = 'CREATE TRIGGER test_drift AFTER INSERT ON rec_settings BEGIN UPDATE rec_settings SET seq = seq + 1000 WHERE rowid = new.rowid; END';
    await shardDb(testEnv, 3).prepare(drift).run();
    try {
      const move = await startMove(t.id, 3);
      let [message] = takeMoveMessages() as Array<{ kind: 'shard-move'; moveId: string; token: number }>;
      // Step by step until the tenant is frozen.
      for (let i = 0; i < 100 && (await readMove(t.id, move.id)).watermarks.frozenAt === undefined; i++) {
        message = (await runShardMove(testEnv, message!, { cacheTtlMs: 0, queryBudget: 17 }))!.message;
      }
      expect((await readMove(t.id, move.id)).state).toBe('freezing');
      // While frozen, a write is refused as `frozen` (HTTP answers 503 tenant_moving).
      await expect(batchUpsert(t.ctx, [productBody(50)])).rejects.toMatchObject({ name: 'FencedWriteError', reason: 'frozen' });

      await testEnv.MAINTENANCE_QUEUE.send(message!);
      await drainMoves();
      const failed = await readMove(t.id, move.id);
      expect(failed.state).toBe('failed');
      expect(failed.error).toBe('verification failed: rec_settings differ between shard 1 and shard 3');
      expect(failed.report.tables.rec_settings).toMatchObject({ fromRows: 1, toRows: 1, equal: false });
      expect(failed.report.tables.products).toMatchObject({ fromRows: 10, toRows: 10, equal: true });
      expect(failed.report.freezeMs).toBeGreaterThanOrEqual(0);

      // The tenant writes where it was; the new copy is gone but for its tenants row, kept refusing
      // writes (where shard 3 were the control database itself, that row would be the tenant).
      expect(await resolvePlacement(testEnv, t.id, 0)).toMatchObject({ shard: 1, epoch: 1, state: 'active' });
      const { tenants: leftRow, ...rest } = await tableCounts(3, t.id);
      expect(Object.values(rest).every((n) => n === 0)).toBe(true);
      expect(leftRow).toBe(1);
      expect(await shardDb(testEnv, 3).prepare('SELECT write_state FROM tenants WHERE id = ?1').bind(t.id).first('write_state')).toBe('moved');
      await batchUpsert(t.ctx, [productBody(51)]);
      expect((await tableCounts(1, t.id)).products).toBe(11);
      // Another move may start now.
      const again = await request(`/v1/admin/tenants/${t.id}/move`, { method: 'POST', json: { shard: 2 } });
      expect(again.status).toBe(202);
      takeMoveMessages();
    } finally {
      await shardDb(testEnv, 3).prepare('DROP TRIGGER test_drift').run();
    }
  });
});

describe('the move API refuses', () => {
  it('an unknown tenant, an unbound shard, the current shard, a second move and a malformed body', async () => {
    const t = await tenantOn(2);
    const unknown = await request('/v1/admin/tenants/ten_nope/move', { method: 'POST', json: { shard: 1 } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');

    const unbound = await request(`/v1/admin/tenants/${t.id}/move`, { method: 'POST', json: { shard: 9 } });
    expect(unbound.status).toBe(422);
    expect((await unbound.json()) as object).toMatchObject({ code: 'validation_failed', errors: [{ path: '/shard' }] });

    const same = await request(`/v1/admin/tenants/${t.id}/move`, { method: 'POST', json: { shard: 2 } });
    expect(same.status).toBe(409);
    expect((await same.json()) as object).toMatchObject({ errors: [{ path: '/shard' }] });

    const malformed = await request(`/v1/admin/tenants/${t.id}/move`, { method: 'POST', json: { shard: 'one' } });
    expect(malformed.status).toBe(422);
    expect((await malformed.json()) as object).toMatchObject({ errors: [{ path: '/shard' }] });

    await startMove(t.id, 0);
    const second = await request(`/v1/admin/tenants/${t.id}/move`, { method: 'POST', json: { shard: 1 } });
    expect(second.status).toBe(409);
    takeMoveMessages();

    const noToken = await request(`/v1/admin/tenants/${t.id}/moves`, { headers: { authorization: 'Bearer wrong' } });
    expect(noToken.status).toBe(401);
    expect((await request(`/v1/admin/tenants/${t.id}/moves/mov_nope`)).status).toBe(404);
  });

  it('with one database bound: there is nowhere to move to', async () => {
    const t = await tenantOn(0);
    const single = { ...testEnv, DB_SHARD_0: undefined, DB_SHARD_1: undefined, DB_SHARD_2: undefined, DB_SHARD_3: undefined } as typeof testEnv;
    const res = await request(`/v1/admin/tenants/${t.id}/move`, { method: 'POST', json: { shard: 1 } }, single);
    expect(res.status).toBe(422);
    expect((await res.json()) as object).toMatchObject({ errors: [{ path: '/shard' }] });
    expect(env.DB).toBeDefined();
  });
});
