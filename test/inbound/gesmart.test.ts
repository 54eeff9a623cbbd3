/**
 * Seed 002 (GeSmart) as one inbound-source configuration: the secret in GESMART_WEBHOOK_SECRET used
 * as UTF-8 text, a base64 HMAC-SHA256 of the raw body in `x-gesmart-signature`. The signatures below
 * are known-answer vectors made outside the Worker with the seed's own recipe, so the test proves
 * that what an ERP following that recipe sends verifies.
 */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, errorPaths, expectProblem, type TestTenant } from '../helpers/api';
import { waitJob } from '../helpers/webhooks';

/** The value vitest.config.ts binds to GESMART_WEBHOOK_SECRET. */
const WEBHOOK_SECRET = 'gesmart-test-secret-0123456789abcdef';

/**
 * A GeSmart-shaped payload (not canonical). Signature made with:
 *   PAYLOAD='{"operation":"update","reference":"PROD001","name":"Updated Product","price":1499.99,"quantity":75}'
 *   WEBHOOK_SECRET='gesmart-test-secret-0123456789abcdef'
 *   echo -n "$PAYLOAD" | openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" -binary | base64
 */
const GESMART_PAYLOAD = '{"operation":"update","reference":"PROD001","name":"Updated Product","price":1499.99,"quantity":75}';
const GESMART_SIGNATURE = 'eiQUevjVl3yIp9f2ZSQqqk6v+YgIQA58aMSbB2+IOq0=';

/**
 * A canonical product, signed the same way:
 *   PAYLOAD='{"id":"GS-PROD001","title":"Updated Product","prices":{"USD":{"amount":"1499.99"}},"quantity":75}'
 *   echo -n "$PAYLOAD" | openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" -binary | base64
 */
const CANONICAL_PAYLOAD = '{"id":"GS-PROD001","title":"Updated Product","prices":{"USD":{"amount":"1499.99"}},"quantity":75}';
const CANONICAL_SIGNATURE = 'wQ/ZBlzUKVu6S2pmSTfSOzbMTnCxj9HbaVGrv14EeeE=';

async function gesmartSource(t: TestTenant): Promise<string> {
  const res = await call('/v1/inbound-sources', {
    method: 'POST',
    headers: t.headers,
    // Each tenant's ERP has its own secret (GESMART_WEBHOOK_SECRET belongs to GESMART_TENANT alone); the
    // seed's value keeps the seed's openssl-made signatures below valid.
    json: { name: 'GeSmart ERP', secret: WEBHOOK_SECRET, secretEncoding: 'utf8', signatureHeader: 'x-gesmart-signature', signatureEncoding: 'base64' },
  });
  expect(res.status).toBe(201);
  const src = await body(res);
  expect(src).toMatchObject({ secret: null, secretEnv: null, signatureHeader: 'x-gesmart-signature', signatureEncoding: 'base64', signedPayload: '{body}' });
  return src.id;
}

function push(sourceId: string, raw: string, signature: string): Promise<Response> {
  return call(`/v1/inbound/${sourceId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gesmart-signature': signature }, body: raw });
}

describe('GeSmart (seed 002) signatures', () => {
  it('the test vectors are what HMAC-SHA256 with the UTF-8 secret gives', async () => {
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(WEBHOOK_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    for (const [payload, signature] of [[GESMART_PAYLOAD, GESMART_SIGNATURE], [CANONICAL_PAYLOAD, CANONICAL_SIGNATURE]] as const) {
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload)));
      expect(btoa(String.fromCharCode(...mac))).toBe(signature);
    }
  });

  it('a GeSmart-shaped push signed by the recipe verifies, then fails validation (422, not 401)', async () => {
    const t = await createTenant();
    const id = await gesmartSource(t);
    const problem = await expectProblem(await push(id, GESMART_PAYLOAD, GESMART_SIGNATURE), 422, 'validation_failed');
    expect(errorPaths(problem)).toEqual(expect.arrayContaining(['/id']));
    expect(errorPaths(problem).length).toBeGreaterThan(0);
    // One changed byte, and the same signature is refused.
    await expectProblem(await push(id, GESMART_PAYLOAD.replace('1499.99', '1499.98'), GESMART_SIGNATURE), 401);
  });

  it('a canonical product signed by the recipe is accepted (202) and applied', async () => {
    const t = await createTenant();
    const id = await gesmartSource(t);
    const res = await push(id, CANONICAL_PAYLOAD, CANONICAL_SIGNATURE);
    expect(res.status).toBe(202);
    const ack = await body(res);
    expect(ack).toMatchObject({ duplicate: false, jobId: expect.stringMatching(/^job_/) });
    expect(await waitJob(t, ack.jobId)).toMatchObject({ status: 'completed', counts: { total: 1, created: 1 } });
    const p = await body(await call('/v1/products/GS-PROD001', { headers: t.headers }));
    expect(p).toMatchObject({ id: 'GS-PROD001', title: 'Updated Product', quantity: 75, prices: { USD: { amount: '1499.99' } }, version: 1 });

    const replay = await push(id, CANONICAL_PAYLOAD, CANONICAL_SIGNATURE);
    expect(replay.status).toBe(200);
    expect(await body(replay)).toMatchObject({ jobId: ack.jobId, duplicate: true });
  });

  it('hex where the scheme says base64 is refused', async () => {
    const t = await createTenant();
    const id = await gesmartSource(t);
    const hex = [...atob(CANONICAL_SIGNATURE)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    await expectProblem(await push(id, CANONICAL_PAYLOAD, hex), 401);
  });
});
