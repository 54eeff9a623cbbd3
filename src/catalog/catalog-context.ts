/**
 * The catalog service's context for a request: bindings, tenant, options, the one way image URLs
 * are signed (against PUBLIC_BASE_URL, else the origin and mount path the request came through), and
 * the request's execution context, which keeps the writes' wake-ups running after the response.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { signedImageUrl, urlBase } from '../images/image-url';
import { requestBase } from '../http/request-base';
import type { CatalogContext } from './products.service';

export { requestBase };

export function catalog(c: Context<AppEnv>): CatalogContext {
  const base = urlBase(c.env, requestBase(c));
  return {
    db: c.env.DB,
    bucket: c.env.IMAGES,
    tenant: c.get('tenant'),
    options: c.get('options'),
    imageUrl: (image) => signedImageUrl(c.env, base, image),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    queues: c.env,
  };
}

