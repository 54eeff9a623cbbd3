/**
 * Findings of an outside review of issue 9 (hostile input and isolate budgets), each written as the
 * behaviour a client or an attacker should see. They fail until the finding is fixed.
 */
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../src/lib/base64';
import { ADMIN, body, call, createTenant } from './helpers/api';
import { waitProduct } from './helpers/images';
import { newBucket, target } from './helpers/webhooks';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
/** A valid 1x1 RGBA PNG carrying an iCCP profile of `profileBytes` zeros (compressed to ~1/1000). */
async function pngWithProfile(profileBytes: number): Promise<Uint8Array> {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 1);
  new DataView(ihdr.buffer).setUint32(4, 1);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const profile = await deflate(new Uint8Array(profileBytes));
  const iccp = new Uint8Array(5 + profile.length);
  iccp.set(new TextEncoder().encode('icc'), 0); // name, NUL, compression method 0
  iccp.set(profile, 5);
  const idat = await deflate(Uint8Array.from([0, 255, 0, 0, 255]));
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('iCCP', iccp), chunk('IDAT', idat), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('review of issue 9', { timeout: 60_000 }, () => {
  it('rotate-secret with a repeated Idempotency-Key rotates once (a retry must not drop the pre-rotation secret)', async () => {
    const t = await createTenant();
    const created = await body(await call('/v1/webhooks', { method: 'POST', headers: t.headers, json: { url: target(newBucket()) } }));
    const headers = { ...t.headers, 'idempotency-key': 'rotate-once' };
    const first = await call(`/v1/webhooks/${created.id}/rotate-secret`, { method: 'POST', headers });
    expect(first.status).toBe(200);
    const retry = await call(`/v1/webhooks/${created.id}/rotate-secret`, { method: 'POST', headers });
    expect(retry.status).toBe(409);
    expect((await body(retry)).code).toBe('secret_already_shown');
  });

  it('admin key creation with a repeated Idempotency-Key creates one key', async () => {
    const t = await createTenant();
    const headers = { ...ADMIN, 'idempotency-key': 'one-key' };
    const first = await call(`/v1/admin/tenants/${t.id}/keys`, { method: 'POST', headers, json: { name: 'ci' } });
    expect(first.status).toBe(201);
    const retry = await call(`/v1/admin/tenants/${t.id}/keys`, { method: 'POST', headers, json: { name: 'ci' } });
    expect(retry.status).toBe(409);
    const keys = await body(await call(`/v1/admin/tenants/${t.id}/keys`, { headers: ADMIN }));
    expect(keys.data.filter((k: { name: string }) => k.name === 'ci')).toHaveLength(1);
  });

  it("a tenant other than GESMART_TENANT cannot name the operator's GESMART_WEBHOOK_SECRET", async () => {
    const t = await createTenant();
    const res = await call('/v1/inbound-sources', { method: 'POST', headers: t.headers, json: { name: 'borrowed', secretEnv: 'GESMART_WEBHOOK_SECRET' } });
    expect(res.status).toBe(422);
  });
});
