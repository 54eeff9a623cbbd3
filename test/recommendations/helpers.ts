/** Shared by the recommendations suites: products of a small fashion catalog, and waiting for lists. */
import { body, call, type TestTenant } from '../helpers/api';
import { waitFor } from '../helpers/poll';

export type Json = Record<string, any>;

/** A product without images: text and attributes only. */
export function item(id: string, extra: Json = {}): Json {
  return { id, brand: 'Harbor', gender: 'female', ageGroup: 'adult', prices: { USD: { amount: '30.00' } }, recommend: 'all', ...extra };
}

export const TEE = 'WOMEN > TOPS > T-SHIRTS';
export const JEANS = 'WOMEN > BOTTOMS > JEANS';

export async function put(t: TestTenant, doc: Json): Promise<void> {
  const res = await call(`/v1/products/${encodeURIComponent(doc.id)}`, { method: 'PUT', headers: t.headers, json: doc });
  if (res.status !== 200 && res.status !== 201) throw new Error(`PUT ${doc.id}: ${res.status} ${await res.text()}`);
}

export async function list(t: TestTenant, id: string, kind: 'similar' | 'complementary' | 'variants', query = ''): Promise<Json> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}/${kind}${query}`, { headers: t.headers });
  if (res.status !== 200) throw new Error(`GET ${kind} of ${id}: ${res.status} ${await res.text()}`);
  return body(res);
}

export const ids = (page: Json) => (page.data as Json[]).map((r) => r.id);

/** Waits until the list is computed for the product's current version and `until` holds. */
export function settled(t: TestTenant, id: string, kind: 'similar' | 'complementary', until: (page: Json) => boolean = () => true, timeoutMs = 20_000): Promise<Json> {
  return waitFor(
    async () => {
      const page = await list(t, id, kind);
      return page.status === 'ready' && until(page) ? page : undefined;
    },
    `${kind} of ${id}`,
    timeoutMs,
    100,
  );
}
