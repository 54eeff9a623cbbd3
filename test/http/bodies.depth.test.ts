/**
 * JSON nesting limit (64 levels): a deeper body is a 400 as an unparseable body, naming the limit, on
 * /v1 and in every dialect's own error shape; 64 levels are accepted.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, call, createTenant, expectProblem, product, putProduct } from '../helpers/api';

/** `{"a":{"a":...{}}}`: `levels` nested objects in all (the outer one included). */
function nested(levels: number): string {
  return '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);
}

/** A product whose metadata nests so that the whole body is `levels` deep. */
function productAtDepth(id: string, levels: number): string {
  const doc = JSON.stringify(product(id));
  return `${doc.slice(0, -1)},"metadata":${nested(levels - 1)}}`;
}

/** 5,000 levels of arrays in ~10 KB (the 500). */
const DEEP = `{"title":"x","metadata":{"deep":${'['.repeat(5000)}${']'.repeat(5000)}}}`;

const json = (headers: Record<string, string>, body: string) => ({ headers: { ...headers, 'content-type': 'application/json' }, body });

describe('JSON nesting limit', () => {
  it('refuses 5,000 levels with a 400 naming the limit on every /v1 body, and accepts 64', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'deep-1')).status).toBe(201);
    const batchDeep = `{"products":[${DEEP}]}`;
    for (const [method, path, body, headers] of [
      ['PATCH', '/v1/products/deep-1', DEEP, t.headers],
      ['PUT', '/v1/products/deep-1', DEEP, t.headers],
      ['PATCH', '/v1/products/deep-1', DEEP, { ...t.headers, 'idempotency-key': 'deep-patch' }],
      ['POST', '/v1/products/batch', batchDeep, t.headers],
      ['POST', '/v1/products', `{"id":"deep-2","metadata":${DEEP}}`, t.headers],
      ['POST', '/v1/webhooks', `{"url":"http://127.0.0.1:1/x","eventTypes":${DEEP}}`, t.headers],
      ['POST', '/v1/admin/tenants', `{"name":"x","aliases":${DEEP}}`, ADMIN],
    ] as const) {
      const res = await call(path, { method, ...json(headers, body) });
      const problem = await expectProblem(res, 400, 'bad_request');
      expect(problem.detail, `${method} ${path}`).toMatch(/64 levels/);
    }

    expect(exceeds(productAtDepth('deep-1', 65))).toBe(true);
    const over = await call('/v1/products/deep-1', { method: 'PUT', ...json(t.headers, productAtDepth('deep-1', 65)) });
    expect((await expectProblem(over, 400, 'bad_request')).detail).toMatch(/64 levels/);
    const atLimit = await call('/v1/products/deep-1', { method: 'PUT', ...json(t.headers, productAtDepth('deep-1', 64)) });
    expect(atLimit.status, await atLimit.clone().text()).toBe(200);
  });

  it('refuses it in each dialect, in the dialect’s own error shape', async () => {
    const brand = `deep-${crypto.randomUUID().slice(0, 8)}`;
    const t = await createTenant({ aliases: [brand] });
    const bearer = { authorization: `Bearer ${t.key}` };
    const cases: Array<[string, string, Record<string, string>, (body: any) => void]> = [
      ['POST', '/compat/sizebay/products', { 'x-api-key': t.key }, (b) => expect(b.message).toMatch(/64 levels/)],
      ['POST', '/compat/tryon/products', bearer, (b) => expect(b.error.message).toMatch(/64 levels/)],
      ['POST', `/compat/robosize/api/v1/product/?api_key=${t.key}`, {}, (b) => expect(JSON.stringify(b)).toMatch(/64 levels/)],
      ['POST', `/compat/genera/v1/${brand}/catalog/sync`, bearer, (b) => expect(b.success === false && JSON.stringify(b)).toMatch(/64 levels/)],
      ['POST', '/compat/gesmart/api/auth/login', {}, (b) => expect(JSON.stringify(b)).toMatch(/64 levels/)],
    ];
    for (const [method, path, headers, check] of cases) {
      const res = await call(path, { method, ...json(headers, DEEP) });
      const text = await res.text();
      expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(400);
      expect(res.headers.get('content-type') ?? '', path).not.toMatch(/problem\+json/);
      check(JSON.parse(text));
    }
  });
});

function exceeds(text: string): boolean {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === '{' || ch === '[') max = Math.max(max, ++depth);
    else if (ch === '}' || ch === ']') depth--;
  }
  return max > 64;
}
