/** Test helpers: requests through the Worker's real fetch handler, and a fresh tenant per test. */
import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';

export const ADMIN = { authorization: 'Bearer test-admin-token-0123456789abcdef0123' };

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

// ---- helpers shared by the Foundation suites ---------------------------------------------------

/** Parsed JSON of a response, loosely typed: tests assert on real values, not on types. */
export async function body(res: Response): Promise<any> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`expected JSON (status ${res.status}), got: ${text.slice(0, 300)}`);
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: Array<{ path: string; message: string }>;
}

/** Asserts the one error envelope (RFC 9457) with this status (and code) and returns its body. */
export async function expectProblem(res: Response, status: number, code?: string): Promise<ProblemBody> {
  const text = await res.clone().text();
  expect(res.status, `status (body: ${text.slice(0, 300)})`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json\b/);
  const problem = JSON.parse(text) as ProblemBody;
  expect(problem).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(problem.type.length).toBeGreaterThan(0);
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.requestId).toEqual(expect.any(String));
  expect(problem.requestId.length).toBeGreaterThan(0);
  if (res.headers.get('x-request-id')) expect(problem.requestId).toBe(res.headers.get('x-request-id'));
  if (code !== undefined) expect(problem.code).toBe(code);
  return problem;
}

/** The JSON Pointer paths of a validation problem. */
export function errorPaths(problem: ProblemBody): string[] {
  return (problem.errors ?? []).map((e) => e.path);
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

export async function issueKey(tenantId: string, name = 'extra'): Promise<{ id: string; key: string; headers: Record<string, string> }> {
  const res = await call(`/v1/admin/tenants/${tenantId}/keys`, { method: 'POST', headers: ADMIN, json: { name } });
  if (res.status !== 201) throw new Error(`key issue failed: ${res.status} ${await res.text()}`);
  const key = (await res.json()) as { id: string; key: string };
  return { id: key.id, key: key.key, headers: bearer(key.key) };
}

export async function revokeKey(tenantId: string, keyId: string): Promise<void> {
  const res = await call(`/v1/admin/tenants/${tenantId}/keys/${keyId}`, { method: 'DELETE', headers: ADMIN });
  if (res.status !== 204) throw new Error(`key revoke failed: ${res.status} ${await res.text()}`);
}

/** PUT a product and return the response (status not checked). */
export function putProduct(t: TestTenant, id: string, doc: Record<string, unknown> = product(id), headers: Record<string, string> = {}): Promise<Response> {
  return call(`/v1/products/${encodeURIComponent(id)}`, { method: 'PUT', headers: { ...t.headers, ...headers }, json: doc });
}

export function patchProduct(t: TestTenant, id: string, patch: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(`/v1/products/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { ...t.headers, ...headers }, json: patch });
}

export function postBatch(t: TestTenant, products: unknown[], headers: Record<string, string> = {}): Promise<Response> {
  return call('/v1/products/batch', { method: 'POST', headers: { ...t.headers, ...headers }, json: { products } });
}

export interface FeedEvent {
  id: string;
  seq: number;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** Every event of the tenant after `after` (one page of up to 1000). */
export async function feed(t: TestTenant, after = 0): Promise<FeedEvent[]> {
  const res = await call(`/v1/events?after=${after}&limit=1000`, { headers: t.headers });
  if (res.status !== 200) throw new Error(`events failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: FeedEvent[] }).data;
}

/** Product events (product.*) about one product id. */
export async function productEvents(t: TestTenant, id: string): Promise<FeedEvent[]> {
  return (await feed(t)).filter((e) => e.type.startsWith('product.') && e.data.productId === id);
}

/** SHA-256 hex, as the Worker computes it. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
