import { createRoute, z } from '@hono/zod-openapi';
import { authProblems, bearerSecurity, json, problems } from '../http/openapi';
import { JobSchema } from '../jobs/jobs.schemas';

export const ImportSchema = z
  .object({
    jobId: z.string(),
    format: z.enum(['jsonl', 'csv', 'tsv', 'xml']),
    mode: z.enum(['upsert', 'replace']),
    status: z.enum(['uploading', 'pending', 'processing', 'completed', 'partial', 'failed']),
    bytes: z.number().int(),
    sha256: z.string(),
    encoding: z.string().nullable(),
    rows: z.object({ total: z.number().int(), done: z.number().int(), failed: z.number().int() }),
    progress: z.number().openapi({ description: 'Share of the file read, 0-1' }),
    rowsPerSecond: z.number().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi('Import');

export const createImportRoute = createRoute({
  method: 'post',
  path: '/imports',
  tags: ['Imports'],
  security: bearerSecurity,
  summary: 'Import a feed file: JSONL, CSV, TSV or Google Merchant XML (gzip allowed), up to 100 MB',
  description:
    'The body is streamed to storage and answered at once with 202 and a job; a queue then reads it in chunks. `Content-Type` names the format (application/x-ndjson, text/csv, text/tab-separated-values, application/xml); `Content-Encoding: gzip` is decompressed on the way in. `?mode=replace` makes it a full sync: once the job ends `completed`, products the file does not mention are deleted (one replace import per tenant at a time). Per-row errors with line numbers: GET /v1/jobs/{id}/errors.',
  request: {
    query: z.object({ mode: z.enum(['upsert', 'replace']).default('upsert') }),
    body: {
      required: true,
      content: {
        'application/x-ndjson': { schema: z.string() },
        'text/csv': { schema: z.string() },
        'text/tab-separated-values': { schema: z.string() },
        'application/xml': { schema: z.string() },
      },
    },
  },
  responses: { 202: json(z.object({ job: JobSchema, import: ImportSchema }), 'Accepted'), ...problems(...authProblems, 409, 413, 415, 422) },
});

export const getImportRoute = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags: ['Imports'],
  security: bearerSecurity,
  summary: "An import's progress: rows done and failed, throughput",
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'The job id' }) }) },
  responses: { 200: json(ImportSchema, 'The import'), ...problems(...authProblems, 404) },
});
