/**
 * PUT /v1/products/{id} evaluates If-Match as PATCH does (an origin server that receives If-Match
 * must evaluate it): a version that is not the current one, or `*` on a product that does not
 * exist, answers 412 in the problem envelope and writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem, product, productEvents, putProduct } from '../helpers/api';

describe('PUT honours If-Match', () => {
  it('a stale ETag answers 412 and changes nothing; the current one replaces', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'ifm', product('ifm', { title: 'one' }))).status).toBe(201);
    expect((await putProduct(t, 'ifm', product('ifm', { title: 'two' }))).status).toBe(200);
    const stale = await putProduct(t, 'ifm', product('ifm', { title: 'three' }), { 'if-match': '"1"' });
    const problem = await expectProblem(stale, 412, 'precondition_failed');
    expect(problem.detail).toBe('The product is at version 2, not 1');
    expect(await body(await call('/v1/products/ifm', { headers: t.headers }))).toMatchObject({ version: 2, title: 'two' });

    const current = await putProduct(t, 'ifm', product('ifm', { title: 'three' }), { 'if-match': 'W/"2"' });
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"3"');
    expect(await body(current)).toMatchObject({ version: 3, title: 'three' });
    expect((await productEvents(t, 'ifm')).map((e) => e.data.version)).toEqual([1, 2, 3]);
  });

  it('If-Match: * means "exists": 412 on a missing product (nothing created), a replace on an existing one', async () => {
    const t = await createTenant();
    await expectProblem(await putProduct(t, 'star', product('star'), { 'if-match': '*' }), 412, 'precondition_failed');
    expect((await call('/v1/products/star', { headers: t.headers })).status).toBe(404);
    expect((await putProduct(t, 'star', product('star', { title: 'one' }))).status).toBe(201);
    const replaced = await putProduct(t, 'star', product('star', { title: 'two' }), { 'if-match': '*' });
    expect(replaced.status).toBe(200);
    expect(await body(replaced)).toMatchObject({ version: 2, title: 'two' });
  });

  it('an If-Match that is no ETag of this API answers 412, also on a missing product', async () => {
    const t = await createTenant();
    await expectProblem(await putProduct(t, 'odd', product('odd'), { 'if-match': 'abc' }), 412, 'precondition_failed');
    await expectProblem(await putProduct(t, 'odd', product('odd'), { 'if-match': '"1"' }), 412, 'precondition_failed');
    expect((await call('/v1/products/odd', { headers: t.headers })).status).toBe(404);
  });
});
