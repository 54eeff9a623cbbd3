/**
 * Each dialect with its own OpenAPI document has an interactive explorer next to it, like /docs
 * (the Sizebay seed sells its Swagger UI): `/compat/{name}/docs`, offline (every asset served by the
 * Worker), under the same CSP and framing rules as /docs.
 */
import { describe, expect, it } from 'vitest';
import { body, call } from '../helpers/api';

const DIALECTS = ['genera', 'sizebay', 'gesmart', 'tryon', 'robosize'];

describe('dialect explorers', () => {
  it.each(DIALECTS)('GET /compat/%s/docs is Swagger UI over that dialect\'s own document, every asset served locally', async (name) => {
    const base = `/compat/${name}`;
    expect((await call(`${base}/openapi.json`)).status).toBe(200);

    const res = await call(`${base}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toContain(`data-url="${base}/openapi.json"`);
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      // Offline: nothing outside this Worker, and everything under the dialect's own mount.
      expect(asset.startsWith(`${base}/docs/assets/`), asset).toBe(true);
      const a = await call(asset);
      expect(a.status, asset).toBe(200);
      expect((await a.arrayBuffer()).byteLength, asset).toBeGreaterThan(50);
    }
    expect((await call(`${base}/docs/assets/nope.js`)).status).toBe(404);
  });

  it('the explorers leave the dialects\' own answers alone: unknown paths still 404 in the dialect\'s shape', async () => {
    const res = await call('/compat/sizebay/docs/elsewhere');
    expect(res.status).toBe(404);
    expect(Object.keys(await body(res))).toEqual(['message']);
  });
});
