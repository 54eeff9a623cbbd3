/**
 * The canonical API's Postman collection, committed at docs/postman/shelfsync.postman_collection.json,
 * is what `npm run docs:postman` generates from /openapi.json: every operation, its documented request
 * example, creates before reads, updates and deletes. (postman-run.test.ts runs it against wrangler dev.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { CANONICAL_COLLECTION_PATH, canonicalCollectionText } from '../../scripts/postman/canonical';

const committed = readFileSync(CANONICAL_COLLECTION_PATH, 'utf8');
const collection = JSON.parse(committed);
const requests: any[] = collection.item;
const keyOf = (r: any) => `${r.request.method} ${r.request.url.raw.split('?')[0].replace('{{baseUrl}}', '')}`;

describe('docs/postman/shelfsync.postman_collection.json', () => {
  it('is what `npm run docs:postman` generates from /openapi.json (run it after changing the API)', async () => {
    expect(committed).toBe(await canonicalCollectionText());
  });

  it('holds every operation once, with the variables baseUrl and apiKey and bearer auth', async () => {
    const doc = (await (await createApp().request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => [method.toUpperCase(), path] as const));
    expect(requests).toHaveLength(operations.length);
    const pattern = ([method, path]: readonly [string, string]) => new RegExp(`^${method} ${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const operation of operations) expect(requests.filter((r) => pattern(operation).test(keyOf(r))).length, operation.join(' ')).toBeGreaterThan(0);
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(collection.variable.map((v: { key: string }) => v.key)).toEqual(expect.arrayContaining(['baseUrl', 'apiKey', 'adminToken']));
    for (const r of requests) {
      const raw: string = r.request.url.raw;
      expect(raw.startsWith('{{baseUrl}}/'), raw).toBe(true);
      const open = /\/v1\/(inbound|processor-callbacks)\//.test(raw);
      const token = raw.includes('/v1/admin/') ? '{{adminToken}}' : '{{apiKey}}';
      expect(r.request.auth, keyOf(r)).toEqual(open ? { type: 'noauth' } : { type: 'bearer', bearer: [{ key: 'token', value: token, type: 'string' }] });
    }
    // The documented example of a product PUT is the body sent.
    const put = requests.find((r) => /^PUT \/v1\/products\/[^/]+$/.test(keyOf(r)));
    expect(JSON.parse(put.request.body.raw)).toMatchObject({ title: expect.any(String) });
  });

  it('orders creates before the reads, updates and deletes of what they create', () => {
    const index = (key: string) => {
      const found = requests.findIndex((r) => new RegExp(`^${key.replace(/[?]/g, '\\?').replace(/\{id\}/g, '[^/]+')}$`).test(keyOf(r)));
      expect(found, key).toBeGreaterThanOrEqual(0);
      return found;
    };
    expect(index('POST /v1/admin/tenants')).toBe(0);
    const before = (a: string, b: string) => expect(index(a), `${a} before ${b}`).toBeLessThan(index(b));
    before('POST /v1/webhooks', 'GET /v1/webhooks/{id}');
    before('PATCH /v1/webhooks/{id}', 'DELETE /v1/webhooks/{id}');
    before('PUT /v1/products/{id}', 'GET /v1/products/{id}');
    before('GET /v1/products/{id}', 'DELETE /v1/products/{id}');
    before('POST /v1/inbound-sources', 'POST /v1/inbound/{id}');
    before('PUT /v1/processors/{id}', 'POST /v1/processor-callbacks/{id}/{id}');
    before('POST /v1/products', 'GET /v1/products/{id}/images');
    expect(keyOf(requests.at(-1))).toMatch(/^DELETE /);
  });
});
