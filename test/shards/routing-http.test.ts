/**
 * HTTP requests routed to their tenant's data shard (DESIGN "Shards"), through the public surface,
 * with a control database and four data shards bound. Only this project can tell control from data:
 * with one database both are the same binding. Every assertion on where a row landed reads the
 * bindings directly.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { shardBinding } from '../../src/db/shards';
import { blobKey } from '../../src/images/store';
import { ADMIN, body, call, createTenant, expectProblem, feed, product, putProduct, type TestTenant } from '../helpers/api';
import { hmac, toBase64 } from '../helpers/webhooks';
import { signIn } from '../dashboard/session';

const SHARDS = [0, 1, 2, 3];

interface Placed extends TestTenant {
  shard: number;
}

async function placed(): Promise<Placed> {
  const t = await createTenant();
  const res = await call(`/v1/admin/tenants/${t.id}`, { headers: ADMIN });
  expect(res.status).toBe(200);
  const shown = await body(res);
  return { ...t, shard: shown.shard };
}

/** Rows of `table` for `tenantId` in the control database and in each shard: [control, s0, s1, s2, s3]. */
async function where(table: string, tenantId: string): Promise<number[]> {
  const dbs = [env.DB, ...SHARDS.map((n) => shardBinding(env, n))];
  const counts = await Promise.all(dbs.map((db) => db.prepare(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = ?1`).bind(tenantId).first<{ n: number }>()));
  return counts.map((c) => c?.n ?? 0);
}

/** [control, s0..s3] with `n` only at the tenant's shard. */
const only = (shard: number, n: number) => [0, ...SHARDS.map((s) => (s === shard ? n : 0))];

/** base64url, as the image URL signer writes its signatures. */
const base64Url = (bytes: Uint8Array) => toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

let a: Placed;
let b: Placed;

beforeAll(async () => {
  a = await placed();
  b = await placed();
});

describe('placement and isolation', () => {
  it('places two new tenants on different shards (the least loaded) and shows it to the admin', async () => {
    expect(SHARDS).toContain(a.shard);
    expect(SHARDS).toContain(b.shard);
    expect(a.shard).not.toBe(b.shard);
    const shown = await body(await call(`/v1/admin/tenants/${a.id}`, { headers: ADMIN }));
    expect(shown).toMatchObject({ shard: a.shard, epoch: 1, placementState: 'active' });
    // The shard holds its copy of the tenant's row (counters, fence); the control database the authoritative one.
    const copy = await shardBinding(env, a.shard).prepare('SELECT name, epoch, write_state FROM tenants WHERE id = ?1').bind(a.id).first();
    expect(copy).toMatchObject({ name: shown.name, epoch: 1, write_state: 'open' });
  });

  it("writes each tenant's products, events and jobs only to its own shard, never to the control database", async () => {
    expect((await putProduct(a, 'tee-a')).status).toBe(201);
    expect((await putProduct(b, 'tee-b')).status).toBe(201);
    const batch = await call('/v1/products/batch', { method: 'POST', headers: a.headers, json: { products: [product('bulk-a1'), product('bulk-a2')] } });
    expect(batch.status).toBe(200);
    expect(await where('products', a.id)).toEqual(only(a.shard, 3));
    expect(await where('products', b.id)).toEqual(only(b.shard, 1));
    expect((await where('events', a.id))[1 + a.shard]).toBeGreaterThanOrEqual(3);
    expect((await where('events', a.id)).filter((n, i) => i !== 1 + a.shard)).toEqual([0, 0, 0, 0]);
    expect(await where('jobs', a.id)).toEqual(only(a.shard, (await where('jobs', a.id))[1 + a.shard]!));
    expect((await where('jobs', a.id))[1 + a.shard]).toBeGreaterThanOrEqual(1);
  });

  it('reads, lists and the events feed come from the tenant\'s shard, and each sees only its own', async () => {
    expect(await body(await call('/v1/products/tee-a', { headers: a.headers }))).toMatchObject({ id: 'tee-a' });
    await expectProblem(await call('/v1/products/tee-a', { headers: b.headers }), 404);
    const listed = await call('/v1/products?limit=100', { headers: a.headers });
    // Routed: the answer carries the shard session's bookmark.
    expect(listed.headers.get('x-d1-bookmark')).toBeTruthy();
    const list = await body(listed);
    expect(list.data.map((p: { id: string }) => p.id).sort()).toEqual(['bulk-a1', 'bulk-a2', 'tee-a']);
    const events = await feed(a);
    expect(events.filter((e) => e.type.startsWith('product.')).map((e) => e.data.productId)).toContain('tee-a');
    expect(events.some((e) => e.data.productId === 'tee-b')).toBe(false);
  });

  it("stores an image row on the tenant's shard, and serves it by a signed URL of the new form (t=) and of the old form", async () => {
    const res = await putProduct(a, 'tee-img', product('tee-img', { images: [{ id: 'front', source: { url: 'https://images.example/tee.jpg' } }] }));
    expect(res.status).toBe(201);
    expect(await where('images', a.id)).toEqual(only(a.shard, 1));
    // The image as its processing would leave it: done, its bytes in R2 under the tenant.
    const bytes = new TextEncoder().encode('not really a jpeg, but bytes');
    const sha = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((x) => x.toString(16).padStart(2, '0')).join('');
    await env.IMAGES.put(blobKey(a.id, sha), bytes, { httpMetadata: { contentType: 'image/jpeg' } });
    const shard = shardBinding(env, a.shard);
    await shard.prepare("UPDATE images SET status = 'done', sha256 = ?2, format = 'jpeg', width = 1, height = 1, bytes = ?3 WHERE tenant_id = ?1").bind(a.id, sha, bytes.length).run();
    const image = await shard.prepare('SELECT id FROM images WHERE tenant_id = ?1').bind(a.id).first<{ id: string }>();

    const shown = await body(await call('/v1/products/tee-img', { headers: a.headers }));
    const url = new URL(shown.images[0].url);
    expect(url.searchParams.get('t')).toBe(a.id);
    const fresh = await call(url.pathname + url.search);
    expect(fresh.status).toBe(200);
    expect(new Uint8Array(await fresh.arrayBuffer())).toEqual(bytes);
    // Another tenant's id in `t` breaks the signature.
    const forged = new URL(url);
    forged.searchParams.set('t', b.id);
    expect((await call(forged.pathname + forged.search)).status).toBe(401);

    // Signed before URLs carried their tenant: id, variant, sha256 and expiry only.
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const sig = base64Url(await hmac('test-image-url-secret', `${image!.id}:original:${sha}:${exp}`));
    const old = await call(`/v1/images/${image!.id}/content?v=${sha}&exp=${exp}&sig=${sig}`);
    expect(old.status).toBe(200);
    expect(new Uint8Array(await old.arrayBuffer())).toEqual(bytes);
  });
});

describe('entry points besides /v1 keys', () => {
  it('a dialect reads and writes on the tenant\'s shard (tryon)', async () => {
    const res = await call('/compat/tryon/products', { method: 'POST', headers: a.headers, json: { externalId: 'dialect-tee', name: 'Dialect tee', images: [] } });
    expect(res.status).toBe(201);
    expect((await shardBinding(env, a.shard).prepare("SELECT count(*) AS n FROM products WHERE tenant_id = ?1 AND id = 'dialect-tee'").bind(a.id).first<{ n: number }>())?.n).toBe(1);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM products WHERE id = 'dialect-tee'").first<{ n: number }>())?.n).toBe(0);
    const read = await call('/compat/tryon/products/dialect-tee', { headers: a.headers });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-d1-bookmark')).toBeTruthy();
    expect(await body(read)).toMatchObject({ externalId: 'dialect-tee', name: 'Dialect tee' });
    expect((await call('/compat/tryon/products/dialect-tee', { headers: b.headers })).status).toBe(404);
  });

  it("GeSmart's token (minted from a key) routes to the key's tenant: a sync on its shard is found, another tenant's is not", async () => {
    const login = async (key: string) => (await body(await call('/compat/gesmart/api/auth/login', { method: 'POST', json: { apiKey: key } }))).data.token as string;
    const job = await shardBinding(env, a.shard).prepare('SELECT id FROM jobs WHERE tenant_id = ?1 LIMIT 1').bind(a.id).first<{ id: string }>();
    expect(job).not.toBeNull();
    const mine = await call(`/compat/gesmart/api/products/sync?syncId=${job!.id}`, { headers: { authorization: `Bearer ${await login(a.key)}` } });
    expect(mine.status).toBe(200);
    const theirs = await call(`/compat/gesmart/api/products/sync?syncId=${job!.id}`, { headers: { authorization: `Bearer ${await login(b.key)}` } });
    expect(theirs.status).toBe(404);
  });

  it("the dashboard shows the signed-in tenant's catalog from its shard (session in the control database)", async () => {
    const signed = await signIn(a.key);
    const page = await signed.get('/dashboard/catalog');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-d1-bookmark')).toBeTruthy();
    const html = await page.text();
    expect(html).toContain('tee-a');
    expect(html).not.toContain('tee-b');
    expect((await env.DB.prepare('SELECT count(*) AS n FROM dashboard_sessions WHERE tenant_id = ?1').bind(a.id).first<{ n: number }>())?.n).toBeGreaterThan(0);
  });

  it('an inbound push finds its source through the directory and lands on the tenant\'s shard', async () => {
    const secret = `erp-secret-${crypto.randomUUID()}`;
    const created = await call('/v1/inbound-sources', { method: 'POST', headers: b.headers, json: { name: 'ERP', secret } });
    expect(created.status).toBe(201);
    const source = await body(created);
    expect(await env.DB.prepare("SELECT tenant_id FROM directory WHERE kind = 'inbound-source' AND key = ?1").bind(source.id).first()).toEqual({ tenant_id: b.id });
    expect(await where('inbound_sources', b.id)).toEqual(only(b.shard, 1));
    const raw = JSON.stringify({ products: [product('pushed-1')] });
    const push = await call(`/v1/inbound/${source.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': toBase64(await hmac(secret, raw)) }, body: raw });
    expect(push.status).toBe(202);
    const jobs = await shardBinding(env, b.shard).prepare("SELECT count(*) AS n FROM jobs WHERE tenant_id = ?1 AND kind = 'inbound'").bind(b.id).first<{ n: number }>();
    expect(jobs?.n).toBe(1);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM jobs WHERE kind = 'inbound'").first<{ n: number }>())?.n).toBe(0);
    // Deleting the source takes its directory entry with it.
    expect((await call(`/v1/inbound-sources/${source.id}`, { method: 'DELETE', headers: b.headers })).status).toBe(204);
    expect(await env.DB.prepare("SELECT tenant_id FROM directory WHERE kind = 'inbound-source' AND key = ?1").bind(source.id).first()).toBeNull();
    expect((await call(`/v1/inbound/${source.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': toBase64(await hmac(secret, raw)) }, body: raw })).status).toBe(401);
  });

  it("a processor callback is routed by the tenant in its path (the processor lives on the tenant's shard)", async () => {
    const put = await call('/v1/processors/tagger', { method: 'PUT', headers: a.headers, json: { url: 'https://tagger.example/jobs' } });
    expect(put.status, await put.clone().text()).toBeLessThan(300);
    const { secret } = await body(put);
    expect(await where('processors', a.id)).toEqual(only(a.shard, 1));
    const raw = JSON.stringify({ sha256: 'a'.repeat(64), status: 'done', tags: ['tee'] });
    const signed = new Webhook(secret).sign('msg_1', new Date(), raw);
    const headers = { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': signed };
    const res = await call(`/v1/processor-callbacks/${a.id}/tagger`, { method: 'POST', headers, body: raw });
    expect(res.status, await res.clone().text()).toBe(200);
    // Another tenant's path finds no such processor on its own shard: refused.
    expect((await call(`/v1/processor-callbacks/${b.id}/tagger`, { method: 'POST', headers, body: raw })).status).toBe(401);
  });
});

describe('read replicas', () => {
  it('answers with a bookmark and ignores an unreadable one', async () => {
    const res = await call('/v1/products/tee-a', { headers: { ...a.headers, 'x-d1-bookmark': '<not a bookmark>' } });
    expect(res.status).toBe(200);
    const bookmark = res.headers.get('x-d1-bookmark');
    expect(bookmark).toBeTruthy();
    // The bookmark sent back is honoured (a read at least as fresh), and a well-formed unknown one is not an error either.
    expect((await call('/v1/products/tee-a', { headers: { ...a.headers, 'x-d1-bookmark': bookmark! } })).status).toBe(200);
    expect((await call('/v1/products/tee-a', { headers: { ...a.headers, 'x-d1-bookmark': 'abc' } })).status).toBe(200);
  });
});

describe('moves seen by requests', () => {
  it('a write to a frozen tenant answers 503 tenant_moving with Retry-After: 2 and writes nothing', async () => {
    const shard = shardBinding(env, a.shard);
    const before = await where('products', a.id);
    await shard.prepare("UPDATE tenants SET write_state = 'frozen' WHERE id = ?1").bind(a.id).run();
    try {
      const res = await putProduct(a, 'during-freeze');
      const problem = await expectProblem(res, 503, 'tenant_moving');
      expect(problem.detail).toMatch(/retry/i);
      expect(res.headers.get('retry-after')).toBe('2');
      const dialect = await call('/compat/tryon/products', { method: 'POST', headers: a.headers, json: { externalId: 'during-freeze-2', name: 'x', images: [] } });
      expect(dialect.status).toBe(503);
      expect(await body(dialect)).toMatchObject({ error: { code: 'tenant_moving' } });
      expect(await where('products', a.id)).toEqual(before);
      // Reads go on.
      expect((await call('/v1/products/tee-a', { headers: a.headers })).status).toBe(200);
    } finally {
      await shard.prepare("UPDATE tenants SET write_state = 'open' WHERE id = ?1").bind(a.id).run();
    }
  });

  it('a write routed by a stale cached placement answers 503 (Retry-After: 1), and the retry lands on the new shard', async () => {
    const t = await placed();
    // An isolate that caches placements (the suite's own setting turns the cache off).
    const app = createApp();
    const cached = { ...env, KEY_CACHE_TTL_SECONDS: '60' };
    const send = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
      const ctx = createExecutionContext();
      const headers = new Headers(init.headers);
      headers.set('content-type', 'application/json');
      const res = await app.fetch(new Request(`http://shelfsync.test${path}`, { ...init, headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) }), cached, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    expect((await send('/v1/products/first', { method: 'PUT', headers: t.headers, json: product('first') })).status).toBe(201);
    // Behind this isolate's back: the tenant moves to another shard (epoch 2) and its old row is marked moved.
    const to = SHARDS.find((s) => s !== t.shard)!;
    const row = await shardBinding(env, t.shard).prepare('SELECT * FROM tenants WHERE id = ?1').bind(t.id).first<Record<string, unknown>>();
    await shardBinding(env, to)
      .prepare("INSERT INTO tenants (id, name, default_currency, default_locale, plan, created_at, updated_at, product_seq, event_seq, fanout_seq, epoch, write_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 2, 'open')")
      .bind(row!.id, row!.name, row!.default_currency, row!.default_locale, row!.plan, row!.created_at, row!.updated_at, row!.product_seq, row!.event_seq, row!.fanout_seq)
      .run();
    await env.DB.prepare('UPDATE placements SET shard = ?2, epoch = 2 WHERE tenant_id = ?1').bind(t.id, to).run();
    await shardBinding(env, t.shard).prepare("UPDATE tenants SET write_state = 'moved' WHERE id = ?1").bind(t.id).run();

    const refused = await send('/v1/products/second', { method: 'PUT', headers: t.headers, json: product('second') });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await body(refused)).code).toBe('tenant_moving');
    const retried = await send('/v1/products/second', { method: 'PUT', headers: t.headers, json: product('second') });
    expect(retried.status).toBe(201);
    const second = await Promise.all(SHARDS.map((n) => shardBinding(env, n).prepare("SELECT count(*) AS n FROM products WHERE tenant_id = ?1 AND id = 'second'").bind(t.id).first<{ n: number }>()));
    expect(second.map((r) => r?.n)).toEqual(SHARDS.map((s) => (s === to ? 1 : 0)));
  });
});

describe('admin', () => {
  it('stats count the products of every shard, and the tenants once', async () => {
    const stats = await body(await call('/v1/admin/stats', { headers: ADMIN }));
    const counted = await Promise.all(SHARDS.map((n) => shardBinding(env, n).prepare('SELECT count(*) AS n FROM products').first<{ n: number }>()));
    const total = counted.reduce((sum, r) => sum + (r?.n ?? 0), 0);
    expect(counted.filter((r) => (r?.n ?? 0) > 0).length).toBeGreaterThanOrEqual(2);
    expect(stats.products.total).toBe(total);
    expect(stats.tenants).toBe((await env.DB.prepare('SELECT count(*) AS n FROM tenants').first<{ n: number }>())!.n);
  });

  it("a settings change reaches the shard's copy, and the recommendations default is written on the shard", async () => {
    const res = await call(`/v1/admin/tenants/${b.id}`, { method: 'PATCH', headers: ADMIN, json: { name: 'Renamed B', recommend: 'similar' } });
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ name: 'Renamed B', recommend: 'similar', shard: b.shard });
    expect(await shardBinding(env, b.shard).prepare('SELECT name FROM tenants WHERE id = ?1').bind(b.id).first()).toEqual({ name: 'Renamed B' });
    // The default is a data-plane row: on the shard, not in the control batch. (The control database
    // holds no default for the tenant; a consumer's bookkeeping row elsewhere would carry none.)
    expect(await shardBinding(env, b.shard).prepare('SELECT default_recommend FROM rec_settings WHERE tenant_id = ?1').bind(b.id).first()).toEqual({ default_recommend: 'similar' });
    const control = await env.DB.prepare('SELECT default_recommend FROM rec_settings WHERE tenant_id = ?1').bind(b.id).first<{ default_recommend: string | null }>();
    expect(control?.default_recommend ?? null).not.toBe('similar');
  });
});
