/**
 * The Worker's queue entry: one switch on the queue name. Messages are wake-ups (DESIGN
 * "Durability"); each consumer is idempotent, acks only what it finished, and lets failures retry
 * with backoff until the dead-letter queue takes them.
 */
import { handleMaintenanceBatch } from '../catalog/money-backfill';
import type { AppOptions } from '../config';
import type { DeliverMessage, Env, EventsMessage, ImportMessage, InboundMessage, IngestMessage, MaintenanceMessage, RecsMessage } from '../env';
import { handleRecsBatch } from '../recommendations/consumer';
import { handleImportBatch } from '../imports/consumer';
import { handleIngestBatch } from '../images/consumers';
import { handleInboundBatch } from '../inbound/apply-inbound';
import { handleDeliverBatch, handleEventsBatch } from '../webhooks/consumers';
import type { InboundFormats } from '../inbound/formats';
import type { PayloadFormats } from '../webhooks/payload';
import { recordDeadLetters } from './dead-letter';
import { observeBatch } from './observed-batch';
import { handleMaintenanceWithMoves } from '../moves/moves.consumer';
import { noteIsolateActive } from '../lib/sweep-mode';

/**
 * What the composition root hands every handler: the options resolved once, and the registries of
 * plugin formats (the core never imports a dialect; the root registers them).
 */
export interface Composition {
  options: AppOptions;
  payloadFormats: PayloadFormats;
  inboundFormats: InboundFormats;
}

/** Every batch is observed: one log line each, and the reason of each retry kept for its dead letter. */
export function handleQueue(batch: MessageBatch<unknown>, env: Env, composition: Composition): Promise<void> {
  // The dead-letter queue's own failures have no later dead letter to explain.
  return observeBatch(batch, env, (observed) => dispatch(observed, env, composition), { recordFailures: batch.queue !== 'shelfsync-dead-letter' });
}

async function dispatch(batch: MessageBatch<unknown>, env: Env, composition: Composition): Promise<void> {
  const { options } = composition;
  // Claims are only taken here: the recovery sweep must know this isolate was already working.
  noteIsolateActive();
  switch (batch.queue) {
    case 'shelfsync-events':
      return handleEventsBatch(batch as MessageBatch<EventsMessage>, env, composition.payloadFormats);
    case 'shelfsync-deliveries':
      return handleDeliverBatch(batch as MessageBatch<DeliverMessage>, env, composition.payloadFormats);
    case 'shelfsync-ingest':
      return handleIngestBatch(batch as MessageBatch<IngestMessage>, env, options.images);
    case 'shelfsync-imports':
      return handleImportBatch(batch as MessageBatch<ImportMessage>, env, options);
    case 'shelfsync-inbound':
      return handleInboundBatch(batch as MessageBatch<InboundMessage>, env, composition.inboundFormats, options);
    case 'shelfsync-maintenance':
      return handleMaintenanceWithMoves(batch as MessageBatch<MaintenanceMessage>, env, options, handleMaintenanceBatch);
    case 'shelfsync-recommendations':
      return handleRecsBatch(batch as MessageBatch<RecsMessage>, env, options.recommendations);
    case 'shelfsync-dead-letter':
      return recordDeadLetters(batch, env);
    default:
      // A queue this Worker does not know: retry, so a misconfiguration dead-letters instead of dropping.
      console.error(JSON.stringify({ level: 'error', message: 'message from an unknown queue', queue: batch.queue }));
      batch.retryAll({ delaySeconds: 60 });
  }
}
