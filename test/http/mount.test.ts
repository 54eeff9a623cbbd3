/** createApp(options) mounted inside another Hono app, under /catalog. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';
import { body, expectProblem, product } from '../helpers/api';

function mounted(options: Parameters<typeof createApp>[0] = {}) {
  const parent = new Hono<{ Bindings: Env }>();
  parent.get('/', (c) => c.text('parent home'));
  parent.route('/catalog', createApp(options));
  return parent;
}

async function fetchIn(app: Hono<{ Bindings: Env }>, path: string, init: RequestInit & { json?: unknown } = {}, bindings: Env = env): Promise<Response> {
  const headers = new Headers(init.headers);
  let payload = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(init.json);
  }
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://host.test${path}`, { ...init, headers, body: payload }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const ADMIN = { authorization: 'Bearer test-admin-token-0123456789abcdef0123' };

describe('createApp() mounted under /catalog', () => {
  it('serves tenants and products under /catalog/v1', async () => {
    const app = mounted();
    expect(await (await fetchIn(app, '/')).text()).toBe('parent home');

    const created = await fetchIn(app, '/catalog/v1/admin/tenants', {
      method: 'POST',
      headers: ADMIN,
      json: { name: 'Mounted', defaultCurrency: 'EUR', defaultLocale: 'de-DE' },
    });
    expect(created.status).toBe(201);
    const { apiKey, tenant } = await body(created);
    const auth = { authorization: `Bearer ${apiKey.key}` };

    const put = await fetchIn(app, '/catalog/v1/products/m1', { method: 'PUT', headers: auth, json: product('m1', { prices: { EUR: { amount: '9.5' } } }) });
    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toBe('/catalog/v1/products/m1');
    expect(put.headers.get('job-id')).toMatch(/^job_/);
    expect(await body(put)).toMatchObject({ id: 'm1', version: 1, prices: { EUR: { amount: '9.50' } } });

    const read = await fetchIn(app, '/catalog/v1/products/m1', { headers: auth });
    expect(read.status).toBe(200);
    expect((await body(read)).id).toBe('m1');
    const list = await body(await fetchIn(app, '/catalog/v1/products', { headers: auth }));
    expect(list.data.map((p: { id: string }) => p.id)).toEqual(['m1']);

    // Same D1: the product is the tenant's, whichever mount wrote it.
    const row = await env.DB.prepare('SELECT id FROM products WHERE tenant_id = ?1').bind(tenant.id).first<{ id: string }>();
    expect(row).toEqual({ id: 'm1' });

    // Idempotency works under a mount too.
    const k = { ...auth, 'idempotency-key': 'mounted-1' };
    const first = await fetchIn(app, '/catalog/v1/products/m2', { method: 'PUT', headers: k, json: product('m2') });
    const replay = await fetchIn(app, '/catalog/v1/products/m2', { method: 'PUT', headers: k, json: product('m2') });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers problems in its own envelope under the mount', async () => {
    const app = mounted();
    await expectProblem(await fetchIn(app, '/catalog/nope'), 404, 'not_found');
    await expectProblem(await fetchIn(app, '/catalog/v1/products'), 401, 'unauthorized');

    const created = await body(
      await fetchIn(app, '/catalog/v1/admin/tenants', { method: 'POST', headers: ADMIN, json: { name: 'M', defaultCurrency: 'USD', defaultLocale: 'en' } }),
    );
    const auth = { authorization: `Bearer ${created.apiKey.key}` };
    await expectProblem(await fetchIn(app, '/catalog/v1/nope', { headers: auth }), 404, 'not_found');
    const wrongMethod = await fetchIn(app, '/catalog/v1/jobs', { method: 'DELETE', headers: auth });
    await expectProblem(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    const invalid = await fetchIn(app, '/catalog/v1/products/x', { method: 'PUT', headers: auth, json: { gender: 'x' } });
    expect((await expectProblem(invalid, 422, 'validation_failed')).errors).toEqual([{ path: '/gender', message: expect.any(String) }]);
  });

  it('takes options: a smaller image cap', async () => {
    const app = mounted({ maxImagesPerProduct: 2 });
    const created = await body(
      await fetchIn(app, '/catalog/v1/admin/tenants', { method: 'POST', headers: ADMIN, json: { name: 'O', defaultCurrency: 'USD', defaultLocale: 'en-US' } }),
    );
    const auth = { authorization: `Bearer ${created.apiKey.key}` };
    const images = [1, 2, 3].map((i) => ({ id: `i${i}`, source: { url: `http://127.0.0.1:9/${i}.jpg` } }));
    const res = await fetchIn(app, '/catalog/v1/products/x', { method: 'PUT', headers: auth, json: product('x', { images }) });
    expect((await expectProblem(res, 422, 'validation_failed')).errors!.map((e) => e.path)).toContain('/images');
  });

  it('serves openapi.json and docs relative to the mount', async () => {
    const app = mounted();
    const spec = await body(await fetchIn(app, '/catalog/openapi.json'));
    expect(spec.servers).toEqual([{ url: '/catalog' }]);
    expect(Object.keys(spec.paths)).toContain('/v1/products/{id}');
    const docs = await fetchIn(app, '/catalog/docs');
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain('/catalog/openapi.json');
    expect(html).toContain('/catalog/docs/assets/swagger-ui-bundle.js');
    expect((await fetchIn(app, '/catalog/health')).status).toBe(200);
  });

  it('disables admin when ADMIN_TOKEN is not configured (fail closed)', async () => {
    const app = mounted();
    const bindings = { ...env, ADMIN_TOKEN: undefined } as Env;
    for (const authorization of [undefined, 'Bearer ', 'Bearer undefined', 'Bearer null', 'Bearer test-admin-token-0123456789abcdef0123']) {
      const res = await fetchIn(
        app,
        '/catalog/v1/admin/tenants',
        { method: 'POST', headers: authorization ? { authorization } : {}, json: { name: 'x', defaultCurrency: 'USD', defaultLocale: 'en-US' } },
        bindings,
      );
      // Disabled, not "wrong token": 403 whatever is sent, so no token can ever be right.
      const problem = await expectProblem(res, 403, 'forbidden');
      expect(problem.detail, String(authorization)).toMatch(/ADMIN_TOKEN is not configured/);
    }
    const empty = { ...env, ADMIN_TOKEN: '' } as Env;
    const res = await fetchIn(app, '/catalog/v1/admin/tenants', { method: 'POST', headers: { authorization: 'Bearer ' }, json: {} }, empty);
    await expectProblem(res, 403, 'forbidden');
  });
});
