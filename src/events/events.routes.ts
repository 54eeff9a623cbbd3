import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity, json, problems } from '../http/openapi';
import { EventSchema } from './events.schemas';

export const listEventsRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Events'],
  security: bearerSecurity,
  summary: 'The ordered event feed, for polling and delta sync',
  description:
    'Events in `seq` order after `after` (exclusive). Keep `nextCursor` and pass it as `after` next time; an empty page returns `after` unchanged. A cursor older than the retention window answers 410: resync from GET /v1/products.',
  request: {
    query: z.object({
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: {
    200: json(z.object({ data: z.array(EventSchema), nextCursor: z.string() }), 'Events after the cursor'),
    ...problems(401, 410, 422, 429),
  },
});
