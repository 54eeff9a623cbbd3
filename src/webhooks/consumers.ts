/**
 * Queue consumers of the webhook pipeline. Both are idempotent (fan-out keys on (endpoint, event);
 * attempts claim rows with a lease), ack a message only once its work is recorded, and retry with
 * exponential backoff otherwise, never acking in a catch.
 */
import type { DeliverMessage, Env, EventsMessage } from '../env';
import { backoffSeconds } from '../lib/backoff';
import { OutboundSlots } from '../outbound/slots';
import { attemptDeliveries, CONCURRENCY, hostConcurrency } from './deliver';
import type { PayloadFormats } from './payload';
import { fanOutTenant } from './fanout';
import { wakeFanout } from '../events/wake';
import { retryAfterFailure } from '../lib/retry-reason';
import { stampRoute } from '../placement/stamp';

/** Fan out every tenant named in the batch, then make the first attempts together (one pool of 6). */
export async function handleEventsBatch(batch: MessageBatch<EventsMessage>, env: Env, formats: PayloadFormats): Promise<void> {
  const byTenant = new Map<string, Message<EventsMessage>[]>();
  for (const message of batch.messages) byTenant.set(message.body.tenantId, [...(byTenant.get(message.body.tenantId) ?? []), message]);

  const fresh: string[] = [];
  for (const [tenantId, messages] of byTenant) {
    try {
      const result = await fanOutTenant(env.DB, tenantId);
      fresh.push(...result.deliveryIds);
      if (result.more) await wakeFanout(env, tenantId);
      for (const m of messages) m.ack();
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', message: 'fan-out failed', tenantId, error: String(err) }));
      for (const m of messages) retryAfterFailure(m, err, backoffSeconds(m.attempts));
    }
  }
  // The rows exist now; if attempting fails, the cron retries them when due. Nothing is lost. The
  // first attempts this invocation makes are capped (outbound requests per invocation are limited);
  // the rest go to the deliveries queue in messages of 100 ids, where they run in parallel.
  const now = fresh.slice(0, FIRST_ATTEMPTS_PER_INVOCATION);
  const later = fresh.slice(FIRST_ATTEMPTS_PER_INVOCATION);
  const messages = [];
  for (let i = 0; i < later.length; i += 100) messages.push({ body: stampRoute(env, { kind: 'deliver' as const, ids: later.slice(i, i + 100) }) });
  for (let i = 0; i < messages.length; i += 100) await env.DELIVERIES_QUEUE.sendBatch(messages.slice(i, i + 100));
  // This invocation's only outbound requests: its own 6 slots.
  await attemptDeliveries(env, formats, now, Date.now(), new OutboundSlots(CONCURRENCY, hostConcurrency(env))).catch((err) => {
    console.error(JSON.stringify({ level: 'error', message: 'first attempts failed; the cron will retry', error: String(err) }));
  });
}

const FIRST_ATTEMPTS_PER_INVOCATION = 100;

export async function handleDeliverBatch(batch: MessageBatch<DeliverMessage>, env: Env, formats: PayloadFormats): Promise<void> {
  const ids = [...new Set(batch.messages.flatMap((m) => m.body.ids))];
  try {
    await attemptDeliveries(env, formats, ids, Date.now(), new OutboundSlots(CONCURRENCY, hostConcurrency(env)));
    batch.ackAll();
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', message: 'delivery batch failed', error: String(err) }));
    for (const m of batch.messages) retryAfterFailure(m, err, backoffSeconds(m.attempts));
  }
}
