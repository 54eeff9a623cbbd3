/**
 * POST /v1/inbound/{sourceId}: HMAC-SHA256 over the raw bytes, checked before anything is parsed;
 * timestamps within tolerance either way; replays answered with the original job; the payload
 * validated, then applied through the inbound queue.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { createApp } from '../../src/app';
import { runHousekeeping } from '../../src/cron/scheduled';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, errorPaths, expectProblem, product, type TestTenant } from '../helpers/api';
import { hmac, toBase64, toHex, waitJob } from '../helpers/webhooks';

interface Source {
  id: string;
  secret: string;
}

async function source(t: TestTenant, json: Record<string, unknown> = {}): Promise<Source> {
  const secret = `erp-secret-${crypto.randomUUID()}`;
  const res = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'ERP', secret, ...json } });
  if (res.status !== 201) throw new Error(`source creation failed: ${res.status} ${await res.text()}`);
  return { id: (await res.json() as { id: string }).id, secret };
}

function push(sourceId: string, raw: string, headers: Record<string, string>): Promise<Response> {
  return call(`/v1/inbound/${sourceId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
}

async function sign(secret: string, data: string, encoding: 'base64' | 'hex' = 'base64'): Promise<string> {
  const mac = await hmac(secret, data);
  return encoding === 'hex' ? toHex(mac) : toBase64(mac);
}

async function getProduct(t: TestTenant, id: string): Promise<Response> {
  return call(`/v1/products/${encodeURIComponent(id)}`, { headers: t.headers });
}

describe('signature verification', () => {
  it('base64 (the default) over the raw body: 202 with a job, applied through the queue', async () => {
    const t = await createTenant();
    const src = await source(t);
    const raw = JSON.stringify(product('in-1', { title: 'From the ERP' }));
    const res = await push(src.id, raw, { 'x-signature': await sign(src.secret, raw) });
    expect(res.status).toBe(202);
    const ack = await body(res);
    expect(ack).toEqual({ jobId: expect.stringMatching(/^job_/), status: 'pending', duplicate: false });
    expect(res.headers.get('job-id')).toBe(ack.jobId);

    const job = await waitJob(t, ack.jobId);
    expect(job).toMatchObject({ id: ack.jobId, kind: 'inbound', status: 'completed', counts: { total: 1, succeeded: 1, created: 1 } });
    const p = await getProduct(t, 'in-1');
    expect(p.status).toBe(200);
    expect(await body(p)).toMatchObject({ id: 'in-1', title: 'From the ERP', version: 1 });
  });

  it('hex with a prefix (sha256=…) in a custom header', async () => {
    const t = await createTenant();
    const src = await source(t, { signatureHeader: 'X-Hub-Signature-256', signatureEncoding: 'hex', signaturePrefix: 'sha256=' });
    const raw = JSON.stringify(product('in-hex'));
    const sig = await sign(src.secret, raw, 'hex');
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect((await push(src.id, raw, { 'x-hub-signature-256': `sha256=${sig}` })).status).toBe(202);
    expect((await push(src.id, `${raw} `, { 'x-hub-signature-256': `sha256=${sig.toUpperCase()}` })).status).toBe(401);
    // Upper-case hex is the same bytes.
    const raw2 = JSON.stringify(product('in-hex-2'));
    expect((await push(src.id, raw2, { 'x-hub-signature-256': `sha256=${(await sign(src.secret, raw2, 'hex')).toUpperCase()}` })).status).toBe(202);
    // Base64 where hex is expected does not verify.
    const raw3 = JSON.stringify(product('in-hex-3'));
    await expectProblem(await push(src.id, raw3, { 'x-hub-signature-256': `sha256=${await sign(src.secret, raw3)}` }), 401);
  });

  it('a base64-encoded secret is used as its bytes', async () => {
    const t = await createTenant();
    const keyBytes = crypto.getRandomValues(new Uint8Array(32));
    const secret = toBase64(keyBytes);
    const res = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'b64', secret, secretEncoding: 'base64' } });
    const { id } = await body(res);
    const raw = JSON.stringify(product('in-b64'));
    expect((await push(id, raw, { 'x-signature': toBase64(await hmac(keyBytes, raw)) })).status).toBe(202);
    expect((await push(id, raw.replace('in-b64', 'in-b65'), { 'x-signature': await sign(secret, raw.replace('in-b64', 'in-b65')) })).status).toBe(401);
  });

  it('401 for a tampered body, a wrong secret, a missing signature or an unknown source', async () => {
    const t = await createTenant();
    const src = await source(t);
    const raw = JSON.stringify(product('tamper', { quantity: 1 }));
    const sig = await sign(src.secret, raw);
    await expectProblem(await push(src.id, raw.replace('"quantity":1', '"quantity":9'), { 'x-signature': sig }), 401);
    await expectProblem(await push(src.id, raw, { 'x-signature': await sign('another-secret-0123456789', raw) }), 401);
    await expectProblem(await push(src.id, raw, {}), 401);
    await expectProblem(await push(src.id, raw, { 'x-signature': '' }), 401);
    await expectProblem(await push(src.id, raw, { 'x-signature': sig.slice(0, -4) }), 401);
    await expectProblem(await push('src_01JD7Z8Q6V7N9K3M2X4B5C6D7E', raw, { 'x-signature': sig }), 401);
    expect((await getProduct(t, 'tamper')).status).toBe(404);
    expect((await body(await call('/v1/jobs', { headers: t.headers }))).data).toEqual([]);
  });

  it('checks the signature before parsing: garbage with a bad signature (or no source) is 401, with a good one 400', async () => {
    const t = await createTenant();
    const src = await source(t);
    const statuses: Array<[string, string, number]> = [];
    for (const raw of ['{not json', '[1,2,3]', '"text"', '']) {
      const denied = await push(src.id, raw, { 'x-signature': await sign('wrong-secret-0123456789', raw) });
      statuses.push(['bad signature', raw, denied.status]);
      const unknown = await push('src_01JD7Z8Q6V7N9K3M2X4B5C6D7E', raw, { 'x-signature': 'AAAA' });
      statuses.push(['unknown source', raw, unknown.status]);
    }
    expect(statuses.filter(([, , status]) => status !== 401)).toEqual([]);
    await expectProblem(await push(src.id, '{not json', { 'x-signature': await sign(src.secret, '{not json') }), 400);
    // Valid JSON that is not a product object: a validation problem, once the signature is known good.
    const arr = '[1,2,3]';
    const res = await push(src.id, arr, { 'x-signature': await sign(src.secret, arr) });
    expect([400, 422]).toContain(res.status);
  });

  it('an unknown source is refused before its body is read', async () => {
    // Through createApp() in this isolate (exports.default would pump the stream across): a body that
    // fails the moment anyone reads it, so reading it first could not answer a plain 401.
    let pulled = 0;
    const poisoned = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.error(new Error('the body was read'));
      },
    }, { highWaterMark: 0 });
    const request = new Request('http://shelfsync.test/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': 'AAAA' }, body: poisoned, duplex: 'half',
    } as RequestInit);
    const ctx = createExecutionContext();
    const res = await createApp().fetch(request, env, ctx);
    await waitOnExecutionContext(ctx);
    await expectProblem(res, 401, 'unauthorized');
    expect(pulled).toBe(0);
  });

  it('a signed push nested past 64 levels is 400 naming the depth limit; a syntax error says what is wrong', async () => {
    const t = await createTenant();
    const src = await source(t);
    const deep = `{"id":"deep","title":"t","attributes":{"a":${'['.repeat(70)}${']'.repeat(70)}}}`;
    const problem = await expectProblem(await push(src.id, deep, { 'x-signature': await sign(src.secret, deep) }), 400, 'bad_request');
    expect(problem.detail).toBe('The body nests deeper than 64 levels of objects and arrays');
    const broken = '{"id":"broken",';
    const syntax = await expectProblem(await push(src.id, broken, { 'x-signature': await sign(src.secret, broken) }), 400, 'bad_request');
    expect(syntax.detail).toMatch(/^The body is not valid JSON: ./);
  });

  it('a push over the inbound cap (8 MB, what the memory budget holds) is 413 before the signature is checked', async () => {
    const t = await createTenant();
    const src = await source(t);
    const raw = JSON.stringify({ id: 'big', description: 'x'.repeat(8 * 1024 * 1024) });
    const res = await push(src.id, raw, { 'x-signature': 'AAAA' });
    const problem = await expectProblem(res, 413, 'payload_too_large');
    expect(problem.detail).toContain(String(8 * 1024 * 1024));
  });

  it('fails closed when the secret it names is not set', async () => {
    // Allowed to name UNSET_WEBHOOK_SECRET by INBOUND_ENV_SECRET_TENANTS (vitest.config.ts), which is not set.
    const t = await createTenant({ aliases: ['unset-secret-user'] });
    const res = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'misconfigured', secretEnv: 'UNSET_WEBHOOK_SECRET' } });
    expect(res.status).toBe(201);
    const { id } = await body(res);
    const raw = JSON.stringify(product('closed'));
    for (const key of ['undefined', 'null', 'gesmart-test-secret-0123456789abcdef', '\0']) {
      await expectProblem(await push(id, raw, { 'x-signature': await sign(key, raw) }), 401);
    }
    // What an empty key would produce (HMAC pads keys with zeros, so one zero byte gives the same MAC).
    const empty = await sign('\0', raw);
    await expectProblem(await push(id, raw, { 'x-signature': empty }), 401);
    // The problem looks like any other bad signature: nothing about the configuration leaks.
    const unknown = await expectProblem(await push('src_01JD7Z8Q6V7N9K3M2X4B5C6D7E', raw, { 'x-signature': empty }), 401);
    const closed = await expectProblem(await push(id, raw, { 'x-signature': empty }), 401);
    expect(closed.detail).toBe(unknown.detail);
    expect(JSON.stringify(closed)).not.toContain('UNSET_WEBHOOK_SECRET');
    expect((await getProduct(t, 'closed')).status).toBe(404);
  });
});

describe('signed timestamps', () => {
  async function stamped(t: TestTenant) {
    const src = await source(t, { signedPayload: '{timestamp}.{body}', timestampHeader: 'X-Timestamp', signatureEncoding: 'hex', toleranceSeconds: 300 });
    const send = async (id: string, offsetSeconds: number, mutate?: (h: Record<string, string>) => void) => {
      const raw = JSON.stringify(product(id));
      const ts = String(Math.floor(Date.now() / 1000) + offsetSeconds);
      const headers = { 'x-timestamp': ts, 'x-signature': await sign(src.secret, `${ts}.${raw}`, 'hex') };
      mutate?.(headers);
      return push(src.id, raw, headers);
    };
    return { src, send };
  }

  it('accepts a timestamp inside the tolerance, either way', async () => {
    const t = await createTenant();
    const { send } = await stamped(t);
    expect((await send('ts-now', 0)).status).toBe(202);
    expect((await send('ts-past', -200)).status).toBe(202);
    expect((await send('ts-future', 200)).status).toBe(202);
  });

  it('refuses one too old or too far in the future, a missing one, and one not covered by the signature', async () => {
    const t = await createTenant();
    const { send } = await stamped(t);
    await expectProblem(await send('ts-old', -400), 401);
    await expectProblem(await send('ts-older', -86_400), 401);
    await expectProblem(await send('ts-far', 400), 401);
    await expectProblem(await send('ts-none', 0, (h) => delete h['x-timestamp']), 401);
    await expectProblem(await send('ts-moved', 0, (h) => (h['x-timestamp'] = String(Number(h['x-timestamp']) - 1))), 401);
    await expectProblem(await send('ts-junk', 0, (h) => (h['x-timestamp'] = 'yesterday')), 401);
    // The body alone (without the timestamp) is not what is signed.
    const src2 = await stamped(t);
    const raw = JSON.stringify(product('ts-body-only'));
    await expectProblem(await push(src2.src.id, raw, { 'x-timestamp': String(Math.floor(Date.now() / 1000)), 'x-signature': await sign(src2.src.secret, raw, 'hex') }), 401);
    expect((await body(await call('/v1/jobs', { headers: t.headers }))).data).toEqual([]);
  });
});

describe('replays', () => {
  it('the same push within the window: 200, the original job id, duplicate: true, not applied again', async () => {
    const t = await createTenant();
    const src = await source(t);
    const raw = JSON.stringify(product('rep-1', { quantity: 5 }));
    const headers = { 'x-signature': await sign(src.secret, raw) };
    const first = await push(src.id, raw, headers);
    expect(first.status).toBe(202);
    const { jobId } = await body(first);
    await waitJob(t, jobId);
    const before = await body(await getProduct(t, 'rep-1'));
    expect(before.version).toBe(1);

    const again = await push(src.id, raw, headers);
    expect(again.status).toBe(200);
    expect(await body(again)).toEqual({ jobId, status: 'completed', duplicate: true });

    const jobs = (await body(await call('/v1/jobs', { headers: t.headers }))).data as Array<{ id: string }>;
    expect(jobs.map((j) => j.id)).toEqual([jobId]);
    const after = await body(await getProduct(t, 'rep-1'));
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toBe(before.updatedAt);
  });

  it('a body-signed push stays a replay for the 600 s dedupe window (past the old 5 minutes), then is new again', async () => {
    const t = await createTenant();
    const src = await source(t);
    const raw = JSON.stringify(product('rep-old'));
    const headers = { 'x-signature': await sign(src.secret, raw) };
    const first = await push(src.id, raw, headers);
    expect(first.status).toBe(202);
    const { jobId } = await body(first);
    await waitJob(t, jobId);
    const age = (ms: number) => env.DB.prepare('UPDATE inbound_receipts SET received_at = ?2 WHERE source_id = ?1').bind(src.id, Date.now() - ms).run();
    await age(6 * 60_000);
    const captured = await push(src.id, raw, headers);
    expect(captured.status).toBe(200);
    expect(await body(captured)).toMatchObject({ jobId, duplicate: true });

    await age(600_000 + 1000);
    const later = await push(src.id, raw, headers);
    expect(later.status).toBe(202);
    const ack = await body(later);
    expect(ack.duplicate).toBe(false);
    expect(ack.jobId).not.toBe(jobId);
    expect(await waitJob(t, ack.jobId)).toMatchObject({ status: 'completed', counts: { unchanged: 1 } });
  });

  it('a replay before the first is applied still answers the original job', async () => {
    const t = await createTenant();
    const src = await source(t);
    const raw = JSON.stringify(product('rep-2'));
    const headers = { 'x-signature': await sign(src.secret, raw) };
    const [a, b] = [await push(src.id, raw, headers), await push(src.id, raw, headers)];
    expect(a.status).toBe(202);
    expect(b.status).toBe(200);
    const [ja, jb] = [await body(a), await body(b)];
    expect(jb).toMatchObject({ jobId: ja.jobId, duplicate: true });
    expect(await waitJob(t, ja.jobId)).toMatchObject({ status: 'completed', counts: { total: 1, created: 1 } });
  });

  it('an unsigned event-id header is not trusted: an older push resent with a new id is still a replay (no rollback)', async () => {
    const t = await createTenant();
    const src = await source(t, { eventIdHeader: 'X-Event-Id' });
    const rawA = JSON.stringify(product('evt-1', { title: 'A' }));
    const rawB = JSON.stringify(product('evt-1', { title: 'B' }));
    const a = await push(src.id, rawA, { 'x-signature': await sign(src.secret, rawA), 'x-event-id': 'e-1' });
    expect(a.status).toBe(202);
    const jobA = (await body(a)).jobId;
    await waitJob(t, jobA);
    const b = await push(src.id, rawB, { 'x-signature': await sign(src.secret, rawB), 'x-event-id': 'e-2' });
    expect(b.status).toBe(202);
    await waitJob(t, (await body(b)).jobId);
    // An attacker resends the captured push A (its signature still matches) under a fresh id.
    const resent = await push(src.id, rawA, { 'x-signature': await sign(src.secret, rawA), 'x-event-id': 'e-999' });
    expect(resent.status).toBe(200);
    expect(await body(resent)).toMatchObject({ jobId: jobA, duplicate: true });
    expect(await body(await getProduct(t, 'evt-1'))).toMatchObject({ title: 'B', version: 2 });
  });

  it("an unsigned event-id header is not trusted: a captured body sent with the ERP's next id does not swallow the real push", async () => {
    const t = await createTenant();
    const src = await source(t, { eventIdHeader: 'X-Event-Id' });
    const rawA = JSON.stringify(product('evt-2', { title: 'A' }));
    const rawB = JSON.stringify(product('evt-2', { title: 'B' }));
    const a = await push(src.id, rawA, { 'x-signature': await sign(src.secret, rawA), 'x-event-id': 'e-1' });
    await waitJob(t, (await body(a)).jobId);
    // The attacker guesses the next id and spends it on the captured body first.
    await push(src.id, rawA, { 'x-signature': await sign(src.secret, rawA), 'x-event-id': 'e-2' });
    const real = await push(src.id, rawB, { 'x-signature': await sign(src.secret, rawB), 'x-event-id': 'e-2' });
    expect(real.status).toBe(202);
    const ack = await body(real);
    expect(ack.duplicate).toBe(false);
    await waitJob(t, ack.jobId);
    expect(await body(await getProduct(t, 'evt-2'))).toMatchObject({ title: 'B' });
  });

  it('a signed event id ({id}.{timestamp}.{body}) decides: a new id is a new push, the same id a replay', async () => {
    const t = await createTenant();
    const src = await source(t, { signedPayload: '{id}.{timestamp}.{body}', eventIdHeader: 'webhook-id', timestampHeader: 'webhook-timestamp' });
    const send = async (id: string, raw: string, signedId = id) => {
      const ts = String(Math.floor(Date.now() / 1000));
      return push(src.id, raw, { 'webhook-id': id, 'webhook-timestamp': ts, 'x-signature': await sign(src.secret, `${signedId}.${ts}.${raw}`) });
    };
    const raw = JSON.stringify(product('sid-1', { title: 'same' }));
    const first = await send('msg-1', raw);
    expect(first.status).toBe(202);
    // The same body meant again by the sender (its own new id) is applied.
    const again = await send('msg-2', raw);
    expect(again.status).toBe(202);
    // The very same message is a replay, whatever its body hash would say.
    const replay = await send('msg-1', JSON.stringify(product('sid-1', { title: 'other' })));
    expect(replay.status).toBe(200);
    expect(await body(replay)).toMatchObject({ jobId: (await body(first)).jobId, duplicate: true });
    // An id the signature does not cover is refused.
    await expectProblem(await send('msg-3', raw, 'msg-4'), 401);
  });

  it('a signed event id needs its header and a timestamp header', async () => {
    const t = await createTenant();
    const res = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x', secret: 'erp-secret-0123456789abcdef', signedPayload: '{id}.{timestamp}.{body}' } });
    const problem = await expectProblem(res, 422);
    expect(errorPaths(problem)).toEqual(expect.arrayContaining(['/eventIdHeader', '/timestampHeader']));
    // A PATCH is checked against the source as it would become.
    const src = await source(t, { signedPayload: '{timestamp}.{body}', timestampHeader: 'X-Timestamp' });
    const patched = await call(`/v1/inbound-sources/${src.id}`, { method: 'PATCH', headers: t.headers, json: { signedPayload: '{id}.{timestamp}.{body}' } });
    expect(errorPaths(await expectProblem(patched, 422))).toEqual(['/eventIdHeader']);
    const fixed = await call(`/v1/inbound-sources/${src.id}`, { method: 'PATCH', headers: t.headers, json: { signedPayload: '{id}.{timestamp}.{body}', eventIdHeader: 'Webhook-Id' } });
    expect(await body(fixed)).toMatchObject({ signedPayload: '{id}.{timestamp}.{body}', eventIdHeader: 'webhook-id' });
  });

  it('receipts are kept for max(2 x tolerance, dedupe window), not a fixed hour', async () => {
    const t = await createTenant();
    const bodySigned = await source(t);
    const stamped = await source(t, { signedPayload: '{timestamp}.{body}', timestampHeader: 'X-Timestamp', toleranceSeconds: 3600 });
    const rawA = JSON.stringify(product('prune-a'));
    expect((await push(bodySigned.id, rawA, { 'x-signature': await sign(bodySigned.secret, rawA) })).status).toBe(202);
    const rawB = JSON.stringify(product('prune-b'));
    const ts = String(Math.floor(Date.now() / 1000));
    expect((await push(stamped.id, rawB, { 'x-timestamp': ts, 'x-signature': await sign(stamped.secret, `${ts}.${rawB}`) })).status).toBe(202);
    const count = async (id: string) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM inbound_receipts WHERE source_id = ?1').bind(id).first<{ n: number }>())!.n;
    const now = Date.now();
    // 15 minutes on: past the body source's 600 s window; well inside the stamped one's 2 h.
    await runHousekeeping(env, now + 15 * 60_000);
    expect(await count(bodySigned.id)).toBe(0);
    expect(await count(stamped.id)).toBe(1);
    // 90 minutes on (the old fixed hour would be gone): a push stamped up to 1 h ahead is still replayable.
    await runHousekeeping(env, now + 90 * 60_000);
    expect(await count(stamped.id)).toBe(1);
    await runHousekeeping(env, now + 2 * 3600_000 + 60_000);
    expect(await count(stamped.id)).toBe(0);
  });

  it('a bad signature is never answered as a replay', async () => {
    const t = await createTenant();
    const src = await source(t);
    const raw = JSON.stringify(product('rep-3'));
    expect((await push(src.id, raw, { 'x-signature': await sign(src.secret, raw) })).status).toBe(202);
    await expectProblem(await push(src.id, raw, { 'x-signature': await sign('wrong-secret-0123456789', raw) }), 401);
  });
});

describe('payloads', () => {
  it('{"products": [...]} applies every product under one job', async () => {
    const t = await createTenant();
    const src = await source(t);
    const raw = JSON.stringify({ products: [product('b-1'), product('b-2', { quantity: 3 })] });
    const res = await push(src.id, raw, { 'x-signature': await sign(src.secret, raw) });
    expect(res.status).toBe(202);
    const job = await waitJob(t, (await body(res)).jobId);
    expect(job).toMatchObject({ status: 'completed', counts: { total: 2, succeeded: 2, created: 2 } });
    expect(await body(await getProduct(t, 'b-2'))).toMatchObject({ id: 'b-2', quantity: 3 });
    // The products landed in the source's tenant only.
    const other = await createTenant();
    expect((await getProduct(other, 'b-1')).status).toBe(404);
  });

  it('an update through a push bumps the version', async () => {
    const t = await createTenant();
    const src = await source(t);
    for (const [i, title] of ['one', 'two'].entries()) {
      const raw = JSON.stringify(product('upd', { title }));
      const res = await push(src.id, raw, { 'x-signature': await sign(src.secret, raw) });
      expect(res.status).toBe(202);
      await waitJob(t, (await body(res)).jobId);
      expect(await body(await getProduct(t, 'upd'))).toMatchObject({ title, version: i + 1 });
    }
  });

  it('validates after verifying: 422 with JSON Pointer paths, nothing stored', async () => {
    const t = await createTenant();
    const src = await source(t);
    const send = async (payload: unknown) => {
      const raw = JSON.stringify(payload);
      return push(src.id, raw, { 'x-signature': await sign(src.secret, raw) });
    };
    const single = await expectProblem(await send(product('v-1', { gender: 'robot' })), 422);
    expect(errorPaths(single)).toEqual(['/gender']);
    const batch = await expectProblem(await send({ products: [product('v-ok'), { title: 'no id' }, product('v-3', { prices: { USD: { amount: 'abc' } } })] }), 422);
    expect(errorPaths(batch)).toEqual(expect.arrayContaining(['/products/1/id', '/products/2/prices/USD/amount']));
    expect(errorPaths(batch).every((p) => /^\/products\/[12]\//.test(p))).toBe(true);
    expect(errorPaths(await expectProblem(await send({ products: 'nope' }), 422))).toEqual(['/products']);
    expect(errorPaths(await expectProblem(await send({ id: 'v-4', unknownField: 1 }), 422))).toContain('/unknownField');
    expect((await body(await call('/v1/jobs', { headers: t.headers }))).data).toEqual([]);
    expect((await getProduct(t, 'v-ok')).status).toBe(404);
  });
});
