import { z } from '@hono/zod-openapi';

const QUEUES = ['shelfsync-events', 'shelfsync-deliveries', 'shelfsync-ingest', 'shelfsync-imports', 'shelfsync-inbound', 'shelfsync-maintenance', 'shelfsync-recommendations'] as const;

export const DeadLetterSchema = z
  .object({
    id: z.string().openapi({ example: 'dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    queue: z.string().openapi({ description: 'The queue the message came from', example: 'shelfsync-imports' }),
    reason: z
      .string()
      .nullable()
      .openapi({ description: 'Why it died: the last error its consumer reported (null on records from before reasons were kept)', example: 'SyntaxError: Unexpected token \'o\', "not json" is not valid JSON' }),
    attempts: z.number().int().openapi({ example: 10 }),
    tenantId: z.string().nullable().openapi({ example: 'ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    jobId: z.string().nullable().openapi({ description: 'The job the work belongs to, if any', example: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7F' }),
    body: z.unknown().openapi({ description: 'The message as it was sent', example: { kind: 'import', tenantId: 'ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E', jobId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7F' } }),
    createdAt: z.string().openapi({ example: '2026-12-05T15:40:00.000Z' }),
    replayedAt: z.string().nullable().openapi({ description: 'When it was replayed (once)', example: null }),
  })
  .openapi('DeadLetter');

export const DeadLetterListSchema = z
  .object({ data: z.array(DeadLetterSchema), nextCursor: z.string().nullable().openapi({ example: null }) })
  .openapi('DeadLetterList');

export const ReplaySchema = z
  .object({
    replayed: z.boolean().openapi({ description: 'false: it had been replayed already, and nothing was sent again', example: true }),
    deadLetter: DeadLetterSchema,
  })
  .openapi('DeadLetterReplay');

export const DeadLetterQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
  cursor: z
    .string()
    .regex(/^dl_[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a cursor this API issued')
    .optional()
    .openapi({ description: 'nextCursor of the previous page', example: 'dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
  queue: z.enum(QUEUES).optional().openapi({ example: 'shelfsync-imports' }),
  tenantId: z.string().optional().openapi({ example: 'ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
  replayed: z.enum(['true', 'false']).optional().openapi({ description: 'Only replayed (true) or not yet replayed (false) records', example: 'false' }),
});

export const DeadLetterIdParam = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
});
