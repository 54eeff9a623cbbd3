/**
 * The catalog service's context for a request: bindings, tenant, options, and the one way image URLs
 * are signed (against PUBLIC_BASE_URL, else the origin and mount path the request came through).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { signedImageUrl, urlBase } from '../images/image-url';
import type { CatalogContext } from './products.service';

/**
 * The origin and mount path of the Shelfsync app this request came through: where generated URLs
 * (which all live under /v1) point, also when the request came in through a dialect (/compat/...).
 */
export function requestBase(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const dialect = url.pathname.indexOf('/compat/');
  const at = dialect !== -1 ? dialect : url.pathname.indexOf('/v1/');
  return url.origin + (at > 0 ? url.pathname.slice(0, at) : '');
}

export function catalog(c: Context<AppEnv>): CatalogContext {
  const base = urlBase(c.env, requestBase(c));
  return {
    db: c.env.DB,
    bucket: c.env.IMAGES,
    tenant: c.get('tenant'),
    options: c.get('options'),
    imageUrl: (image) => signedImageUrl(c.env, base, image),
  };
}

