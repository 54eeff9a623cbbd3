/**
 * Fixtures of the moves suites: the Worker called with its maintenance (and wake-up) queues captured,
 * so a test drives each move message itself through the Worker's queue entry; a tenant placed on a
 * shard with a realistic catalog written by the catalog service through the env scoped to that
 * shard (products, variants, images, jobs, job errors, events), and the rest of its data plane
 * (webhook endpoint, deliveries and attempts, an import, an inbound source and receipt,
 * recommendations, an idempotency record) inserted on that shard as their modules write them.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { expect } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import { resolveOptions } from '../../src/config';
import { batchUpsert, type CatalogContext } from '../../src/catalog/products.service';
import { copySettingsToShard } from '../../src/placement/placement';
import { type Placement, scopeEnv, shardDb } from '../../src/placement/tenant-env';
import { MOVE_TABLES } from '../../src/moves/tables';
import { scopeSql } from '../../src/moves/slice.queries';
import { ADMIN } from '../helpers/api';

export const sent: Array<{ body: unknown; delaySeconds?: number }> = [];
const capture = {
  send: async (body: unknown, options?: { delaySeconds?: number }) => void sent.push({ body, delaySeconds: options?.delaySeconds }),
  sendBatch: async (bodies: Array<{ body: unknown }>) => void sent.push(...bodies.map((b) => ({ body: b.body }))),
};
const ignored = { send: async () => {}, sendBatch: async () => {} };

/** The test env: real databases and bucket; the maintenance queue captured, wake-ups dropped. */
export const testEnv = { ...env, MAINTENANCE_QUEUE: capture, EVENTS_QUEUE: ignored, INGEST_QUEUE: ignored, RECS_QUEUE: ignored } as unknown as Env;

export function request(path: string, init: RequestInit & { json?: unknown } = {}, useEnv: Env = testEnv): Promise<Response> {
  const headers = new Headers({ ...ADMIN, ...(init.headers as Record<string, string> | undefined) });
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return worker.fetch!(new Request(`http://shelfsync.test${path}`, { ...init, headers, body }) as never, useEnv, createExecutionContext()) as Promise<Response>;
}

/** Takes the captured move messages (others are left). */
export function takeMoveMessages(): unknown[] {
  const moves = sent.filter((m) => (m.body as { kind?: string }).kind === 'shard-move');
  for (const m of moves) sent.splice(sent.indexOf(m), 1);
  return moves.map((m) => m.body);
}

/** Runs one maintenance message through the Worker's queue entry; expects it acked. */
export async function deliver(body: unknown): Promise<void> {
  const batch = createMessageBatch('shelfsync-maintenance', [{ id: `m-${Math.random()}`, timestamp: new Date(), attempts: 1, body }]);
  const ctx = createExecutionContext();
  await worker.queue!(batch as MessageBatch<unknown>, testEnv);
  const result = await getQueueResult(batch, ctx);
  expect(result.retryMessages, 'a move message asked for a retry').toEqual([]);
}

/** Delivers captured move messages until none is left (at most `max`). */
export async function drainMoves(max = 200): Promise<number> {
  let n = 0;
  for (let messages = takeMoveMessages(); messages.length > 0; messages = takeMoveMessages()) {
    for (const body of messages) {
      if (++n > max) throw new Error(`the move did not end within ${max} messages`);
      await deliver(body);
    }
  }
  return n;
}

let counter = 0;

export interface SeededTenant {
  id: string;
  placement: Placement;
  ctx: CatalogContext;
}

/** A tenant created through the admin API and placed on `shard` (its settings row copied there). */
export async function tenantOn(shard: number): Promise<SeededTenant> {
  counter += 1;
  const res = await request('/v1/admin/tenants', { method: 'POST', json: { name: `Mover ${counter}`, defaultCurrency: 'USD', defaultLocale: 'en-US' } });
  expect(res.status).toBe(201);
  const { tenant } = (await res.json()) as { tenant: { id: string; name: string; createdAt: string } };
  const now = Date.now();
  await env.DB.prepare(
    "INSERT INTO placements (tenant_id, shard, epoch, state, updated_at) VALUES (?1, ?2, 1, 'active', ?3) ON CONFLICT (tenant_id) DO UPDATE SET shard = ?2, epoch = 1, state = 'active'",
  ).bind(tenant.id, shard, now).run();
  const placement: Placement = { tenantId: tenant.id, shard, epoch: 1, state: 'active' };
  await copySettingsToShard(testEnv, placement, { id: tenant.id, name: tenant.name, defaultCurrency: 'USD', defaultLocale: 'en-US', plan: 'standard', createdAt: now, updatedAt: now });
  return { id: tenant.id, placement, ctx: catalogOn(tenant.id, tenant.name, placement) };
}

/** The catalog service over the tenant's shard, as a request routed with `placement` has it (writes fenced). */
export function catalogOn(tenantId: string, name: string, placement: Placement): CatalogContext {
  const scoped = scopeEnv(testEnv, placement).env;
  return {
    db: scoped.DB,
    bucket: env.IMAGES,
    tenant: { id: tenantId, name, defaultCurrency: 'USD', defaultLocale: 'en-US' },
    options: resolveOptions(),
    imageUrl: async () => null,
    waitUntil: () => {},
    queues: scoped,
  };
}

export function productBody(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `p-${String(n).padStart(4, '0')}`,
    title: n % 2 === 0 ? `Canvas Tote ${n}` : `Linen Shirt ${n}`,
    brand: 'Acme',
    itemGroupId: `group-${n % 3}`,
    sizes: ['S', 'M'],
    prices: { USD: { amount: `${10 + n}.50` } },
    images: [{ id: 'front', source: { url: `https://cdn.example/${n}.jpg` } }],
    ...extra,
  };
}

/** Writes `products` products (and one invalid item: a job error) through the catalog service, plus the rest of the data plane by SQL. */
export async function seedCatalog(t: SeededTenant, products: number): Promise<void> {
  for (let start = 0; start < products; start += 100) {
    const bodies: unknown[] = Array.from({ length: Math.min(100, products - start) }, (_, i) => productBody(start + i));
    if (start === 0) bodies.push({ id: 'broken', title: 7 });
    await batchUpsert(t.ctx, bodies);
  }
  const db = shardDb(testEnv, t.placement.shard);
  const now = Date.now();
  const id = t.id.slice(4);
  const { results: events } = await db.prepare('SELECT id, type FROM events WHERE tenant_id = ?1 ORDER BY seq LIMIT 3').bind(t.id).all<{ id: string; type: string }>();
  const statements = [
    db.prepare(`INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, headers, format, enabled, secret, created_at, updated_at)
      VALUES (?1, ?2, 'https://hooks.example/shelfsync', '["product.*"]', '{}', 'standard', 1, 'enc:test1:sealed', ?3, ?3)`).bind(`wh_${id}`, t.id, now),
    ...events.map((e, i) =>
      db.prepare(`INSERT INTO deliveries (id, tenant_id, endpoint_id, event_id, event_type, status, attempts, created_at, updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, 'succeeded', 1, ?6, ?6)`).bind(`dlv_${id}_${i}`, t.id, `wh_${id}`, e.id, e.type, now),
    ),
    ...events.map((_, i) =>
      db.prepare('INSERT INTO delivery_attempts (id, delivery_id, attempted_at, status_code, latency_ms, response_body) VALUES (?1, ?2, ?3, 200, 12, ?4)').bind(`att_${id}_${i}`, `dlv_${id}_${i}`, now, 'ok'),
    ),
    db.prepare(`INSERT INTO jobs (id, tenant_id, kind, status, total, succeeded, created_at, started_at, completed_at) VALUES (?1, ?2, 'import', 'completed', 2, 2, ?3, ?3, ?3)`).bind(`job_imp_${id}`, t.id, now),
    db.prepare(`INSERT INTO imports (job_id, tenant_id, format, mode, r2_key, bytes, sha256, next_offset, next_line, rows_total, rows_done, rows_failed, status, created_at, updated_at, completed_at)
      VALUES (?1, ?2, 'jsonl', 'upsert', ?3, 120, 'ab12', 120, 3, 2, 2, 0, 'completed', ?4, ?4, ?4)`).bind(`job_imp_${id}`, t.id, `imports/${t.id}/job_imp_${id}`, now),
    db.prepare(`INSERT INTO inbound_sources (id, tenant_id, name, secret_env, secret_encoding, signature_header, signature_encoding, signature_prefix, signed_payload, tolerance_seconds, format, created_at, updated_at)
      VALUES (?1, ?2, 'ERP', 'ERP_WEBHOOK_SECRET', 'utf8', 'x-signature', 'hex', 'sha256=', '{body}', 300, 'canonical', ?3, ?3)`).bind(`src_${id}`, t.id, now),
    db.prepare('INSERT INTO inbound_receipts (source_id, dedupe_key, job_id, received_at) VALUES (?1, ?2, ?3, ?4)').bind(`src_${id}`, 'evt-1001', `job_imp_${id}`, now),
    db.prepare(`INSERT INTO rec_signatures (tenant_id, product_id, number, version, family, sig, lists, updated_at) VALUES (?1, 'p-0000', 1, 1, 'group-0', '{"minhash":[1,2,3]}', '["similar"]', ?2)`).bind(t.id, now),
    db.prepare("INSERT INTO rec_keys (tenant_id, key, product_id) VALUES (?1, 'b:acme', 'p-0000'), (?1, 'b:acme', 'p-0001')").bind(t.id),
    db.prepare(`INSERT INTO rec_lists (tenant_id, anchor_id, kind, rank, product_id, score, reasons) VALUES (?1, 'p-0000', 'similar', 1, 'p-0001', 0.75, '["brand"]')`).bind(t.id),
    db.prepare('INSERT INTO rec_settings (tenant_id, default_recommend, seq, updated_at, state) VALUES (?1, \'similar\', 3, ?2, 3)').bind(t.id, now),
    db.prepare(`INSERT INTO idempotency_keys (tenant_id, method, route, key, request_hash, status_code, headers, body, created_at, expires_at)
      VALUES (?1, 'PUT', '/v1/products/{id}', 'idem-1', 'h', 200, '{}', '{}', ?2, ?3)`).bind(t.id, now, now + 86_400_000),
  ];
  await db.batch(statements);
}

/** Per data table, the tenant's rows on `shard`. */
export async function tableCounts(shard: number, tenantId: string): Promise<Record<string, number>> {
  const db = shardDb(testEnv, shard);
  const counts: Record<string, number> = {};
  for (const table of MOVE_TABLES) {
    const { from, where } = scopeSql(table);
    counts[table.name] = (await db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).bind(tenantId).first<{ n: number }>())!.n;
  }
  return counts;
}

/** FTS rows of the tenant on `shard` matching `query`, joined to their products (a stale entry joins nothing). */
export async function ftsMatches(shard: number, tenantId: string, query: string): Promise<{ matched: number; entries: number }> {
  const db = shardDb(testEnv, shard);
  const matched = await db
    .prepare('SELECT count(*) AS n FROM products_fts AS f CROSS JOIN products AS p ON p.rowid = f.rowid WHERE products_fts MATCH ?1 AND p.tenant_id = ?2')
    .bind(`title:${query}`, tenantId)
    .first<{ n: number }>();
  const entries = await db.prepare("SELECT count(*) AS n FROM products_fts WHERE tenant = replace(?1, '_', '')").bind(tenantId).first<{ n: number }>();
  return { matched: matched!.n, entries: entries!.n };
}
