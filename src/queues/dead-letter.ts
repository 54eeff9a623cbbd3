/**
 * The dead-letter consumer: a local queue without a consumer drops messages silently, so every
 * message that exhausted its retries is written to `dead_letters` for operators (one D1 statement per
 * message batch), then acked. Ingest messages also mark their product's unfinished images `error`;
 * inbound pushes and imports end their job `failed`.
 */
import type { Env, IngestMessage } from '../env';
import { failIngestMessage } from '../images/consumers';
import { failJobStatement } from '../jobs/job-statements';
import { newId } from '../lib/ulid';

/**
 * The queue a dead message came from. Cloudflare hands the dead-letter consumer its own queue name
 * only, so the origin is read from the message's kind (one kind per queue, see consumer.ts).
 */
const ORIGIN_BY_KIND: Record<string, string> = {
  events: 'shelfsync-events',
  deliver: 'shelfsync-deliveries',
  ingest: 'shelfsync-ingest',
  import: 'shelfsync-imports',
  inbound: 'shelfsync-inbound',
  'money-backfill': 'shelfsync-maintenance',
};

function originQueue(body: unknown, fallback: string): string {
  const kind = (body as { kind?: unknown } | null)?.kind;
  return (typeof kind === 'string' && ORIGIN_BY_KIND[kind]) || fallback;
}

export async function recordDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  // Work that has an owner in D1 is closed there first: images end `error` with the reason.
  for (const message of batch.messages) {
    const body = message.body as { kind?: string };
    if (body?.kind === 'ingest') await failIngestMessage(env, body as IngestMessage, message.attempts);
    if (body?.kind === 'inbound' || body?.kind === 'import') {
      const { jobId } = body as { jobId: string };
      const now = Date.now();
      await env.DB.batch([
        failJobStatement(env.DB, jobId, now),
        env.DB.prepare("UPDATE imports SET status = 'failed', note = ?2, completed_at = ?3, updated_at = ?3 WHERE job_id = ?1 AND status IN ('pending', 'processing')")
          .bind(jobId, `Processing gave up after ${message.attempts} attempts`, now),
      ]);
    }
  }
  const now = Date.now();
  const rows = batch.messages.map((m) => ({ id: newId('dl', now), queue: originQueue(m.body, batch.queue), body: JSON.stringify(m.body), attempts: m.attempts }));
  await env.DB.prepare(
    `INSERT INTO dead_letters (id, queue, body, attempts, created_at)
     SELECT j.value ->> 'id', j.value ->> 'queue', j.value ->> 'body', j.value ->> 'attempts', ?1 FROM json_each(?2) AS j`,
  )
    .bind(now, JSON.stringify(rows))
    .run();
  batch.ackAll();
}
