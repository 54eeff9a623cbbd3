/**
 * `metadata` and each image's `classifications` are capped at 16 KB of JSON. The caps apply to what
 * a write sends: a value stored before the cap (over it) does not make an unrelated PATCH fail.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, errorPaths, expectProblem, patchProduct, product, putProduct, type TestTenant } from '../helpers/api';

const KB = 1024;
const big = (bytes: number) => ({ blob: 'x'.repeat(bytes) });
const image = (classifications?: unknown) => ({ id: 'front', source: { url: 'https://cdn.example/front.jpg' }, ...(classifications ? { classifications } : {}) });

/** Writes a value straight into the stored document, as data written before the cap would be. */
async function storeRaw(t: TestTenant, id: string, path: string, value: unknown): Promise<void> {
  const result = await env.DB.prepare('UPDATE products SET data = json_set(data, ?3, json(?4)) WHERE tenant_id = ?1 AND id = ?2')
    .bind(t.id, id, path, JSON.stringify(value))
    .run();
  expect(result.meta.changes).toBe(1);
}

describe('metadata and classifications caps', () => {
  it('refuses classifications over 16 KB with a 422 at the field, on /v1 and in a batch', async () => {
    const t = await createTenant();
    const res = await putProduct(t, 'cls-1', product('cls-1', { images: [image(big(17 * KB))] }));
    const problem = await expectProblem(res, 422, 'validation_failed');
    expect(errorPaths(problem)).toContain('/images/0/classifications');
    expect((await putProduct(t, 'cls-1', product('cls-1', { images: [image(big(15 * KB))] }))).status).toBe(201);

    const batch = await call('/v1/products/batch', { method: 'POST', headers: t.headers, json: { products: [product('cls-2', { images: [image(big(17 * KB))] })] } });
    const result = (await body(batch)).results[0];
    expect(result.ok).toBe(false);
    expect(result.error.errors.map((e: { path: string }) => e.path)).toContain('/images/0/classifications');
  });

  it('still refuses metadata over 16 KB', async () => {
    const t = await createTenant();
    const problem = await expectProblem(await putProduct(t, 'meta-1', product('meta-1', { metadata: big(17 * KB) })), 422, 'validation_failed');
    expect(errorPaths(problem)).toEqual(['/metadata']);
  });

  it('lets an unrelated PATCH through a stored metadata over the cap, and refuses a new over-cap value', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'old-meta', product('old-meta', { metadata: { season: 'SS25' } }))).status).toBe(201);
    const legacy = big(40 * KB);
    await storeRaw(t, 'old-meta', '$.metadata', legacy);

    const patched = await patchProduct(t, 'old-meta', { title: 'Renamed' });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const doc = await body(patched);
    expect(doc.title).toBe('Renamed');
    expect(doc.metadata).toEqual(legacy);

    const grown = await patchProduct(t, 'old-meta', { metadata: { more: 'y' } });
    expect(errorPaths(await expectProblem(grown, 422, 'validation_failed'))).toEqual(['/metadata']);
  });

  it('lets an unrelated PATCH through stored classifications over the cap', async () => {
    const t = await createTenant();
    expect((await putProduct(t, 'old-cls', product('old-cls', { images: [image({ kind: 'front' })] }))).status).toBe(201);
    const legacy = big(40 * KB);
    await storeRaw(t, 'old-cls', '$.images[0].classifications', legacy);

    const patched = await patchProduct(t, 'old-cls', { title: 'Renamed' });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect((await body(patched)).title).toBe('Renamed');

    const swapped = await patchProduct(t, 'old-cls', { images: [image(big(20 * KB))] });
    expect(errorPaths(await expectProblem(swapped, 422, 'validation_failed'))).toContain('/images/0/classifications');
  });
});
