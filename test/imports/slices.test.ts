/**
 * How much one imports message may do: its slices are committed one D1 batch each, and an invocation
 * may make 1,000 D1 queries. A file of short rows used to take six 512 KB slices per message whatever
 * their row count (each 200 rows cost 7 statements in the write path).
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import worker from '../../src/index';
import { createTenant } from '../helpers/api';
import { drainImport, importRow, stageImport, utf8 } from '../helpers/imports';

/** env.DB that counts every statement it runs (one per first/all/run/raw, one per statement in a batch). */
function countingDb(db: D1Database): { db: D1Database; count: () => number } {
  let statements = 0;
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values));
        if (prop === 'first' || prop === 'all' || prop === 'run' || prop === 'raw') {
          return (...args: unknown[]) => {
            statements += 1;
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  const counted = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql));
      if (prop === 'batch') {
        return (list: D1PreparedStatement[]) => {
          statements += list.length;
          return target.batch(list.map((s) => originals.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: counted, count: () => statements };
}

describe('one imports message', () => {
  it('stays under 1,000 D1 queries on a file of short rows, and the import still ends with every row', async () => {
    const t = await createTenant();
    // ~40 bytes a row, 3.2 MB: six 512 KB slices of ~13,000 rows each would be ~2,800 statements.
    const rows = 80_000;
    const lines = ['id,title,price'];
    for (let i = 0; i < rows; i++) lines.push(`s-${String(i).padStart(6, '0')},Short row ${i},${(i % 90) + 1}.00 USD`);
    const jobId = await stageImport(t.id, utf8(`${lines.join('\n')}\n`), 'csv');

    const { db, count } = countingDb(env.DB);
    const requeued: unknown[] = [];
    const testEnv = { ...env, DB: db, IMPORTS_QUEUE: { send: async (msg: unknown) => void requeued.push(msg), sendBatch: async (msgs: unknown[]) => void requeued.push(...msgs) } };
    const batch = createMessageBatch('shelfsync-imports', [{ id: `m-${jobId}`, timestamp: new Date(), attempts: 1, body: { kind: 'import', tenantId: t.id, jobId } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, testEnv as unknown as Env);
    expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([]);

    expect(requeued).toHaveLength(1);
    const afterOne = await importRow(jobId);
    expect(afterOne.rows_total).toBeGreaterThan(0);
    expect(afterOne.rows_total).toBeLessThan(rows);
    expect(count()).toBeLessThanOrEqual(1000);

    const done = await drainImport(t.id, jobId);
    expect(done).toMatchObject({ status: 'completed', rows_total: rows, rows_done: rows, rows_failed: 0 });
  }, 300_000);
});
