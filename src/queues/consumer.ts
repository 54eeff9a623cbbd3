/**
 * The Worker's queue entry: one switch on the queue name. Messages are wake-ups (DESIGN
 * "Durability"); each consumer is idempotent, acks only what it finished, and lets failures retry
 * with backoff until the dead-letter queue takes them.
 */
import type { Env } from '../env';
import { recordDeadLetters } from './dead-letter';

export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  switch (batch.queue) {
    case 'shelfsync-dead-letter':
      return recordDeadLetters(batch, env);
    default:
      // A queue this Worker does not know: retry, so a misconfiguration dead-letters instead of dropping.
      console.error(JSON.stringify({ level: 'error', message: 'message from an unknown queue', queue: batch.queue }));
      batch.retryAll({ delaySeconds: 60 });
  }
}
