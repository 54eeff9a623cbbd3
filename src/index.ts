/** The Worker entry: HTTP, queue consumers and cron, over one set of bindings. */
import { createApp } from './app';
import { handleScheduled } from './cron/scheduled';
import type { Env } from './env';
import { handleQueue } from './queues/consumer';

const app = createApp();

export default {
  fetch: app.fetch,
  queue: handleQueue,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
