/** /v1/inbound-sources CRUD: the secret is shown once when generated and never returned otherwise. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, errorPaths, expectProblem, type TestTenant } from '../helpers/api';

async function create(t: TestTenant, json: Record<string, unknown>): Promise<{ status: number; text: string; json: any }> {
  const res = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) };
}

/** GESMART_TENANT's tenant ('gesmart-erp', vitest.config.ts): aliases are unique, so one per file. */
let gesmartTenant: Promise<TestTenant> | undefined;
const gesmartErp = () => (gesmartTenant ??= createTenant({ aliases: ['gesmart-erp'] }));

describe('inbound sources', () => {
  it('generates a secret when none is given and shows it once', async () => {
    const t = await createTenant();
    const created = await create(t, { name: 'ERP' });
    expect(created.status).toBe(201);
    const src = created.json;
    expect(src).toMatchObject({
      id: expect.stringMatching(/^src_[0-9A-HJKMNP-TV-Z]{26}$/),
      name: 'ERP',
      url: `/v1/inbound/${src.id}`,
      secretEnv: null,
      secretEncoding: 'utf8',
      signatureHeader: 'x-signature',
      signatureEncoding: 'base64',
      signaturePrefix: '',
      signedPayload: '{body}',
      timestampHeader: null,
      toleranceSeconds: 300,
      eventIdHeader: null,
      format: 'canonical',
    });
    expect(src.secret).toEqual(expect.any(String));
    expect(src.secret.length).toBeGreaterThanOrEqual(32);

    const texts = [
      await (await call(`/v1/inbound-sources/${src.id}`, { headers: t.headers })).text(),
      await (await call('/v1/inbound-sources', { headers: t.headers })).text(),
      await (await call(`/v1/inbound-sources/${src.id}`, { method: 'PATCH', headers: t.headers, json: { name: 'ERP 2' } })).text(),
    ];
    for (const text of texts) {
      expect(text).not.toContain(src.secret);
      expect(text).not.toContain('"secret"');
    }
    const { secret, ...rest } = src;
    expect(JSON.parse(texts[0]!)).toEqual(rest);
    expect(JSON.parse(texts[1]!)).toEqual({ data: [rest], nextCursor: null });
    expect(JSON.parse(texts[2]!)).toEqual({ ...rest, name: 'ERP 2', updatedAt: expect.any(String) });
  });

  it('never echoes a secret the tenant supplied, nor one taken from the environment', async () => {
    // GESMART_TENANT's tenant: the one that may take GESMART_WEBHOOK_SECRET.
    const t = await gesmartErp();
    const mine = `erp-secret-${crypto.randomUUID()}`;
    const supplied = await create(t, { name: 'own', secret: mine });
    expect(supplied.status).toBe(201);
    expect(supplied.json.secret).toBeNull();
    expect(supplied.text).not.toContain(mine);
    const fromEnv = await create(t, { name: 'gesmart', secretEnv: 'GESMART_WEBHOOK_SECRET' });
    expect(fromEnv.status).toBe(201);
    expect(fromEnv.json).toMatchObject({ secret: null, secretEnv: 'GESMART_WEBHOOK_SECRET' });
    expect(fromEnv.text).not.toContain('gesmart-test-secret');
    const listed = await (await call('/v1/inbound-sources', { headers: t.headers })).text();
    expect(listed).not.toContain(mine);
    expect(listed).not.toContain('gesmart-test-secret');
  });

  it('updates how signatures are read; deletes; 404 for another tenant', async () => {
    const t = await createTenant();
    const other = await createTenant();
    const src = (await create(t, { name: 'ERP' })).json;
    const patched = await body(
      await call(`/v1/inbound-sources/${src.id}`, {
        method: 'PATCH',
        headers: t.headers,
        json: { signatureHeader: 'X-Hub-Signature-256', signatureEncoding: 'hex', signaturePrefix: 'sha256=', signedPayload: '{timestamp}.{body}', timestampHeader: 'X-Timestamp', toleranceSeconds: 60 },
      }),
    );
    expect(patched).toMatchObject({ signatureHeader: 'x-hub-signature-256', signatureEncoding: 'hex', signaturePrefix: 'sha256=', signedPayload: '{timestamp}.{body}', timestampHeader: 'x-timestamp', toleranceSeconds: 60 });

    await expectProblem(await call(`/v1/inbound-sources/${src.id}`, { headers: other.headers }), 404);
    await expectProblem(await call(`/v1/inbound-sources/${src.id}`, { method: 'PATCH', headers: other.headers, json: { name: 'x' } }), 404);
    await expectProblem(await call(`/v1/inbound-sources/${src.id}`, { method: 'DELETE', headers: other.headers }), 404);
    expect((await body(await call('/v1/inbound-sources', { headers: other.headers }))).data).toEqual([]);

    expect((await call(`/v1/inbound-sources/${src.id}`, { method: 'DELETE', headers: t.headers })).status).toBe(204);
    await expectProblem(await call(`/v1/inbound-sources/${src.id}`, { headers: t.headers }), 404);
    // A deleted source accepts nothing.
    await expectProblem(await call(`/v1/inbound/${src.id}`, { method: 'POST', headers: { 'x-signature': 'AAAA' }, json: { id: 'x' } }), 401);
  });

  it('validates: one secret source, a timestamp header when the timestamp is signed, env names limited to *_WEBHOOK_SECRET', async () => {
    const t = await createTenant();
    expect(errorPaths(await expectProblem(await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x', secret: 'a'.repeat(20), secretEnv: 'GESMART_WEBHOOK_SECRET' } }), 422))).toContain('/secretEnv');
    expect(errorPaths(await expectProblem(await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x', signedPayload: '{timestamp}.{body}' } }), 422))).toContain('/timestampHeader');
    expect(errorPaths(await expectProblem(await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x', secret: 'short' } }), 422))).toContain('/secret');
    // Other Worker secrets cannot be borrowed as HMAC keys.
    for (const name of ['ADMIN_TOKEN', 'IMAGE_URL_SECRET', 'gesmart_webhook_secret']) {
      expect(errorPaths(await expectProblem(await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x', secretEnv: name } }), 422)), name).toContain('/secretEnv');
    }
    await expectProblem(await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x', signatureEncoding: 'binary' } }), 422);
    await expectProblem(await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'x', toleranceSeconds: 0 } }), 422);
    expect((await body(await call('/v1/inbound-sources', { headers: t.headers }))).data).toEqual([]);
  });

  it("only the tenant named by GESMART_TENANT may name GESMART_WEBHOOK_SECRET; a borrowed one stored earlier verifies nothing", async () => {
    const other = await createTenant();
    const refused = await create(other, { name: 'borrowed', secretEnv: 'GESMART_WEBHOOK_SECRET' });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((e: { path: string }) => e.path)).toEqual(['/secretEnv']);
    // A source stored before the rule: pushes signed with the operator's GeSmart secret are refused.
    const id = `src_borrowed_${crypto.randomUUID().slice(0, 8)}`;
    await env.DB.prepare(
      `INSERT INTO inbound_sources (id, tenant_id, name, secret, secret_env, secret_encoding, signature_header, signature_encoding, signature_prefix, signed_payload, timestamp_header, tolerance_seconds, event_id_header, format, created_at, updated_at)
       VALUES (?1, ?2, 'borrowed', NULL, 'GESMART_WEBHOOK_SECRET', 'utf8', 'x-signature', 'base64', '', '{body}', NULL, 300, NULL, 'canonical', 0, 0)`,
    ).bind(id, other.id).run();
    const raw = JSON.stringify({ id: 'stolen', title: 'x' });
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await crypto.subtle.importKey('raw', new TextEncoder().encode('gesmart-test-secret-0123456789abcdef'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']), new TextEncoder().encode(raw)));
    const signature = btoa(String.fromCharCode(...mac));
    await expectProblem(await call(`/v1/inbound/${id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body: raw }), 401);
    // The GeSmart tenant itself may.
    const erp = await gesmartErp();
    expect((await create(erp, { name: 'gesmart', secretEnv: 'GESMART_WEBHOOK_SECRET' })).status).toBe(201);
  });

  it('needs an API key (the receiving route alone does not)', async () => {
    await expectProblem(await call('/v1/inbound-sources'), 401);
  });
});
