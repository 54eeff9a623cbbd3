/**
 * /dashboard through the Worker's fetch handler: sign-in (API key -> session cookie), CSRF and Origin
 * checks on every form, sessions ended by sign-out and by revoking the key, the cookie refused by /v1,
 * strict CSP, escaping of what clients wrote, and the CSV export's formula neutralising.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, call, createTenant, issueKey, product, putProduct, revokeKey } from '../helpers/api';
import { startImport, TYPES, waitImport } from '../helpers/imports';
import { item, JEANS, put as putRec, settled, TEE } from '../recommendations/helpers';
import { cookieFrom, form, hiddenCsrf, ORIGIN, signIn } from './session';

describe('sign-in', () => {
  it('exchanges a valid key for an HttpOnly, SameSite=Lax, Secure session cookie', async () => {
    const t = await createTenant();
    const page = await call('/dashboard/login');
    const loginToken = cookieFrom(page, 'shelfsync_login')!;
    const res = await call('/dashboard/login', form({ csrf: hiddenCsrf(await page.text()), key: t.key }, { cookie: `shelfsync_login=${loginToken}` }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard');
    const line = res.headers.getSetCookie().find((l) => l.startsWith('shelfsync_session='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Secure/);
    expect(line).toMatch(/Path=\/dashboard/);
    expect(line).not.toContain(t.key);
  });

  it('refuses a bad key, a missing or wrong CSRF token, and a foreign Origin', async () => {
    const t = await createTenant();
    const page = await call('/dashboard/login');
    const csrf = hiddenCsrf(await page.text());
    const cookie = `shelfsync_login=${cookieFrom(page, 'shelfsync_login')}`;
    expect((await call('/dashboard/login', form({ csrf, key: 'ssk_nope' }, { cookie }))).status).toBe(401);
    expect((await call('/dashboard/login', form({ csrf: 'forged', key: t.key }, { cookie }))).status).toBe(403);
    expect((await call('/dashboard/login', form({ key: t.key }, { cookie }))).status).toBe(403);
    expect((await call('/dashboard/login', form({ csrf, key: t.key }))).status).toBe(403);
    const foreign = await call('/dashboard/login', form({ csrf, key: t.key }, { cookie, origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    expect(cookieFrom(foreign, 'shelfsync_session')).toBeNull();
  });

  it('sends pages without a session to the sign-in page', async () => {
    const res = await call('/dashboard/catalog', { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard/login');
    expect((await call('/dashboard/catalog', { redirect: 'manual', headers: { cookie: 'shelfsync_session=made-up' } })).status).toBe(303);
  });
});

describe('sessions end', () => {
  it('on sign-out: the old cookie is refused afterwards', async () => {
    const t = await createTenant();
    const s = await signIn(t.key);
    expect((await s.post('/dashboard/logout', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await s.get('/dashboard')).status).toBe(200);
    const out = await s.post('/dashboard/logout');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/dashboard/login');
    const after = await s.get('/dashboard');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/dashboard/login');
  });

  it('when the key is revoked: every session made from it is refused', async () => {
    const t = await createTenant();
    const extra = await issueKey(t.id, 'dashboard');
    const a = await signIn(extra.key);
    const b = await signIn(extra.key);
    const other = await signIn(t.key);
    await revokeKey(t.id, extra.id);
    expect((await a.get('/dashboard')).status).toBe(303);
    expect((await b.get('/dashboard/catalog')).status).toBe(303);
    expect((await b.post('/dashboard/logout')).status).toBe(401);
    expect((await other.get('/dashboard')).status).toBe(200);
  });
});

describe('the cookie is the dashboard’s alone', () => {
  it('/v1 never accepts it', async () => {
    const t = await createTenant();
    const s = await signIn(t.key);
    for (const path of ['/v1/products', '/v1/stats', '/v1/jobs']) {
      const res = await call(path, { headers: { cookie: s.cookie } });
      expect(res.status, path).toBe(401);
    }
  });
});

describe('pages', () => {
  it('render for the signed-in tenant under a strict CSP, with everything clients wrote escaped', async () => {
    const t = await createTenant();
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    expect((await putProduct(t, 'p-1', product('p-1', { title: hostile, brand: '"><b>x</b>' }))).status).toBe(201);
    const s = await signIn(t.key);
    for (const path of ['/dashboard', '/dashboard/catalog', '/dashboard/products/p-1', '/dashboard/jobs', '/dashboard/webhooks', '/dashboard/events']) {
      const res = await s.get(path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).not.toContain('<b>x</b>');
    }
    const catalog = await (await s.get('/dashboard/catalog')).text();
    expect(catalog).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const events = await (await s.get('/dashboard/events?type=product.created')).text();
    expect(events).toContain('product.created');
  });

  it('shows only the signed-in tenant’s data', async () => {
    const mine = await createTenant();
    const theirs = await createTenant();
    expect((await putProduct(theirs, 'secret-product')).status).toBe(201);
    const s = await signIn(mine.key);
    expect(await (await s.get('/dashboard/catalog')).text()).not.toContain('secret-product');
    expect((await s.get('/dashboard/products/secret-product')).status).toBe(404);
    // Neither the exact id nor the title search reaches another tenant's products.
    const searched = await (await s.get('/dashboard/catalog?q=secret-product')).text();
    expect(searched).toContain('No products match');
    expect(searched).not.toContain('/dashboard/products/secret-product');
  });

  it('catalog: search by id, filter by status, keyset paging and counts', async () => {
    const t = await createTenant();
    const many = Array.from({ length: 50 }, (_, i) => product(`item-${String(i).padStart(2, '0')}`));
    expect((await call('/v1/products/batch', { method: 'POST', headers: t.headers, json: { products: many } })).status).toBe(200);
    const s = await signIn(t.key);
    const first = await (await s.get('/dashboard/catalog')).text();
    expect(first).toContain('<strong>50</strong> products');
    expect(first).toContain('item-00');
    expect(first).not.toContain('item-49');
    const next = /href="(\/dashboard\/catalog\?[^"]*cursor=[^"]+)"/.exec(first)![1]!.replaceAll('&amp;', '&');
    const second = await (await s.get(next)).text();
    expect(second).toContain('item-49');
    expect(second).not.toContain('>item-00<');
    const found = await (await s.get('/dashboard/catalog?q=item-07')).text();
    expect(found).toContain('item-07');
    expect(found).not.toContain('item-08');
    expect(await (await s.get('/dashboard/catalog?status=error')).text()).toContain('No products match');
  });

  it('catalog: title search, brand and item-group filters through the list service', async () => {
    const t = await createTenant();
    const items = [
      product('tee-1', { title: 'Linen summer shirt', brand: 'Nordic', itemGroupId: 'grp-shirt' }),
      product('tee-2', { title: 'Linen summer shirt blue', brand: 'Nordic', itemGroupId: 'grp-shirt' }),
      product('pant-1', { title: 'Wool winter trousers', brand: 'Alpine', itemGroupId: 'grp-pant' }),
    ];
    expect((await call('/v1/products/batch', { method: 'POST', headers: t.headers, json: { products: items } })).status).toBe(200);
    const s = await signIn(t.key);
    const linked = (html: string) => [...html.matchAll(/href="\/dashboard\/products\/([^"]+)"/g)].map((m) => m[1]).sort();
    expect(linked(await (await s.get('/dashboard/catalog?q=linen%20sum')).text())).toEqual(['tee-1', 'tee-2']);
    expect(linked(await (await s.get('/dashboard/catalog?brand=Alpine')).text())).toEqual(['pant-1']);
    expect(linked(await (await s.get('/dashboard/catalog?itemGroupId=grp-shirt&q=blue')).text())).toEqual(['tee-2']);
    const bad = await s.get('/dashboard/catalog?q=%2B%2B%2B');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('at least one letter or digit');
  });
});

describe('product page', () => {
  it('shows the similar and complementary lists where computed, and the product’s events', async () => {
    const t = await createTenant();
    await putRec(t, item('tee-1', { itemGroupId: 'fam-a', title: 'Classic white cotton tee', color: 'white', productType: TEE, recommend: 'all' }));
    await putRec(t, item('tee-2', { itemGroupId: 'fam-b', title: 'Classic white cotton tee with pocket', color: 'white', productType: TEE }));
    await putRec(t, item('jeans-1', { itemGroupId: 'fam-d', title: 'Classic straight jeans', color: 'navy', productType: JEANS, recommend: 'none' }));
    await settled(t, 'tee-1', 'similar', (p) => p.data.length > 0);
    await settled(t, 'tee-1', 'complementary', (p) => p.data.length > 0);
    const s = await signIn(t.key);
    const page = await (await s.get('/dashboard/products/tee-1')).text();
    expect(page).toContain('Similar products');
    expect(page).toContain('href="/dashboard/products/tee-2"');
    expect(page).toContain('Complete the look');
    expect(page).toContain('href="/dashboard/products/jeans-1"');
    expect(page).toContain('product.created');
    // A product that asks for nothing says so instead of showing empty tables.
    const other = await (await s.get('/dashboard/products/jeans-1')).text();
    expect(other).toContain('Not computed for this product');
  });
});

describe('scopes', () => {
  it('a key limited to products:read sees the catalog and is refused the webhooks, jobs, events and overview', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'scoped-1')).status).toBe(201);
    const res = await call(`/v1/admin/tenants/${t.id}/keys`, { method: 'POST', headers: ADMIN, json: { name: 'viewer', scopes: ['products:read'] } });
    expect(res.status).toBe(201);
    const s = await signIn(((await res.json()) as { key: string }).key);
    expect(await (await s.get('/dashboard/catalog')).text()).toContain('scoped-1');
    expect((await s.get('/dashboard/products/scoped-1')).status).toBe(200);
    for (const [path, scope] of [['/dashboard/webhooks', 'webhooks:manage'], ['/dashboard/jobs', 'jobs:read'], ['/dashboard/events', 'events:read']] as const) {
      const refused = await s.get(path);
      expect(refused.status, path).toBe(403);
      expect(await refused.text(), path).toContain(scope);
    }
    // A trailing slash redirects to the page instead of a 404.
    const slash = await s.get('/dashboard/');
    expect([301, 302, 308]).toContain(slash.status);
    expect(slash.headers.get('location')).toMatch(/\/dashboard$/);
    // Sign-in lands on the overview: it says which scope its figures need instead of refusing.
    const home = await s.get('/dashboard');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('stats:read');
  });
});

describe('job errors as CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const t = await createTenant();
    const feed = [
      JSON.stringify({ id: '=HYPERLINK("http://evil.example","x")', title: 5 }),
      JSON.stringify({ id: '+1', title: 'x', prices: { USD: { amount: 'nope' } } }),
      JSON.stringify(product('fine')),
    ].join('\n');
    const { job: started } = await startImport(t, feed, TYPES.jsonl);
    const job = started.id as string;
    expect((await waitImport(t, job)).status).toBe('partial');
    const s = await signIn(t.key);
    const page = await (await s.get(`/dashboard/jobs/${job}`)).text();
    expect(page).toContain('errors.csv');
    const csv = await s.get(`/dashboard/jobs/${job}/errors.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain(`"'+1"`);
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
  });
});

describe('webhook actions', () => {
  it('need the session’s CSRF token and this Origin', async () => {
    const t = await createTenant();
    const s = await signIn(t.key);
    expect((await s.post('/dashboard/deliveries/dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E/redeliver', { csrf: 'wrong' })).status).toBe(403);
    expect((await s.post('/dashboard/deliveries/dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E/redeliver', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await s.post('/dashboard/deliveries/dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E/redeliver')).status).toBe(404);
  });
});

export { ORIGIN };
