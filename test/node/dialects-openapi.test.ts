/**
 * Each dialect serves an OpenAPI document of its own at /compat/{name}/openapi.json: valid 3.1,
 * describing only that dialect's paths, with the mount prefix as its server.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';

const dialects = ['genera', 'sizebay', 'gesmart', 'tryon', 'robosize'];

describe.each(dialects)('/compat/%s/openapi.json', (name) => {
  it('is a valid OpenAPI 3.1 document of that dialect alone', async () => {
    const res = await createApp().request(`/compat/${name}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; servers: Array<{ url: string }>; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers[0]!.url).toBe(`/compat/${name}`);
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.startsWith('/v1/products') || p.startsWith('/compat/'))).toEqual([]);
    await SwaggerParser.validate(structuredClone(doc) as never);
  });
});

it('the canonical document holds no dialect paths', async () => {
  const doc = (await (await createApp().request('/openapi.json')).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/v1/'))).toEqual([]);
});
