/**
 * The OpenAPI document, built in Node (swagger-parser cannot load inside workerd): it must be a
 * valid OpenAPI 3.1 document and say the things clients rely on (security, problem+json errors,
 * named components), also when the app is mounted under a prefix.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function operations(doc: Json): Array<{ path: string; method: string; op: Json }> {
  const out: Array<{ path: string; method: string; op: Json }> = [];
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) if (item[method]) out.push({ path, method, op: item[method] });
  }
  return out;
}

const isAdmin = (path: string) => path === '/v1/admin' || path.startsWith('/v1/admin/');

describe('GET /openapi.json', () => {
  let doc: Json;

  beforeAll(async () => {
    const res = await createApp().request('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = await res.json();
  });

  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    // validate() dereferences in place: give it a copy so later tests see the $refs.
    const validated = (await SwaggerParser.validate(structuredClone(doc) as never)) as Json;
    expect(validated.openapi).toBe(doc.openapi);
    expect(validated.info.title).toBe('Shelfsync');
  });

  it('the validator really rejects a broken copy (negative control)', async () => {
    const broken = structuredClone(doc);
    broken.paths['/v1/products/{id}'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Nope' };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
    const badResponses = structuredClone(doc);
    badResponses.paths['/v1/products/{id}'].get.responses = 'none';
    await expect(SwaggerParser.validate(badResponses as never)).rejects.toThrow();
  });

  it('serves from / when not mounted', () => {
    expect(doc.servers?.[0]?.url).toBe('/');
  });

  it('documents the /v1 API (and only /v1 paths)', () => {
    const paths = Object.keys(doc.paths ?? {});
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path, path).toMatch(/^\/v1(\/|$)/);
    for (const expected of ['/v1/products', '/v1/products/{id}', '/v1/products/batch', '/v1/jobs/{id}', '/v1/events', '/v1/admin/tenants']) {
      expect(paths).toContain(expected);
    }
  });

  it('declares a security requirement on every /v1 operation outside /v1/admin, with schemes that exist', () => {
    const schemes = doc.components?.securitySchemes ?? {};
    const tenantOps = operations(doc).filter(({ path }) => !isAdmin(path));
    expect(tenantOps.length).toBeGreaterThan(0);
    for (const { path, method, op } of tenantOps) {
      const where = `${method.toUpperCase()} ${path}`;
      const security: Array<Record<string, string[]>> | undefined = op.security ?? doc.security;
      expect(security, `${where} has no security requirement`).toBeDefined();
      expect(security!.length, `${where} has an empty security list`).toBeGreaterThan(0);
      for (const requirement of security!) {
        // An empty requirement object would mean "no auth needed" as one alternative.
        expect(Object.keys(requirement).length, `${where} allows anonymous access`).toBeGreaterThan(0);
        for (const name of Object.keys(requirement)) expect(schemes, `${where} names unknown scheme ${name}`).toHaveProperty(name);
      }
      // Tenant routes take a tenant API key, never the admin token.
      const names = security!.flatMap((r) => Object.keys(r));
      expect(names, where).not.toContain('adminToken');
    }
  });

  it('protects the admin operations with the admin token', () => {
    const adminOps = operations(doc).filter(({ path }) => isAdmin(path));
    expect(adminOps.length).toBeGreaterThan(0);
    for (const { path, method, op } of adminOps) {
      const security: Array<Record<string, string[]>> | undefined = op.security ?? doc.security;
      expect(security, `${method.toUpperCase()} ${path}`).toEqual([{ adminToken: [] }]);
    }
    expect(doc.components.securitySchemes.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents at least one 4xx answer as application/problem+json on every operation', () => {
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      const problems = Object.entries<Json>(op.responses ?? {}).filter(
        ([status, response]) => /^4(\d\d|XX)$/.test(status) && response.content?.['application/problem+json'],
      );
      expect(problems.length, `${where} documents no 4xx problem+json`).toBeGreaterThan(0);
      for (const [status, response] of problems) {
        expect(response.content['application/problem+json'].schema, `${where} ${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
      }
      // Every operation also documents a success.
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), `${where} documents no 2xx`).toBe(true);
    }
  });

  it('documents 401 on every authenticated operation and 422 on every operation with a JSON body', () => {
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.responses, where).toHaveProperty('401');
      if (op.requestBody?.content?.['application/json']) expect(op.responses, where).toHaveProperty('422');
    }
  });

  it('declares every {param} of a path as a required path parameter (swagger-parser does not check this for 3.1)', () => {
    for (const { path, method, op } of operations(doc)) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method.toUpperCase()} ${path}`).toEqual(inPath);
      for (const p of declared) expect(p.required, `${method.toUpperCase()} ${path} ${p.name}`).toBe(true);
    }
  });

  it('names the components clients generate types from', () => {
    const schemas = doc.components?.schemas ?? {};
    for (const name of ['Product', 'ProductInput', 'Problem', 'Job', 'Event']) expect(schemas, name).toHaveProperty(name);
    expect(schemas.Problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']));
    expect(Object.keys(schemas.Product.properties)).toEqual(expect.arrayContaining(['id', 'number', 'version', 'status', 'images']));
    // The PUT body is the ProductInput component, not an inlined copy.
    expect(doc.paths['/v1/products/{id}'].put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ProductInput' });
  });
});

describe('mounted inside another Hono app', () => {
  it('serves its document under the mount path with servers[0].url set to it', async () => {
    const parent = new Hono();
    parent.route('/catalog', createApp());
    const res = await parent.request('/catalog/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Json;
    expect(doc.servers[0].url).toBe('/catalog');
    // Paths stay relative to the server URL.
    expect(Object.keys(doc.paths)).toContain('/v1/products/{id}');
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  it('serves /docs pointing at the mounted document', async () => {
    const parent = new Hono();
    parent.route('/catalog', createApp());
    const res = await parent.request('/catalog/docs');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('"/catalog/openapi.json"');
  });
});
