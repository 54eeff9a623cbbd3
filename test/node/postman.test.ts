/**
 * The GeSmart Postman collection the seed speaks of ("Test our API easily with our complete Postman
 * collection"): committed at docs/dialects/gesmart.postman_collection.json, generated from the
 * dialect's own OpenAPI document by `npm run docs:postman`. These tests fail when the file is stale,
 * and run the collection's scripts against a stand-in of Postman's `pm` object.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { GESMART_COLLECTION_PATH, gesmartCollectionText } from '../../scripts/postman/gesmart';

const committed = readFileSync(GESMART_COLLECTION_PATH, 'utf8');
const collection = JSON.parse(committed);
const requests: any[] = collection.item.flatMap((folder: any) => folder.item);
const byRoute = (method: string, path: string) => requests.find((r) => r.request.method === method && r.request.url.raw.split('?')[0] === `{{base_url}}${path}`);

/** Runs a collection script with `pm` (and `CryptoJS`, as Postman's sandbox provides it). */
function run(script: string[], pm: unknown): void {
  const CryptoJS = {
    HmacSHA256: (message: string, key: string) => ({ toString: () => createHmac('sha256', key).update(message).digest('base64') }),
    enc: { Base64: 'base64' },
  };
  new Function('pm', 'CryptoJS', script.join('\n'))(pm, CryptoJS);
}

describe('docs/dialects/gesmart.postman_collection.json', () => {
  it('is what `npm run docs:postman` generates from the dialect\'s OpenAPI document (run it after changing the dialect)', async () => {
    expect(committed).toBe(await gesmartCollectionText());
  });

  it("holds every operation of the document, and the seed's variables base_url and jwt_token", async () => {
    const doc = (await (await createApp().request('/compat/gesmart/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => [method.toUpperCase(), path] as const));
    expect(requests).toHaveLength(operations.length);
    for (const [method, path] of operations) expect(byRoute(method, path), `${method} ${path}`).toBeDefined();
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(collection.variable.map((v: { key: string }) => v.key)).toEqual(expect.arrayContaining(['base_url', 'jwt_token']));
    // The product routes send the token; login and the signed webhook do not.
    for (const r of requests) {
      const open = r.request.url.raw.endsWith('/api/auth/login') || r.request.url.raw.endsWith('/api/webhooks/gesmart/products');
      expect(r.request.auth, r.name).toEqual(open ? { type: 'noauth' } : { type: 'bearer', bearer: [{ key: 'token', value: '{{jwt_token}}', type: 'string' }] });
    }
    // The seed's cURL body for the single sync.
    expect(JSON.parse(byRoute('POST', '/api/products/sync').request.body.raw)).toMatchObject({ operation: 'create', reference: 'PROD001', price: 1299.99, brand: { name: 'CoffeePro' } });
  });

  it('the login request sets jwt_token from its answer (collection and active environment), and only on success', () => {
    const login = byRoute('POST', '/api/auth/login');
    expect(JSON.parse(login.request.body.raw)).toEqual({ apiKey: '{{api_key}}' });
    const script = login.event.find((e: { listen: string }) => e.listen === 'test').script.exec as string[];
    const stand = (code: number, answer: unknown, environment = 'GeSmart') => {
      const set: Record<string, Record<string, string>> = { collection: {}, environment: {} };
      run(script, {
        response: { code, json: () => answer },
        collectionVariables: { set: (key: string, value: string) => (set.collection![key] = value) },
        environment: { name: environment, set: (key: string, value: string) => (set.environment![key] = value) },
      });
      return set;
    };
    expect(stand(200, { success: true, data: { token: 'eyJ.a.b', expiresIn: 3600 } })).toEqual({ collection: { jwt_token: 'eyJ.a.b' }, environment: { jwt_token: 'eyJ.a.b' } });
    expect(stand(200, { success: true, data: { token: 'eyJ.a.b', expiresIn: 3600 } }, '')).toEqual({ collection: { jwt_token: 'eyJ.a.b' }, environment: {} });
    expect(stand(401, { success: false, error: 'Invalid API key', details: [] })).toEqual({ collection: {}, environment: {} });
  });

  it("the webhook request signs its raw body with the seed's recipe (base64 HMAC-SHA256 in x-gesmart-signature)", () => {
    const hook = byRoute('POST', '/api/webhooks/gesmart/products');
    const script = hook.event.find((e: { listen: string }) => e.listen === 'prerequest').script.exec as string[];
    // The seed's cURL PAYLOAD and the signature its openssl recipe gives with this secret.
    const payload = '{"operation":"update","reference":"PROD001","name":"Updated Product","price":1499.99,"quantity":75}';
    const headers: Record<string, string> = {};
    run(script, {
      request: { body: { raw: payload }, headers: { upsert: ({ key, value }: { key: string; value: string }) => (headers[key] = value) } },
      variables: { replaceIn: (text: string) => text, get: (name: string) => (name === 'webhook_secret' ? 'gesmart-test-secret-0123456789abcdef' : undefined) },
    });
    expect(headers).toEqual({ 'x-gesmart-signature': 'eiQUevjVl3yIp9f2ZSQqqk6v+YgIQA58aMSbB2+IOq0=' });
  });
});
