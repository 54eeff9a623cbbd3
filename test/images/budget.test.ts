/**
 * Images: the ingest consumer's D1 statement budget (D1 allows 1,000 statements per invocation, ~11
 * an image). A consumer batch with more images than one invocation can finish processes what fits,
 * acks, and hands the rest to new messages; driven again with those until none is left, every image
 * ends processed exactly once: one claim each, one event each, one product.processed per product,
 * and the job completed, as when it all fit in one invocation.
 */
import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { writeProducts } from '../../src/catalog/write/write-products';
import { call, createTenant } from '../helpers/api';
import { imageEvents, img, imageRows, typedEvents } from '../helpers/images';
import { Invocation } from '../limits/harness';

const PRODUCTS = 6;
const IMAGES = 20;

it('a batch with more images than one invocation\'s budget ends with every image processed once, over several invocations', { timeout: 300_000 }, async () => {
  const t = await createTenant();
  const ids = Array.from({ length: PRODUCTS }, (_, n) => `many${n}`);
  // Written without the route's queue wake-up: only this test's deliveries process the products.
  // Two images of each product are real pictures (done), the rest unreadable (error): both paths.
  const written = await writeProducts(env.DB, {
    tenantId: t.id,
    kind: 'products.batch',
    items: ids.map((id, index) => ({
      index,
      id,
      doc: {
        title: `Many ${id}`,
        images: Array.from({ length: IMAGES }, (_, i) => ({
          id: `i${i}`,
          source: { url: i < 2 ? img(i === 0 ? 'photo.jpg' : 'graphic.png', `${id}-${i}`) : img('not-an-image.jpg', `${id}-${i}`) },
          pipelines: {},
        })),
      },
    })),
    failures: [],
  });
  expect(written.toIngest.sort()).toEqual([...ids].sort());

  // One consumer batch of two messages, then whatever each invocation handed on, until nothing is.
  let pending: unknown[] = [
    { kind: 'ingest', tenantId: t.id, productIds: ids.slice(0, PRODUCTS / 2) },
    { kind: 'ingest', tenantId: t.id, productIds: ids.slice(PRODUCTS / 2) },
  ];
  let invocations = 0;
  const finishedPer: number[] = [];
  while (pending.length > 0) {
    expect(++invocations, 'the work ends').toBeLessThanOrEqual(5);
    const inv = new Invocation();
    const before = await finishedImages(t.id, ids);
    expect(await inv.queue('shelfsync-ingest', pending)).toEqual({ retried: 0, acked: pending.length });
    inv.expectWithinLimits(`ingest invocation ${invocations}`);
    finishedPer.push((await finishedImages(t.id, ids)) - before);
    pending = inv.messages('INGEST_QUEUE');
  }
  // More than one invocation's worth, and each invocation did work.
  expect(invocations).toBeGreaterThan(1);
  expect(finishedPer.every((n) => n > 0), `images finished per invocation: ${finishedPer.join(', ')}`).toBe(true);

  for (const id of ids) {
    const rows = await imageRows(t.id, id);
    expect(rows).toHaveLength(IMAGES);
    // Each image claimed once (a claim given back would not count) and finished.
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array.from({ length: IMAGES }, (_, i) => [i < 2 ? 'done' : 'error', 1]));
    const events = await imageEvents(t, id);
    expect(events.map((e) => e.data.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(events.map((e) => e.type).sort()).toEqual([...Array(IMAGES - 2).fill('image.failed'), 'image.processed', 'image.processed']);
    expect(await typedEvents(t, 'product.processed', id)).toHaveLength(1);
    const product = (await (await call(`/v1/products/${id}`, { headers: t.headers })).json()) as { status: string };
    expect(product.status).toBe('done');
  }
  const job = (await (await call(`/v1/jobs/${written.jobId}`, { headers: t.headers })).json()) as { status: string };
  expect(job.status).toBe('completed');
  expect(await typedEvents(t, 'job.completed')).toHaveLength(1);
});

async function finishedImages(tenantId: string, productIds: string[]): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM images WHERE tenant_id = ?1 AND status IN ('done', 'error') AND product_id IN (SELECT value FROM json_each(?2))")
    .bind(tenantId, JSON.stringify(productIds))
    .first<{ n: number }>();
  return row!.n;
}

it('images that cost more than their reserve: the claims the budget cannot finish are given back, and processed later', { timeout: 300_000 }, async () => {
  const t = await createTenant();
  // Cheap images first (unreadable: ~11 statements each) to spend most of the budget, then a product
  // whose every image is a real picture asking for ten pipelines no processor serves (one lookup each:
  // ~22 statements an image, more than the 16 kept back when its images were claimed).
  const pipelines = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`missing${i}`, true]));
  const cheap = (id: string, n: number) => ({ title: id, images: Array.from({ length: n }, (_, i) => ({ id: `i${i}`, source: { url: img('not-an-image.jpg', `${id}-${i}`) }, pipelines: {} })) });
  const docs: Array<[string, Record<string, unknown>]> = [
    ['cheap0', cheap('cheap0', IMAGES)],
    ['cheap1', cheap('cheap1', IMAGES)],
    ['cheap2', cheap('cheap2', 5)],
    ['costly', { title: 'costly', images: Array.from({ length: IMAGES }, (_, i) => ({ id: `i${i}`, source: { url: img('photo.jpg', `costly-${i}`) }, pipelines })) }],
  ];
  const written = await writeProducts(env.DB, { tenantId: t.id, kind: 'products.batch', items: docs.map(([id, doc], index) => ({ index, id, doc })), failures: [] });
  const writtenAt = Math.max(...(await imageRows(t.id, 'costly')).map((r) => r.updated_at));

  const first = new Invocation();
  expect(await first.queue('shelfsync-ingest', [{ kind: 'ingest', tenantId: t.id, productIds: docs.map(([id]) => id) }])).toEqual({ retried: 0, acked: 1 });
  first.expectWithinLimits('ingest, costly images');
  const afterFirst = await imageRows(t.id, 'costly');
  const released = afterFirst.filter((r) => r.status === 'pending' && r.updated_at > writtenAt);
  expect(afterFirst.filter((r) => r.status === 'error').length, 'some costly images were processed').toBeGreaterThan(0);
  expect(released.length, 'claimed, not started, given back').toBeGreaterThan(0);
  // Given back whole: due at once, the claim's attempt returned.
  for (const r of released) expect([r.attempts, r.next_attempt_at]).toEqual([0, null]);

  let pending: unknown[] = first.messages('INGEST_QUEUE');
  expect(pending).toEqual([{ kind: 'ingest', tenantId: t.id, productIds: ['costly'] }]);
  for (let n = 0; pending.length > 0; n++) {
    expect(n, 'the work ends').toBeLessThan(3);
    const inv = new Invocation();
    expect(await inv.queue('shelfsync-ingest', pending)).toEqual({ retried: 0, acked: pending.length });
    inv.expectWithinLimits('ingest, the rest of the costly images');
    pending = inv.messages('INGEST_QUEUE');
  }
  const rows = await imageRows(t.id, 'costly');
  expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array.from({ length: IMAGES }, () => ['error', 1]));
  expect(rows.every((r) => r.error?.includes('No processor is configured'))).toBe(true);
  expect((await imageEvents(t, 'costly')).map((e) => e.data.id).sort()).toEqual(rows.map((r) => r.id).sort());
  for (const [id] of docs) expect(await typedEvents(t, 'product.processed', id)).toHaveLength(1);
  const job = (await (await call(`/v1/jobs/${written.jobId}`, { headers: t.headers })).json()) as { status: string };
  expect(job.status).toBe('completed');
});
