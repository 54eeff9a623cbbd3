/**
 * scripts/migrate.mjs: the migrations reach every D1 database of the config, the control database
 * and each data shard; with no shard bound, DB alone (as `wrangler d1 migrations apply DB` did).
 * Runs the real script and wrangler against a temporary config and --persist-to folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script, without types
import { d1Bindings, databasesToMigrate } from '../../scripts/migrate.mjs';

const root = resolve(__dirname, '../..');
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
const dir = mkdtempSync(join(tmpdir(), 'shelfsync-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function database(binding: string, id: string): string {
  return `[[d1_databases]]\nbinding = "${binding}"\ndatabase_name = "${binding.toLowerCase()}"\ndatabase_id = "${id}"\nmigrations_dir = "${join(root, 'migrations')}"\n`;
}

function config(name: string, bindings: string[]): string {
  const path = join(dir, name);
  const ids = bindings.map((_, i) => `00000000-0000-0000-0000-00000000000${i + 1}`);
  writeFileSync(path, [`name = "migrate-test"`, `compatibility_date = "2025-01-01"`, '', ...bindings.map((b, i) => database(b, ids[i]!))].join('\n'));
  return path;
}

function tables(configFile: string, persist: string, binding: string): string[] {
  const out = execFileSync(
    wrangler,
    ['d1', 'execute', binding, '--local', '--persist-to', persist, '-c', configFile, '--json', '--command', "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('products', 'tenants', 'placements', 'write_fence') ORDER BY name"],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  const parsed = JSON.parse(out) as Array<{ results: Array<{ name: string }> }>;
  return parsed[0]!.results.map((r) => r.name);
}

function migrate(configFile: string, persist: string): string {
  return execFileSync(process.execPath, [join(root, 'scripts', 'migrate.mjs'), '--local', '--persist-to', persist, '-c', configFile], { cwd: root, encoding: 'utf8' });
}

describe('scripts/migrate.mjs', { timeout: 600_000 }, () => {
  it('reads the top-level D1 bindings; shards contiguous from 0 follow DB', () => {
    const toml = `${database('DB', 'a')}\n[[d1_databases]]\nbinding = "DB_SHARD_1" # a gap before it\n${database('DB_SHARD_0', 'b')}[env.staging]\n[[env.staging.d1_databases]]\nbinding = "DB_SHARD_2"\n`;
    expect(d1Bindings(toml)).toEqual(['DB', 'DB_SHARD_1', 'DB_SHARD_0']);
    expect(databasesToMigrate(['DB', 'DB_SHARD_1', 'DB_SHARD_0'])).toEqual(['DB', 'DB_SHARD_0', 'DB_SHARD_1']);
    expect(databasesToMigrate(['DB', 'DB_SHARD_1'])).toEqual(['DB']);
  });

  it('applies the migrations to DB and every shard binding', () => {
    const file = config('shards.toml', ['DB', 'DB_SHARD_0', 'DB_SHARD_1']);
    const persist = join(dir, 'state-shards');
    const log = migrate(file, persist);
    expect(log).toMatch(/migrate: DB\n[\s\S]*migrate: DB_SHARD_0\n[\s\S]*migrate: DB_SHARD_1\n/);
    for (const binding of ['DB', 'DB_SHARD_0', 'DB_SHARD_1']) expect(tables(file, persist, binding)).toEqual(['placements', 'products', 'tenants', 'write_fence']);
  });

  it('with no shard bound, migrates DB alone', () => {
    const file = config('single.toml', ['DB']);
    const persist = join(dir, 'state-single');
    const log = migrate(file, persist);
    expect(log.match(/^migrate: /gm)).toEqual(['migrate: ']);
    expect(tables(file, persist, 'DB')).toEqual(['placements', 'products', 'tenants', 'write_fence']);
  });
});
