/** Test helpers: requests through the Worker's real fetch handler, and a fresh tenant per test. */
import { exports } from 'cloudflare:workers';

export const ADMIN = { authorization: 'Bearer test-admin-token' };

export function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return exports.default.fetch(new Request(`http://shelfsync.test${path}`, { ...init, headers, body }));
}

export interface TestTenant {
  id: string;
  key: string;
  keyId: string;
  headers: Record<string, string>;
}

let counter = 0;

export async function createTenant(overrides: Record<string, unknown> = {}): Promise<TestTenant> {
  counter += 1;
  const res = await call('/v1/admin/tenants', {
    method: 'POST',
    headers: ADMIN,
    json: { name: `Tenant ${counter}`, defaultCurrency: 'USD', defaultLocale: 'en-US', ...overrides },
  });
  if (res.status !== 201) throw new Error(`tenant creation failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { tenant: { id: string }; apiKey: { key: string; id: string } };
  return { id: body.tenant.id, key: body.apiKey.key, keyId: body.apiKey.id, headers: { authorization: `Bearer ${body.apiKey.key}` } };
}

export function product(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `Product ${id}`,
    brand: 'Acme',
    gender: 'unisex',
    sizes: ['S', 'M', 'L'],
    prices: { USD: { amount: '25.00' } },
    ...extra,
  };
}
