/**
 * Pipelines on external services: a requested pipeline with no configured processor is a per-image
 * error; a configured one gets a signed job (Standard Webhooks scheme) and its answer — a result, an
 * error text, or "accepted" followed by a signed callback — lands on the image.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { describe, expect, inject, it } from 'vitest';
import { CALLBACK_WAIT_MS, DEFAULT_PROCESSOR_MAX_WAITS } from '../../src/images/processors/registry';
import { body, call, createTenant, expectProblem } from '../helpers/api';
import { runQueue } from '../helpers/images';
import { waitFor } from '../helpers/poll';
import { waitJob } from '../helpers/webhooks';

const server = () => inject('receiverUrl');

function settled(headers: Record<string, string>, id: string, until: (p: any) => boolean = (p) => p.status !== 'pending' && p.status !== 'processing'): Promise<any> {
  return waitFor(async () => {
    const product = await body(await call(`/v1/products/${id}`, { headers }));
    return until(product) ? product : undefined;
  }, `product ${id}`, 15_000, 100);
}

function received(bucket: string, count: number): Promise<Array<{ headers: Record<string, string>; body: string }>> {
  return waitFor(async () => {
    const list = (await (await fetch(`${server()}/received/${bucket}`)).json()) as Array<{ headers: Record<string, string>; body: string }>;
    return list.length >= count ? list : undefined;
  }, `${count} request(s) in ${bucket}`, 10_000, 100);
}

async function configure(headers: Record<string, string>, name: string, url: string): Promise<string> {
  const res = await call(`/v1/processors/${name}`, { method: 'PUT', headers, json: { url, config: { garment: 'top' } } });
  expect(res.status).toBe(201);
  const created = await body(res);
  expect(created.secret).toMatch(/^whsec_/);
  return created.secret;
}

describe('pipeline processors', () => {
  it('is a per-image error when nobody runs the requested pipeline', async () => {
    const t = await createTenant();
    const images = [
      { id: 'plain', source: { url: `${server()}/img/photo.jpg` } },
      { id: 'wants-tryon', source: { url: `${server()}/img/graphic.png` }, pipelines: { tryOn: true, localization: false } },
    ];
    expect((await call('/v1/products/p', { method: 'PUT', headers: t.headers, json: { images } })).status).toBe(201);
    const product = await settled(t.headers, 'p');
    expect(product.images.map((i: any) => [i.id, i.status, i.error])).toEqual([
      ['plain', 'done', null],
      ['wants-tryon', 'error', 'No processor is configured for the "tryOn" pipeline'],
    ]);
    expect(product.status).toBe('done');
  });

  it('sends a signed job and records the result, or the error text, on the image', async () => {
    const t = await createTenant();
    const bucket = crypto.randomUUID();
    const secret = await configure(t.headers, 'tryOn', `${server()}/r/${bucket}/tryon-done`);
    const errorBucket = crypto.randomUUID();
    await configure(t.headers, 'localization', `${server()}/r/${errorBucket}/tryon-error`);
    const images = [
      { id: 'a', source: { url: `${server()}/img/photo.jpg` }, pipelines: { tryOn: true } },
      { id: 'b', source: { url: `${server()}/img/picture.webp` }, pipelines: { localization: true } },
    ];
    expect((await call('/v1/products/p', { method: 'PUT', headers: t.headers, json: { images } })).status).toBe(201);
    const product = await settled(t.headers, 'p');
    expect(product.images[0]).toMatchObject({ id: 'a', status: 'done', error: null });
    expect(product.images[1]).toMatchObject({ id: 'b', status: 'error', error: 'Human body is not recognized' });

    const detail = await body(await call(`/v1/images/${product.images[0].imageId}`, { headers: t.headers }));
    expect(detail.results.tryOn).toMatchObject({ status: 'done', url: 'https://cdn.tryon.example/result.jpg', score: 0.93 });

    const [job] = await received(bucket, 1);
    const payload = new Webhook(secret).verify(job!.body, job!.headers) as Record<string, unknown>;
    expect(payload).toMatchObject({ type: 'image.process', pipeline: 'tryOn', config: { garment: 'top' }, format: 'jpeg', width: 640, height: 480 });
    // The job names a signed URL the service can fetch without a key.
    const content = await call(String(payload.imageUrl).replace(/^https?:\/\/[^/]+/, ''));
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('image/jpeg');
  });

  it('waits for a signed callback when the service accepts the job', async () => {
    const t = await createTenant();
    const bucket = crypto.randomUUID();
    const secret = await configure(t.headers, 'tryOn', `${server()}/r/${bucket}/tryon-accept`);
    const images = [{ id: 'a', source: { url: `${server()}/img/large-1mp.jpg` }, pipelines: { tryOn: true } }];
    expect((await call('/v1/products/p', { method: 'PUT', headers: t.headers, json: { images } })).status).toBe(201);
    const waiting = await settled(t.headers, 'p', (p) => p.images[0].status === 'processing' && p.images[0].sha256 !== null);
    expect(waiting.status).toBe('processing');
    const [job] = await received(bucket, 1);
    const payload = JSON.parse(job!.body) as { sha256: string; callbackUrl: string };
    expect(payload.callbackUrl).toContain(`/v1/processor-callbacks/${t.id}/tryOn`);

    const callback = JSON.stringify({ sha256: payload.sha256, status: 'error', error: 'Human body is not recognized' });
    const path = new URL(payload.callbackUrl, 'http://x').pathname;
    const forged = await call(path, { method: 'POST', headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' }, body: callback });
    await expectProblem(forged, 401, 'unauthorized');

    const signed = new Webhook(secret).sign('msg_1', new Date(), callback);
    const ok = await call(path, { method: 'POST', headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': signed }, body: callback });
    expect(ok.status).toBe(200);
    expect(await body(ok)).toEqual({ received: true, images: 1 });

    const done = await settled(t.headers, 'p');
    expect(done.images[0]).toMatchObject({ status: 'error', error: 'Human body is not recognized' });
    const row = await env.DB.prepare("SELECT status, error FROM processor_results WHERE tenant_id = ?1 AND processor = 'tryOn'").bind(t.id).first();
    expect(row).toEqual({ status: 'error', error: 'Human body is not recognized' });
  });
});

describe('jobs cover the image work they started', () => {
  it('stays processing until the images settle, then completes with its event', async () => {
    // The processor accepts the job and calls back later: until then the image, the product and the
    // job that wrote them are unsettled, whatever the timing of the queues.
    const t = await createTenant();
    const bucket = crypto.randomUUID();
    const secret = await configure(t.headers, 'tryOn', `${server()}/r/${bucket}/tryon-accept`);
    const images = [{ id: 'a', source: { url: `${server()}/img/photo.jpg` }, pipelines: { tryOn: true } }];
    const res = await call('/v1/products/j', { method: 'PUT', headers: t.headers, json: { images } });
    expect(res.status).toBe(201);
    const jobId = res.headers.get('job-id')!;
    const [sent] = await received(bucket, 1);
    expect(sent).toBeDefined();
    const waiting = await settled(t.headers, 'j', (p) => p.images[0].status === 'processing' && p.images[0].sha256 !== null);
    expect(waiting.images[0].status).toBe('processing');
    const early = await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }));
    expect(early).toMatchObject({ status: 'processing', completedAt: null });

    const payload = JSON.parse(sent!.body) as { sha256: string; callbackUrl: string };
    const callback = JSON.stringify({ sha256: payload.sha256, status: 'done', url: 'https://cdn.tryon.example/result.jpg' });
    const signature = new Webhook(secret).sign('msg_j', new Date(), callback);
    const headers = { 'content-type': 'application/json', 'webhook-id': 'msg_j', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': signature };
    expect((await call(new URL(payload.callbackUrl, 'http://x').pathname, { method: 'POST', headers, body: callback })).status).toBe(200);

    expect(await settled(t.headers, 'j')).toMatchObject({ status: 'done', images: [{ status: 'done' }] });
    const job = await waitJob(t, jobId, 10_000);
    expect(job).toMatchObject({ status: 'completed', counts: { created: 1 } });
    expect(job.completedAt).not.toBeNull();
    const feed = await body(await call('/v1/events?limit=100', { headers: t.headers }));
    const types: string[] = feed.data.map((e: { type: string }) => e.type);
    expect(types.filter((x) => x === 'job.completed')).toHaveLength(1);
    // The job finishes after its images: its event comes after product.processed (both present).
    expect(types).toContain('product.processed');
    expect(types.indexOf('job.completed')).toBeGreaterThan(types.indexOf('product.processed'));
  });

  it(`ends the image in error when the service accepts ${DEFAULT_PROCESSOR_MAX_WAITS} times and never calls back`, async () => {
    const t = await createTenant();
    const bucket = crypto.randomUUID();
    await configure(t.headers, 'tryOn', `${server()}/r/${bucket}/tryon-accept`);
    const images = [{ id: 'a', source: { url: `${server()}/img/photo.jpg` }, pipelines: { tryOn: true } }];
    expect((await call('/v1/products/w', { method: 'PUT', headers: t.headers, json: { images } })).status).toBe(201);
    const waiting = await settled(t.headers, 'w', (p) => p.images[0].status === 'processing' && p.images[0].sha256 !== null);
    expect(await received(bucket, 1)).toHaveLength(1);
    const imageId = waiting.images[0].imageId as string;

    // Each hour-long wait runs out (moved into the past) and the image's turn comes again.
    for (let round = 2; round <= DEFAULT_PROCESSOR_MAX_WAITS + 1; round++) {
      await env.DB.batch([
        env.DB.prepare('UPDATE processor_results SET updated_at = updated_at - ?2 WHERE tenant_id = ?1').bind(t.id, CALLBACK_WAIT_MS + 1000),
        env.DB.prepare("UPDATE images SET next_attempt_at = ?2 WHERE id = ?1 AND status = 'processing'").bind(imageId, Date.now() - 1000),
      ]);
      const batch = createMessageBatch('shelfsync-ingest', [{ id: `w${round}`, timestamp: new Date(), attempts: 1, body: { kind: 'ingest', tenantId: t.id, productId: 'w' } }]);
      const ctx = createExecutionContext();
      await runQueue(batch, ctx);
      expect((await getQueueResult(batch, ctx)).outcome).toBe('ok');
    }
    // Sent once per wait, never again after the last one ran out.
    // (Every round above ran to its end inside runQueue, so nothing is still on its way.)
    expect(await received(bucket, DEFAULT_PROCESSOR_MAX_WAITS)).toHaveLength(DEFAULT_PROCESSOR_MAX_WAITS);
    const done = await settled(t.headers, 'w');
    expect(done.images[0]).toMatchObject({ status: 'error', error: `The tryOn service accepted the job ${DEFAULT_PROCESSOR_MAX_WAITS} times but never called back` });
    expect(done.status).toBe('error');
  }, 30_000);
});
