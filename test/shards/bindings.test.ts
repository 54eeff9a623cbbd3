import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { shardBinding, shardCount, singleDatabase, UnknownShardError } from '../../src/db/shards';

describe('the shards project', () => {
  it('binds a control database and four data shards, each migrated to the one schema', async () => {
    expect(shardCount(env)).toBe(4);
    expect(singleDatabase(env)).toBe(false);
    for (let n = 0; n < 4; n++) {
      const db = shardBinding(env, n);
      expect(db).not.toBe(env.DB);
      const row = await db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('products', 'tenants', 'write_fence')").first<{ n: number }>();
      expect(row?.n).toBe(3);
    }
    expect(() => shardBinding(env, 4)).toThrow(UnknownShardError);
  });

  it('keeps the data of each shard apart', async () => {
    await shardBinding(env, 1).prepare("INSERT INTO write_fence (fenced) VALUES (1)").run();
    const counts = await Promise.all([0, 1, 2, 3].map((n) => shardBinding(env, n).prepare('SELECT count(*) AS n FROM write_fence').first<{ n: number }>()));
    expect(counts.map((c) => c?.n)).toEqual([0, 1, 0, 0]);
    await shardBinding(env, 1).prepare('DELETE FROM write_fence').run();
  });
});
