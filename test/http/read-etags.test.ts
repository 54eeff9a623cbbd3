/** ETag / If-None-Match on reads: 304 while the body is the same, a new tag as soon as any byte moves. */
import { describe, expect, it } from 'vitest';
import { body, call, createTenant, expectProblem, patchProduct, putProduct, type TestTenant } from '../helpers/api';
import { img, putWithImages, waitProduct } from '../helpers/images';

async function tagOf(t: TestTenant, path: string): Promise<string> {
  const res = await call(path, { headers: t.headers });
  expect(res.status, path).toBe(200);
  const tag = res.headers.get('etag');
  expect(tag, path).toMatch(/^"[\w-]+"$/);
  return tag!;
}

async function expectNotModified(t: TestTenant, path: string, tag: string) {
  const res = await call(path, { headers: { ...t.headers, 'if-none-match': tag } });
  expect(res.status, path).toBe(304);
  expect(res.headers.get('etag')).toBe(tag);
  expect(await res.text()).toBe('');
  // Weak comparison and lists, as RFC 9110 asks of If-None-Match.
  expect((await call(path, { headers: { ...t.headers, 'if-none-match': `"other", W/${tag}` } })).status).toBe(304);
  expect((await call(path, { headers: { ...t.headers, 'if-none-match': '"other"' } })).status).toBe(200);
}

describe('read ETags', () => {
  it('a product: 304 while unchanged; the tag moves when processing changes the body without a new version', async () => {
    const t = await createTenant();
    // Not an image: it ends `error`, the product's status moves, its version does not.
    await putWithImages(t, 'p1', [img('not-an-image.jpg', 'etag-status')]);
    const before = await tagOf(t, '/v1/products/p1');
    expect(before).toMatch(/^"1-/);
    await expectNotModified(t, '/v1/products/p1', before);
    const settled = await waitProduct(t, 'p1');
    expect(settled.version).toBe(1);
    const after = await tagOf(t, '/v1/products/p1');
    expect(after).not.toBe(before);
    expect(after).toMatch(/^"1-/);
    expect((await call('/v1/products/p1', { headers: { ...t.headers, 'if-none-match': before } })).status).toBe(200);
  });

  it("If-Match on writes takes the version form and a read's tag alike", async () => {
    const t = await createTenant();
    await putProduct(t, 'p1');
    const readTag = await tagOf(t, '/v1/products/p1');
    expect((await patchProduct(t, 'p1', { title: 'a' }, { 'if-match': readTag })).status).toBe(200);
    await expectProblem(await patchProduct(t, 'p1', { title: 'b' }, { 'if-match': readTag }), 412);
    expect((await patchProduct(t, 'p1', { title: 'b' }, { 'if-match': '"2"' })).status).toBe(200);
  });

  it('lists, jobs, images and events answer 304 too, and a change moves the list tag', async () => {
    const t = await createTenant();
    const put = await putProduct(t, 'p1');
    const jobId = put.headers.get('job-id')!;
    const listTag = await tagOf(t, '/v1/products?limit=10');
    await expectNotModified(t, '/v1/products?limit=10', listTag);
    for (const path of [`/v1/jobs/${jobId}`, '/v1/jobs', '/v1/events?after=0', '/v1/products/p1/images']) {
      await expectNotModified(t, path, await tagOf(t, path));
    }
    await patchProduct(t, 'p1', { title: 'changed' });
    expect(await tagOf(t, '/v1/products?limit=10')).not.toBe(listTag);
  });

  it('an image read has its own tag', async () => {
    const t = await createTenant();
    const written = await putWithImages(t, 'p1', [img('photo.jpg', 'etag-image')]);
    const imageId = written.images[0].imageId as string;
    await waitProduct(t, 'p1');
    await expectNotModified(t, `/v1/images/${imageId}`, await tagOf(t, `/v1/images/${imageId}`));
    expect((await body(await call(`/v1/images/${imageId}`, { headers: t.headers }))).imageId).toBe(imageId);
  });
});
