/**
 * After a write commits: one ingest message per product with images to process. If a send fails,
 * the images stay `pending` in D1 and the cron re-enqueues them (DESIGN "Durability").
 */
import type { Env, IngestMessage } from '../env';

export async function wakeIngest(env: Env, tenantId: string, productIds: string[], refresh = false): Promise<void> {
  const messages = productIds.map((productId) => ({ body: { kind: 'ingest', tenantId, productId, ...(refresh ? { refresh } : {}) } satisfies IngestMessage }));
  try {
    for (let i = 0; i < messages.length; i += 100) await env.INGEST_QUEUE.sendBatch(messages.slice(i, i + 100));
  } catch (err) {
    console.warn(JSON.stringify({ level: 'warn', message: 'ingest wake-up not sent; the cron will catch up', tenantId, error: String(err) }));
  }
}
