// @ts-check
// The canonical API as a typed client: openapi-fetch over the types `npm run client:generate` writes
// from /openapi.json (schema.d.ts). Paths, parameters, bodies and answers are checked by TypeScript
// in editors and by `tsc` (the CLI's files are type-checked with JSDoc).
import createClient from 'openapi-fetch';

/**
 * @param {string} baseUrl e.g. http://127.0.0.1:8787
 * @param {string} key a tenant API key
 * @returns {import('openapi-fetch').Client<import('./schema').paths>}
 */
export function createApiClient(baseUrl, key) {
  return createClient({ baseUrl: baseUrl.replace(/\/$/, ''), headers: { authorization: `Bearer ${key}` } });
}
