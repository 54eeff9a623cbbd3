/**
 * The ingest queue consumer: messages one after another (one decode at a time per isolate). A
 * message whose product still has images waiting on a backoff is retried with that delay; one the
 * batch's D1 statement budget could not finish is handed to new messages and acked; a failure
 * of the consumer itself retries with exponential backoff and finally dead-letters, where
 * `failIngestMessage` marks the images `error` with the reason.
 */
import type { Env, IngestMessage } from '../env';
import { backoffSeconds } from '../lib/backoff';
import { wakeFanout } from '../events/wake';
import { ingestMessage, productsOf } from './ingest';
import { StatementBudget } from './ingest-budget';
import type { ImageLimits } from './probe';
import { settleProductStatements } from './processing-status';
import { GIVE_UP_IMAGE } from './processing-status.queries';
import { unfinishedImageFailedStatements } from '../events/outbox';
import { retryAfterFailure } from '../lib/retry-reason';

export async function handleIngestBatch(batch: MessageBatch<IngestMessage>, env: Env, limits: ImageLimits): Promise<void> {
  const tenants = new Set<string>();
  // One budget for the batch: D1 counts statements per invocation, not per message.
  const budget = new StatementBudget();
  for (const message of batch.messages) {
    try {
      const { retryIn, handedOff } = await ingestMessage(env, message.body, limits, budget);
      tenants.add(message.body.tenantId);
      if (handedOff) message.ack();
      else if (retryIn !== null) message.retry({ delaySeconds: retryIn });
      else message.ack();
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', message: 'ingest failed', products: productsOf(message.body), error: String(err) }));
      retryAfterFailure(message, err, backoffSeconds(message.attempts));
    }
  }
  // Image events were written: let the webhook fan-out see them now rather than at the next cron.
  await Promise.all([...tenants].map((tenantId) => wakeFanout(env, tenantId)));
}

/** Dead-lettered ingest message: its products' unfinished images end `error`, announced like any failure. */
export async function failIngestMessage(env: Env, message: IngestMessage, attempts: number): Promise<void> {
  for (const productId of productsOf(message)) await failProductImages(env, message.tenantId, productId, attempts);
  await wakeFanout(env, message.tenantId);
}

async function failProductImages(env: Env, tenantId: string, productId: string, attempts: number): Promise<void> {
  const message = { tenantId, productId };
  const db = env.DB;
  const now = Date.now();
  const reason = `Processing gave up after ${attempts} attempts`;
  const { results } = await db
    .prepare("SELECT id, key FROM images WHERE tenant_id = ?1 AND product_id = ?2 AND status IN ('pending', 'processing')")
    .bind(message.tenantId, message.productId)
    .all<{ id: string; key: string }>();
  const statements: D1PreparedStatement[] = [];
  for (const image of results) {
    statements.push(
      ...unfinishedImageFailedStatements(db, message.tenantId, image.id, { productId: message.productId, imageId: image.key, id: image.id, status: 'error', error: reason }, now),
      db.prepare(GIVE_UP_IMAGE).bind(image.id, reason, now),
    );
  }
  statements.push(...settleProductStatements(db, message.tenantId, message.productId, now));
  await db.batch(statements);
}
