/**
 * Queue consumers over a control database and four data shards (DESIGN "Shards"): every message runs
 * on its tenant's current shard, whatever batch it came in; a message routed before a move runs on
 * the new shard and never touches the old copy; a frozen tenant's messages are retried shortly,
 * neither acked nor dead-lettered; dead letters and failure records stay in the control database.
 * Data is written straight onto a shard (the write path on a shard's binding, or SQL), as a routed
 * request would leave it.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { writeProducts } from '../../src/catalog/write/write-products';
import { acceptJobStatement } from '../../src/jobs/job-statements';
import { claimImportSlot, markUploadedStatement } from '../../src/imports/imports.repository';
import { newId } from '../../src/lib/ulid';
import { flipPlacement, freezeTenant } from '../../src/placement/placement';
import { SET_SHARD_TENANT_STATE } from '../../src/placement/placement.queries';
import { scopeEnv } from '../../src/placement/tenant-env';
import { startRebuild } from '../../src/recommendations/rebuild';
import { insertEndpoint } from '../../src/webhooks/endpoints.repository';
import { replayDeadLetter } from '../../src/queues/dead-letters';
import { img } from '../helpers/images';
import { newBucket, target, waitFor, waitReceived } from '../helpers/webhooks';
import { consume, onlyOn, rowsEverywhere, shard, tenantOn, testEnv } from './queue-helpers';

async function putWithImage(db: D1Database, tenantId: string, productId: string): Promise<void> {
  await writeProducts(db, {
    tenantId,
    kind: 'products.put',
    items: [{ index: 0, id: productId, doc: { title: productId, images: [{ id: 'a', source: { url: img('photo.jpg') }, pipelines: {} }] } }],
    failures: [],
  });
}

async function imageStatus(db: D1Database, tenantId: string, productId: string): Promise<string[]> {
  const { results } = await db.prepare('SELECT status FROM images WHERE tenant_id = ?1 AND product_id = ?2').bind(tenantId, productId).all<{ status: string }>();
  return results.map((r) => r.status);
}

describe('queue messages run on their tenant’s shard', () => {
  it('ingest: one batch with tenants on shards 1 and 2 processes each image on its own shard', async () => {
    const [a, b] = [await tenantOn(1), await tenantOn(2)];
    await putWithImage(shard(1), a.tenantId, 'pa');
    await putWithImage(shard(2), b.tenantId, 'pb');

    const result = await consume('shelfsync-ingest', [
      { kind: 'ingest', tenantId: a.tenantId, productIds: ['pa'] },
      { kind: 'ingest', tenantId: b.tenantId, productIds: ['pb'] },
    ]);
    expect(result.retryMessages).toEqual([]);
    expect(await imageStatus(shard(1), a.tenantId, 'pa')).toEqual(['done']);
    expect(await imageStatus(shard(2), b.tenantId, 'pb')).toEqual(['done']);
    expect(await rowsEverywhere('images', a.tenantId)).toEqual(onlyOn(1, 1));
    expect(await rowsEverywhere('images', b.tenantId)).toEqual(onlyOn(2, 1));
  });

  it('events: the fan-out and the first delivery happen on the tenant’s shard (2)', async () => {
    const t = await tenantOn(2);
    const scoped = scopeEnv(testEnv, t).env;
    const bucket = newBucket();
    await insertEndpoint(scoped.DB, scoped, t.tenantId, { url: target(bucket), eventTypes: ['product.created'], headers: {}, enabled: true, format: 'standard' });
    await writeProducts(shard(2), { tenantId: t.tenantId, kind: 'products.put', items: [{ index: 0, id: 'e1', doc: { title: 'E1' } }], failures: [] });

    const result = await consume('shelfsync-events', [{ kind: 'events', tenantId: t.tenantId, shard: 2, epoch: 1 }]);
    expect(result.retryMessages).toEqual([]);
    const [got] = await waitReceived(bucket, 1);
    expect(JSON.parse(got!.body)).toMatchObject({ type: 'product.created' });
    expect(await rowsEverywhere('deliveries', t.tenantId)).toEqual(onlyOn(2, 1));
    const delivery = await shard(2).prepare('SELECT status FROM deliveries WHERE tenant_id = ?1').bind(t.tenantId).first<{ status: string }>();
    expect(delivery?.status).toBe('succeeded');
  });

  it('deliver: a message without a tenant (sent before shards) is found on its shard and delivered there', async () => {
    const t = await tenantOn(3);
    const scoped = scopeEnv(testEnv, t).env;
    const bucket = newBucket();
    await insertEndpoint(scoped.DB, scoped, t.tenantId, { url: target(bucket), eventTypes: ['product.created'], headers: {}, enabled: true, format: 'standard' });
    await writeProducts(shard(3), { tenantId: t.tenantId, kind: 'products.put', items: [{ index: 0, id: 'd1', doc: { title: 'D1' } }], failures: [] });
    const { fanOutTenant } = await import('../../src/webhooks/fanout');
    const { deliveryIds } = await fanOutTenant(shard(3), t.tenantId);
    expect(deliveryIds).toHaveLength(1);

    const result = await consume('shelfsync-deliveries', [{ kind: 'deliver', ids: deliveryIds }]);
    expect(result.retryMessages).toEqual([]);
    await waitReceived(bucket, 1);
    const delivery = await shard(3).prepare('SELECT status FROM deliveries WHERE id = ?1').bind(deliveryIds[0]).first<{ status: string }>();
    expect(delivery?.status).toBe('succeeded');
  });

  it('imports: a slice reads the file and writes the products on the tenant’s shard (1)', async () => {
    const t = await tenantOn(1);
    const db = shard(1);
    const jobId = await stageImport(db, t.tenantId);

    const result = await consume('shelfsync-imports', [{ kind: 'import', tenantId: t.tenantId, jobId, shard: 1, epoch: 1 }]);
    expect(result.retryMessages).toEqual([]);
    expect(await rowsEverywhere('products', t.tenantId)).toEqual(onlyOn(1, 2));
    const imp = await db.prepare('SELECT status FROM imports WHERE job_id = ?1').bind(jobId).first<{ status: string }>();
    expect(imp?.status).toBe('completed');
  });

  it('inbound: an accepted push is applied on the tenant’s shard (2)', async () => {
    const t = await tenantOn(2);
    const now = Date.now();
    const jobId = newId('job', now);
    await env.IMAGES.put(`inbound/${t.tenantId}/${jobId}.json`, JSON.stringify({ format: 'canonical', stored: [{ id: 'n1', title: 'N1' }] }));
    await shard(2).prepare("INSERT INTO jobs (id, tenant_id, kind, status, total, created_at) VALUES (?1, ?2, 'inbound', 'pending', 1, ?3)").bind(jobId, t.tenantId, now).run();

    const result = await consume('shelfsync-inbound', [{ kind: 'inbound', tenantId: t.tenantId, jobId }]);
    expect(result.retryMessages).toEqual([]);
    expect(await rowsEverywhere('products', t.tenantId)).toEqual(onlyOn(2, 1));
    const job = await shard(2).prepare('SELECT status FROM jobs WHERE id = ?1').bind(jobId).first<{ status: string }>();
    expect(job?.status).toBe('completed');
  });

  it('recommendations: a rebuild slice runs on the tenant’s shard (3)', async () => {
    const t = await tenantOn(3);
    await writeProducts(shard(3), { tenantId: t.tenantId, kind: 'products.put', items: [{ index: 0, id: 'r1', doc: { title: 'R1' } }], failures: [] });
    const jobId = await startRebuild(shard(3), t.tenantId, Date.now());

    const result = await consume('shelfsync-recommendations', [{ kind: 'rebuild', tenantId: t.tenantId, jobId }]);
    expect(result.retryMessages).toEqual([]);
    // Its next slices are sent stamped with shard 3 and consumed by the Worker's own queue handler.
    const status = () => shard(3).prepare('SELECT status FROM jobs WHERE id = ?1').bind(jobId).first<string>('status');
    await waitFor(async () => (await status()) === 'completed', 'the rebuild to complete', 20_000);
    expect(await rowsEverywhere('jobs', t.tenantId)).toEqual(onlyOn(3, 2));
    expect(await rowsEverywhere('rec_rebuilds', t.tenantId)).toEqual(onlyOn(3, 1));
  });
});

describe('moves and freezes', () => {
  it('a message stamped with the epoch before a move runs on the new shard; the old copy stays untouched', async () => {
    const from = await tenantOn(1);
    await putWithImage(shard(1), from.tenantId, 'moved');
    // The move's copy: the tenant row and its product on shard 3, then the flip.
    const row = await shard(1).prepare('SELECT name, created_at FROM tenants WHERE id = ?1').bind(from.tenantId).first<{ name: string; created_at: number }>();
    await shard(3).prepare("INSERT INTO tenants (id, name, default_currency, default_locale, plan, created_at, updated_at, epoch, write_state) VALUES (?1, ?2, 'USD', 'en-US', 'standard', ?3, ?3, 1, 'frozen')").bind(from.tenantId, row!.name, row!.created_at).run();
    await putWithImageUnfenced(3, from.tenantId, 'moved');
    const to = await flipPlacement(testEnv, from, 3);
    expect(to).toMatchObject({ shard: 3, epoch: 2 });

    const result = await consume('shelfsync-ingest', [{ kind: 'ingest', tenantId: from.tenantId, productIds: ['moved'], shard: 1, epoch: 1 }]);
    expect(result.retryMessages).toEqual([]);
    expect(await imageStatus(shard(3), from.tenantId, 'moved')).toEqual(['done']);
    expect(await imageStatus(shard(1), from.tenantId, 'moved')).toEqual(['pending']);
  });

  it('a frozen tenant’s message is retried shortly: not acked, not dead-lettered; the failure record is in control', async () => {
    const t = await tenantOn(2);
    await putWithImage(shard(2), t.tenantId, 'cold');
    await freezeTenant(testEnv, t);

    const body = { kind: 'ingest', tenantId: t.tenantId, productIds: ['cold'], shard: 2, epoch: 1 };
    const result = await consume('shelfsync-ingest', [body]);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toHaveLength(1);
    expect(await imageStatus(shard(2), t.tenantId, 'cold')).toEqual(['pending']);
    expect(await rowsEverywhere('dead_letters', t.tenantId)).toEqual(onlyOn(-1, 0)); // nowhere
    const failures = await env.DB.prepare("SELECT reason FROM queue_failures WHERE queue = 'shelfsync-ingest' AND reason LIKE 'FencedWriteError:%'").all();
    expect(failures.results.length).toBeGreaterThan(0);
    for (let n = 0; n < 4; n++) expect((await shard(n).prepare('SELECT count(*) AS n FROM queue_failures').first<{ n: number }>())?.n).toBe(0);
  });

  it('a write fenced under a stale placement (the shard row already moved, the placement not yet) is retried shortly', async () => {
    const t = await tenantOn(1);
    await putWithImage(shard(1), t.tenantId, 'fenced');
    // Only the shard's row: the placement (as an isolate cached it) still says shard 1, so the consumer
    // runs there and its write is refused by the fence.
    await shard(1).prepare(SET_SHARD_TENANT_STATE).bind(t.tenantId, 1, 'moved').run();

    const result = await consume('shelfsync-ingest', [{ kind: 'ingest', tenantId: t.tenantId, productIds: ['fenced'] }]);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toHaveLength(1);
    expect(await imageStatus(shard(1), t.tenantId, 'fenced')).toEqual(['pending']);
    const reason = await env.DB.prepare("SELECT reason FROM queue_failures WHERE queue = 'shelfsync-ingest' AND reason LIKE 'FencedWriteError:%moved to another shard%'").first();
    expect(reason).not.toBeNull();
  });
});

describe('work that belongs to a shard', () => {
  it('money backfill: a message naming shard 2 converts the legacy rows there', async () => {
    const t = await tenantOn(2);
    await writeProducts(shard(2), { tenantId: t.tenantId, kind: 'products.put', items: [{ index: 0, id: 'm1', doc: { title: 'M1' } }], failures: [] });
    const row = await shard(2).prepare('SELECT data FROM products WHERE tenant_id = ?1 AND id = ?2').bind(t.tenantId, 'm1').first<{ data: string }>();
    const legacy = { ...JSON.parse(row!.data), prices: { USD: { amount: 2500 } } };
    await shard(2).prepare('UPDATE products SET data = ?3, money_format = NULL WHERE tenant_id = ?1 AND id = ?2').bind(t.tenantId, 'm1', JSON.stringify(legacy)).run();

    const result = await consume('shelfsync-maintenance', [{ kind: 'money-backfill', shard: 2 }]);
    expect(result.retryMessages).toEqual([]);
    const after = await shard(2).prepare('SELECT data, money_format FROM products WHERE tenant_id = ?1 AND id = ?2').bind(t.tenantId, 'm1').first<{ data: string; money_format: number | null }>();
    expect(after!.money_format).not.toBeNull();
    expect(JSON.parse(after!.data).prices.USD.amountMicros).toBe(25_000_000);
  });
});

describe('dead letters', () => {
  it('a shard-2 tenant’s dead message is recorded in control and closes its images on shard 2', async () => {
    const t = await tenantOn(2);
    await putWithImage(shard(2), t.tenantId, 'dead');

    const result = await consume('shelfsync-dead-letter', [{ kind: 'ingest', tenantId: t.tenantId, productIds: ['dead'], shard: 2, epoch: 1 }], 9);
    expect(result.retryMessages).toEqual([]);
    expect(await rowsEverywhere('dead_letters', t.tenantId)).toMatchObject({ control: 1, 'shard 0': 0, 'shard 1': 0, 'shard 2': 0, 'shard 3': 0 });
    expect(await imageStatus(shard(2), t.tenantId, 'dead')).toEqual(['error']);
  });

  it('a dead import of a shard-2 tenant fails its job on shard 2; its replay reopens it there and marks the record in control', async () => {
    const t = await tenantOn(2);
    const jobId = await stageImport(shard(2), t.tenantId);
    await consume('shelfsync-dead-letter', [{ kind: 'import', tenantId: t.tenantId, jobId }], 11);
    const status = () => shard(2).prepare('SELECT status FROM imports WHERE job_id = ?1').bind(jobId).first<string>('status');
    expect(await status()).toBe('failed');
    const dead = await env.DB.prepare('SELECT id FROM dead_letters WHERE tenant_id = ?1 AND job_id = ?2').bind(t.tenantId, jobId).first<{ id: string }>();
    expect(dead).not.toBeNull();

    const replay = await replayDeadLetter(testEnv, dead!.id);
    expect(replay.replayed).toBe(true);
    expect(await env.DB.prepare('SELECT replayed_at FROM dead_letters WHERE id = ?1').bind(dead!.id).first<number>('replayed_at')).not.toBeNull();
    // Reopened on shard 2, then read to its end by the replayed message.
    await waitFor(async () => (await status()) === 'completed', 'the replayed import to complete', 20_000);
    expect(await rowsEverywhere('products', t.tenantId)).toEqual(onlyOn(2, 2));
  });
});

/** An uploaded import of two products, as POST /v1/imports leaves it on the tenant's shard. */
async function stageImport(db: D1Database, tenantId: string): Promise<string> {
  const now = Date.now();
  const jobId = newId('job', now);
  const key = `imports/${tenantId}/${jobId}`;
  const file = `${JSON.stringify({ id: 'i1', title: 'I1' })}\n${JSON.stringify({ id: 'i2', title: 'I2' })}\n`;
  expect(await claimImportSlot(db, { jobId, tenantId, format: 'jsonl', mode: 'upsert', r2Key: key, now, maxRunning: 4 })).toBe(true);
  await env.IMAGES.put(key, file);
  const sha = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(file)))].map((x) => x.toString(16).padStart(2, '0')).join('');
  await db.batch([
    acceptJobStatement(db, { id: jobId, tenantId, kind: 'import', total: 0, started: true, writesOpen: true }, now),
    markUploadedStatement(db, jobId, file.length, sha),
  ]);
  return jobId;
}

/** The same product written on another shard (a move's copy of it), bypassing the fence. */
async function putWithImageUnfenced(n: number, tenantId: string, productId: string): Promise<void> {
  await shard(n).prepare("UPDATE tenants SET write_state = 'open' WHERE id = ?1").bind(tenantId).run();
  await putWithImage(shard(n), tenantId, productId);
  await shard(n).prepare("UPDATE tenants SET write_state = 'frozen' WHERE id = ?1").bind(tenantId).run();
}
