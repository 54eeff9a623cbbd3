/**
 * Images: processing on queues. The API answers at once with `pending`; the ingest consumer moves
 * images pending -> processing -> done | error, announces every change once, keeps the product's
 * aggregate status and one `product.processed` per round. Driven directly (createMessageBatch): a
 * redelivered message changes nothing, a transient failure retries, a dead-lettered message closes
 * the images with a reason. The cron re-enqueues lost work and collects orphaned R2 objects.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { runCron } from '../../src/cron/scheduled';
import { writeProducts } from '../../src/catalog/write/write-products';
import { call, createTenant, product, putProduct, type TestTenant } from '../helpers/api';
import { newBucket, target } from '../helpers/webhooks';
import {
  getImage,
  getProductBody,
  img,
  imageEvents,
  imageRows,
  putWithImages,
  r2Keys,
  runQueue,
  sleep,
  typedEvents,
  waitFor,
  waitProduct,
} from '../helpers/images';

const ingestBody = (t: TestTenant, productId: string) => ({ kind: 'ingest' as const, tenantId: t.id, productId });

/** Delivers one ingest message to the Worker's queue handler; returns what it acked or retried. */
async function deliver(queue: string, id: string, body: unknown, attempts = 1) {
  const batch = createMessageBatch(queue, [{ id, timestamp: new Date(), attempts, body }]);
  const ctx = createExecutionContext();
  await runQueue(batch, ctx);
  return getQueueResult(batch, ctx);
}

async function rounds(t: TestTenant, productId: string) {
  const { results } = await env.DB.prepare('SELECT job_id, closed_at FROM processing_rounds WHERE tenant_id = ?1 AND product_id = ?2')
    .bind(t.id, productId)
    .all<{ job_id: string; closed_at: number | null }>();
  return results;
}

describe('processing on the ingest queue', { timeout: 20_000 }, () => {
  it('the write answers at once with pending images; they end done, each announced once, and one product.processed', async () => {
    const t = await createTenant();
    const res = await putProduct(t, 'p', product('p', { images: [{ id: 'a', source: { url: img('photo.jpg') } }, { id: 'b', source: { url: img('graphic.png') } }] }));
    expect(res.status).toBe(201);
    const jobId = res.headers.get('job-id');
    expect(jobId).toMatch(/^job_/);
    const written = (await res.json()) as any;
    expect(written.status).toBe('pending');
    expect(written.images.map((i: any) => [i.id, i.status, i.sha256, i.url])).toEqual([['a', 'pending', null, null], ['b', 'pending', null, null]]);

    const p = await waitProduct(t, 'p');
    expect(p.status).toBe('done');
    expect(p.images.map((i: any) => i.status)).toEqual(['done', 'done']);

    const events = await imageEvents(t, 'p');
    expect(events.map((e) => [e.type, e.data.id]).sort()).toEqual(
      [['image.processed', p.images[0].imageId], ['image.processed', p.images[1].imageId]].sort(),
    );
    for (const e of events) expect(e.data).toMatchObject({ productId: 'p', status: 'done', url: expect.stringContaining('/content?') });
    const processed = await typedEvents(t, 'product.processed', 'p');
    expect(processed).toHaveLength(1);
    expect(processed[0]!.data).toMatchObject({ productId: 'p', status: 'done', jobId, version: p.version });
    // product.processed comes after the image events it sums up.
    expect(processed[0]!.seq).toBeGreaterThan(Math.max(...events.map((e) => e.seq)));
    expect((await rounds(t, 'p')).map((r) => [r.job_id, r.closed_at !== null])).toEqual([[jobId, true]]);

    // Writing the same product again changes nothing: no new round, no new events.
    const again = await putProduct(t, 'p', product('p', { images: [{ id: 'a', source: { url: img('photo.jpg') } }, { id: 'b', source: { url: img('graphic.png') } }] }));
    expect(((await again.json()) as any).status).toBe('done');
    expect(await rounds(t, 'p')).toHaveLength(1);
    expect(await typedEvents(t, 'product.processed', 'p')).toHaveLength(1);
  });

  it('a second write while the first is processing: at most one product.processed per round, the last one for the final version', async () => {
    const t = await createTenant();
    const first = await putProduct(t, 'p', product('p', { images: [{ id: 'a', source: { url: img('large-1mp.jpg') } }] }));
    const second = await putProduct(t, 'p', product('p', { images: [{ id: 'b', source: { url: img('graphic.png') } }] }));
    const jobs = [first.headers.get('job-id'), second.headers.get('job-id')];
    await Promise.all([first.arrayBuffer(), second.arrayBuffer()]);

    const p = await waitProduct(t, 'p');
    expect(p.images.map((i: any) => [i.id, i.status])).toEqual([['b', 'done']]);
    // A closed round never emits again: wait until every round is closed, then count.
    await waitFor(async () => (await rounds(t, 'p')).every((r) => r.closed_at !== null), 'every round closed');
    const processed = await typedEvents(t, 'product.processed', 'p');
    expect(processed.length).toBeGreaterThanOrEqual(1);
    expect(processed.length).toBeLessThanOrEqual(2);
    const jobIds = processed.map((e) => e.data.jobId);
    expect(new Set(jobIds).size, 'one product.processed per round').toBe(jobIds.length);
    for (const id of jobIds) expect(jobs).toContain(id);
    expect(processed.at(-1)!.data).toMatchObject({ version: p.version, status: 'done' });
    // The surviving image is announced exactly once.
    expect((await imageEvents(t, 'p')).filter((e) => e.data.id === p.images[0].imageId)).toHaveLength(1);
  });
});

describe('the ingest consumer, driven directly', { timeout: 20_000 }, () => {
  it('the same message delivered twice (and after the fact) processes each image once and emits each event once', async () => {
    const t = await createTenant();
    await putWithImages(t, 'p', [img('large-1mp.jpg'), img('truncated.jpg')]);
    const imageId = (await imageRows(t.id, 'p'))[0]!.id;

    // Watch the first image's status while two deliveries of one message race (and the real queue's own).
    const seen: string[] = [(await getImage(t, imageId)).status];
    expect(seen).toEqual(['pending']);
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const status = (await getImage(t, imageId)).status as string;
        if (seen.at(-1) !== status) seen.push(status);
        await sleep(5);
      }
    })();
    const results = await Promise.all([deliver('shelfsync-ingest', 'msg-1', ingestBody(t, 'p')), deliver('shelfsync-ingest', 'msg-1', ingestBody(t, 'p'))]);
    const p = await waitProduct(t, 'p');
    watching = false;
    await watcher;

    for (const result of results) {
      expect(result.explicitAcks).toEqual(['msg-1']);
      expect(result.retryMessages).toEqual([]);
    }
    expect(p.images.map((i: any) => i.status)).toEqual(['done', 'error']);
    expect(p.status).toBe('done');
    expect(seen.at(-1)).toBe('done');
    expect(seen, 'statuses only move forward').toEqual(seen.includes('processing') ? ['pending', 'processing', 'done'] : ['pending', 'done']);

    // Once more, after everything is done: nothing changes.
    const late = await deliver('shelfsync-ingest', 'msg-1', ingestBody(t, 'p'), 2);
    expect(late.explicitAcks).toEqual(['msg-1']);
    const rows = await imageRows(t.id, 'p');
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['done', 1], ['error', 1]]);

    const events = await imageEvents(t, 'p');
    expect(events.map((e) => [e.data.id, e.type]).sort()).toEqual([[rows[0]!.id, 'image.processed'], [rows[1]!.id, 'image.failed']].sort());
    expect(await typedEvents(t, 'product.processed', 'p')).toHaveLength(1);
  });

  it('a transient failure (the source answers 500) leaves the image pending with attempts counted, and the message is retried', async () => {
    const t = await createTenant();
    const failing = target(newBucket(), 'fail');
    await putWithImages(t, 'p', [{ id: 'flaky', url: failing }, { id: 'good', url: img('photo.jpg') }]);

    // The real queue makes the first attempt: the good image ends done, the failing one waits on a backoff.
    const [afterFirst] = await waitFor(async () => {
      const rows = await imageRows(t.id, 'p');
      return rows[0]!.attempts >= 1 && rows[0]!.status === 'pending' && rows[1]!.status === 'done' ? rows : undefined;
    }, 'the first attempt');
    expect(afterFirst!.error).toMatch(/answered 500/);
    expect(afterFirst!.next_attempt_at).toBeGreaterThan(Date.now());
    // Something is still pending and something is done: the product is processing, not done.
    const p = await getProductBody(t, 'p');
    expect(p.status).toBe('processing');
    expect(p.images[0]).toMatchObject({ id: 'flaky', status: 'pending' });
    // Retrying is not a status change the world hears about; no round closed yet.
    expect((await imageEvents(t, 'p')).map((e) => e.data.id)).toEqual([p.images[1].imageId]);
    expect(await typedEvents(t, 'product.processed', 'p')).toHaveLength(0);

    // Make the retry due now and deliver the message ourselves.
    await env.DB.prepare('UPDATE images SET next_attempt_at = ?2 WHERE id = ?1').bind(afterFirst!.id, Date.now() - 1).run();
    const attemptsBefore = afterFirst!.attempts;
    const result = await deliver('shelfsync-ingest', 'msg-retry', ingestBody(t, 'p'), 2);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toHaveLength(1);
    expect(result.retryMessages[0]!.msgId).toBe('msg-retry');
    // (getQueueResult does not report the delay; the backoff shows in next_attempt_at below.)

    const [row] = await imageRows(t.id, 'p');
    expect(row).toMatchObject({ status: 'pending', attempts: attemptsBefore + 1 });
    expect(row!.error).toMatch(/answered 500/);
    expect(row!.next_attempt_at).toBeGreaterThan(Date.now());

    // Stop the background retries.
    expect((await call('/v1/products/p', { method: 'DELETE', headers: t.headers })).status).toBeLessThan(300);
  });

  it('a dead-lettered ingest message ends the pending images with a "gave up" error, announced once', async () => {
    const t = await createTenant();
    const failing = target(newBucket(), 'fail');
    await putWithImages(t, 'p', [{ id: 'flaky', url: failing }, { id: 'good', url: img('photo.jpg') }]);
    await waitFor(async () => {
      const rows = await imageRows(t.id, 'p');
      return rows[0]!.attempts >= 1 && rows[0]!.status === 'pending' && rows[1]!.status === 'done';
    }, 'the first attempt');

    const result = await deliver('shelfsync-dead-letter', 'dl-1', ingestBody(t, 'p'), 9);
    expect(result.explicitAcks.includes('dl-1') || result.ackAll).toBe(true);
    expect(result.retryMessages).toEqual([]);

    const p = await waitProduct(t, 'p');
    expect(p.images[0]).toMatchObject({ id: 'flaky', status: 'error' });
    expect(p.images[0].error).toMatch(/gave up/i);
    expect(p.images[1]).toMatchObject({ id: 'good', status: 'done' });
    expect(p.status).toBe('done');

    const failed = (await imageEvents(t, 'p')).filter((e) => e.data.id === p.images[0].imageId);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ type: 'image.failed', data: { status: 'error', error: p.images[0].error } });
    const processed = await typedEvents(t, 'product.processed', 'p');
    expect(processed).toHaveLength(1);
    expect(processed[0]!.data).toMatchObject({ status: 'done' });

    // Delivered again, the dead letter changes nothing more.
    await deliver('shelfsync-dead-letter', 'dl-2', ingestBody(t, 'p'), 9);
    expect((await imageEvents(t, 'p')).filter((e) => e.data.id === p.images[0].imageId)).toHaveLength(1);
    expect(await typedEvents(t, 'product.processed', 'p')).toHaveLength(1);
  });
});

describe('the cron', { timeout: 20_000 }, () => {
  it('re-enqueues images still pending a minute after their write (a lost wake-up)', async () => {
    const t = await createTenant();
    // The write committed but its queue message never went out (the write path, without the route's wake-up).
    await writeProducts(env.DB, {
      tenantId: t.id,
      kind: 'products.put',
      items: [{ index: 0, id: 'lost', doc: { title: 'Lost', images: [{ id: 'a', source: { url: img('photo.jpg') }, pipelines: {} }] } }],
      failures: [],
    });
    expect((await imageRows(t.id, 'lost')).map((r) => r.status)).toEqual(['pending']);
    expect((await getProductBody(t, 'lost')).status).toBe('pending');
    await env.DB.prepare('UPDATE images SET updated_at = updated_at - 120000 WHERE tenant_id = ?1').bind(t.id).run();

    await runCron(env, Date.now());
    const p = await waitProduct(t, 'lost');
    expect(p.status).toBe('done');
    expect(p.images[0]).toMatchObject({ status: 'done', width: 640, height: 480 });
    expect((await imageEvents(t, 'lost')).map((e) => e.type)).toEqual(['image.processed']);
    expect(await typedEvents(t, 'product.processed', 'lost')).toHaveLength(1);
  });

  it('deletes R2 objects no image references any more, after the grace period', async () => {
    const t = await createTenant();
    await putWithImages(t, 'p', [img('photo.jpg')]);
    const before = await waitProduct(t, 'p');
    const oldSha = before.images[0].sha256 as string;
    // Replace the product's images: the photo's bytes are referenced by nothing any more.
    await putWithImages(t, 'p', [img('graphic.png')]);
    const after = await waitProduct(t, 'p');
    const newSha = after.images[0].sha256 as string;
    expect(newSha).not.toBe(oldSha);
    const keysOf = (sha: string) => [`${t.id}/${sha}`, `${t.id}/${sha}/medium.webp`, `${t.id}/${sha}/thumb.webp`];
    expect(await r2Keys(t.id)).toEqual([...keysOf(oldSha), ...keysOf(newSha)].sort());

    const blob = (sha: string) => env.DB.prepare('SELECT orphaned_at FROM blobs WHERE tenant_id = ?1 AND sha256 = ?2').bind(t.id, sha).first<{ orphaned_at: number | null }>();
    // First run: marked, not deleted (a re-sync within the grace period would reuse the bytes).
    await runCron(env, Date.now());
    expect((await blob(oldSha))?.orphaned_at).toEqual(expect.any(Number));
    expect((await blob(newSha))?.orphaned_at).toBeNull();
    expect(await r2Keys(t.id)).toEqual([...keysOf(oldSha), ...keysOf(newSha)].sort());

    // Past the grace period: gone from R2 and from D1; the referenced bytes stay.
    await env.DB.prepare('UPDATE blobs SET orphaned_at = orphaned_at - ?2 WHERE tenant_id = ?1 AND orphaned_at IS NOT NULL').bind(t.id, 25 * 3600_000).run();
    await runCron(env, Date.now());
    expect(await r2Keys(t.id)).toEqual(keysOf(newSha).sort());
    expect(await blob(oldSha)).toBeNull();
    const leftovers = await env.DB.batch([
      env.DB.prepare('SELECT COUNT(*) AS n FROM url_cache WHERE tenant_id = ?1 AND sha256 = ?2').bind(t.id, oldSha),
      env.DB.prepare('SELECT COUNT(*) AS n FROM processor_results WHERE tenant_id = ?1 AND sha256 = ?2').bind(t.id, oldSha),
    ]);
    expect(leftovers.map((r) => (r.results[0] as { n: number }).n)).toEqual([0, 0]);
    // The surviving image still serves.
    const res = await call(`/v1/images/${after.images[0].imageId}/content`, { headers: t.headers });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });
});
