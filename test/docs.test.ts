/** GET /openapi.json, GET /docs (and its assets), GET /health. */
import { describe, expect, it } from 'vitest';
import { body, call } from './helpers/api';

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

  it('GET /health answers ok without credentials', async () => {
    const res = await call('/health');
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ status: 'ok' });
  });
});
