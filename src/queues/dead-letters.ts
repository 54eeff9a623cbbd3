/**
 * Dead-lettered work for operators: list it, and replay it. A replay sends the message back to the
 * queue it came from and, for work that belongs to a job (an inbound push, an import), reopens that
 * job first (`processing` again; the consumer ends it again). Replays are idempotent: the first one
 * marks the record (`replayed_at`, a conditional update), any later one changes nothing and sends
 * nothing. If the message cannot be sent, the mark is taken back and the caller gets a 503.
 */
import type { Env } from '../env';
import { ApiError } from '../http/problem';
import { reopenFailedJobStatement } from '../jobs/job-statements';
import { toIso } from '../lib/time';
import { singleDatabase } from '../db/shards';
import { resolvePlacement } from '../placement/placement';
import { controlDb, scopeEnv } from '../placement/tenant-env';
import {
  PRUNE_STALE_FAILURES,
  type DeadLetterRow,
  LIST_DEAD_LETTERS,
  MARK_REPLAYED,
  REOPEN_IMPORT,
  SELECT_DEAD_LETTER,
  UNMARK_REPLAYED,
} from './dead-letter.queries';

/**
 * Records of retries older than a week: every queue's retries end (success or dead letter) within
 * hours, so these belong to messages that were lost. Bounded per run (the minute cron calls it).
 */
export async function pruneStaleQueueFailures(env: Env, now = Date.now()): Promise<void> {
  await controlDb(env).prepare(PRUNE_STALE_FAILURES).bind(now - 7 * 86_400_000, 1000).run();
}

export function renderDeadLetter(row: DeadLetterRow) {
  return {
    id: row.id,
    queue: row.queue,
    reason: row.reason,
    attempts: row.attempts,
    tenantId: row.tenant_id,
    jobId: row.job_id,
    body: JSON.parse(row.body) as unknown,
    createdAt: toIso(row.created_at),
    replayedAt: toIso(row.replayed_at),
  };
}

export async function listDeadLetters(
  db: D1Database,
  filter: { cursor?: string | undefined; queue?: string | undefined; tenantId?: string | undefined; replayed?: boolean | undefined; limit: number },
) {
  const replayed = filter.replayed === undefined ? null : filter.replayed ? 1 : 0;
  const { results } = await db
    .prepare(LIST_DEAD_LETTERS)
    .bind(filter.cursor ?? null, filter.queue ?? null, filter.tenantId ?? null, replayed, filter.limit + 1)
    .all<DeadLetterRow>();
  const page = results.slice(0, filter.limit);
  return { data: page.map(renderDeadLetter), nextCursor: results.length > filter.limit ? page.at(-1)!.id : null };
}

/** The producer of each queue a dead letter can come from. */
function producer(env: Env, queue: string): Queue<unknown> | undefined {
  const byName: Record<string, Queue<unknown> | undefined> = {
    'shelfsync-events': env.EVENTS_QUEUE,
    'shelfsync-deliveries': env.DELIVERIES_QUEUE,
    'shelfsync-ingest': env.INGEST_QUEUE,
    'shelfsync-imports': env.IMPORTS_QUEUE,
    'shelfsync-inbound': env.INBOUND_QUEUE,
    'shelfsync-maintenance': env.MAINTENANCE_QUEUE,
    'shelfsync-recommendations': env.RECS_QUEUE,
  };
  return byName[queue];
}

/**
 * Ingest work is not replayed here: when its message died, its images ended `error` and their
 * processing round closed, so there is no open work left to wake; writing the product again (with
 * `?refresh=true` for URLs) processes its images anew.
 */
const NOT_REPLAYABLE: Record<string, string> = {
  'shelfsync-ingest': 'Image work is not replayed: its images already ended `error`. Write the product again (PUT with ?refresh=true) to process them anew',
};

export async function replayDeadLetter(env: Env, id: string, now = Date.now()): Promise<{ replayed: boolean; deadLetter: ReturnType<typeof renderDeadLetter> }> {
  // Dead letters are control-plane; the job a replay reopens is on its tenant's shard.
  const db = controlDb(env);
  const row = await db.prepare(SELECT_DEAD_LETTER).bind(id).first<DeadLetterRow>();
  if (!row) throw new ApiError('not_found', `No dead letter ${id}`);
  if (row.replayed_at !== null) return { replayed: false, deadLetter: renderDeadLetter(row) };
  const refusal = NOT_REPLAYABLE[row.queue];
  if (refusal) throw new ApiError('conflict', refusal);
  const queue = producer(env, row.queue);
  if (!queue) throw new ApiError('conflict', `Messages of ${row.queue} cannot be replayed by this Worker`);

  const body = JSON.parse(row.body) as { kind?: string };
  const data = row.job_id && row.tenant_id && (body.kind === 'import' || body.kind === 'inbound') ? await tenantDb(env, row.tenant_id) : null;
  const reopen = (on: D1Database) => {
    if (!data) return [];
    const statements = [reopenFailedJobStatement(on, row.tenant_id!, row.job_id!, body.kind === 'import')];
    if (body.kind === 'import') statements.push(on.prepare(REOPEN_IMPORT).bind(row.job_id, now));
    return statements;
  };
  const mark = db.prepare(MARK_REPLAYED).bind(id, now);
  // One database: the mark and the reopened job in one transaction, or neither. On shards they are
  // two databases: the mark first (a concurrent replay that marked first leaves it unchanged, and then
  // nothing more may happen), then the reopen, whose failure takes the mark back.
  const sameDatabase = data === null || data === db;
  const [marked] = await db.batch(sameDatabase ? [mark, ...reopen(db)] : [mark]);
  if ((marked?.meta.changes ?? 0) === 0) {
    const current = (await db.prepare(SELECT_DEAD_LETTER).bind(id).first<DeadLetterRow>())!;
    return { replayed: false, deadLetter: renderDeadLetter(current) };
  }
  try {
    if (!sameDatabase) await data!.batch(reopen(data!));
    // The message goes to the tenant's current shard by its tenant (its old stamp is dropped).
    const { shard: _shard, epoch: _epoch, ...unrouted } = body as { shard?: number; epoch?: number };
    await queue.send(unrouted);
  } catch (err) {
    await db.prepare(UNMARK_REPLAYED).bind(id, now).run();
    throw err;
  }
  return { replayed: true, deadLetter: renderDeadLetter({ ...row, replayed_at: now }) };
}

/** The tenant's data database (its current shard; the one database when none is bound). */
async function tenantDb(env: Env, tenantId: string): Promise<D1Database> {
  if (singleDatabase(env)) return controlDb(env);
  return scopeEnv(env, await resolvePlacement(env, tenantId, 0)).env.DB;
}
