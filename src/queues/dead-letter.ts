/**
 * The dead-letter consumer: a local queue without a consumer drops messages silently, so every
 * message that exhausted its retries is written to `dead_letters` for operators (one D1 statement per
 * message batch), with the reason it died (the last failure its consumer reported, see
 * observed-batch.ts), then acked. Ingest messages also mark their product's unfinished images `error`;
 * inbound pushes and imports end their job `failed`.
 *
 * Dead letters and failure records are control-plane (`controlDb`): operators list them in one place
 * whatever shard a tenant is on. The work they close (images, jobs, imports) is on the tenant's shard.
 */
import type { Env, IngestMessage } from '../env';
import { failIngestMessage } from '../images/consumers';
import { failJobStatement } from '../jobs/job-statements';
import { newId } from '../lib/ulid';
import { DELETE_FAILURES, FAIL_IMPORT, type FailureRow, INSERT_DEAD_LETTERS, SELECT_FAILURES } from './dead-letter.queries';
import { messageFingerprint } from './observed-batch';
import { singleDatabase } from '../db/shards';
import { resolvePlacement } from '../placement/placement';
import { controlDb, scopeEnv } from '../placement/tenant-env';

/**
 * The queue a dead message came from. Cloudflare hands the dead-letter consumer its own queue name
 * only, so the origin is read from the message's kind (one kind per queue, see consumer.ts).
 */
export const ORIGIN_BY_KIND: Record<string, string> = {
  events: 'shelfsync-events',
  deliver: 'shelfsync-deliveries',
  ingest: 'shelfsync-ingest',
  import: 'shelfsync-imports',
  inbound: 'shelfsync-inbound',
  'money-backfill': 'shelfsync-maintenance',
  'shard-move': 'shelfsync-maintenance',
  recs: 'shelfsync-recommendations',
  rebuild: 'shelfsync-recommendations',
};

export function originQueue(body: unknown, fallback: string): string {
  const kind = (body as { kind?: unknown } | null)?.kind;
  return (typeof kind === 'string' && ORIGIN_BY_KIND[kind]) || fallback;
}

/** What the body says the work belongs to (wake-ups for a whole queue name no tenant or job). */
function owner(body: unknown): { tenantId: string | null; jobId: string | null } {
  const b = (body ?? {}) as { tenantId?: unknown; jobId?: unknown };
  return { tenantId: typeof b.tenantId === 'string' ? b.tenantId : null, jobId: typeof b.jobId === 'string' ? b.jobId : null };
}

/** No failure was reported for the message: its consumer never returned (time or memory limit, a restart). */
export const NO_REPORTED_FAILURE = 'No error was reported: the consumer did not finish (CPU or memory limit, or its isolate ended)';

export async function recordDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const now = Date.now();
  const dead = await Promise.all(
    batch.messages.map(async (m) => {
      const queue = originQueue(m.body, batch.queue);
      return { message: m, queue, fingerprint: await messageFingerprint(queue, m.body) };
    }),
  );
  const fingerprints = JSON.stringify(dead.map((d) => d.fingerprint));
  const control = controlDb(env);
  const { results: failures } = await control.prepare(SELECT_FAILURES).bind(fingerprints).all<FailureRow>();
  const failureOf = new Map(failures.map((f) => [f.fingerprint, f]));

  // Work that has an owner in D1 is closed there first: images end `error` with the reason.
  for (const { message } of dead) {
    const body = message.body as { kind?: string };
    const closes = body?.kind === 'ingest' || body?.kind === 'inbound' || body?.kind === 'import';
    const tenantId = owner(body).tenantId;
    if (!closes || tenantId === null) continue;
    const data = await tenantEnv(env, tenantId);
    if (body.kind === 'ingest') await failIngestMessage(data, body as IngestMessage, message.attempts);
    else {
      const { jobId } = body as { jobId: string };
      await data.DB.batch([
        failJobStatement(data.DB, jobId, now),
        data.DB.prepare(FAIL_IMPORT).bind(jobId, `Processing gave up after ${message.attempts} attempts`, now),
      ]);
    }
  }
  const rows = dead.map(({ message, queue, fingerprint }) => ({
    id: newId('dl', now),
    queue,
    body: JSON.stringify(message.body),
    // The dead-letter queue may count its own deliveries from 1: the origin's count is the one that matters.
    attempts: Math.max(message.attempts, failureOf.get(fingerprint)?.attempts ?? 0),
    reason: failureOf.get(fingerprint)?.reason ?? NO_REPORTED_FAILURE,
    ...owner(message.body),
  }));
  await control.batch([control.prepare(INSERT_DEAD_LETTERS).bind(now, JSON.stringify(rows)), control.prepare(DELETE_FAILURES).bind(fingerprints)]);
  batch.ackAll();
}

/**
 * `env` on the tenant's current shard (the placement read afresh: dead letters are rare). A write
 * fenced by a move throws, and the dead-letter batch is retried after it.
 */
async function tenantEnv(env: Env, tenantId: string): Promise<Env> {
  if (singleDatabase(env)) return env;
  return scopeEnv(env, await resolvePlacement(env, tenantId, 0)).env;
}
