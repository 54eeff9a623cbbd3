#!/usr/bin/env node
/**
 * Applies the migrations to every D1 database of the Worker (DESIGN "Shards": one schema on every
 * database): the control database `DB`, then each data shard `DB_SHARD_0..N-1` bound in the wrangler
 * config, one `wrangler d1 migrations apply <binding>` each. With no shard bound it is exactly
 * `wrangler d1 migrations apply DB`.
 *
 *   node scripts/migrate.mjs --local|--remote [--persist-to DIR] [-c|--config wrangler.toml]
 *
 * Other arguments are passed on to wrangler. Stops at the first database that fails (wrangler's exit
 * code); a database already migrated is skipped by wrangler itself, so a rerun finishes the rest.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The D1 bindings declared at the top level of a wrangler.toml (`[[d1_databases]]` tables; those of
 * `[env.*]` sections are not the default deployment's). A line-level reading: enough for the
 * `binding = "NAME"` lines wrangler.toml uses, without a TOML dependency.
 */
export function d1Bindings(toml) {
  const bindings = [];
  let inD1 = false;
  for (const raw of toml.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line.startsWith('[')) {
      inD1 = line === '[[d1_databases]]';
      continue;
    }
    const match = inD1 ? /^binding\s*=\s*["']([A-Za-z0-9_]+)["']$/.exec(line) : null;
    if (match) bindings.push(match[1]);
  }
  return bindings;
}

/** What to migrate, in order: DB, then DB_SHARD_0.. contiguous from 0 (a gap ends the list, as the Worker reads it). */
export function databasesToMigrate(bindings) {
  const out = bindings.includes('DB') ? ['DB'] : [];
  for (let n = 0; bindings.includes(`DB_SHARD_${n}`); n++) out.push(`DB_SHARD_${n}`);
  return out;
}

function configPath(args) {
  const i = args.findIndex((a) => a === '-c' || a === '--config');
  if (i >= 0 && args[i + 1]) return resolve(args[i + 1]);
  const eq = args.find((a) => a.startsWith('--config='));
  return eq ? resolve(eq.slice('--config='.length)) : join(root, 'wrangler.toml');
}

function main(args) {
  if (!args.includes('--local') && !args.includes('--remote')) {
    console.error('migrate: say --local or --remote');
    return 2;
  }
  const databases = databasesToMigrate(d1Bindings(readFileSync(configPath(args), 'utf8')));
  if (databases.length === 0) {
    console.error('migrate: no DB binding in the wrangler config');
    return 2;
  }
  for (const binding of databases) {
    console.log(`migrate: ${binding}`);
    const result = spawnSync(join(root, 'node_modules', '.bin', 'wrangler'), ['d1', 'migrations', 'apply', binding, ...args], {
      cwd: root,
      stdio: 'inherit',
      // CI=true: wrangler applies without asking for confirmation.
      env: { ...process.env, CI: 'true', PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) },
    });
    if (result.status !== 0) return result.status ?? 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
