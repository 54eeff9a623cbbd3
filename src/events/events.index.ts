import { readEtag } from '../http/etag';
import { boundIntegers } from '../http/openapi';
import { ApiError } from '../http/problem';
import { createRouter } from '../http/router';
import { readFeed } from './events.repository';
import { z } from '@hono/zod-openapi';
import { EVENT_TYPES } from './event-types';
import { listEventTypesRoute, listEventsRoute } from './events.routes';

export function eventsRouter() {
  const router = createRouter();
  router.openapi({ ...listEventsRoute, middleware: [readEtag()] as const }, async (c) => {
    const { after, limit } = c.req.valid('query');
    const page = await readFeed(c.env.DB, c.get('tenant').id, after, limit);
    if (page.gone) throw new ApiError('gone', 'Events after this cursor were pruned; resync from GET /v1/products and restart from the newest event');
    const last = page.data.at(-1);
    // nextCursor is the last sequence delivered (DESIGN "Events"), or `after` itself when nothing is
    // new: a poller always stores it and asks again from there.
    return c.json({ data: page.data, nextCursor: String(last ? last.seq : after) }, 200);
  });
  router.openapi(listEventTypesRoute, (c) => c.json({ data: eventTypeList(), nextCursor: null }, 200));
  return router;
}

/** The registry as clients read it; built once (it never changes while the isolate lives). */
let list: Array<{ name: string; description: string; schema: Record<string, unknown>; example: Record<string, unknown> }> | undefined;
function eventTypeList() {
  list ??= Object.entries(EVENT_TYPES).map(([name, spec]) => {
    const schema = z.toJSONSchema(spec.data, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
    boundIntegers(schema);
    return { name, description: spec.description, schema, example: spec.example };
  });
  return list;
}
