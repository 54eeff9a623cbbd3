/**
 * GET /openapi.json (OpenAPI 3.1, generated from the same zod route definitions that validate
 * requests) and GET /docs (Swagger UI, its files served by this Worker so it works offline).
 * Both work at whatever path the app is mounted under: URLs are derived from the request path.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';

const ASSET_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

function docsPage(base: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shelfsync API</title>
<link rel="icon" href="${base}/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="${base}/docs/assets/swagger-ui.css">
</head>
<body>
<div id="ui"></div>
<script src="${base}/docs/assets/swagger-ui-bundle.js"></script>
<script>
  window.ui = SwaggerUIBundle({ url: ${JSON.stringify(`${base}/openapi.json`)}, dom_id: '#ui', tryItOutEnabled: true, persistAuthorization: true });
</script>
</body>
</html>`;
}

/** The path prefix the app is mounted under, from a request to one of its own known paths. */
function mountBase(path: string, suffix: string): string {
  return path.endsWith(suffix) ? path.slice(0, -suffix.length) : '';
}

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

  app.get('/openapi.json', (c) => {
    const base = mountBase(c.req.path, '/openapi.json');
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Shelfsync',
        version: '1.0.0',
        description:
          'Product-catalog sync: products with variants, prices, localizations and images; jobs, events and webhooks. Errors are application/problem+json (RFC 9457).',
      },
      servers: [{ url: base || '/' }],
    });
    return c.json(document);
  });

  app.get('/docs', (c) => c.html(docsPage(mountBase(c.req.path, '/docs'))));

  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (!ASSET_FILES.has(file) || !c.env.ASSETS) return c.notFound();
    const asset = await c.env.ASSETS.fetch(new URL(`/swagger-ui/${file}`, c.req.url));
    if (!asset.ok) return c.notFound();
    return new Response(asset.body, { headers: { 'content-type': asset.headers.get('content-type') ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' } });
  });
}
