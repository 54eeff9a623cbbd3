/**
 * The GeSmart dialect's Postman collection (the seed ships one): generated from the dialect's own
 * OpenAPI document, with the seed's variables (`base_url`, `jwt_token`), the login request storing
 * its token in `jwt_token`, and the webhook request signed the way GeSmart signs it.
 *
 *   npm run docs:postman     writes docs/dialects/gesmart.postman_collection.json
 *
 * test/node/postman.test.ts fails when the committed file differs from what this generates.
 */
import { createApp } from '../../src/app';
import { type OpenApiDocument, toPostmanCollection } from './openapi-to-postman';

export const GESMART_COLLECTION_PATH = 'docs/dialects/gesmart.postman_collection.json';

export async function gesmartCollectionText(): Promise<string> {
  const res = await createApp().request('/compat/gesmart/openapi.json');
  if (res.status !== 200) throw new Error(`the GeSmart OpenAPI document answered ${res.status}`);
  const document = (await res.json()) as OpenApiDocument;
  const collection = toPostmanCollection(document, {
    variables: [
      { key: 'base_url', value: 'http://127.0.0.1:8787/compat/gesmart', description: "The dialect's base URL: your Shelfsync host + /compat/gesmart" },
      { key: 'jwt_token', value: '', description: 'Set by the "Trade a tenant API key for a JWT" request (POST /api/auth/login)' },
      { key: 'api_key', value: '', description: 'A Shelfsync tenant API key (ssk_...), sent by the login request' },
      { key: 'webhook_secret', value: '', description: 'GESMART_WEBHOOK_SECRET, to sign the webhook request' },
    ],
    tokenVariable: 'jwt_token',
    bodies: { 'POST /api/auth/login': { apiKey: '{{api_key}}' } },
    storesToken: { 'POST /api/auth/login': 'data.token' },
    signs: { 'POST /api/webhooks/gesmart/products': { header: 'x-gesmart-signature', secretVariable: 'webhook_secret' } },
  });
  return `${JSON.stringify(collection, null, 2)}\n`;
}
