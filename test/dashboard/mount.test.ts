/** The dashboard inside a host app under /catalog: links, cookies, redirects and image URLs follow the mount. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import type { Env } from '../../src/env';
import { createTenant, putProduct } from '../helpers/api';
import { cookieFrom, hiddenCsrf } from './session';

const parent = new Hono<{ Bindings: Env }>();
parent.route('/catalog', createWorker().app);

async function fetchIn(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await parent.fetch(new Request(`http://host.test${path}`, { redirect: 'manual', ...init }), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('dashboard under /catalog', () => {
  it('signs in and links within the mount', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'mounted-1')).status).toBe(201);
    const page = await fetchIn('/catalog/dashboard/login');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('action="/catalog/dashboard/login"');
    expect(html).toContain('href="/catalog/dashboard/assets/app.css"');
    expect(page.headers.getSetCookie()[0]).toContain('Path=/catalog/dashboard');
    const res = await fetchIn('/catalog/dashboard/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://host.test', cookie: `shelfsync_login=${cookieFrom(page, 'shelfsync_login')}` },
      body: new URLSearchParams({ csrf: hiddenCsrf(html), key: t.key }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/catalog/dashboard');
    const cookie = `shelfsync_session=${cookieFrom(res, 'shelfsync_session')}`;
    const catalog = await (await fetchIn('/catalog/dashboard/catalog', { headers: { cookie } })).text();
    expect(catalog).toContain('href="/catalog/dashboard/products/mounted-1"');
    expect(catalog).toContain('href="/catalog/dashboard/jobs"');
    expect((await fetchIn('/catalog/dashboard/assets/live.js')).headers.get('content-type')).toContain('javascript');
  });
});
