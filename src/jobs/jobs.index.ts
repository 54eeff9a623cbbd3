import { ApiError } from '../http/problem';
import { createRouter } from '../http/router';
import { cursorField } from '../http/cursor';
import { readEtag } from '../http/etag';
import { encodeCursor } from '../lib/cursor';
import { findJob, listJobErrors, listJobs } from './jobs.repository';
import { getJobRoute, listJobErrorsRoute, listJobsRoute } from './jobs.routes';

export function jobsRouter() {
  const router = createRouter();

  router.openapi({ ...getJobRoute, middleware: [readEtag()] as const }, async (c) => {
    const job = await findJob(c.env.DB, c.get('tenant').id, c.req.valid('param').id);
    if (!job) throw new ApiError('not_found', 'No such job');
    return c.json(job, 200);
  });

  router.openapi({ ...listJobsRoute, middleware: [readEtag()] as const }, async (c) => {
    const { limit, cursor, status } = c.req.valid('query');
    const page = await listJobs(c.env.DB, c.get('tenant').id, cursorField<string>(cursor, 'id', 'string'), limit, status ?? null);
    return c.json({ data: page.data, nextCursor: page.nextId ? encodeCursor({ id: page.nextId }) : null }, 200);
  });

  router.openapi({ ...listJobErrorsRoute, middleware: [readEtag()] as const }, async (c) => {
    const { id } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    if (!(await findJob(c.env.DB, c.get('tenant').id, id))) throw new ApiError('not_found', 'No such job');
    const page = await listJobErrors(c.env.DB, id, cursorField<number>(cursor, 'i', 'number') ?? -1, limit);
    return c.json({ data: page.data, nextCursor: page.nextIndex !== null ? encodeCursor({ i: page.nextIndex }) : null }, 200);
  });

  return router;
}
