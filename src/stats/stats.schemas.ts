import { z } from '@hono/zod-openapi';

const Percentiles = z
  .object({
    count: z.number().int().openapi({ description: 'Samples the figures come from' }),
    p50: z.number().int().nullable(),
    p95: z.number().int().nullable(),
    p99: z.number().int().nullable(),
    max: z.number().int().nullable(),
  })
  .openapi('Percentiles');

const Counts = z.record(z.string(), z.number().int());

export const QueueLagSchema = z
  .object({
    queue: z.enum(['ingest', 'deliveries', 'imports', 'inbound', 'events']),
    pending: z.number().int().openapi({ description: 'Rows of pending work D1 holds for this queue' }),
    due: z.number().int().openapi({ description: 'Of those, the ones whose time has come (the rest wait for a retry)' }),
    oldestDueAt: z.string().nullable(),
    lagSeconds: z.number().int().openapi({ description: 'How long the oldest due row has waited past its time (0 when none)' }),
  })
  .openapi('QueueLag');

export const EndpointStatsSchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    url: z.string(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    attempts: z.number().int(),
    succeeded: z.number().int(),
    successRate: z.number().nullable().openapi({ description: 'Share of 2xx attempts in the window, 0..1; null without attempts' }),
    latencyMs: Percentiles,
  })
  .openapi('EndpointStats');

export const StatsSchema = z
  .object({
    scope: z.enum(['tenant', 'all']),
    generatedAt: z.string(),
    windowHours: z.number().int().openapi({ description: 'Job durations and delivery figures cover this many hours back' }),
    products: z.object({ total: z.number().int(), byStatus: Counts }),
    images: z.object({ total: z.number().int(), byStatus: Counts }),
    jobs: z.object({ byStatus: Counts, durationMs: Percentiles }),
    queues: z.array(QueueLagSchema),
    deliveries: z.object({
      attempts: z.number().int(),
      succeeded: z.number().int(),
      successRate: z.number().nullable(),
      latencyMs: Percentiles,
      endpoints: z.array(EndpointStatsSchema),
    }),
    tenants: z.number().int().optional().openapi({ description: 'Admin view only' }),
    deadLetters: z.number().int().optional().openapi({ description: 'Admin view only: messages a queue gave up on' }),
  })
  .openapi('Stats', {
    example: {
      scope: 'tenant',
      generatedAt: '2026-12-05T15:40:00.000Z',
      windowHours: 24,
      products: { total: 10000, byStatus: { pending: 0, processing: 12, done: 9978, error: 10 } },
      images: { total: 18234, byStatus: { pending: 3, processing: 9, done: 18200, error: 22 } },
      jobs: { byStatus: { pending: 0, processing: 1, completed: 412, failed: 2, partial: 5 }, durationMs: { count: 419, p50: 840, p95: 6120, p99: 15300, max: 48211 } },
      queues: [
        { queue: 'ingest', pending: 12, due: 4, oldestDueAt: '2026-12-05T15:39:51.000Z', lagSeconds: 9 },
        { queue: 'deliveries', pending: 3, due: 0, oldestDueAt: null, lagSeconds: 0 },
        { queue: 'imports', pending: 1, due: 1, oldestDueAt: '2026-12-05T15:39:58.000Z', lagSeconds: 2 },
        { queue: 'inbound', pending: 0, due: 0, oldestDueAt: null, lagSeconds: 0 },
        { queue: 'events', pending: 0, due: 0, oldestDueAt: null, lagSeconds: 0 },
      ],
      deliveries: {
        attempts: 1290,
        succeeded: 1281,
        successRate: 0.993,
        latencyMs: { count: 1290, p50: 48, p95: 210, p99: 900, max: 15000 },
        endpoints: [
          {
            id: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
            tenantId: 'ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
            url: 'https://erp.example/hooks/shelfsync',
            enabled: true,
            disabledReason: null,
            attempts: 1290,
            succeeded: 1281,
            successRate: 0.993,
            latencyMs: { count: 1290, p50: 48, p95: 210, p99: 900, max: 15000 },
          },
        ],
      },
    },
  });

export type StatsT = z.infer<typeof StatsSchema>;
