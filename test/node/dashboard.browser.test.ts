/**
 * The dashboard and the /docs explorer in a real browser: Debian's Chromium driven by playwright-core
 * against `wrangler dev` (the launcher of `npm start`) on ports 8880/9880 (DASHBOARD_TEST_PORT to
 * change). Sign in, browse, search, open a product and see its thumbnail decoded, watch an import to
 * its end, redeliver a failed delivery to a loopback receiver and see the new attempt, sign out and be
 * refused; axe-core on every page (no serious or critical violation); no CSP violation and no request
 * leaving the machine. Screenshots go to test-artifacts/ (gitignored).
 *
 * Without Chromium (CHROMIUM_PATH, default /usr/bin/chromium) the suite is skipped with a message,
 * except under CI, where a missing browser fails it (`.ci/run` installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, startFixtures } from './browser/fixtures';
import { ADMIN_TOKEN, root, type RunningWorker, startWorker } from './browser/worker';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const PORT = Number(process.env.DASHBOARD_TEST_PORT ?? 8880);
const ARTIFACTS = join(root, 'test-artifacts');

if (!haveChromium && !process.env.CI) {
  console.warn(`dashboard browser tests SKIPPED: no Chromium at ${CHROMIUM} (install it: apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

describe.skipIf(!haveChromium && !process.env.CI)('dashboard in Chromium', () => {
  let worker: RunningWorker;
  let fixtures: Fixtures;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let key: string;
  let tenantId: string;
  let webhookId: string;
  const cspViolations: string[] = [];
  const offMachine: string[] = [];

  const api = async (method: string, path: string, body?: unknown, token = key) => {
    const res = await fetch(`${worker.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };

  async function axe(name: string): Promise<void> {
    await page.evaluate(readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const result = (await page.evaluate(() => (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] }))) as {
      violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
    };
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  }

  async function shoot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs it with apt-get`);
    mkdirSync(ARTIFACTS, { recursive: true });
    fixtures = await startFixtures();
    worker = await startWorker(PORT, PORT + 1000, 'dashboard-browser');

    const created = await api('POST', '/v1/admin/tenants', { name: 'Acme Apparel', defaultCurrency: 'USD', defaultLocale: 'en-US' }, ADMIN_TOKEN);
    expect(created.status).toBe(201);
    key = created.json.apiKey.key;
    tenantId = created.json.tenant.id;
    const hook = await api('POST', '/v1/webhooks', { url: `${fixtures.base}/hook`, eventTypes: ['product.*'] });
    expect(hook.status).toBe(201);
    webhookId = hook.json.id;
    const shirt = await api('PUT', '/v1/products/shirt-1', {
      title: 'Classic White T-Shirt',
      brand: 'Acme',
      itemGroupId: 'tees',
      prices: { USD: { amount: '25.00', sale: { amount: '19.99', start: '2026-06-10T00:00:00Z', end: '2026-06-20T23:59:59Z' } }, EUR: { amount: '23.00' } },
      localizations: { 'en-US': { title: 'Classic White T-Shirt', availability: 'in stock' } },
      attributes: [{ group: 'Fabric', name: 'Cotton', value: '100', unit: '%' }],
      images: [{ id: 'front', source: { url: `${fixtures.base}/img/shirt.jpg` } }],
    });
    expect(shirt.status).toBe(201);
    const batch = await api('POST', '/v1/products/batch', {
      products: Array.from({ length: 60 }, (_, i) => ({ id: `sku-${String(i).padStart(3, '0')}`, title: `Product ${i} <b>bold?</b>`, brand: i % 2 ? 'Acme' : 'Globex' })),
    });
    expect(batch.status).toBe(200);

    userDataDir = mkdtempSync(join(tmpdir(), 'shelfsync-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
    // Nothing may leave the machine: every request off loopback is refused and recorded.
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return route.continue();
      offMachine.push(route.request().url());
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await worker?.stop();
    await fixtures?.close();
  });

  it('signs in with an API key and shows the overview', async () => {
    await page.goto(`${worker.base}/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/login');
    await axe('login');
    await shoot('login');
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${worker.base}/dashboard`);
    expect(await page.locator('h1').textContent()).toBe('Overview');
    expect(await page.locator('svg[role=img]').count()).toBeGreaterThan(2);
    // The key itself is nowhere in the browser: only the session cookie, HttpOnly.
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name)).toContain('shelfsync_session');
    expect(cookies.every((c) => !c.value.includes(key))).toBe(true);
    expect(cookies.find((c) => c.name === 'shelfsync_session')!.httpOnly).toBe(true);
    await axe('overview');
    await shoot('overview');
  });

  it('browses and searches the catalog, and shows a rendered thumbnail on the product page', async () => {
    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.waitForURL(/\/dashboard\/catalog$/);
    expect(await page.locator('.grid li').count()).toBe(48);
    expect(await page.content()).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/cursor=/);
    expect(await page.locator('.grid li').count()).toBe(61 - 48);
    await page.getByLabel('Id or title').fill('shirt-1');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=shirt-1/);
    expect(await page.locator('.grid li').count()).toBe(1);
    await axe('catalog');

    // The image is fetched and processed by the queue: reload until the thumbnail is there.
    const deadline = Date.now() + 90_000;
    for (;;) {
      await page.goto(`${worker.base}/dashboard/products/shirt-1`);
      const img = page.locator('img.thumb').first();
      if ((await img.count()) > 0) {
        await img.evaluate((el: any) => (el.complete ? null : new Promise((r) => el.addEventListener('load', r, { once: true }))));
        const size = await img.evaluate((el: any) => ({ w: el.naturalWidth, h: el.naturalHeight, src: el.getAttribute('src') }));
        expect(size.w).toBeGreaterThan(0);
        expect(size.w).toBeLessThanOrEqual(256);
        expect(size.src).toContain('variant=thumb');
        expect(size.src).toContain('sig=');
        break;
      }
      if (Date.now() > deadline) throw new Error(`the product's image was not processed within 90 s (log: ${worker.logPath})`);
      await page.waitForTimeout(1000);
    }
    expect(await page.locator('h1').textContent()).toBe('Classic White T-Shirt');
    expect(await page.getByRole('cell', { name: '19.99' }).count()).toBe(1);
    await axe('product');
    await shoot('product');
  }, 180_000);

  it('watches an import progress to its end, with per-row errors and their lines', async () => {
    const header = 'id,title,price,brand';
    const rows = Array.from({ length: 3000 }, (_, i) => (i === 10 || i === 2500 ? `bad-${i},Broken,not a price,Acme` : `imp-${i},Imported ${i},${(i % 90) + 10}.00 USD,Acme`));
    const started = await api('POST', '/v1/imports', [header, ...rows].join('\n'));
    expect(started.status).toBe(202);
    const jobId = started.json.job.id as string;
    await page.goto(`${worker.base}/dashboard/jobs/${jobId}`);
    await axe('import');
    // The page polls and reloads itself once the job has ended.
    await page.waitForSelector('[data-progress][data-finished="true"]', { timeout: 120_000 });
    expect(await page.locator('[data-field="status"]').textContent()).toBe('partial');
    expect(await page.locator('[data-field="rows"]').textContent()).toBe('3,000');
    const errorRows = await page.locator('table').last().locator('tbody tr').allTextContents();
    expect(errorRows.some((r) => r.startsWith('12') && r.includes('bad-10'))).toBe(true);
    expect(errorRows.some((r) => r.startsWith('2502') && r.includes('bad-2500'))).toBe(true);
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), `${worker.base}/dashboard/jobs/${jobId}/errors.csv`);
    expect(csv.split('\r\n').filter(Boolean).length).toBeGreaterThanOrEqual(3);
    await axe('import-finished');
    await shoot('import');
    await page.goto(`${worker.base}/dashboard/jobs`);
    await axe('jobs');
  }, 180_000);

  it('redelivers a failed delivery to a loopback receiver and shows the new attempt', async () => {
    // The product writes above were delivered to a failing receiver: wait for a failed attempt on the
    // endpoint's page (the newest deliveries come first).
    await page.goto(`${worker.base}/dashboard/webhooks`);
    await axe('webhooks');
    await page.getByRole('link', { name: webhookId }).click();
    await page.waitForURL(new RegExp(`/dashboard/webhooks/${webhookId}$`));
    const failedRow = page.locator('tr[data-delivery]:has(li[data-status-code="500"])').first();
    const deadline = Date.now() + 60_000;
    while ((await failedRow.count()) === 0) {
      if (Date.now() > deadline) throw new Error(`no failed delivery shown within 60 s (log: ${worker.logPath})`);
      await page.waitForTimeout(1000);
      await page.reload();
    }
    const failed = { id: (await failedRow.getAttribute('data-delivery'))! };
    fixtures.receiver.mode = 'ok';
    // The receiver's markup is shown as text.
    expect(await page.content()).toContain('&lt;b&gt;receiver down&lt;/b&gt;');
    const row = page.locator(`tr[data-delivery="${failed.id}"]`);
    await row.getByRole('button', { name: `Redeliver ${failed.id}` }).click();
    await page.waitForURL(/done=redelivered/);
    const until = Date.now() + 60_000;
    for (;;) {
      if ((await page.locator(`tr[data-delivery="${failed.id}"] li[data-status-code="200"]`).count()) > 0) break;
      if (Date.now() > until) throw new Error(`the redelivery's attempt did not appear within 60 s (log: ${worker.logPath})`);
      await page.waitForTimeout(1000);
      await page.reload();
    }
    await axe('webhook');
    await shoot('webhook');
    // The figures behind the overview, as an operator reads them (kept as an example output).
    const stats = await api('GET', '/v1/stats');
    expect(stats.status).toBe(200);
    expect(stats.json.deliveries.endpoints[0].succeeded).toBeGreaterThan(0);
    writeFileSync(join(ARTIFACTS, 'stats.json'), `${JSON.stringify(stats.json, null, 2)}\n`);
    await page.goto(`${worker.base}/dashboard`);
    await axe('overview-after');
    await shoot('overview');
  }, 180_000);

  it('lists events, filterable by type', async () => {
    await page.goto(`${worker.base}/dashboard/events`);
    await page.getByLabel('Type').fill('product.created');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/type=product.created/);
    const types = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['product.created']));
    await axe('events');
    await shoot('events');
  });

  it('is usable at 375 px wide', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${worker.base}/dashboard/catalog`);
    const overflow = await page.evaluate(() => { const d = (globalThis as any).document.documentElement; return d.scrollWidth - d.clientWidth; });
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot('catalog-375');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('signs out, and the old session is refused afterwards', async () => {
    const before = (await context.cookies()).find((c) => c.name === 'shelfsync_session')!;
    await page.goto(`${worker.base}/dashboard`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/dashboard\/login$/);
    await page.goto(`${worker.base}/dashboard/catalog`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/login');
    const replay = await fetch(`${worker.base}/dashboard/catalog`, { headers: { cookie: `shelfsync_session=${before.value}` }, redirect: 'manual' });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/dashboard/login');
  });

  it('the /docs explorer renders offline and "Try it out" on PUT /v1/products/{id} answers 2xx', async () => {
    await page.goto(`${worker.base}/docs`);
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 });
    await shoot('docs');
    await page.getByRole('button', { name: /Authorize/ }).first().click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('input[type=text], input[type=password]').first().fill(key);
    await dialog.locator('button.authorize').first().click();
    await dialog.locator('button.btn-done').first().click();
    const op = page.locator('#operations-Products-put_v1_products__id_, .opblock-put:has([data-path="/v1/products/{id}"])').first();
    await op.locator('.opblock-summary').click();
    const tryButton = op.getByRole('button', { name: 'Try it out' });
    if (await tryButton.count()) await tryButton.click();
    await op.locator('input[placeholder="id"]').fill('docs-try-it');
    await op.getByRole('button', { name: 'Execute' }).click();
    const status = op.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor({ timeout: 30_000 });
    const code = Number((await status.textContent())!.trim());
    const answer = (await op.locator('.live-responses-table .response-col_description pre').first().textContent()) ?? '';
    // The body Swagger UI sends is the operation's documented example (or one built from the schema).
    expect(code, `PUT /v1/products/{id} with the documented example body answered ${code}: ${answer.slice(0, 600)}`).toBeGreaterThanOrEqual(200);
    expect(code, `answered ${code}: ${answer.slice(0, 600)}`).toBeLessThan(300);
  }, 120_000);

  it('kept every request on this machine and never tripped the CSP', () => {
    expect(offMachine).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
