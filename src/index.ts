/** The Worker entry: HTTP, queue consumers and cron, over one set of bindings. */
import { createApp } from './app';
import { handleScheduled } from './cron/scheduled';
import type { Env } from './env';
import { handleQueue } from './queues/consumer';
import { noteIsolateActive } from './cron/recovery';

const app = createApp();

export default {
  fetch: (request, env, ctx) => {
    noteIsolateActive();
    return app.fetch(request, env, ctx);
  },
  queue: (batch, env) => {
    noteIsolateActive();
    return handleQueue(batch, env);
  },
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
