import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../../src/db/client';
import { FencedWriteError, fencedDatabase, fencedWriteErrorOf, isWrite } from '../../src/db/fence';
import { FENCE } from '../../src/db/fence.queries';
import * as schema from '../../src/db/schema';
import { openSession } from '../../src/db/session';
import { shardBinding } from '../../src/db/shards';
import { countingD1 } from '../helpers/counting-d1';

const INSERT_DIR = "INSERT INTO directory (kind, key, tenant_id) VALUES ('fence-test', ?1, ?2)";
const COUNT_DIR = "SELECT count(*) AS n FROM directory WHERE kind = 'fence-test' AND tenant_id = ?1";

let seq = 0;
/** A tenant row on shard `n` at `epoch` in `state`, as a placement would leave it. */
async function tenantOn(n: number, epoch = 3, state: 'open' | 'frozen' | 'moved' = 'open'): Promise<{ id: string; raw: D1Database }> {
  seq += 1;
  const id = `fence-${Date.now().toString(36)}-${seq}`;
  const raw = shardBinding(env, n);
  await raw
    .prepare("INSERT INTO tenants (id, name, default_currency, default_locale, created_at, updated_at, epoch, write_state) VALUES (?1, 'T', 'USD', 'en-US', 0, 0, ?2, ?3)")
    .bind(id, epoch, state)
    .run();
  return { id, raw };
}

async function written(raw: D1Database, tenantId: string): Promise<number> {
  return (await raw.prepare(COUNT_DIR).bind(tenantId).first<{ n: number }>())!.n;
}

async function refusal(p: Promise<unknown>): Promise<FencedWriteError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  const fenced = fencedWriteErrorOf(error);
  if (!fenced) throw new Error(`expected a FencedWriteError, got ${String(error)}`);
  return fenced;
}

function inserts(db: D1Database, tenantId: string, keys: string[]): D1PreparedStatement[] {
  return keys.map((k) => db.prepare(INSERT_DIR).bind(`${tenantId}:${k}`, tenantId));
}

describe('write fence on a real shard', () => {
  it('commits a write batch routed with the epoch the shard holds, and hides the fence from the results', async () => {
    const { id, raw } = await tenantOn(1, 3);
    const db = fencedDatabase(raw, { tenantId: id, epoch: 3 });
    const results = await db.batch([...inserts(db, id, ['a', 'b']), db.prepare(COUNT_DIR).bind(id)]);
    expect(results).toHaveLength(3);
    expect(results[2]!.results).toEqual([{ n: 2 }]);
    expect(await written(raw, id)).toBe(2);
    expect((await raw.prepare('SELECT count(*) AS n FROM write_fence').first<{ n: number }>())!.n).toBe(0);
  });

  it.each([
    ['a stale epoch', 2, 3, 'open', 'moved'],
    ['a newer epoch on the shard than the route', 3, 4, 'open', 'moved'],
    ["a 'moved' row", 3, 3, 'moved', 'moved'],
    ["a 'frozen' row", 3, 3, 'frozen', 'frozen'],
  ] as const)('refuses a batch under %s and writes nothing of it', async (_, routed, held, state, reason) => {
    const { id, raw } = await tenantOn(2, held, state);
    const db = fencedDatabase(raw, { tenantId: id, epoch: routed });
    const error = await refusal(db.batch([...inserts(db, id, ['a', 'b', 'c']), db.prepare('UPDATE tenants SET name = ?2 WHERE id = ?1').bind(id, 'changed')]));
    expect(error).toBeInstanceOf(FencedWriteError);
    expect(error).toMatchObject({ tenantId: id, reason });
    expect(await written(raw, id)).toBe(0);
    expect((await raw.prepare('SELECT name FROM tenants WHERE id = ?1').bind(id).first<{ name: string }>())!.name).toBe('T');
  });

  it('refuses as moved when the shard has no row for the tenant at all', async () => {
    const raw = shardBinding(env, 3);
    const db = fencedDatabase(raw, { tenantId: 'fence-never-here', epoch: 1 });
    expect((await refusal(db.batch(inserts(db, 'fence-never-here', ['a'])))).reason).toBe('moved');
    expect(await written(raw, 'fence-never-here')).toBe(0);
  });

  it('fences single statements: run, first, all, raw, and INSERT ... RETURNING through first()', async () => {
    const { id, raw } = await tenantOn(1, 5);
    const ok = fencedDatabase(raw, { tenantId: id, epoch: 5 });
    const stale = fencedDatabase(raw, { tenantId: id, epoch: 4 });
    const returning = `${INSERT_DIR} RETURNING key`;

    expect((await ok.prepare(INSERT_DIR).bind(`${id}:run`, id).run()).meta.changes).toBe(1);
    expect(await ok.prepare(returning).bind(`${id}:first`, id).first()).toEqual({ key: `${id}:first` });
    expect(await ok.prepare(returning).bind(`${id}:col`, id).first('key')).toBe(`${id}:col`);
    expect((await ok.prepare(returning).bind(`${id}:all`, id).all()).results).toEqual([{ key: `${id}:all` }]);
    expect(await ok.prepare(returning).bind(`${id}:raw`, id).raw()).toEqual([[`${id}:raw`]]);
    expect(await ok.prepare(returning).bind(`${id}:rawc`, id).raw({ columnNames: true })).toEqual([['key'], [`${id}:rawc`]]);
    expect(await written(raw, id)).toBe(6);

    for (const send of [
      () => stale.prepare(INSERT_DIR).bind(`${id}:x1`, id).run(),
      () => stale.prepare(returning).bind(`${id}:x2`, id).first(),
      () => stale.prepare(returning).bind(`${id}:x3`, id).all(),
      () => stale.prepare(returning).bind(`${id}:x4`, id).raw(),
      () => stale.prepare("DELETE FROM directory WHERE kind = 'fence-test' AND tenant_id = ?1").bind(id).run(),
    ]) {
      expect((await refusal(send())).reason).toBe('moved');
    }
    expect(await written(raw, id)).toBe(6);
  });

  it('sends no fence statement with reads: SELECTs and read-only batches go out as they are', async () => {
    const { id, raw } = await tenantOn(2, 1);
    const counting = countingD1(raw);
    const db = fencedDatabase(counting, { tenantId: id, epoch: 1 });
    await db.prepare(COUNT_DIR).bind(id).first();
    await db.prepare(COUNT_DIR).bind(id).all();
    await db.prepare(COUNT_DIR).bind(id).run();
    await db.prepare(COUNT_DIR).bind(id).raw();
    await db.batch([db.prepare(COUNT_DIR).bind(id), db.prepare('SELECT epoch FROM tenants WHERE id = ?1').bind(id)]);
    expect(counting.sent.map((s) => s.sql)).not.toContain(FENCE);
    expect(counting.statements).toBe(6);
    // The same wrapper does see the fence when a write goes out (the check above can fail).
    await db.prepare(INSERT_DIR).bind(`${id}:w`, id).run();
    expect(counting.sent.slice(6).map((s) => s.sql)).toEqual([FENCE, INSERT_DIR]);
    expect(counting.sent.slice(6).every((s) => s.batch > 0)).toBe(true);
  });

  it('fences a statement prepared outside the fenced handle that reaches its batch (unknown = write)', async () => {
    const { id, raw } = await tenantOn(3, 2);
    const db = fencedDatabase(raw, { tenantId: id, epoch: 1 });
    await refusal(db.batch(inserts(raw, id, ['outside'])));
    expect(await written(raw, id)).toBe(0);
  });

  it('works under drizzle: select, insert, returning, batch; a refused drizzle write carries the FencedWriteError', async () => {
    const { id, raw } = await tenantOn(1, 7);
    const orm = database(fencedDatabase(raw, { tenantId: id, epoch: 7 }));
    const inserted = await orm.insert(schema.directory).values({ kind: 'fence-test', key: `${id}:d1`, tenantId: id }).returning();
    expect(inserted).toEqual([{ kind: 'fence-test', key: `${id}:d1`, tenantId: id }]);
    const [, rows] = await orm.batch([
      orm.insert(schema.directory).values({ kind: 'fence-test', key: `${id}:d2`, tenantId: id }),
      orm.select().from(schema.directory).where(eq(schema.directory.tenantId, id)),
    ]);
    expect(rows.map((r) => r.key).sort()).toEqual([`${id}:d1`, `${id}:d2`]);
    const [tenant] = await orm.select({ epoch: schema.tenants.epoch }).from(schema.tenants).where(eq(schema.tenants.id, id));
    expect(tenant).toEqual({ epoch: 7 });

    const stale = database(fencedDatabase(raw, { tenantId: id, epoch: 6 }));
    const error = await refusal(stale.insert(schema.directory).values({ kind: 'fence-test', key: `${id}:d3`, tenantId: id }).returning());
    expect(error.reason).toBe('moved');
    await refusal(stale.batch([stale.insert(schema.directory).values({ kind: 'fence-test', key: `${id}:d4`, tenantId: id }), stale.select().from(schema.directory)]));
    expect(await written(raw, id)).toBe(2);
  });

  it('fences a handle over a read session (openSession(...).db)', async () => {
    const { id, raw } = await tenantOn(2, 4);
    const session = openSession(raw, null, 'first-unconstrained');
    const ok = fencedDatabase(session.db, { tenantId: id, epoch: 4 });
    await ok.batch(inserts(ok, id, ['s1']));
    expect(await ok.prepare(COUNT_DIR).bind(id).first()).toEqual({ n: 1 });
    const stale = fencedDatabase(openSession(raw, null, 'first-primary').db, { tenantId: id, epoch: 3 });
    expect((await refusal(stale.prepare(INSERT_DIR).bind(`${id}:s2`, id).run())).reason).toBe('moved');
    expect(await written(raw, id)).toBe(1);
  });

  it('refuses a guard it could never match, and exec() (raw SQL cannot be fenced)', async () => {
    const raw = shardBinding(env, 0);
    expect(() => fencedDatabase(raw, { tenantId: '', epoch: 1 })).toThrow(TypeError);
    expect(() => fencedDatabase(raw, { tenantId: 't', epoch: 0 })).toThrow(TypeError);
    expect(() => fencedDatabase(raw, { tenantId: 't', epoch: 1.5 })).toThrow(TypeError);
    await expect(fencedDatabase(raw, { tenantId: 't', epoch: 1 }).exec("DELETE FROM directory")).rejects.toThrow(/exec/);
  });
});

declare global {
  // Vite's import.meta.glob (vitest transforms it), declared here alone: vite/client's types would
  // also declare asset modules (*.wasm) for the whole program.
  interface ImportMeta {
    glob(pattern: string, options: { eager: true }): Record<string, unknown>;
  }
}

/** How many parameters SQLite numbers in `sql` (D1 wants exactly that many values bound). */
function parameterCount(sql: string): number {
  let highest = 0;
  for (const match of sql.replace(/'(?:[^']|'')*'/g, "''").matchAll(/\?(\d*)/g)) {
    highest = match[1] ? Math.max(highest, Number(match[1])) : highest + 1;
  }
  return highest;
}

describe('isWrite', () => {
  it('classifies writes, whatever their shape, as writes; plain reads as reads', () => {
    for (const sql of [
      'INSERT INTO t VALUES (1)',
      '  -- note\n  insert into t values (1)',
      '/* x */ UPDATE t SET a = 1',
      'DELETE FROM t',
      'REPLACE INTO t VALUES (1)',
      'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x',
      'WITH x AS (SELECT 1) UPDATE t SET a = 1',
      'CREATE TABLE z (a)',
      'DROP TABLE z',
      'PRAGMA foreign_keys = OFF',
      'ANALYZE',
      'SELECT 1; DELETE FROM t',
    ]) expect(isWrite(sql), sql).toBe(true);
    for (const sql of ['SELECT updated_at FROM t', 'WITH x AS (SELECT 1) SELECT * FROM x', '(SELECT 1)', 'VALUES (1)', '-- c\nSELECT 1']) {
      expect(isWrite(sql), sql).toBe(false);
    }
  });

  // Oracle independent of isWrite's regexes: SQLite compiles each statement, and a program that opens
  // a table for writing (OpenWrite) or changes the schema is a write. Every exported SQL string of the
  // app's query modules SQLite can compile is checked; a string it cannot compile is a fragment.
  it('calls every statement of the app that SQLite compiles to a writing program a write', async () => {
    const modules = import.meta.glob('../../src/**/*.queries.ts', { eager: true }) as Record<string, Record<string, unknown>>;
    const raw = shardBinding(env, 0);
    let compiled = 0;
    let writes = 0;
    const fragments: string[] = [];
    const misread: string[] = [];
    for (const [file, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value !== 'string' || !/\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH)\b/i.test(value)) continue;
        let ops: string[];
        try {
          const plan = await raw.prepare(`EXPLAIN ${value}`).bind(...Array(parameterCount(value)).fill(null)).raw<[number, string]>();
          ops = plan.map((row) => String(row[1]));
        } catch {
          fragments.push(`${file}:${name}`);
          continue;
        }
        compiled += 1;
        const writing = ops.some((op) => /^(OpenWrite|VUpdate|CreateBtree|Destroy)$/.test(op));
        if (writing) writes += 1;
        if (writing && !isWrite(value)) misread.push(`${file}:${name}`);
      }
    }
    console.log(`isWrite oracle: ${compiled} statements compiled (${writes} writing), ${fragments.length} fragments`);
    expect(misread).toEqual([]);
    // The check looked at the app, not at nothing: most statements compile, and many of them write.
    expect(compiled).toBeGreaterThan(100);
    expect(writes).toBeGreaterThan(40);
    expect(fragments.length).toBeLessThan(compiled);
  });
});
