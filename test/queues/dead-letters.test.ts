/**
 * Dead letters: the reason a message died (the error its consumer reported on its last retry), the
 * admin list, and replay: the job reopens (`processing`), the message goes back to its queue once,
 * and the job ends again when it is consumed. A second replay sends nothing.
 * Replays go through the admin route of an app whose INBOUND_QUEUE records what it is sent, so the
 * test decides when the replayed message is consumed.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Env, InboundMessage } from '../../src/env';
import worker from '../../src/index';
import { newId } from '../../src/lib/ulid';
import { ADMIN, body, call, createTenant, expectProblem, product, type TestTenant } from '../helpers/api';
import { drainImport, importRow, stageImport, utf8 } from '../helpers/imports';

async function stageJob(t: TestTenant, payload: string): Promise<string> {
  const jobId = newId('job');
  await env.IMAGES.put(`inbound/${t.id}/${jobId}.json`, payload);
  await env.DB.prepare("INSERT INTO jobs (id, tenant_id, kind, status, total, created_at) VALUES (?1, ?2, 'inbound', 'pending', 1, ?3)")
    .bind(jobId, t.id, Date.now())
    .run();
  return jobId;
}

async function deliver(queue: string, messages: Array<{ body: unknown; attempts: number }>) {
  const batch = createMessageBatch<unknown>(
    queue,
    messages.map((m, i) => ({ id: `m${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: m.attempts, body: m.body })),
  );
  const ctx = createExecutionContext();
  await (worker as ExportedHandler<Cloudflare.Env>).queue!(batch as MessageBatch<unknown>, env, ctx);
  return getQueueResult(batch, ctx);
}

const sent: unknown[] = [];
const recorder = { send: async (b: unknown) => void sent.push(b), sendBatch: async (batch: Array<{ body: unknown }>) => void sent.push(...batch.map((m) => m.body)) };
const app = createApp();
async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const bindings = { ...env, INBOUND_QUEUE: recorder, IMPORTS_QUEUE: recorder } as unknown as Env;
  const res = await app.fetch(new Request(`http://shelfsync.test/v1/admin${path}`, { ...init, headers: { ...ADMIN, ...init.headers } }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const jobStatus = async (t: TestTenant, jobId: string) => (await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }))).status;

describe('dead letters', () => {
  it('records why the message died, lists it, and a replay reopens its job once; the job ends again', async () => {
    const t = await createTenant();
    const jobId = await stageJob(t, 'not json');
    const message: InboundMessage = { kind: 'inbound', tenantId: t.id, jobId };

    // The consumer fails on the corrupt payload and retries; later the runtime dead-letters it.
    const first = await deliver('shelfsync-inbound', [{ body: message, attempts: 1 }]);
    expect(first.retryMessages).toHaveLength(1);
    expect((await deliver('shelfsync-inbound', [{ body: message, attempts: 5 }])).retryMessages).toHaveLength(1);
    // The dead-letter queue counts its own first delivery: the record keeps the origin's 5 attempts.
    const dead = await deliver('shelfsync-dead-letter', [{ body: message, attempts: 1 }]);
    expect(dead.retryMessages).toEqual([]);
    expect(await jobStatus(t, jobId)).toBe('failed');

    const list = await body(await admin(`/dead-letters?tenantId=${t.id}`));
    expect(list.nextCursor).toBeNull();
    expect(list.data).toHaveLength(1);
    const record = list.data[0];
    expect(record).toMatchObject({ queue: 'shelfsync-inbound', attempts: 5, tenantId: t.id, jobId, body: message, replayedAt: null });
    expect(record.reason).toMatch(/^SyntaxError: .*JSON/);
    expect(record.reason).not.toContain('\n');

    // The payload is repaired; the operator replays.
    await env.IMAGES.put(`inbound/${t.id}/${jobId}.json`, JSON.stringify({ format: 'canonical', stored: [product('replayed-1')] }));
    sent.length = 0;
    const replay = await admin(`/dead-letters/${record.id}/replay`, { method: 'POST' });
    expect(replay.status).toBe(200);
    const answer = await body(replay);
    expect(answer.replayed).toBe(true);
    expect(answer.deadLetter.replayedAt).toEqual(expect.any(String));
    expect(sent).toEqual([message]);
    expect(await jobStatus(t, jobId)).toBe('processing');

    // Replaying again sends nothing and reopens nothing.
    const again = await body(await admin(`/dead-letters/${record.id}/replay`, { method: 'POST' }));
    expect(again).toMatchObject({ replayed: false, deadLetter: { replayedAt: answer.deadLetter.replayedAt } });
    expect(sent).toHaveLength(1);

    // The replayed message is consumed: the job ends again, the product is there.
    expect((await deliver('shelfsync-inbound', [{ body: sent[0], attempts: 1 }])).retryMessages).toEqual([]);
    expect(await jobStatus(t, jobId)).toBe('completed');
    expect((await call('/v1/products/replayed-1', { headers: t.headers })).status).toBe(200);
    expect(await body(await admin(`/dead-letters/${record.id}/replay`, { method: 'POST' }))).toMatchObject({ replayed: false });
    expect(sent).toHaveLength(1);
    expect(await jobStatus(t, jobId)).toBe('completed');

    const replayedOnly = await body(await admin(`/dead-letters?tenantId=${t.id}&replayed=true`));
    expect(replayedOnly.data.map((d: { id: string }) => d.id)).toEqual([record.id]);
    expect((await body(await admin(`/dead-letters?tenantId=${t.id}&replayed=false`))).data).toEqual([]);
  });

  it('an import replayed reopens its job and its import; both end again, reading the whole file', async () => {
    const t = await createTenant();
    const feed = [product('imp-1'), product('imp-2')].map((p) => JSON.stringify(p)).join('\n') + '\n';
    const jobId = await stageImport(t.id, utf8(feed), 'jsonl');
    await deliver('shelfsync-dead-letter', [{ body: { kind: 'import', tenantId: t.id, jobId }, attempts: 10 }]);
    expect(await jobStatus(t, jobId)).toBe('failed');
    expect((await importRow(jobId)).status).toBe('failed');

    const [record] = (await body(await admin(`/dead-letters?tenantId=${t.id}&queue=shelfsync-imports`))).data;
    expect(record).toMatchObject({ jobId, attempts: 10, replayedAt: null });
    sent.length = 0;
    expect(await body(await admin(`/dead-letters/${record.id}/replay`, { method: 'POST' }))).toMatchObject({ replayed: true });
    expect(sent).toEqual([{ kind: 'import', tenantId: t.id, jobId }]);
    expect(await jobStatus(t, jobId)).toBe('processing');
    expect((await importRow(jobId)).status).toBe('processing');

    expect((await drainImport(t.id, jobId)).status).toBe('completed');
    expect(await body(await call(`/v1/jobs/${jobId}`, { headers: t.headers }))).toMatchObject({ status: 'completed', counts: { created: 2 } });
  });

  it('a cursor the API did not issue is a 422 on query.cursor, as on every other list', async () => {
    for (const cursor of ['zz', 'dl_short', `${newId('dl')}x`]) {
      await expectProblem(await call(`/v1/admin/dead-letters?cursor=${encodeURIComponent(cursor)}`, { headers: ADMIN }), 422, 'validation_failed');
    }
    expect((await call(`/v1/admin/dead-letters?cursor=${newId('dl')}`, { headers: ADMIN })).status).toBe(200);
  });

  it('a message whose consumer reported nothing says so; one that later succeeded leaves no stale reason', async () => {
    const t = await createTenant();
    const silent = { kind: 'events', tenantId: t.id };
    await deliver('shelfsync-dead-letter', [{ body: silent, attempts: 11 }]);
    const [record] = (await body(await admin(`/dead-letters?tenantId=${t.id}`))).data;
    expect(record.reason).toMatch(/^No error was reported/);
    expect(record.jobId).toBeNull();

    // Fails once (reason kept), then succeeds on redelivery (reason dropped): a later dead copy says nothing stale.
    const jobId = await stageJob(t, 'garbage');
    const message: InboundMessage = { kind: 'inbound', tenantId: t.id, jobId };
    expect((await deliver('shelfsync-inbound', [{ body: message, attempts: 1 }])).retryMessages).toHaveLength(1);
    await env.IMAGES.put(`inbound/${t.id}/${jobId}.json`, JSON.stringify({ format: 'canonical', stored: [product('later-ok')] }));
    expect((await deliver('shelfsync-inbound', [{ body: message, attempts: 2 }])).retryMessages).toEqual([]);
    await deliver('shelfsync-dead-letter', [{ body: message, attempts: 3 }]);
    const records = (await body(await admin(`/dead-letters?tenantId=${t.id}&queue=shelfsync-inbound`))).data;
    expect(records).toHaveLength(1);
    expect(records[0].reason).toMatch(/^No error was reported/);
  });

  it('image work is not replayed (its images already ended error): 409 saying what to do; unknown ids 404', async () => {
    const t = await createTenant();
    await deliver('shelfsync-dead-letter', [{ body: { kind: 'ingest', tenantId: t.id, productIds: ['nothing-here'] }, attempts: 9 }]);
    const [record] = (await body(await admin(`/dead-letters?tenantId=${t.id}`))).data;
    expect(record.queue).toBe('shelfsync-ingest');
    const refused = await expectProblem(await admin(`/dead-letters/${record.id}/replay`, { method: 'POST' }), 409, 'conflict');
    expect(refused.detail).toContain('refresh=true');
    await expectProblem(await admin('/dead-letters/dl_nope/replay', { method: 'POST' }), 404, 'not_found');
    await expectProblem(await admin('/dead-letters?queue=nope'), 422, 'validation_failed');
    await expectProblem(await call('/v1/admin/dead-letters', { headers: t.headers }), 401, 'unauthorized');
  });
});
