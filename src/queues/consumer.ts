/**
 * The Worker's queue entry: one switch on the queue name. Messages are wake-ups (DESIGN
 * "Durability"); each consumer is idempotent, acks only what it finished, and lets failures retry
 * with backoff until the dead-letter queue takes them.
 */
import { handleMaintenanceBatch } from '../catalog/money-backfill';
import type { DeliverMessage, Env, EventsMessage, ImportMessage, InboundMessage, IngestMessage, MaintenanceMessage } from '../env';
import { handleImportBatch } from '../imports/consumer';
import { handleIngestBatch } from '../images/consumers';
import { handleInboundBatch } from '../inbound/apply-inbound';
import { handleDeliverBatch, handleEventsBatch } from '../webhooks/consumers';
import { recordDeadLetters } from './dead-letter';
import { noteIsolateActive } from '../cron/recovery';

export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  // Claims are only taken here: the recovery sweep must know this isolate was already working.
  noteIsolateActive();
  switch (batch.queue) {
    case 'shelfsync-events':
      return handleEventsBatch(batch as MessageBatch<EventsMessage>, env);
    case 'shelfsync-deliveries':
      return handleDeliverBatch(batch as MessageBatch<DeliverMessage>, env);
    case 'shelfsync-ingest':
      return handleIngestBatch(batch as MessageBatch<IngestMessage>, env);
    case 'shelfsync-imports':
      return handleImportBatch(batch as MessageBatch<ImportMessage>, env);
    case 'shelfsync-inbound':
      return handleInboundBatch(batch as MessageBatch<InboundMessage>, env);
    case 'shelfsync-maintenance':
      return handleMaintenanceBatch(batch as MessageBatch<MaintenanceMessage>, env);
    case 'shelfsync-dead-letter':
      return recordDeadLetters(batch, env);
    default:
      // A queue this Worker does not know: retry, so a misconfiguration dead-letters instead of dropping.
      console.error(JSON.stringify({ level: 'error', message: 'message from an unknown queue', queue: batch.queue }));
      batch.retryAll({ delaySeconds: 60 });
  }
}
