import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import type { Env } from '../../src/env';
import { BOOKMARK_HEADER, openSession, readBookmark } from '../../src/db/session';
import { ADMIN, product } from '../helpers/api';
import { type LaggingD1, laggingD1 } from '../helpers/lagging-d1';

/** A lagging pair of real shards: primary DB_SHARD_2, replica DB_SHARD_3. */
function pair(): LaggingD1 & D1Database {
  return laggingD1(env.DB_SHARD_2!, env.DB_SHARD_3!);
}

describe('the lagging D1 double and openSession (db level)', () => {
  let db: LaggingD1 & D1Database;
  beforeEach(async () => {
    db = pair();
    await env.DB_SHARD_2!.prepare("DELETE FROM directory WHERE kind = 'ryw'").run();
    await env.DB_SHARD_3!.prepare("DELETE FROM directory WHERE kind = 'ryw'").run();
  });
  const count = (d: Pick<D1Database, 'prepare'>) => d.prepare("SELECT count(*) AS n FROM directory WHERE kind = 'ryw'").first<{ n: number }>().then((r) => r!.n);
  const write = (d: Pick<D1Database, 'prepare'>, key: string) => d.prepare("INSERT INTO directory (kind, key, tenant_id) VALUES ('ryw', ?1, 't')").bind(key).run();

  it('reads the lagging replica without a bookmark, the primary with the bookmark of the write', async () => {
    const writer = openSession(db, null, 'first-unconstrained');
    await write(writer.db, 'a');
    const bookmark = writer.bookmark();
    expect(readBookmark(bookmark)).toBe(bookmark);
    // The writer's own session reads its write (sequential consistency within a session).
    expect(await count(writer.db)).toBe(1);

    expect(await count(openSession(db, null, 'first-unconstrained').db)).toBe(0);
    expect(await count(openSession(db, bookmark, 'first-unconstrained').db)).toBe(1);
    expect(await count(openSession(db, null, 'first-primary').db)).toBe(1);

    await db.catchUp(['directory']);
    expect(await count(openSession(db, null, 'first-unconstrained').db)).toBe(1);
    expect(db.servedAt('replica').length).toBeGreaterThan(0);
    expect(db.servedAt('replica').some((s) => s.sql.startsWith('INSERT'))).toBe(false);
  });

  it('opens at the start constraint when the bookmark is unreadable, or one D1 refuses', async () => {
    await write(openSession(db, null, 'first-primary').db, 'b');
    for (const bad of ['garbage', 'zz-99', '0'.repeat(200), '00-11', '']) {
      // '00-11' is readable but not what this D1 issues: the double refuses it like a strict D1 would.
      expect(await count(openSession(db, bad, 'first-primary').db)).toBe(1);
      expect(await count(openSession(db, bad, 'first-unconstrained').db)).toBe(0);
    }
  });

  it('local D1 accepts any bookmark and echoes it: readBookmark keeps such text from the client', async () => {
    const local = env.DB_SHARD_1!;
    const echoed = local.withSession('garbage');
    await echoed.prepare('SELECT 1').first();
    expect(echoed.getBookmark()).toBe('garbage');
    const session = openSession(local, 'garbage', 'first-unconstrained');
    await session.db.prepare('SELECT 1').first();
    expect(session.bookmark()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/);
  });
});

// Through the per-request wiring (auth/route-tenant.ts: env scoped to the tenant's shard, a session
// opened per request, the bookmark header on answers).
describe('read-your-writes through the HTTP surface (lagging replica on the only shard)', () => {
  const worker = createWorker();
  let db: LaggingD1 & D1Database;
  let testEnv: Env;

  async function send(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    let requestBody = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      requestBody = JSON.stringify(init.json);
    }
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`http://shelfsync.test${path}`, { ...init, headers, body: requestBody }), testEnv, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }

  async function tenant(): Promise<{ id: string; key: string }> {
    const res = await send('/v1/admin/tenants', { method: 'POST', headers: ADMIN, json: { name: 'Lagging', defaultCurrency: 'USD', defaultLocale: 'en-US' } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { tenant: { id: string }; apiKey: { key: string } };
    return { id: created.tenant.id, key: created.apiKey.key };
  }

  beforeEach(() => {
    db = pair();
    // One data shard, the lagging pair: every tenant is placed there.
    testEnv = { ...env, DB_SHARD_0: db, DB_SHARD_1: undefined, DB_SHARD_2: undefined, DB_SHARD_3: undefined } as Env;
  });

  async function putOne(): Promise<{ t: { id: string; key: string }; id: string; bookmark: string }> {
    const t = await tenant();
    // The replica knows the tenant (its shard copy) but not the product about to be written.
    await db.catchUp(['tenants', 'products']);
    const id = `ryw-${Date.now().toString(36)}`;
    const put = await send(`/v1/products/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${t.key}` }, json: product(id) });
    expect(put.status).toBeLessThan(300);
    const bookmark = put.headers.get(BOOKMARK_HEADER);
    expect(bookmark, 'the PUT answer carries x-d1-bookmark').toBeTruthy();
    return { t, id, bookmark: bookmark! };
  }

  it('a client that sends back the bookmark of its PUT reads its write; without it, it may read the lagging replica', async () => {
    const { t, id, bookmark } = await putOne();
    const auth = { authorization: `Bearer ${t.key}` };
    const withBookmark = await send(`/v1/products/${id}`, { headers: { ...auth, [BOOKMARK_HEADER]: bookmark } });
    expect(withBookmark.status).toBe(200);
    expect(readBookmark(withBookmark.headers.get(BOOKMARK_HEADER))).not.toBeNull();
    // Without the bookmark the session starts unconstrained: the double serves the replica, which
    // has not seen the write (this is what makes the first expectation meaningful).
    expect((await send(`/v1/products/${id}`, { headers: auth })).status).toBe(404);
    expect(db.servedAt('replica').length).toBeGreaterThan(0);
  });

  it('a dialect read starts at the primary (its clients send no bookmark)', async () => {
    const { t, id } = await putOne();
    const res = await send(`/compat/robosize/api/v1/product/?api_key=${t.key}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain(id);
  });

  it('an unreadable bookmark is ignored: 200, not 4xx/5xx', async () => {
    const { t, id } = await putOne();
    for (const bad of ['garbage', '%%%', 'x'.repeat(5000), '00000000-ffffffff']) {
      const res = await send(`/v1/products?limit=1`, { headers: { authorization: `Bearer ${t.key}`, [BOOKMARK_HEADER]: bad } });
      expect(res.status, bad.slice(0, 20)).toBe(200);
    }
    expect(id).toBeTruthy();
  });
});
