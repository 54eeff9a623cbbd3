import { z } from '@hono/zod-openapi';

export const jobStatuses = ['pending', 'processing', 'completed', 'failed', 'partial'] as const;

export const JobErrorSchema = z
  .object({
    index: z.number().int().openapi({ description: 'Position of the item in the request (or record in the file)' }),
    itemId: z.string().nullable(),
    line: z.number().int().nullable().openapi({ description: 'For imports: the line where the record starts' }),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi('JobError');

export const JobSchema = z
  .object({
    id: z.string().openapi({ example: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    kind: z.string().openapi({ example: 'products.batch' }),
    status: z.enum(jobStatuses),
    counts: z.object({
      total: z.number().int(),
      succeeded: z.number().int(),
      failed: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      deleted: z.number().int(),
    }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    durationMs: z.number().int().nullable(),
  })
  .openapi('Job');

export type JobT = z.infer<typeof JobSchema>;
