/**
 * After a write commits: ingest messages naming the products with images to process, up to 50 a
 * message (a 1,000-product batch is 20 messages, not 1,000). If a send fails,
 * the images stay `pending` in D1 and the cron re-enqueues them (DESIGN "Durability").
 */
import type { Env, IngestMessage } from '../env';
import { stampRoute } from '../placement/stamp';

const PRODUCTS_PER_MESSAGE = 50;

export async function wakeIngest(env: Pick<Env, 'INGEST_QUEUE'>, tenantId: string, productIds: string[], refresh = false): Promise<void> {
  const messages: Array<{ body: IngestMessage }> = [];
  for (let i = 0; i < productIds.length; i += PRODUCTS_PER_MESSAGE) {
    messages.push({ body: stampRoute(env, { kind: 'ingest', tenantId, productIds: productIds.slice(i, i + PRODUCTS_PER_MESSAGE), ...(refresh ? { refresh } : {}) }) });
  }
  try {
    for (let i = 0; i < messages.length; i += 100) await env.INGEST_QUEUE.sendBatch(messages.slice(i, i + 100));
  } catch (err) {
    console.warn(JSON.stringify({ level: 'warn', message: 'ingest wake-up not sent; the cron will catch up', tenantId, error: String(err) }));
  }
}
