/**
 * Routing a request to its tenant's data shard (DESIGN "Shards"). Every entry point calls
 * `routeTenant` once it knows the tenant (API key, dialect auth, GeSmart token, dashboard session, an
 * inbound push's source, a signed image URL, a processor callback): from then on `c.env.DB` is that
 * tenant's shard, read through a D1 session (read replicas) and, with several shards, write-fenced on
 * the placement's epoch; the control database stays reachable through `controlDb(c.env)`.
 * `answerBookmark` (mounted first) hands the session's bookmark back in `x-d1-bookmark`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { BOOKMARK_HEADER, readBookmark, type SessionStart } from '../db/session';
import type { AppEnv } from '../env';
import { resolvePlacement } from '../placement/placement';
import { scopeEnv, unscoped } from '../placement/tenant-env';
import { keyCacheTtlMs } from './tenant-lookup';

/** Where a request's reads start without a client bookmark: /v1 and the dashboard anywhere, dialects at the primary. */
export type { SessionStart } from '../db/session';

type RoutedContext = Context<AppEnv> | Context<AppEnv & { Variables: Record<string, unknown> }>;

/**
 * `c.env` scoped to `tenantId`'s shard for the rest of the request. `start` applies when the client
 * sent no readable bookmark (an unreadable one is ignored, not an error).
 */
export async function routeTenant(c: RoutedContext, tenantId: string, start: SessionStart): Promise<void> {
  const ctx = c as Context<AppEnv>;
  const base = unscoped(ctx.env);
  const placement = await resolvePlacement(base, tenantId, keyCacheTtlMs(base, ctx.get('options')));
  const scoped = scopeEnv(base, placement, { bookmark: readBookmark(ctx.req.header(BOOKMARK_HEADER)), start });
  ctx.env = scoped.env;
  ctx.set('bookmark', scoped.bookmark);
  const foreground = ctx.get('foreground');
  if (foreground) foreground.lane = placement.shard;
}

/** After the request: the session's bookmark, so the client's next request reads at least this fresh. */
export function answerBookmark(): MiddlewareHandler<AppEnv> {
  return async function answerBookmarkMiddleware(c, next) {
    await next();
    const bookmark = c.get('bookmark')?.();
    if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
  };
}
