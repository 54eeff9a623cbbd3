/** The imports queue consumer: one import at a time; a long file re-enqueues itself after each slice. */
import { ROUTINE_SWEEP, type SweepMode, wakeBefore } from '../lib/sweep-mode';
import type { AppOptions } from '../config';
import type { Env, ImportMessage } from '../env';
import { backoffSeconds } from '../lib/backoff';
import { importsToWake } from './imports.repository';
import { processImport } from './process-import';
import { retryAfterFailure } from '../lib/retry-reason';
import { stampRoute } from '../placement/stamp';

export async function handleImportBatch(batch: MessageBatch<ImportMessage>, env: Env, options: AppOptions): Promise<void> {
  for (const message of batch.messages) {
    try {
      const state = await processImport(env, message.body, options);
      if (state === 'more') await env.IMPORTS_QUEUE.send(stampRoute(env, message.body));
      message.ack();
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', message: 'import chunk failed', jobId: message.body.jobId, error: String((err as Error)?.stack ?? err) }));
      retryAfterFailure(message, err, backoffSeconds(message.attempts));
    }
  }
}

/**
 * Imports whose wake-up was lost (or whose consumer died) a minute ago or more, or that a dead process
 * left (see lib/sweep-mode.ts): for the cron. Never one a live consumer may be reading: two consumers
 * on one import could both read a chunk.
 */
export async function sweepImports(env: Env, now = Date.now(), mode: SweepMode = ROUTINE_SWEEP): Promise<number> {
  // An upload whose request died (evicted isolate, restarted `npm start`) never completes: failed first.
  const results = await importsToWake(env.DB, now, wakeBefore(mode, now, 60_000));
  if (results.length > 0) await env.IMPORTS_QUEUE.sendBatch(results.map((r) => ({ body: stampRoute(env, { kind: 'import' as const, tenantId: r.tenant_id, jobId: r.job_id }) })));
  return results.length;
}
