/**
 * The shards benchmark's generated wrangler config (bench/server.mjs `shardedConfig`): the bench
 * config plus DB_SHARD_0..N-1, each its own database with the project's migrations, and every path
 * absolute (the file is written into the run's own folder, outside the project).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM JavaScript, no types
import { benchConfig, root, shardedConfig } from '../../bench/server.mjs';

function d1Blocks(toml: string) {
  return toml
    .split('[[d1_databases]]')
    .slice(1)
    .map((block) => ({
      binding: /^binding = "([^"]+)"/m.exec(block)?.[1],
      id: /^database_id = "([^"]+)"/m.exec(block)?.[1],
      migrations: /^migrations_dir = "([^"]+)"/m.exec(block)?.[1],
    }));
}

describe('bench shards config', () => {
  const bench: string = benchConfig(readFileSync(join(root as string, 'wrangler.toml'), 'utf8'));

  it('binds the control DB and N data shards, each its own database, all migrated from the project', () => {
    const blocks = d1Blocks(shardedConfig(bench, root, 4) as string);
    expect(blocks.map((b) => b.binding)).toEqual(['DB', 'DB_SHARD_0', 'DB_SHARD_1', 'DB_SHARD_2', 'DB_SHARD_3']);
    expect(new Set(blocks.map((b) => b.id)).size).toBe(5);
    for (const b of blocks) expect(b.migrations).toBe(join(root, 'migrations'));
  });

  it('makes every relative path absolute, so the file works from any folder', () => {
    const toml: string = shardedConfig(bench, root, 1);
    expect(/^main = "([^"]+)"/m.exec(toml)?.[1]).toBe(join(root, 'bench', 'worker.ts'));
    const paths = [...toml.matchAll(/^(?:main|directory|migrations_dir) = "([^"]+)"/gm)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const path of paths) expect(isAbsolute(path)).toBe(true);
  });
});
