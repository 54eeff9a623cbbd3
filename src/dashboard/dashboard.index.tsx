/**
 * /dashboard: server-rendered pages over the services (catalog, images, jobs, imports, webhooks,
 * events, stats). Its own sign-in exchanges an API key for a session cookie; the cookie is read only
 * here (never by /v1). Every form carries the session's CSRF token and its Origin is checked, sign-in
 * included (a double-submit token in a short-lived cookie, as there is no session yet).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { HtmlEscapedString } from 'hono/utils/html';
import { authenticateKey, presentedKey } from '../auth/api-keys';
import { enforceIpLimit } from '../auth/rate-limit';
import { getProduct, listProductPage } from '../catalog/products.service';
import { recentEvents } from '../events/events.repository';
import { readRecommendationPage } from '../recommendations/read-lists';
import { wakeFanout } from '../events/wake';
import { toApiError } from '../http/on-error';
import { productImages } from '../images/images.repository';
import { signedImageUrl } from '../images/image-url';
import { findImport, renderImport } from '../imports/imports.repository';
import { findJob, listJobErrors, listJobs } from '../jobs/jobs.repository';
import { randomToken } from '../lib/crypto';
import { computeStats, productCounts } from '../stats/stats.index';
import { controlDb } from '../placement/tenant-env';
import { recoverEndpoint, redeliver, sendTestEvent } from '../webhooks/actions';
import { listDeliveries } from '../webhooks/deliveries.repository';
import { findEndpoint, listEndpoints, renderEndpoint } from '../webhooks/endpoints.repository';
import { LIVE_SCRIPT, STYLES } from './assets';
import { grants, type Scope } from '../auth/scopes';
import { catalogFor, checkForm, requireDashboardScope, type DashboardContext, type DashboardEnv, dashboardHeaders, imageBase, LOGIN_COOKIE, requireSession, SESSION_COOKIE, secureCookies } from './context';
import { csvRow } from './csv';
import { CatalogPage } from './pages/catalog';
import { EventsPage } from './pages/events';
import { FINISHED, JobPage, JobsPage } from './pages/jobs';
import { LoginPage } from './pages/login';
import { OverviewPage } from './pages/overview';
import { type ImageView, ProductPage } from './pages/product';
import { WebhookPage, WebhooksPage } from './pages/webhooks';
import { closeSession, openSession, SESSION_TTL_MS } from './sessions';
import { type Frame, Page, type Section } from './ui/layout';

const PAGE_SIZE = 48;
const MAX_CSV_ERRORS = 100_000;
const FORM_BYTES = 16 * 1024;

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

async function html(c: DashboardContext, page: Html, status: 200 | 400 | 401 | 403 | 404 | 429 | 503 = 200): Promise<Response> {
  return c.html(`<!DOCTYPE html>${(await page).toString()}`, status);
}

function frame(c: DashboardContext, title: string, section: Section): Frame {
  const session = c.get('session');
  return { mount: c.get('mount'), title, section, tenantName: session.key.tenant.name, csrfToken: session.csrfToken };
}

/** A positive integer query value, or null. */
function intParam(value: string | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

const cookieOptions = (c: DashboardContext, maxAgeSeconds: number) => ({
  path: c.get('mount'),
  httpOnly: true,
  sameSite: 'Lax' as const,
  secure: secureCookies(c.env),
  maxAge: maxAgeSeconds,
});

async function loginPage(c: DashboardContext, error?: string, status: 200 | 401 | 403 = 200) {
  const token = randomToken(24);
  setCookie(c, LOGIN_COOKIE, token, cookieOptions(c, 3600));
  return html(c, LoginPage({ mount: c.get('mount'), token, error }), status);
}

export function dashboardRouter() {
  const app = new Hono<DashboardEnv>();
  // `/dashboard/` (a typed or bookmarked URL) redirects to `/dashboard` instead of answering 404.
  app.use(trimTrailingSlash());
  app.onError((err, c) => {
    const known = toApiError(err);
    const status = known ? known.status : 500;
    if (!known) console.error(JSON.stringify({ level: 'error', requestId: c.get('requestId'), message: 'dashboard error', error: String(err) }));
    const text = known ? known.message : 'Something went wrong; try again.';
    const res = c.text(text, status as 400);
    if (known) for (const [name, value] of Object.entries(known.headers ?? {})) res.headers.set(name, value);
    return res;
  });
  app.use('*', dashboardHeaders());

  app.get('/assets/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLES, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/assets/live.js', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(LIVE_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  // ---- sign-in and sign-out -------------------------------------------------------------------

  app.get('/login', (c) => loginPage(c));

  app.post('/login', bodyLimit({ maxSize: FORM_BYTES, onError: (c) => c.text('Form too large', 413) }), async (c) => {
    await enforceIpLimit(c as unknown as Parameters<typeof enforceIpLimit>[0]);
    const expected = getCookie(c, LOGIN_COOKIE);
    if (!expected) return loginPage(c, 'The sign-in form expired; try again.', 403);
    const form = await checkForm(c, expected);
    if (form instanceof Response) return form;
    const key = presentedKey({ apiKey: String(form.get('key') ?? '') });
    const found = key ? await authenticateKey(controlDb(c.env), key, (p) => c.executionCtx.waitUntil(p)) : null;
    if (!found) return loginPage(c, 'That API key is not valid.', 401);
    const session = await openSession(controlDb(c.env), found);
    deleteCookie(c, LOGIN_COOKIE, { path: c.get('mount') });
    setCookie(c, SESSION_COOKIE, session.token, cookieOptions(c, SESSION_TTL_MS / 1000));
    return c.redirect(`${c.get('mount')}`, 303);
  });

  const signedIn = new Hono<DashboardEnv>();
  signedIn.use('*', requireSession());
  const pageScopes: Array<[string, Scope]> = [
    ['/catalog', 'products:read'],
    ['/products/*', 'products:read'],
    ['/jobs', 'jobs:read'],
    ['/jobs/*', 'jobs:read'],
    ['/webhooks', 'webhooks:manage'],
    ['/webhooks/*', 'webhooks:manage'],
    ['/deliveries/*', 'webhooks:manage'],
    ['/events', 'events:read'],
  ];
  for (const [path, scope] of pageScopes) signedIn.use(path, requireDashboardScope(scope));
  signedIn.use('*', bodyLimit({ maxSize: FORM_BYTES, onError: (c) => c.text('Form too large', 413) }));

  signedIn.post('/logout', async (c) => {
    const session = c.get('session');
    const form = await checkForm(c, session.csrfToken);
    if (form instanceof Response) return form;
    await closeSession(controlDb(c.env), session.id);
    deleteCookie(c, SESSION_COOKIE, { path: c.get('mount') });
    return c.redirect(`${c.get('mount')}/login`, 303);
  });

  // ---- pages ----------------------------------------------------------------------------------

  signedIn.get('/', async (c) => {
    // Where sign-in lands, so a key without stats:read gets a page that says so rather than a 403.
    if (!grants(c.get('session').key.scopes, 'stats:read')) {
      return html(
        c,
        <Page {...frame(c, 'Overview', 'overview')}>
          <h1>Overview</h1>
          <p class="notice" role="status">
            This key does not hold the stats:read scope, so the overview's figures are not shown. The other pages this key may use are in the menu.
          </p>
        </Page>,
      );
    }
    const stats = await computeStats(c.env.DB, { tenantId: c.get('tenant').id });
    return html(c, OverviewPage({ frame: frame(c, 'Overview', 'overview'), stats }));
  });

  signedIn.get('/catalog', async (c) => {
    const text = (name: string, max: number) => (c.req.query(name) ?? '').trim().slice(0, max);
    const q = text('q', 200);
    const brand = text('brand', 256);
    const itemGroupId = text('itemGroupId', 256);
    const statusParam = c.req.query('status') ?? '';
    const status = ['pending', 'processing', 'done', 'error'].includes(statusParam) ? statusParam : '';
    const cursor = c.req.query('cursor') || undefined;
    const filters = { q, status, brand, itemGroupId };
    const ctx = catalogFor(c, 'thumb');
    const counts = await productCounts(c.env.DB, ctx.tenant.id);
    // `q` is an exact id first (what a catalog manager pastes), else a title search (FTS5, every word,
    // the last as a prefix), combined with the other filters by the list service.
    const exact = q && !cursor ? await getProduct(ctx, q).catch((err: unknown) => (toApiError(err)?.code === 'not_found' ? null : Promise.reject(err))) : null;
    if (exact) return html(c, CatalogPage({ frame: frame(c, 'Catalog', 'catalog'), view: { products: [exact], counts, filters, next: null, problem: null } }));
    const params = { ...(status ? { status } : {}), ...(brand ? { brand } : {}), ...(itemGroupId ? { itemGroupId } : {}), ...(q ? { q } : {}) };
    try {
      const page = await listProductPage(ctx, params, cursor, PAGE_SIZE);
      const next = page.nextCursor ? new URLSearchParams({ ...params, cursor: page.nextCursor }).toString() : null;
      return html(c, CatalogPage({ frame: frame(c, 'Catalog', 'catalog'), view: { products: page.data, counts, filters, next, problem: null } }));
    } catch (err) {
      // A search without a letter or digit, or a cursor of another filter: say so on the page.
      const known = toApiError(err);
      if (!known || known.status >= 500) throw err;
      const problem = known.errors?.[0]?.message ?? known.message;
      return html(c, CatalogPage({ frame: frame(c, 'Catalog', 'catalog'), view: { products: [], counts, filters, next: null, problem } }), 400);
    }
  });

  signedIn.get('/products/:id', async (c) => {
    const ctx = catalogFor(c);
    const id = c.req.param('id');
    let product;
    try {
      product = await getProduct(ctx, id);
    } catch (err) {
      if (toApiError(err)?.code !== 'not_found') throw err;
      return html(c, NotFound(c, `No product “${id}”.`), 404);
    }
    const rows = new Map(((await productImages(c.env.DB, ctx.tenant.id, id)) ?? []).map((r) => [r.id, r]));
    const base = imageBase(c);
    const images: ImageView[] = await Promise.all(
      product.images.map(async (image) => {
        const ref = { id: image.imageId, sha256: image.sha256, status: image.status };
        const row = rows.get(image.imageId);
        return {
          image,
          thumb: await signedImageUrl(c.env, base, ref, 'thumb'),
          medium: await signedImageUrl(c.env, base, ref, 'medium'),
          results: row?.results ? (JSON.parse(row.results) as Record<string, unknown>) : null,
          format: row?.format ?? null,
          bytes: row?.bytes ?? null,
        };
      }),
    );
    // Recommendations where computed (the key must be able to read products, which this page needs
    // anyway), and the product's recent history: its events among the tenant's newest, and the jobs
    // those events name.
    const [similar, complementary, recent] = await Promise.all([
      readRecommendationPage(c.env.DB, ctx.tenant.id, id, 'similar', 10, undefined).catch(() => null),
      readRecommendationPage(c.env.DB, ctx.tenant.id, id, 'complementary', 10, undefined).catch(() => null),
      grants(c.get('session').key.scopes, 'events:read') ? recentEvents(c.env.DB, ctx.tenant.id, { beforeSeq: null, type: null, limit: 500 }) : null,
    ]);
    const history = recent ? recent.data.filter((e) => e.data.productId === id).slice(0, 20) : null;
    const jobIds = history ? [...new Set(history.map((e) => e.data.jobId).filter((j): j is string => typeof j === 'string'))] : [];
    return html(c, ProductPage({ frame: frame(c, product.title ?? product.id, 'catalog'), product, images, recommendations: { similar, complementary }, history, jobIds }));
  });

  signedIn.get('/jobs', async (c) => {
    const statusParam = c.req.query('status') ?? '';
    const status = ['pending', 'processing', 'completed', 'failed', 'partial'].includes(statusParam) ? statusParam : '';
    const before = /^job_[0-9A-Z]{26}$/.test(c.req.query('before') ?? '') ? c.req.query('before')! : null;
    const page = await listJobs(c.env.DB, c.get('tenant').id, before, 50, status || null);
    const next = page.nextId ? new URLSearchParams({ ...(status ? { status } : {}), before: page.nextId }).toString() : null;
    return html(c, JobsPage({ frame: frame(c, 'Jobs and imports', 'jobs'), jobs: page.data, status, next }));
  });

  signedIn.get('/jobs/:id', async (c) => {
    const tenantId = c.get('tenant').id;
    const id = c.req.param('id');
    const job = await findJob(c.env.DB, tenantId, id);
    if (!job) return html(c, NotFound(c, 'No such job.'), 404);
    const imported = await findImport(c.env.DB, tenantId, id);
    const errors = await listJobErrors(c.env.DB, id, -1, 200);
    return html(
      c,
      JobPage({ frame: frame(c, `Job ${id}`, 'jobs'), job, importView: imported ? renderImport(imported) : null, errors: errors.data, moreErrors: errors.nextIndex !== null }),
    );
  });

  signedIn.get('/jobs/:id/progress.json', async (c) => {
    const tenantId = c.get('tenant').id;
    const id = c.req.param('id');
    const job = await findJob(c.env.DB, tenantId, id);
    if (!job) return c.json({ error: 'No such job' }, 404);
    const imported = await findImport(c.env.DB, tenantId, id);
    const view = imported ? renderImport(imported) : null;
    const counts = view
      ? { rows: view.rows.total, rowsFailed: view.rows.failed, created: job.counts.created, updated: job.counts.updated, unchanged: job.counts.unchanged, deleted: job.counts.deleted }
      : job.counts;
    return c.json({ status: job.status, counts, progress: view ? view.progress : null, finished: FINISHED.has(job.status) });
  });

  signedIn.get('/jobs/:id/errors.csv', async (c) => {
    const id = c.req.param('id');
    if (!(await findJob(c.env.DB, c.get('tenant').id, id))) return html(c, NotFound(c, 'No such job.'), 404);
    let out = csvRow(['index', 'line', 'itemId', 'code', 'path', 'message']);
    let after = -1;
    for (let read = 0; read < MAX_CSV_ERRORS; ) {
      const page = await listJobErrors(c.env.DB, id, after, 1000);
      for (const e of page.data) {
        for (const fe of e.errors.length > 0 ? e.errors : [{ path: '', message: '' }]) out += csvRow([e.index, e.line, e.itemId, e.code, fe.path, fe.message]);
      }
      read += page.data.length;
      if (page.nextIndex === null) break;
      after = page.nextIndex;
    }
    return c.body(out, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${id}-errors.csv"` });
  });

  signedIn.get('/webhooks', async (c) => {
    const page = await listEndpoints(c.env.DB, c.get('tenant').id, null, 100);
    return html(c, WebhooksPage({ frame: frame(c, 'Webhooks', 'webhooks'), endpoints: page.rows.map(renderEndpoint) }));
  });

  signedIn.get('/webhooks/:id', async (c) => {
    const tenantId = c.get('tenant').id;
    const row = await findEndpoint(c.env.DB, tenantId, c.req.param('id'));
    if (!row) return html(c, NotFound(c, 'No such webhook.'), 404);
    const DELIVERY_ID = /^dlv_[0-9A-Z]{26}$/;
    // `from`: the page that starts at this delivery (after a redelivery, so it stays in view while
    // newer ones arrive). Ids have one length, so `id + "0"` sorts right after it and before the next.
    const from = c.req.query('from') ?? '';
    const before = DELIVERY_ID.test(from) ? `${from}0` : DELIVERY_ID.test(c.req.query('before') ?? '') ? c.req.query('before')! : null;
    const page = await listDeliveries(c.env.DB, tenantId, row.id, before, 25);
    const flash = FLASH[c.req.query('done') ?? ''] ?? null;
    const recoverSince = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 16);
    return html(
      c,
      WebhookPage({
        frame: frame(c, `Webhook ${row.id}`, 'webhooks'),
        endpoint: renderEndpoint(row),
        deliveries: page.data,
        next: page.nextId ? new URLSearchParams({ before: page.nextId }).toString() : null,
        flash,
        recoverSince,
      }),
    );
  });

  signedIn.post('/webhooks/:id/test', async (c) => {
    const form = await checkForm(c, c.get('session').csrfToken);
    if (form instanceof Response) return form;
    const tenantId = c.get('tenant').id;
    const id = c.req.param('id');
    const sent = await sendTestEvent(c.env, tenantId, id);
    if (sent === 'not_found') return html(c, NotFound(c, 'No such webhook.'), 404);
    if (sent !== 'disabled') c.executionCtx.waitUntil(wakeFanout(c.env, tenantId));
    return c.redirect(`${c.get('mount')}/webhooks/${id}?done=${sent === 'disabled' ? 'disabled' : 'test'}`, 303);
  });

  signedIn.post('/webhooks/:id/recover', async (c) => {
    const form = await checkForm(c, c.get('session').csrfToken);
    if (form instanceof Response) return form;
    const id = c.req.param('id');
    // datetime-local sends "YYYY-MM-DDTHH:MM" without an offset: the form says UTC.
    const raw = String(form.get('since') ?? '');
    const since = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(raw) ? Date.parse(`${raw}Z`) : NaN;
    if (!Number.isFinite(since)) return c.text('"Failed since" must be a date and time.', 400);
    const requeued = await recoverEndpoint(c.env, c.get('tenant').id, id, since);
    if (requeued === null) return html(c, NotFound(c, 'No such webhook.'), 404);
    return c.redirect(`${c.get('mount')}/webhooks/${id}?done=recovered`, 303);
  });

  signedIn.post('/deliveries/:id/redeliver', async (c) => {
    const form = await checkForm(c, c.get('session').csrfToken);
    if (form instanceof Response) return form;
    if (!(await redeliver(c.env, c.get('tenant').id, c.req.param('id')))) return html(c, NotFound(c, 'No such delivery.'), 404);
    const endpoint = String(form.get('endpoint') ?? '');
    const back = /^wh_[0-9A-Z]{26}$/.test(endpoint) ? `/webhooks/${endpoint}?done=redelivered&from=${encodeURIComponent(c.req.param('id'))}` : '/webhooks';
    return c.redirect(`${c.get('mount')}${back}`, 303);
  });

  signedIn.get('/events', async (c) => {
    const type = (c.req.query('type') ?? '').trim().slice(0, 100);
    const productId = (c.req.query('productId') ?? '').trim().slice(0, 256);
    const page = await recentEvents(c.env.DB, c.get('tenant').id, { beforeSeq: intParam(c.req.query('before')), type: type || null, limit: productId ? 500 : 100 });
    const events = productId ? page.data.filter((e) => e.data.productId === productId) : page.data;
    const next = page.next !== null ? new URLSearchParams({ ...(type ? { type } : {}), ...(productId ? { productId } : {}), before: String(page.next) }).toString() : null;
    return html(c, EventsPage({ frame: frame(c, 'Events', 'events'), events, type, productId, next }));
  });

  signedIn.all('*', (c) => html(c, NotFound(c, 'No such page.'), 404));
  app.route('/', signedIn);
  return app;
}

const FLASH: Record<string, string> = {
  test: 'A test event was sent; its delivery appears below in a moment.',
  disabled: 'The endpoint is disabled: enable it before sending a test event.',
  recovered: 'Failed deliveries since that time were put back in line.',
  redelivered: 'The delivery was put back in line; its new attempt appears below in a moment.',
};

function NotFound(c: DashboardContext, message: string) {
  return <NotFoundPage frame={frame(c, 'Not found', 'overview')} message={message} />;
}

function NotFoundPage(props: { frame: Frame; message: string }) {
  return (
    <Page {...props.frame}>
      <h1>Not found</h1>
      <p>{props.message}</p>
    </Page>
  );
}

