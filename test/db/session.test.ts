import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { openSession, readBookmark } from '../../src/db/session';

describe('readBookmark', () => {
  it('keeps what D1 issues (dash-separated hex groups), whatever the group widths', async () => {
    const session = env.DB.withSession('first-primary');
    await session.prepare('SELECT 1').first();
    const issued = session.getBookmark()!;
    expect(readBookmark(issued)).toBe(issued);
    expect(readBookmark(` ${issued} `)).toBe(issued);
    expect(readBookmark('0000000a-0000000b-00000000-0123456789abcdef0123456789ABCDEF')).not.toBeNull();
    expect(readBookmark('00000001-00000002')).not.toBeNull();
  });

  it('drops anything else: absent, empty, words, other characters, too long', () => {
    for (const bad of [null, undefined, '', '   ', 'garbage', 'first-primary', 'first-unconstrained', '00000001--00000002', '-0001', '0001-', '0001 0002', '0'.repeat(129), '<script>', '0001\n0002']) {
      expect(readBookmark(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('openSession', () => {
  it('uses a binding without the Sessions API as it is', () => {
    const plain = { prepare: env.DB.prepare.bind(env.DB), batch: env.DB.batch.bind(env.DB) } as unknown as D1Database;
    const session = openSession(plain, '00000001-00000002', 'first-unconstrained');
    expect(session.db).toBe(plain);
    expect(session.bookmark()).toBeNull();
  });

  it('falls back to the start constraint when D1 refuses the bookmark, and never hands D1 an unreadable one', async () => {
    const asked: string[] = [];
    const strict = {
      prepare: env.DB.prepare.bind(env.DB),
      batch: env.DB.batch.bind(env.DB),
      withSession(constraint: string) {
        asked.push(constraint);
        if (!constraint.startsWith('first-')) throw new Error('D1_ERROR: invalid bookmark');
        return env.DB.withSession(constraint);
      },
    } as unknown as D1Database;
    const session = openSession(strict, 'ffffffff-ffffffff', 'first-primary');
    expect(await session.db.prepare('SELECT 1 AS one').first()).toEqual({ one: 1 });
    expect(readBookmark(session.bookmark())).not.toBeNull();
    openSession(strict, 'garbage', 'first-unconstrained');
    expect(asked).toEqual(['ffffffff-ffffffff', 'first-primary', 'first-unconstrained']);
  });
});
