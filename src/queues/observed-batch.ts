/**
 * Every consumer batch goes through here (consumer.ts): the consumer sees the same batch, but each
 * ack and retry is counted, and afterwards
 *  - one log line states the queue, message counts, redeliveries and duration (`type: "queue"`);
 *  - the failure reason of each retried message is stored under a fingerprint of its queue and body
 *    (`queue_failures`), so the dead-letter consumer can say why the message died; a message that
 *    finished after earlier failures has its record removed. One D1 batch, only when there is any.
 */
import { sha256Hex } from '../lib/crypto';
import { log, logLevelOf } from '../lib/log';
import { retryReasonOf } from '../lib/retry-reason';
import { DELETE_FAILURES, UPSERT_FAILURES } from './dead-letter.queries';

/** What identifies a message across its redeliveries and its dead-lettered copy: queue and body. */
export function messageFingerprint(queue: string, body: unknown): Promise<string> {
  return sha256Hex(`${queue}\n${JSON.stringify(body)}`);
}

type Outcome = 'acked' | 'retried' | 'open';

export async function observeBatch(
  batch: MessageBatch<unknown>,
  env: { DB: D1Database; LOG_LEVEL?: string | undefined },
  handle: (batch: MessageBatch<unknown>) => Promise<void>,
  options: { recordFailures: boolean } = { recordFailures: true },
): Promise<void> {
  const started = Date.now();
  const outcomes: Outcome[] = batch.messages.map(() => 'open');
  const messages = batch.messages.map((m, i): Message<unknown> => ({
    id: m.id,
    timestamp: m.timestamp,
    body: m.body,
    attempts: m.attempts,
    ack() {
      if (outcomes[i] === 'open') outcomes[i] = 'acked';
      m.ack();
    },
    retry(retryOptions) {
      if (outcomes[i] === 'open') outcomes[i] = 'retried';
      m.retry(retryOptions);
    },
  }));
  const view: MessageBatch<unknown> = {
    queue: batch.queue,
    metadata: batch.metadata,
    messages,
    ackAll() {
      outcomes.forEach((o, i) => o === 'open' && (outcomes[i] = 'acked'));
      batch.ackAll();
    },
    retryAll(retryOptions) {
      outcomes.forEach((o, i) => o === 'open' && (outcomes[i] = 'retried'));
      batch.retryAll(retryOptions);
    },
  };

  let thrown: unknown;
  try {
    await handle(view);
  } catch (err) {
    thrown = err;
  }
  // The runtime retries whatever was not acked when a handler throws; otherwise it acks the rest.
  const final = outcomes.map((o) => (o === 'open' ? (thrown === undefined ? 'acked' : 'retried') : o));
  const failed = final.flatMap((o, i) => (o === 'retried' ? [i] : []));
  const recovered = final.flatMap((o, i) => (o === 'acked' && batch.messages[i]!.attempts > 1 ? [i] : []));

  log(thrown !== undefined ? 'error' : failed.length > 0 ? 'warn' : 'info', 'queue', {
    queue: batch.queue,
    messages: batch.messages.length,
    acked: final.filter((o) => o === 'acked').length,
    retried: failed.length,
    redelivered: batch.messages.filter((m) => m.attempts > 1).length,
    maxAttempts: Math.max(0, ...batch.messages.map((m) => m.attempts)),
    durationMs: Date.now() - started,
    error: thrown === undefined ? undefined : String((thrown as Error)?.message ?? thrown).split('\n', 1)[0],
  }, logLevelOf(env.LOG_LEVEL));

  if (options.recordFailures && (failed.length > 0 || recovered.length > 0)) {
    try {
      await recordFailures(env.DB, batch, failed, recovered, (i) => retryReasonOf(messages[i]!) ?? (thrown === undefined ? undefined : thrown));
    } catch (err) {
      // The retry itself already happened; only the reason would be missing from a later dead letter.
      log('warn', 'queue', { queue: batch.queue, message: 'failure reasons not recorded', error: String(err) });
    }
  }
  if (thrown !== undefined) throw thrown;
}

async function recordFailures(
  db: D1Database,
  batch: MessageBatch<unknown>,
  failed: number[],
  recovered: number[],
  reasonOf: (index: number) => unknown,
): Promise<void> {
  const now = Date.now();
  const statements: D1PreparedStatement[] = [];
  if (failed.length > 0) {
    const rows = await Promise.all(
      failed.map(async (i) => {
        const reason = reasonOf(i);
        return {
          fingerprint: await messageFingerprint(batch.queue, batch.messages[i]!.body),
          queue: batch.queue,
          reason: typeof reason === 'string' ? reason : reason === undefined ? 'Retried by its consumer without an error (waiting for work to become due)' : String((reason as Error)?.message ?? reason).split('\n', 1)[0],
          attempts: batch.messages[i]!.attempts,
        };
      }),
    );
    statements.push(db.prepare(UPSERT_FAILURES).bind(JSON.stringify(rows), now));
  }
  if (recovered.length > 0) {
    const done = await Promise.all(recovered.map((i) => messageFingerprint(batch.queue, batch.messages[i]!.body)));
    statements.push(db.prepare(DELETE_FAILURES).bind(JSON.stringify(done)));
  }
  await db.batch(statements);
}
