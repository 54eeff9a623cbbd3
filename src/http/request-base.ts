import type { Context } from 'hono';
import type { AppEnv } from '../env';

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
