/**
 * Images: a source that trickles its bytes for ~20 s is cut off by the 15 s fetch timeout, and the
 * image waits for a retry (a timeout is transient). This is the one slow image test (~15 s), kept in
 * its own file so that it runs beside the others. The consumer is called directly, not through the
 * queue, so the 15 s wait never holds up other tests' ingest messages.
 */
import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { writeProducts } from '../../src/catalog/write/write-products';
import { ingestProduct } from '../../src/images/ingest';
import { defaultImageLimits } from '../../src/images/probe';
import { call, createTenant } from '../helpers/api';
import { imageEvents, imageRows, receiverUrl } from '../helpers/images';

it('a slow source times out after 15 s: the image stays pending with the reason and a retry is scheduled', { timeout: 25_000 }, async () => {
  const t = await createTenant();
  // Written without the route's queue wake-up: only this test processes the product.
  await writeProducts(env.DB, {
    tenantId: t.id,
    kind: 'products.put',
    items: [{ index: 0, id: 'slow', doc: { title: 'Slow', images: [{ id: 'a', source: { url: `${receiverUrl}/img-slow/photo.jpg` }, pipelines: {} }] } }],
    failures: [],
  });

  const started = Date.now();
  const { retryIn } = await ingestProduct(env, { kind: 'ingest', tenantId: t.id, productId: 'slow' }, defaultImageLimits);
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(14_500);
  expect(elapsed).toBeLessThan(19_000);
  expect(retryIn).toBeGreaterThan(0);

  const [row] = await imageRows(t.id, 'slow');
  expect(row).toMatchObject({ status: 'pending', attempts: 1, sha256: null });
  expect(row!.error).toMatch(/within 15000 ms/);
  expect(row!.next_attempt_at).toBeGreaterThan(Date.now());
  expect(await imageEvents(t, 'slow')).toEqual([]);

  expect((await call('/v1/products/slow', { method: 'DELETE', headers: t.headers })).status).toBeLessThan(300);
});
