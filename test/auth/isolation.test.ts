/**
 * The key decides the tenant: a tenant never sees, changes, or learns the existence of another
 * tenant's data (404, never 403, and the same 404 as for an id nobody has).
 */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem, feed, patchProduct, postBatch, product, putProduct } from '../helpers/api';

/** A 404 problem with the request-specific parts removed, to compare two of them. */
async function notFoundShape(res: Response, id: string) {
  const problem = await expectProblem(res, 404, 'not_found');
  return { ...problem, requestId: undefined, detail: problem.detail.replaceAll(id, '<id>') };
}

describe('tenant isolation', () => {
  it("another tenant's product is 404 for every verb, indistinguishable from a missing one, and untouched", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const created = await body(await putProduct(a, 'secret', product('secret', { title: 'A only' })));

    for (const [method, json] of [
      ['GET', undefined],
      ['PATCH', { title: 'hijack' }],
      ['DELETE', undefined],
    ] as const) {
      const foreign = await call('/v1/products/secret', { method, headers: b.headers, ...(json ? { json } : {}) });
      const missing = await call('/v1/products/nobody-has-this', { method, headers: b.headers, ...(json ? { json } : {}) });
      expect(foreign.status, method).toBe(404);
      expect(await notFoundShape(foreign, 'secret')).toEqual(await notFoundShape(missing, 'nobody-has-this'));
    }
    // If-Match on a foreign product: still 404, not 412.
    await expectProblem(await patchProduct(b, 'secret', { title: 'x' }, { 'if-match': '"1"' }), 404, 'not_found');

    expect(await body(await call('/v1/products/secret', { headers: a.headers }))).toEqual(created);
    expect((await feed(b)).filter((e) => e.type.startsWith('product.'))).toEqual([]);
  });

  it('the same product id in two tenants is two products', async () => {
    const a = await createTenant();
    const b = await createTenant();
    await putProduct(a, 'shared', product('shared', { title: 'A' }));
    await putProduct(a, 'a-only');
    const createdB = await putProduct(b, 'shared', product('shared', { title: 'B' }));
    expect(createdB.status).toBe(201);
    expect(await body(createdB)).toMatchObject({ title: 'B', number: 1, version: 1 });
    await postBatch(b, [product('shared', { title: 'B2' })]);

    expect(await body(await call('/v1/products/shared', { headers: a.headers }))).toMatchObject({ title: 'A', version: 1 });
    expect((await body(await call('/v1/products', { headers: a.headers }))).data.map((p: { id: string }) => p.id)).toEqual(['shared', 'a-only']);
    expect((await body(await call('/v1/products', { headers: b.headers }))).data.map((p: { id: string; title: string }) => [p.id, p.title])).toEqual([
      ['shared', 'B2'],
    ]);
    await call('/v1/products/shared', { method: 'DELETE', headers: b.headers });
    expect((await call('/v1/products/shared', { headers: a.headers })).status).toBe(200);
  });

  it("another tenant's jobs, job errors and events are invisible", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const jobId = (await postBatch(a, [product('x'), product('y', { gender: 'bad' })])).headers.get('job-id')!;
    await putProduct(b, 'mine');

    const foreignJob = await call(`/v1/jobs/${jobId}`, { headers: b.headers });
    const missingJob = await call('/v1/jobs/job_01JD7Z8Q6V7N9K3M2X4B5C6D7E', { headers: b.headers });
    expect(await notFoundShape(foreignJob, jobId)).toEqual(await notFoundShape(missingJob, 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E'));
    await expectProblem(await call(`/v1/jobs/${jobId}/errors`, { headers: b.headers }), 404, 'not_found');

    const bJobs = await body(await call('/v1/jobs', { headers: b.headers }));
    expect(bJobs.data.map((j: { id: string }) => j.id)).not.toContain(jobId);
    expect(bJobs.data).toHaveLength(1);

    const bEvents = await feed(b);
    expect(bEvents.every((e) => e.data.productId === 'mine' || e.type === 'job.completed')).toBe(true);
    expect(JSON.stringify(bEvents)).not.toContain(jobId);
    expect(JSON.stringify(bEvents)).not.toContain('"x"');

    // A's own view is intact.
    expect((await body(await call(`/v1/jobs/${jobId}/errors`, { headers: a.headers }))).data).toHaveLength(1);
  });

  it('a key cannot be steered to another tenant by headers, query or body', async () => {
    const a = await createTenant();
    const b = await createTenant();
    await putProduct(a, 'p');
    // Both credentials at once: the Authorization key wins; nothing mixes the two tenants.
    const both = await call('/v1/products/p', { headers: { ...b.headers, 'x-api-key': a.key } });
    expect(both.status).toBe(404);
    const spoof = await call(`/v1/products/p?tenant=${a.id}&tenantId=${a.id}`, { headers: { ...b.headers, 'x-tenant-id': a.id } });
    expect(spoof.status).toBe(404);
    const bodySpoof = await putProduct(b, 'p', { ...product('p'), tenantId: a.id });
    await expectProblem(bodySpoof, 422, 'validation_failed');
    expect((await body(await call('/v1/products/p', { headers: a.headers }))).version).toBe(1);
  });
});
