/**
 * The inbound consumer: applies a push that was verified, stored and acknowledged earlier, through
 * the same batch write as the API, under the job the sender was given. Idempotent: a job that already
 * finished is not applied again, and the write itself is one transaction.
 */
import type { AppOptions } from '../config';
import type { Env, InboundMessage } from '../env';
import { backoffSeconds } from '../lib/backoff';
import { failJobStatement } from '../jobs/job-statements';
import { pendingWork } from '../lib/pending';
import type { InboundFormats } from './formats';
import { inboundPayloadKey } from './receive';
import { retryAfterFailure } from '../lib/retry-reason';

/** `formats` and `options`: the worker's, resolved once at the composition root. */
export async function applyInbound(env: Env, message: InboundMessage, formats: InboundFormats, options: AppOptions): Promise<void> {
  const job = await env.DB.prepare(
    `SELECT j.status, t.id, t.name, t.default_currency, t.default_locale
     FROM jobs AS j JOIN tenants AS t ON t.id = j.tenant_id WHERE j.id = ?1 AND j.tenant_id = ?2`,
  )
    .bind(message.jobId, message.tenantId)
    .first<{ status: string; id: string; name: string; default_currency: string; default_locale: string }>();
  if (!job || (job.status !== 'pending' && job.status !== 'processing')) return;

  const key = inboundPayloadKey(message.tenantId, message.jobId);
  const object = await env.IMAGES.get(key);
  if (!object) {
    await failJobStatement(env.DB, message.jobId, Date.now()).run();
    return;
  }
  const { format, stored } = (await object.json()) as { format: string; stored: unknown };
  const wakeUps = pendingWork();
  const ctx = {
    db: env.DB,
    bucket: env.IMAGES,
    tenant: { id: job.id, name: job.name, defaultCurrency: job.default_currency, defaultLocale: job.default_locale },
    options,
    imageUrl: async () => null,
    waitUntil: wakeUps.add,
    queues: env,
  };
  await formats.get(format).apply(ctx, stored, message.jobId);
  await env.IMAGES.delete(key);
  // The write scheduled its wake-ups (catalog service); they are sent before the message is acked.
  await wakeUps.settled();
}

export async function handleInboundBatch(batch: MessageBatch<InboundMessage>, env: Env, formats: InboundFormats, options: AppOptions): Promise<void> {
  for (const message of batch.messages) {
    try {
      await applyInbound(env, message.body, formats, options);
      message.ack();
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', message: 'inbound apply failed', jobId: message.body.jobId, error: String(err) }));
      retryAfterFailure(message, err, backoffSeconds(message.attempts));
    }
  }
}
