/**
 * GET /openapi.json (OpenAPI 3.1, generated from the same zod route definitions that validate
 * requests) and GET /docs (Swagger UI, its files served by this Worker so it works offline); the
 * same explorer for each dialect over its own document (`/compat/{name}/docs`, registerExplorer).
 * Both work at whatever path the app is mounted under: URLs are derived from the request path.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { EVENT_TYPES } from '../events/event-types';
import type { Hono } from 'hono';
import type { AppEnv } from '../env';
import { applyExamples, finishDocument, headerOnEveryAnswer } from '../http/openapi';
import { canonicalExamples } from './examples';

const ASSET_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

/** For text placed in HTML (the mount base comes from the request path, so it is not trusted). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * No inline script: the page names the document in a data attribute and a static script (served
 * below) starts Swagger UI, so the CSP allows scripts from this origin only. Swagger UI sets inline
 * styles, hence `style-src 'unsafe-inline'`; "try it out" calls this origin (`connect-src 'self'`).
 */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: document.getElementById('ui').dataset.url, dom_id: '#ui', tryItOutEnabled: true, persistAuthorization: false });\n`;

function docsPage(base: string, title: string): string {
  const b = escapeHtml(base);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${b}/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="${b}/docs/assets/swagger-ui.css">
</head>
<body>
<div id="ui" data-url="${escapeHtml(`${base}/openapi.json`)}"></div>
<script src="${b}/docs/assets/swagger-ui-bundle.js"></script>
<script src="${b}/docs/assets/init.js"></script>
</body>
</html>`;
}

/** The path prefix the app is mounted under, from a request to one of its own known paths. */
function mountBase(path: string, suffix: string): string {
  return path.endsWith(suffix) ? path.slice(0, -suffix.length) : '';
}

/** Set on every /v1 answer (auth/rate-limit.ts): the binding tells allowed or not, never what is left. */
const RATE_LIMIT_POLICY = {
  description: 'The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60`',
  schema: { type: 'string', maxLength: 128, example: '"per-key";q=600;w=60' },
};

/** The document's tags, in the order a reader meets them. */
const TAGS: Record<string, string> = {
  Products: 'The canonical product: create, replace, patch, read, list, delete; single or batched',
  Images: "A product's images, their processing and bytes; the services that run image pipelines",
  Imports: 'Whole catalog files (JSONL, CSV, TSV, Merchant XML), read in resumable chunks',
  Jobs: 'Every write is a job: its status, counts and per-item errors',
  Events: 'The ordered feed of changes, for polling and delta sync',
  Webhooks: 'Signed deliveries of events (Standard Webhooks), with retries and a delivery log',
  Inbound: 'HMAC-signed pushes from ERPs, and the sources that describe how they sign',
  Admin: 'Tenants and their API keys (the ADMIN_TOKEN secret)',
};

export function registerDocs(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A tenant API key: `Authorization: Bearer ssk_...`',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'x-api-key' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'hmacSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'x-signature',
    description: "HMAC-SHA256 of the raw body with the inbound source's secret, in the header the source names",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN secret',
  });

  registerEventWebhooks(app);

  app.get('/openapi.json', (c) => {
    const base = mountBase(c.req.path, '/openapi.json');
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Shelfsync',
        version: '1.0.0',
        description:
          'Product-catalog sync: products with variants, prices, localizations and images; jobs, events and webhooks. Errors are application/problem+json (RFC 9457).',
        contact: { name: 'Shelfsync' },
      },
      servers: [{ url: base || '/' }],
    });
    finishDocument(applyExamples(document, canonicalExamples), TAGS);
    return c.json(headerOnEveryAnswer(document, 'RateLimit-Policy', RATE_LIMIT_POLICY));
  });

  registerExplorer(app, 'Shelfsync API');
}

/**
 * OpenAPI 3.1 `webhooks`: one per event type, as a subscriber with the standard format receives it
 * (Standard Webhooks envelope, signed with the endpoint's secret), from the registry the outbox uses.
 */
function registerEventWebhooks(app: OpenAPIHono<AppEnv>) {
  const signatureHeaders = z.object({
    'webhook-id': z.string().openapi({ description: 'The event id; the same on every retry', example: 'evt_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    'webhook-timestamp': z.string().openapi({ description: 'Unix seconds of this attempt', example: '1733400000' }),
    'webhook-signature': z.string().openapi({ description: '`v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' }),
  });
  for (const [type, spec] of Object.entries(EVENT_TYPES)) {
    const name = type.replace(/[^A-Za-z0-9]+(.)/g, (_, ch: string) => ch.toUpperCase());
    const envelope = z
      .object({
        type: z.literal(type),
        timestamp: z.string().openapi({ format: 'date-time' }),
        data: spec.data,
      })
      .openapi(`${name[0]!.toUpperCase()}${name.slice(1)}Event`);
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: type,
      tags: ['Events'],
      summary: type,
      description: `${spec.description}. Sent to endpoints subscribed to \`${type}\`, \`${type.split('.')[0]}.*\` or \`*\` (format \`standard\`); answer 2xx within 15 s, or it is retried.`,
      request: {
        headers: signatureHeaders,
        body: { required: true, content: { 'application/json': { schema: envelope, example: { type, timestamp: '2024-06-10T12:00:00.000Z', data: spec.example } } } },
      },
      responses: { 200: { description: 'Received (any 2xx)' }, 410: { description: 'Gone: the endpoint is disabled, no more deliveries' } },
    });
  }
}

/**
 * GET {prefix}/docs (and its assets): Swagger UI over the OpenAPI document next to it,
 * `{prefix}/openapi.json`. `prefix` places it under a mounted app that serves its own document (a
 * dialect at /compat/{name}); register it before that app's catch-all.
 */
export function registerExplorer(app: Hono<AppEnv>, title: string, prefix = '') {
  app.get(`${prefix}/docs`, (c) => {
    c.header('Content-Security-Policy', DOCS_CSP);
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(docsPage(mountBase(c.req.path, '/docs'), title));
  });

  app.get(`${prefix}/docs/assets/init.js`, (c) =>
    c.body(INIT_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }),
  );

  app.get(`${prefix}/docs/assets/:file`, async (c, next) => {
    // Under a prefix, an unknown file falls through to the mounted app's catch-all (a 404 in the
    // dialect's shape); at the top, the app's own 404.
    const missing = () => (prefix ? next() : c.notFound());
    const file = c.req.param('file');
    if (!ASSET_FILES.has(file) || !c.env.ASSETS) return missing();
    const asset = await c.env.ASSETS.fetch(new URL(`/swagger-ui/${file}`, c.req.url));
    if (!asset.ok) return missing();
    return new Response(asset.body, { headers: { 'content-type': asset.headers.get('content-type') ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' } });
  });
}
