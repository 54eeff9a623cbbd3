/**
 * CORS: an allow-list per deployment (`CORS_ORIGINS`), default deny. Preflights are answered before
 * authentication (they carry no credentials); origins not listed get no CORS header at all.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';
import { call, createTenant } from '../helpers/api';

const SHOP = 'https://shop.example';
const app = createApp();

async function send(corsOrigins: string | undefined, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://shelfsync.test${path}`, init), { ...env, CORS_ORIGINS: corsOrigins } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const preflight = (origin: string, method = 'PUT', headers = 'authorization, content-type') => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
});

describe('CORS', () => {
  it('denies by default: no CORS header for any origin, preflight or not', async () => {
    const t = await createTenant();
    const pre = await call('/v1/products/p1', preflight(SHOP));
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    expect(pre.status).toBeGreaterThanOrEqual(400);
    const get = await call('/v1/products?limit=1', { headers: { ...t.headers, origin: SHOP } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a listed origin\'s preflight without credentials, with methods, headers and max age', async () => {
    const res = await send(`${SHOP}, https://admin.example:8443`, '/v1/products/p1', preflight(SHOP));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-methods')?.split(',')).toEqual(expect.arrayContaining(['GET', 'PUT', 'PATCH', 'POST', 'DELETE']));
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(
      expect.arrayContaining(['authorization', 'x-api-key', 'content-type', 'idempotency-key', 'if-match']),
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
    // The other listed origin (with its port) too; an unlisted one, a lookalike and `null` get nothing.
    expect((await send(`${SHOP}, https://admin.example:8443`, '/v1/jobs', preflight('https://admin.example:8443', 'GET'))).headers.get('access-control-allow-origin')).toBe('https://admin.example:8443');
    for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example', 'null']) {
      const refused = await send(SHOP, '/v1/products/p1', preflight(origin));
      expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(refused.status, origin).not.toBe(204);
    }
  });

  it('the actual request from a listed origin gets the origin and the readable headers; auth still applies', async () => {
    const t = await createTenant();
    const res = await send(SHOP, '/v1/products?limit=1', { headers: { ...t.headers, origin: SHOP } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining(['Job-Id', 'ETag', 'X-Request-Id', 'RateLimit-Policy', 'Retry-After']));
    const anonymous = await send(SHOP, '/v1/products?limit=1', { headers: { origin: SHOP } });
    expect(anonymous.status).toBe(401);
    // A browser can read why: the error carries the CORS headers too.
    expect(anonymous.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('`*` allows any origin (never with credentials); a malformed list fails loudly, naming the setting', async () => {
    const any = await send('*', '/v1/events', preflight('https://anywhere.example', 'GET'));
    expect(any.status).toBe(204);
    expect(any.headers.get('access-control-allow-origin')).toBe('*');
    expect(any.headers.get('access-control-allow-credentials')).toBeNull();
    const broken = await send('shop.example/path', '/v1/events');
    expect(broken.status).toBe(500);
    const text = await broken.text();
    expect(text).toContain('CORS_ORIGINS');
    expect(text).not.toContain('shop.example');
  });
});
