/**
 * The dead-letter consumer: a local queue without a consumer drops messages silently, so every
 * message that exhausted its retries is written to `dead_letters` for operators (one D1 batch per
 * message batch), then acked.
 */
import type { Env } from '../env';
import { newId } from '../lib/ulid';

export async function recordDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const now = Date.now();
  const rows = batch.messages.map((m) => ({ id: newId('dl', now), body: JSON.stringify(m.body), attempts: m.attempts }));
  await env.DB.prepare(
    `INSERT INTO dead_letters (id, queue, body, attempts, created_at)
     SELECT j.value ->> 'id', ?1, j.value ->> 'body', j.value ->> 'attempts', ?2 FROM json_each(?3) AS j`,
  )
    .bind(batch.queue, now, JSON.stringify(rows))
    .run();
  batch.ackAll();
}
