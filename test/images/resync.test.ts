/**
 * Images: re-sync is cheap. The same URL within 24 h is not fetched again, `?refresh=true` forces a
 * fetch, an older entry is revalidated (If-None-Match; a 304 reuses the stored bytes), identical bytes
 * are stored once per tenant and processed once per (tenant, sha256, processor, config), while every
 * image keeps its own status and event.
 *
 * The receiver counts requests per fixture name for the whole run (all files), so the counting tests
 * use `anim.gif`, which no other suite fetches, and run one after another (tests of one file do); each
 * URL carries the tenant id as a query string the receiver ignores, so cache entries never collide.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createTenant, type TestTenant } from '../helpers/api';
import { getImage, img, imgCount, imageEvents, putWithImages, r2Keys, waitFor, waitProduct } from '../helpers/images';

const COUNTED = 'anim.gif' as const;

async function cacheRow(t: TestTenant, url: string) {
  return env.DB.prepare('SELECT sha256, etag, fetched_at FROM url_cache WHERE tenant_id = ?1 AND url = ?2')
    .bind(t.id, url)
    .first<{ sha256: string; etag: string | null; fetched_at: number }>();
}

async function processorRows(tenantId: string, sha256: string) {
  const { results } = await env.DB.prepare(
    'SELECT processor, config_hash, status, created_at, updated_at FROM processor_results WHERE tenant_id = ?1 AND sha256 = ?2 ORDER BY processor',
  )
    .bind(tenantId, sha256)
    .all<{ processor: string; config_hash: string; status: string; created_at: number; updated_at: number }>();
  return results;
}

describe('re-sync of URLs', { timeout: 20_000 }, () => {
  it('the same URL within 24 h is not fetched again: not for a second product, not for a re-write', async () => {
    const t = await createTenant();
    const url = img(COUNTED, t.id);
    const before = await imgCount(COUNTED);
    await putWithImages(t, 'a', [url]);
    const a = await waitProduct(t, 'a');
    expect(a.images[0]).toMatchObject({ status: 'done', width: 4, height: 4 });
    const afterFirst = await imgCount(COUNTED);
    expect(afterFirst.total - before.total).toBe(1);
    const entry = await cacheRow(t, url);
    expect(entry?.sha256).toBe(a.images[0].sha256);
    // An animated GIF: its frames are counted (decoded pixels = frames x width x height), and its
    // derivatives are never upscaled.
    const blob = await env.DB.prepare('SELECT format, frames, width, height FROM blobs WHERE tenant_id = ?1 AND sha256 = ?2').bind(t.id, entry!.sha256).first();
    expect(blob).toEqual({ format: 'gif', frames: 2, width: 4, height: 4 });
    const detail = await getImage(t, a.images[0].imageId);
    expect(detail.results.derivatives).toMatchObject({ thumb: { width: 4, height: 4 }, medium: { width: 4, height: 4 } });

    // A second product, and a re-write of the first using the same URL (a new image entry), within the 24 h.
    await Promise.all([putWithImages(t, 'b', [url]), putWithImages(t, 'a', [{ id: 'again', url }])]);
    const [b, a2] = await Promise.all([waitProduct(t, 'b'), waitProduct(t, 'a')]);
    expect(await imgCount(COUNTED)).toEqual(afterFirst);
    expect((await cacheRow(t, url))?.fetched_at).toBe(entry!.fetched_at);

    for (const image of [b.images[0], a2.images[0]]) {
      expect(image).toMatchObject({ status: 'done', sha256: a.images[0].sha256, width: 4, height: 4 });
      expect(image.imageId).not.toBe(a.images[0].imageId);
    }
    // Each image still gets its own event.
    const events = await imageEvents(t);
    for (const image of [a.images[0], b.images[0], a2.images[0]]) {
      expect(events.filter((e) => e.data.id === image.imageId).map((e) => e.type), image.imageId).toEqual(['image.processed']);
    }
  });

  it('?refresh=true on the write fetches the URL again', async () => {
    const t = await createTenant();
    const url = img(COUNTED, t.id);
    await putWithImages(t, 'a', [url]);
    await waitProduct(t, 'a');
    const cached = await imgCount(COUNTED);

    await putWithImages(t, 'b', [url], '?refresh=true');
    const b = await waitProduct(t, 'b');
    expect(b.images[0]).toMatchObject({ status: 'done', width: 4, height: 4 });
    const refreshed = await imgCount(COUNTED);
    expect(refreshed.total - cached.total).toBe(1);
    // A forced fetch is unconditional: no If-None-Match, so no 304.
    expect(refreshed.notModified).toBe(cached.notModified);
  });

  it('?refresh=true on a re-write of the same product fetches its images again', async () => {
    const t = await createTenant();
    const url = img(COUNTED, t.id);
    await putWithImages(t, 'a', [url]);
    await waitProduct(t, 'a');
    const cached = await imgCount(COUNTED);

    // The client re-syncs the product (a real update: a new title) and asks for its images to be fetched again.
    await putWithImages(t, 'a', [url], '?refresh=true', { title: 'Renamed' });
    await waitFor(async () => (await imgCount(COUNTED)).total > cached.total, 'the image to be fetched again', 4000);
    const a = await waitProduct(t, 'a');
    expect(a.images[0]).toMatchObject({ status: 'done', width: 4, height: 4 });
  });

  it('an entry older than 24 h is revalidated with If-None-Match, and the 304 reuses the stored bytes', async () => {
    const t = await createTenant();
    const url = img(COUNTED, t.id);
    await putWithImages(t, 'a', [url]);
    const a = await waitProduct(t, 'a');
    const first = await cacheRow(t, url);
    expect(first).toMatchObject({ sha256: a.images[0].sha256, etag: expect.stringMatching(/^".+"$/) });
    const keysBefore = await r2Keys(t.id);

    await env.DB.prepare('UPDATE url_cache SET fetched_at = fetched_at - ?2 WHERE tenant_id = ?1').bind(t.id, 25 * 3600_000).run();
    const stale = await imgCount(COUNTED);
    await putWithImages(t, 'b', [url]);
    const b = await waitProduct(t, 'b');
    const revalidated = await imgCount(COUNTED);
    expect(revalidated.total - stale.total).toBe(1);
    expect(revalidated.notModified - stale.notModified).toBe(1);

    expect(b.images[0]).toMatchObject({ status: 'done', sha256: a.images[0].sha256, width: 4, height: 4 });
    expect(await r2Keys(t.id)).toEqual(keysBefore);
    // The revalidation renewed the entry: the next 24 h are served from it again.
    const renewed = await cacheRow(t, url);
    expect(renewed!.fetched_at).toBeGreaterThan(Date.now() - 60_000);
    expect(renewed!.sha256).toBe(a.images[0].sha256);
  });
});

describe('identical bytes', { timeout: 20_000 }, () => {
  it('are stored once at {tenant}/{sha256} and processed once, while each image keeps its own status and event', async () => {
    const [t, other] = await Promise.all([createTenant(), createTenant()]);
    await Promise.all([putWithImages(t, 'one', [img('photo.jpg')]), putWithImages(other, 'one', [img('photo-copy.jpg')])]);
    const one = await waitProduct(t, 'one');
    const sha = one.images[0].sha256 as string;
    const results = await processorRows(t.id, sha);
    expect(results.map((r) => [r.processor, r.status])).toEqual([['derivatives', 'done'], ['dhash', 'done']]);

    // The same bytes under another URL (and that URL twice more, in a second product).
    await putWithImages(t, 'two', [{ id: 'copy', url: img('photo-copy.jpg') }, { id: 'orig', url: img('photo.jpg') }]);
    const two = await waitProduct(t, 'two');
    expect(two.images.map((i: any) => [i.id, i.status, i.sha256])).toEqual([['copy', 'done', sha], ['orig', 'done', sha]]);
    expect(two.images[0].imageId).not.toBe(two.images[1].imageId);

    expect(await r2Keys(t.id)).toEqual([`${t.id}/${sha}`, `${t.id}/${sha}/medium.webp`, `${t.id}/${sha}/thumb.webp`]);
    const blobs = await env.DB.prepare('SELECT COUNT(*) AS n FROM blobs WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>();
    expect(blobs!.n).toBe(1);
    // Processor results were reused, not recomputed: same rows, untouched.
    expect(await processorRows(t.id, sha)).toEqual(results);

    const events = await imageEvents(t);
    for (const image of [...one.images, ...two.images]) {
      expect(events.filter((e) => e.data.id === image.imageId).map((e) => e.type), image.id).toEqual(['image.processed']);
    }
    // Each image's own signed URL serves the (shared) bytes.
    for (const image of two.images) {
      const u = new URL(image.url);
      const res = await call(u.pathname + u.search);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }

    // Storage is per tenant: another tenant's copy lives under its own prefix, with its own results.
    expect((await waitProduct(other, 'one')).images[0]).toMatchObject({ status: 'done', sha256: sha });
    expect(await r2Keys(other.id)).toEqual([`${other.id}/${sha}`, `${other.id}/${sha}/medium.webp`, `${other.id}/${sha}/thumb.webp`]);
    expect((await processorRows(other.id, sha)).map((r) => r.processor)).toEqual(['derivatives', 'dhash']);
  });
});
