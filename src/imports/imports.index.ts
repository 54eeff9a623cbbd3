/** /v1/imports: a feed file in, a job out; the queue does the rest. */
import { ApiError } from '../http/problem';
import { createRouter } from '../http/router';
import { acceptJobStatement } from '../jobs/job-statements';
import { findJob } from '../jobs/jobs.repository';
import { newId } from '../lib/ulid';
import { claimImportSlot, failUpload, findImport, markUploadedStatement, renderImport, runningImports } from './imports.repository';
import { createImportRoute, getImportRoute } from './imports.routes';
import type { ImportFormat } from './read-records';
import { ExpansionRefused, gunzipWithRatioLimit } from './gzip-guard';
import { streamToR2 } from './upload';
import { stampRoute } from '../placement/stamp';

const MAX_BYTES = 100 * 1024 * 1024;
/** Past the running-imports cap: a 100,000-row feed takes about a minute to read. */
const RUNNING_RETRY_AFTER_SECONDS = 60;

function formatOf(contentType: string): ImportFormat | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') return 'jsonl';
  if (type === 'text/csv') return 'csv';
  if (type === 'text/tab-separated-values') return 'tsv';
  if (type === 'application/xml' || type === 'text/xml' || type === 'application/rss+xml') return 'xml';
  return null;
}

export function importsRouter() {
  const router = createRouter();

  // Routed by hand (documented through the registry): the body is streamed, never parsed whole.
  router.openAPIRegistry.registerPath(createImportRoute);
  router.post('/imports', async (c) => {
    const tenantId = c.get('tenant').id;
    const mode = c.req.query('mode') ?? 'upsert';
    if (mode !== 'upsert' && mode !== 'replace') throw new ApiError('validation_failed', 'Invalid query parameters', [{ path: 'query.mode', message: 'upsert or replace' }]);
    const contentType = c.req.header('content-type') ?? '';
    const format = formatOf(contentType);
    if (!format) throw new ApiError('unsupported_media_type', 'Send application/x-ndjson, text/csv, text/tab-separated-values or application/xml');
    if (!c.req.raw.body) throw new ApiError('validation_failed', 'The file is empty', [{ path: 'body', message: 'Required' }]);
    const encoding = (c.req.header('content-encoding') ?? '').toLowerCase();
    let body: ReadableStream<Uint8Array> = c.req.raw.body;
    const limits = c.get('options').imports;
    if (encoding === 'gzip') body = gunzipWithRatioLimit(body, limits.maxGzipRatio);
    else if (encoding && encoding !== 'identity') throw new ApiError('unsupported_media_type', 'Content-Encoding may be gzip or identity');

    const now = Date.now();
    const jobId = newId('job', now);
    const key = `imports/${tenantId}/${jobId}`;
    // The import row comes first, as `uploading`: the "one replace at a time" and "at most
    // `maxRunning` at once" checks and the claim are one statement, so racing uploads cannot all pass.
    const claimed = await claimImportSlot(c.env.DB, { jobId, tenantId, format, mode, r2Key: key, now, maxRunning: limits.maxRunning });
    if (!claimed) {
      const busy = await runningImports(c.env.DB, tenantId, now);
      const replace = busy.find((r) => r.mode === 'replace');
      if (mode === 'replace' && replace) throw new ApiError('conflict', `A replace import is already running (${replace.job_id}); one at a time`);
      throw new ApiError(
        'rate_limited',
        `This tenant already runs ${limits.maxRunning} imports at once (${busy.map((r) => r.job_id).join(', ') || 'just finished'}); send this one when one of them ends`,
        undefined,
        { 'Retry-After': String(RUNNING_RETRY_AFTER_SECONDS) },
      );
    }
    let stored;
    try {
      stored = await streamToR2(c.env.IMAGES, key, body, contentType, MAX_BYTES);
    } catch (err) {
      await failUpload(c.env.DB, jobId);
      if (err instanceof ExpansionRefused) throw new ApiError('payload_too_large', `${err.message}; send it uncompressed or compressed less`);
      if (err instanceof RangeError) throw new ApiError('payload_too_large', `An import may be at most ${MAX_BYTES} bytes`);
      if (err instanceof TypeError) throw new ApiError('bad_request', 'The gzip body could not be decompressed');
      throw err;
    }
    await c.env.DB.batch([
      acceptJobStatement(c.env.DB, { id: jobId, tenantId, kind: 'import', total: 0, started: true, writesOpen: true }, now),
      markUploadedStatement(c.env.DB, jobId, stored.bytes, stored.sha256),
    ]);
    c.executionCtx.waitUntil(
      c.env.IMPORTS_QUEUE.send(stampRoute(c.env, { kind: 'import', tenantId, jobId })).catch((err) => {
        console.warn(JSON.stringify({ level: 'warn', message: 'import wake-up not sent; the cron will catch up', jobId, error: String(err) }));
      }),
    );
    const row = (await findImport(c.env.DB, tenantId, jobId))!;
    c.header('Job-Id', jobId);
    c.header('Location', `${c.req.path}/${jobId}`);
    return c.json({ job: (await findJob(c.env.DB, tenantId, jobId))!, import: renderImport(row) }, 202);
  });

  router.openapi(getImportRoute, async (c) => {
    const row = await findImport(c.env.DB, c.get('tenant').id, c.req.valid('param').id);
    if (!row) throw new ApiError('not_found', 'No such import');
    return c.json(renderImport(row), 200);
  });

  return router;
}
