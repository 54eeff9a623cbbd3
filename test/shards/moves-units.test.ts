/** The pure parts of a move: slice planning, the SQL built per table, hashes, progress rules; and the table list's coverage. */
import { describe, expect, it } from 'vitest';
import { shardDb } from '../../src/placement/tenant-env';
import { deleteConflicting, deleteRangeExcept, insertRows, planChunks, rowsJson, selectSlice, storedColumns } from '../../src/moves/slice.queries';
import { chainHash, columnsOf, QueryBudget, sliceHash } from '../../src/moves/shard-io';
import { cleanableAt, failureDelaySeconds, nextTable, nextToken, verificationReport } from '../../src/moves/progress';
import { CONTROL_TABLES, MOVE_TABLES, moveTable } from '../../src/moves/tables';
import { testEnv } from './moves-fixtures';

describe('slice planning', () => {
  it('groups rows by bytes (UTF-8) and by count, keeping order; a row over the budget goes alone', () => {
    const rows = ['[1]', '[22]', '["é"]', '[4444444444]', '[5]'];
    expect(planChunks(rows, 100, 2)).toEqual([['[1]', '[22]'], ['["é"]', '[4444444444]'], ['[5]']]);
    // `["é"]` is 6 bytes (é is 2): [ + 4+1 + 6+1 = 13 > 12, so it starts the next chunk.
    expect(planChunks(['[1]', '[22]', '["é"]'], 12, 10)).toEqual([['[1]', '[22]'], ['["é"]']]);
    expect(planChunks(['x'.repeat(50), '[1]'], 10, 10)).toEqual([['x'.repeat(50)], ['[1]']]);
    expect(planChunks([], 10, 10)).toEqual([]);
    for (const chunk of planChunks(rows, 12, 10)) expect(chunk.length === 1 || new TextEncoder().encode(rowsJson(chunk)).length <= 12).toBe(true);
  });

  it('reads generated columns out of the copied columns', () => {
    expect(storedColumns([{ name: 'id', hidden: 0 }, { name: 'brand', hidden: 2 }, { name: 'x', hidden: 3 }, { name: 'data', hidden: 0 }])).toEqual(['id', 'data']);
  });

  it('builds statements within D1 limits: few bound parameters, whatever the rows; short SQL', async () => {
    const budget = new QueryBudget(100);
    for (const table of MOVE_TABLES) {
      const columns = await columnsOf(shardDb(testEnv, 1), table, budget);
      const slice = selectSlice(table, columns, { after: table.keys.map(() => 'a'), upTo: table.keys.map(() => 'z') }, 200);
      expect(slice.values.length + 1).toBeLessThanOrEqual(100);
      expect(slice.sql.length).toBeLessThan(100_000);
      expect(insertRows(table, columns)).toMatch(/json_each\(\?1\)$/);
      expect(deleteRangeExcept(table, { after: null, upTo: null }).values).toEqual([]);
    }
    const products = await columnsOf(shardDb(testEnv, 1), moveTable('products'), budget);
    expect(products).not.toContain('brand');
    expect(deleteConflicting(moveTable('products'), products)).toContain('OR');
    expect(deleteConflicting(moveTable('events'), ['id'])).toBeNull();
  });
});

describe('hashes and progress', () => {
  it('a slice hash covers content and order; the chain covers every slice', async () => {
    const a = { key: ['1'], json: '["1","x"]' };
    const b = { key: ['2'], json: '["2","y"]' };
    expect(await sliceHash([a, b])).toBe(await sliceHash([{ ...a }, { ...b }]));
    expect(await sliceHash([a, b])).not.toBe(await sliceHash([b, a]));
    expect(await sliceHash([a, b])).not.toBe(await sliceHash([a, { key: ['2'], json: '["2","z"]' }]));
    expect(await chainHash(await chainHash('', 'h1'), 'h2')).not.toBe(await chainHash(await chainHash('', 'h2'), 'h1'));
  });

  it('reports each table, equal only with equal counts and hashes', () => {
    const side = (rows: number, hash: string) => ({ after: null, done: true, rows, hash });
    const { tables, mismatched } = verificationReport({ a: { from: side(2, 'h'), to: side(2, 'h') }, b: { from: side(2, 'h'), to: side(2, 'g') }, c: { from: side(3, 'h'), to: side(2, 'h') } });
    expect(tables.a!.equal).toBe(true);
    expect(mismatched).toEqual(['b', 'c']);
  });

  it('walks tables in order, waits 2x the cache TTL to clean, and keeps lease tokens increasing', () => {
    expect(nextTable(['a', 'b', 'c'], { a: { done: true }, b: { done: false } })).toBe('b');
    expect(nextTable(['a'], { a: { done: true } })).toBeNull();
    expect(cleanableAt(1000, 30_000)).toBe(61_000);
    expect(nextToken(500, 400)).toBe(501);
    expect(nextToken(500, 900)).toBe(900);
    expect([1, 2, 3, 6, 20].map(failureDelaySeconds)).toEqual([10, 20, 40, 300, 300]);
  });
});

describe('the table list', () => {
  it('names every table of a shard, as control or as data, children before their parents', async () => {
    const { results } = await shardDb(testEnv, 2)
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' AND name NOT LIKE 'products_fts%'")
      .all<{ name: string }>();
    const listed = [...MOVE_TABLES.map((t) => t.name), ...CONTROL_TABLES];
    expect(results.map((r) => r.name).filter((name) => !listed.includes(name))).toEqual([]);
    expect(listed.filter((name) => !results.some((r) => r.name === name))).toEqual([]);
    const order = MOVE_TABLES.map((t) => t.name);
    for (const table of MOVE_TABLES) {
      if (table.scope.kind === 'parent') expect(order.indexOf(table.name)).toBeLessThan(order.indexOf(table.scope.parent));
    }
  });
});
