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

const EventTypeSchema = z
  .object({
    name: z.string().openapi({ example: 'product.processed' }),
    description: z.string(),
    schema: z.record(z.string(), z.unknown()).openapi({ description: 'JSON Schema (2020-12) of the event\'s `data`' }),
    example: z.record(z.string(), z.unknown()).openapi({ description: 'An example `data`' }),
  })
  .openapi('EventType');

export const listEventTypesRoute = createRoute({
  method: 'get',
  path: '/event-types',
  tags: ['Events'],
  security: bearerSecurity,
  summary: 'Every event type: what it means, its data schema and an example',
  description: 'The same list as the document\'s `webhooks`. Subscribe to them by name or pattern (`product.*`) with POST /v1/webhooks.',
  responses: {
    200: json(z.object({ data: z.array(EventTypeSchema), nextCursor: z.null() }), 'Event types'),
    ...problems(401, 429),
  },
});
