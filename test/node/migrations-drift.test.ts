/**
 * src/db/schema.ts is the only source of the storage shape and migrations/ is generated from it
 * (`npm run db:generate`). This fails when the two drift: drizzle-kit generates against a temp copy
 * of migrations/ (DRIZZLE_OUT, read by drizzle.config.ts) and must find nothing to write.
 *
 * Two drizzle-kit 0.31 traps this works around:
 * - it prefixes `out` with "./", so an absolute DRIZZLE_OUT (/tmp/x -> .//tmp/x) is read relative
 *   to the cwd; the temp folder is therefore passed as a path relative to the repository root;
 * - it exits 0 even when it fails (e.g. that ENOENT), so success is read from its output
 *   ("No schema changes"), not only from the absence of new files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const migrations = join(root, 'migrations');
const drizzleKit = join(root, 'node_modules', '.bin', 'drizzle-kit');

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempCopy(copy: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'shelfsync-drift-'));
  temps.push(dir);
  if (copy) cpSync(migrations, dir, { recursive: true });
  return dir;
}

const sqlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

/** `drizzle-kit generate` into `dir`, with the Node that runs this test (22 under npx). */
function generate(dir: string, config?: string): string {
  const args = [drizzleKit, 'generate', ...(config ? ['--config', relative(root, config)] : [])];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DRIZZLE_OUT: relative(root, dir) || '.', CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    // No TTY: a rename prompt would otherwise wait forever; let it fail the test instead.
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 45_000,
  });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  if (result.error) throw new Error(`drizzle-kit did not run: ${result.error.message}\n${output}`);
  expect(result.status, output).toBe(0);
  return output;
}

describe('schema.ts and migrations/ are in sync', () => {
  it('drizzle-kit generate finds no schema changes against a copy of migrations/', () => {
    const dir = tempCopy(true);
    const before = sqlFiles(dir);
    const journalBefore = readFileSync(join(dir, 'meta', '_journal.json'), 'utf8');
    expect(before.length).toBeGreaterThan(0);

    const output = generate(dir);

    const added = sqlFiles(dir).filter((f) => !before.includes(f));
    expect(
      added,
      `src/db/schema.ts has changes that migrations/ lacks: run \`npm run db:generate\` and commit the result.\n` +
        added.map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'utf8')}`).join('\n') +
        `\n${output}`,
    ).toEqual([]);
    expect(output).toMatch(/No schema changes/);
    expect(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')).toBe(journalBefore);
  });

  it('every migration has its journal entry and snapshot (what drizzle-kit diffs against)', () => {
    const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8')) as {
      entries: Array<{ idx: number; tag: string }>;
    };
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(sqlFiles(migrations));
    const snapshots = readdirSync(join(migrations, 'meta')).filter((f) => f.endsWith('_snapshot.json')).sort();
    expect(snapshots).toEqual(journal.entries.map((e) => `${String(e.idx).padStart(4, '0')}_snapshot.json`));
  });
});

describe('the drift check can fail (detection works)', () => {
  it('generates a migration when migrations/ is empty', () => {
    const dir = tempCopy(false);
    const output = generate(dir);
    const files = sqlFiles(dir);
    expect(files, output).toHaveLength(1);
    const sql = readFileSync(join(dir, files[0]!), 'utf8');
    for (const table of ['tenants', 'products', 'images', 'jobs', 'events']) expect(sql).toContain(`CREATE TABLE \`${table}\``);
    expect(output).not.toMatch(/No schema changes/);
  });

  it('generates a migration when a copy of schema.ts gains a table (the in-sync test would fail)', () => {
    // Inside node_modules so the copy resolves drizzle-orm like the real file; removed afterwards.
    const work = mkdtempSync(join(root, 'node_modules', '.shelfsync-drift-'));
    temps.push(work);
    const schema = readFileSync(join(root, 'src', 'db', 'schema.ts'), 'utf8');
    writeFileSync(
      join(work, 'schema.ts'),
      `${schema}\nexport const driftProbe = sqliteTable('drift_probe', { id: text('id').primaryKey() });\n`,
    );
    const config = join(work, 'drizzle.config.ts');
    writeFileSync(
      config,
      `import { defineConfig } from 'drizzle-kit';\n` +
        `export default defineConfig({ dialect: 'sqlite', schema: ${JSON.stringify(`./${relative(root, join(work, 'schema.ts'))}`)}, out: process.env.DRIZZLE_OUT! });\n`,
    );
    const dir = tempCopy(true);
    const before = sqlFiles(dir);

    const output = generate(dir, config);

    const added = sqlFiles(dir).filter((f) => !before.includes(f));
    expect(added, output).toHaveLength(1);
    expect(readFileSync(join(dir, added[0]!), 'utf8')).toMatch(/^CREATE TABLE `drift_probe` \(\s*`id` text PRIMARY KEY NOT NULL\s*\);?\s*$/);
  });

  it('regenerates the latest migration when it is missing from the copy', () => {
    const dir = tempCopy(true);
    const journalPath = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
    if (journal.entries.length < 2) return; // only one migration: the empty-folder case above covers it
    const last = journal.entries.pop()!;
    const removedSql = readFileSync(join(dir, `${last.tag}.sql`), 'utf8');
    rmSync(join(dir, `${last.tag}.sql`));
    rmSync(join(dir, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`));
    writeFileSync(journalPath, JSON.stringify(journal, null, 2));
    const before = sqlFiles(dir);

    const output = generate(dir);

    const added = sqlFiles(dir).filter((f) => !before.includes(f));
    expect(added, output).toHaveLength(1);
    const regenerated = readFileSync(join(dir, added[0]!), 'utf8');
    for (const [, table] of removedSql.matchAll(/CREATE TABLE `([^`]+)`/g)) expect(regenerated).toContain(`CREATE TABLE \`${table}\``);
  });
});
