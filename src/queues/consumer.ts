/**
 * The Worker's queue entry: one switch on the queue name. Messages are wake-ups (DESIGN
 * "Durability"); each consumer is idempotent, acks only what it finished, and lets failures retry
 * with backoff until the dead-letter queue takes them.
 */
import { handleMaintenanceBatch } from '../catalog/money-backfill';
import type { AppOptions } from '../config';
import type { DeliverMessage, Env, EventsMessage, ImportMessage, InboundMessage, IngestMessage, MaintenanceMessage, MoneyBackfillMessage, RecsMessage } from '../env';
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
import { keyCacheTtlMs } from '../auth/tenant-lookup';
import { controlDb } from '../placement/tenant-env';
import { routeByShard, routeByTenant, routeDeliveries } from './route';

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
  // The dead-letter queue's own failures have no later dead letter to explain. Failure records are
  // control-plane (the dead-letter consumer reads them whatever shard the message's tenant is on).
  const control = { DB: controlDb(env), LOG_LEVEL: env.LOG_LEVEL };
  return observeBatch(batch, control, (observed) => dispatch(observed, env, composition), { recordFailures: batch.queue !== 'shelfsync-dead-letter' });
}

async function dispatch(batch: MessageBatch<unknown>, env: Env, composition: Composition): Promise<void> {
  const { options } = composition;
  // Claims are only taken here: the recovery sweep must know this isolate was already working.
  noteIsolateActive();
  // Every message runs on its tenant's current shard (route.ts); with one database, as it always did.
  const ttl = keyCacheTtlMs(env, options);
  switch (batch.queue) {
    case 'shelfsync-events':
      return routeByTenant(batch as MessageBatch<EventsMessage>, env, ttl, (b, e) => handleEventsBatch(b, e, composition.payloadFormats));
    case 'shelfsync-deliveries':
      return routeDeliveries(batch as MessageBatch<DeliverMessage>, env, ttl, (b, e) => handleDeliverBatch(b, e, composition.payloadFormats));
    case 'shelfsync-ingest':
      return routeByTenant(batch as MessageBatch<IngestMessage>, env, ttl, (b, e) => handleIngestBatch(b, e, options.images));
    case 'shelfsync-imports':
      return routeByTenant(batch as MessageBatch<ImportMessage>, env, ttl, (b, e) => handleImportBatch(b, e, options));
    case 'shelfsync-inbound':
      return routeByTenant(batch as MessageBatch<InboundMessage>, env, ttl, (b, e) => handleInboundBatch(b, e, composition.inboundFormats, options));
    case 'shelfsync-maintenance':
      // A move (src/moves) runs against the control database and the two shards it names; the rest by kind.
      return handleMaintenanceWithMoves(batch as MessageBatch<MaintenanceMessage>, env, options, dispatchMaintenance);
    case 'shelfsync-recommendations':
      return routeByTenant(batch as MessageBatch<RecsMessage>, env, ttl, (b, e) => handleRecsBatch(b, e, options.recommendations));
    case 'shelfsync-dead-letter':
      return recordDeadLetters(batch, env);
    default:
      // A queue this Worker does not know: retry, so a misconfiguration dead-letters instead of dropping.
      console.error(JSON.stringify({ level: 'error', message: 'message from an unknown queue', queue: batch.queue }));
      batch.retryAll({ delaySeconds: 60 });
  }
}

/**
 * The maintenance queue's messages other than moves: the money backfill belongs to a shard (its
 * message names the shard it walks); messages from before kinds were checked run the same way.
 */
function dispatchMaintenance(batch: MessageBatch<MoneyBackfillMessage>, env: Env): Promise<void> {
  return routeByShard(batch, env, handleMaintenanceBatch);
}
