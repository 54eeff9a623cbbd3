import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { countingD1 } from '../helpers/counting-d1';

describe('the counting D1 wrapper (test/helpers)', () => {
  it('counts single statements, batches and sessions in one log, with parameters, SQL and value sizes', async () => {
    const db = countingD1(env.DB);
    expect(await db.prepare('SELECT ?1 AS a, ?2 AS b').bind(1, 'xyz').first()).toEqual({ a: 1, b: 'xyz' });
    await db.batch([db.prepare('SELECT 1'), db.prepare('SELECT ?1').bind('ü')]);
    const session = db.withSession('first-primary');
    await session.prepare('SELECT 2').all();
    await session.batch([session.prepare('SELECT 3'), session.prepare('SELECT 4'), session.prepare('SELECT 5')]);
    expect(session.getBookmark()).not.toBeNull();
    expect(db.statements).toBe(7);
    expect(db.maxParams).toBe(2);
    expect(db.maxValueBytes).toBe(3);
    expect(db.maxBatchSize).toBe(3);
    expect(db.sent.map((s) => s.batch)).toEqual([0, 1, 1, 0, 2, 2, 2]);
    expect(db.maxSqlBytes).toBe('SELECT ?1 AS a, ?2 AS b'.length);
    db.reset();
    expect(db.statements).toBe(0);
  });
});
