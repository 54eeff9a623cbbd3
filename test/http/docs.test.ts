/** GET /openapi.json, GET /docs (and its assets), GET /health. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';
import { body, call } from '../helpers/api';

describe('docs', () => {
  it('GET /openapi.json is an OpenAPI 3.1 document of the /v1 API', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const spec = await body(res);
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.info.title).toBe('Shelfsync');
    expect(spec.paths['/v1/products/{id}']).toHaveProperty('put');
    expect(spec.paths['/v1/products/batch']).toHaveProperty('post');
    expect(spec.paths['/v1/events']).toHaveProperty('get');
    expect(Object.keys(spec.components.securitySchemes)).toEqual(expect.arrayContaining(['adminToken', 'apiKey', 'bearer']));
    expect(spec.components.schemas).toHaveProperty('Problem');
    expect(spec.components.schemas).toHaveProperty('ProductInput');
  });

  it('GET /docs is an HTML page whose assets are served', async () => {
    const res = await call('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('/openapi.json');
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(expect.arrayContaining(['/docs/assets/swagger-ui.css', '/docs/assets/swagger-ui-bundle.js']));
    for (const asset of assets) {
      const a = await call(asset);
      expect(a.status, asset).toBe(200);
      expect((await a.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
    expect((await call('/docs/assets/../../wrangler.toml')).status).toBe(404);
    expect((await call('/docs/assets/nope.js')).status).toBe(404);
  });

  it('GET /docs: mount base escaped, no inline script, CSP forbids framing, authorization not persisted', async () => {
    const res = await call('/docs');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const init = await call('/docs/assets/init.js');
    expect(init.status).toBe(200);
    const script = await init.text();
    expect(script).toContain('persistAuthorization: false');
    expect(script).not.toContain('persistAuthorization: true');

    // A hostile mount path cannot break out of the attribute or the page.
    const app = new Hono<{ Bindings: Env }>();
    const hostile = '/x"><img src=y onerror=alert(1)>';
    app.route(hostile, createApp());
    const ctx = createExecutionContext();
    const mounted = await app.fetch(new Request(`http://host.test${hostile}/docs`), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(mounted.status).toBe(200);
    const page = await mounted.text();
    expect(page).not.toContain('<img');
    expect(page).toContain('&#34;&#62;&#60;img');
  });

  it('GET /health answers ok without credentials', async () => {
    const res = await call('/health');
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ status: 'ok' });
  });
});
