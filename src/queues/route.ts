/**
 * Routing queue messages to their tenant's shard (DESIGN "Shards"). A batch is split by tenant; each
 * tenant's messages run as a sub-batch on an env scoped to the tenant's CURRENT placement (cached
 * like the identity lookup), whatever shard and epoch they were stamped with: a message routed
 * before a move is re-routed to the new shard, and since the scoped env's writes are fenced on the
 * current epoch, nothing reaches the old copy. Messages without a tenant (the money backfill) run per
 * shard. With one database there is nothing to route: the batch runs as it always did.
 *
 * A fenced write (the tenant frozen for a move's tail copy, or moved under a cached placement) is not
 * a failure of the work: the placement is forgotten and the messages retried shortly, never acked.
 */
import { FencedWriteError } from '../db/fence';
import { shardNumbers, singleDatabase } from '../db/shards';
import type { DeliverMessage, Env, Routed } from '../env';
import { backoffSeconds } from '../lib/backoff';
import { log, logLevelOf } from '../lib/log';
import { describeFailure, retryAfterFailure, retryReasonOf } from '../lib/retry-reason';
import { forgetPlacement, type Placement, resolvePlacement } from '../placement/placement';
import { scopeEnv, scopeShard, shardDb } from '../placement/tenant-env';
import { DELIVERY_TENANTS, type DeliveryTenantRow } from './route.queries';

export type BatchHandler<T> = (batch: MessageBatch<T>, env: Env) => Promise<void>;

/**
 * Retry delay of a fenced message: short (a freeze lasts as long as a move's tail copy, seconds),
 * doubling from 1 s to 30 s. Retries still count toward the queue's max_retries (8-10): a freeze
 * would have to outlast ~2 minutes before a message dead-letters.
 */
export function fenceRetrySeconds(attempts: number): number {
  return Math.min(30, 2 ** Math.max(0, attempts - 1));
}

const FENCED = `${new FencedWriteError('', 'moved').name}:`;

/** Whether a consumer retried `message` because a write of it was fenced (retryAfterFailure's reason). */
function fencedRetry(message: object): boolean {
  return retryReasonOf(message)?.startsWith(FENCED) ?? false;
}

type Outcome = 'open' | 'acked' | 'retried';

/**
 * `messages` of `batch` as a batch of their own: ack/retry go to those messages, outcomes are tracked
 * so the router can settle what the handler left open, and a retry whose reason is a fenced write is
 * turned into a short fence retry (`onFenced` forgets the placement).
 */
class SubBatch<T> {
  readonly outcomes = new Map<Message<T>, Outcome>();
  fenced = false;
  readonly view: MessageBatch<T>;

  constructor(batch: MessageBatch<unknown>, readonly originals: Message<T>[], bodies?: T[]) {
    const wrap = (m: Message<T>, i: number): Message<T> => {
      this.outcomes.set(m, 'open');
      const wrapper: Message<T> = {
        id: m.id,
        timestamp: m.timestamp,
        body: bodies?.[i] ?? m.body,
        attempts: m.attempts,
        ack: () => this.settle(m, 'acked', () => m.ack()),
        retry: (options) => {
          const reason = retryReasonOf(wrapper);
          if (fencedRetry(wrapper)) {
            this.fenced = true;
            this.settle(m, 'retried', () => retryAfterFailure(m, reason, fenceRetrySeconds(m.attempts)));
          } else if (reason !== undefined) this.settle(m, 'retried', () => retryAfterFailure(m, reason, options?.delaySeconds ?? 0));
          else this.settle(m, 'retried', () => m.retry(options));
        },
      };
      return wrapper;
    };
    const messages = originals.map(wrap);
    this.view = {
      queue: batch.queue,
      metadata: batch.metadata,
      messages,
      ackAll: () => messages.forEach((m) => m.ack()),
      retryAll: (options) => messages.forEach((m) => m.retry(options)),
    };
  }

  private settle(m: Message<T>, outcome: Outcome, act: () => void): void {
    if (this.outcomes.get(m) !== 'open') return;
    this.outcomes.set(m, outcome);
    act();
  }

  /** The handler returned: what it left open is done (as the runtime acks a batch whose handler returned). */
  finish(): void {
    for (const [m, o] of this.outcomes) if (o === 'open') this.settle(m, 'acked', () => m.ack());
  }

  /** The handler threw: what it left open is retried, a fenced write shortly, anything else with backoff. */
  fail(error: unknown): void {
    const fenced = error instanceof FencedWriteError;
    for (const [m, o] of this.outcomes) {
      if (o !== 'open') continue;
      this.settle(m, 'retried', () => retryAfterFailure(m, error, fenced ? fenceRetrySeconds(m.attempts) : backoffSeconds(m.attempts)));
    }
  }
}

/** Runs `handle` on a sub-batch, settling it; a thrown error retries its open messages and is logged. */
async function runGroup<T>(
  batch: MessageBatch<unknown>,
  messages: Message<T>[],
  env: Env,
  handle: BatchHandler<T>,
  fields: Record<string, unknown>,
  bodies?: T[],
): Promise<boolean> {
  const sub = new SubBatch<T>(batch, messages, bodies);
  try {
    await handle(sub.view, env);
    sub.finish();
  } catch (error) {
    if (error instanceof FencedWriteError) sub.fenced = true;
    else log('error', 'queue', { queue: batch.queue, ...fields, message: 'handler failed; its messages are retried', error: describeFailure(error) });
    sub.fail(error);
  }
  return sub.fenced;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

type TenantMessage = Routed & { tenantId: string };

/**
 * Each tenant's messages on its current shard. Groups run one after another: one tenant's failure
 * retries only its own messages.
 */
export async function routeByTenant<T extends TenantMessage>(batch: MessageBatch<T>, env: Env, ttlMs: number, handle: BatchHandler<T>): Promise<void> {
  if (singleDatabase(env)) return handle(batch, env);
  for (const [tenantId, messages] of groupBy(batch.messages, (m) => m.body.tenantId)) {
    await routeTenant(batch as MessageBatch<unknown>, env, tenantId, messages, ttlMs, handle);
  }
}

async function routeTenant<T extends TenantMessage>(
  batch: MessageBatch<unknown>,
  env: Env,
  tenantId: string,
  messages: Message<T>[],
  ttlMs: number,
  handle: BatchHandler<T>,
  bodies?: T[],
): Promise<void> {
  let placement = await resolvePlacement(env, tenantId, ttlMs);
  // A message routed at a newer epoch than this isolate's cached placement: the cache is behind.
  if (messages.some((m) => (m.body.epoch ?? 0) > placement.epoch)) {
    forgetPlacement(tenantId);
    placement = await resolvePlacement(env, tenantId, ttlMs);
  }
  noteRerouted(batch, env, placement, messages);
  if (placement.state === 'frozen') {
    // Nothing is attempted during a freeze (a delivery would be sent and then its record refused).
    forgetPlacement(tenantId);
    for (const m of messages) retryAfterFailure(m, new FencedWriteError(tenantId, 'frozen'), fenceRetrySeconds(m.attempts));
    return;
  }
  const fenced = await runGroup(batch, messages, scopeEnv(env, placement).env, handle, { tenantId, shard: placement.shard }, bodies);
  if (fenced) {
    forgetPlacement(tenantId);
    log('info', 'queue', { queue: batch.queue, tenantId, shard: placement.shard, message: 'writes fenced (tenant moving); messages retried shortly' }, logLevelOf(env.LOG_LEVEL));
  }
}

/** Messages routed before the tenant's last move go to its current shard: said once per group. */
function noteRerouted(batch: MessageBatch<unknown>, env: Env, placement: Placement, messages: Message<Routed>[]): void {
  const stale = messages.filter((m) => m.body.epoch !== undefined && m.body.epoch < placement.epoch);
  if (stale.length === 0) return;
  log('info', 'queue', {
    queue: batch.queue,
    tenantId: placement.tenantId,
    message: 're-routed after a move',
    messages: stale.length,
    fromShards: [...new Set(stale.map((m) => m.body.shard))],
    toShard: placement.shard,
    epoch: placement.epoch,
  }, logLevelOf(env.LOG_LEVEL));
}

/**
 * Messages that belong to a shard, not a tenant (the money backfill): each shard's on an env scoped
 * to it, unfenced. A message without a shard was sent before shards: shard 0, where all data was.
 */
export async function routeByShard<T extends Routed>(batch: MessageBatch<T>, env: Env, handle: BatchHandler<T>): Promise<void> {
  if (singleDatabase(env)) return handle(batch, env);
  for (const [shard, messages] of groupBy(batch.messages, (m) => m.body.shard ?? 0)) {
    let scoped: Env;
    try {
      scoped = scopeShard(env, shard);
    } catch (error) {
      // A shard no longer bound: retried, then dead-lettered where an operator sees it.
      for (const m of messages) retryAfterFailure(m, error, backoffSeconds(m.attempts));
      continue;
    }
    await runGroup(batch as MessageBatch<unknown>, messages, scoped, handle, { shard });
  }
}


/**
 * Deliver messages route by tenant. One without a tenant (sent before shards, or by a producer that
 * did not know it) is looked up: its deliveries are found on their shard (the stamped one, else every
 * shard). All of one tenant: routed as that tenant's. Several tenants' ids: one message per tenant is
 * sent, then the original acked (the copies are sent first, so nothing is lost). None found: nothing
 * is left to do (the deliveries were pruned), acked as the consumer itself would.
 */
export async function routeDeliveries(batch: MessageBatch<DeliverMessage>, env: Env, ttlMs: number, handle: BatchHandler<DeliverMessage>): Promise<void> {
  if (singleDatabase(env)) return handle(batch, env);
  const tenantOf = await deliveryTenants(env, batch.messages.filter((m) => m.body.tenantId === undefined).map((m) => m.body));
  const routed: Array<{ message: Message<DeliverMessage>; body: DeliverMessage & { tenantId: string } }> = [];
  for (const message of batch.messages) {
    const body = message.body;
    if (body.tenantId !== undefined) {
      routed.push({ message, body: body as DeliverMessage & { tenantId: string } });
      continue;
    }
    const byTenant = groupBy(body.ids.filter((id) => tenantOf.has(id)), (id) => tenantOf.get(id)!);
    if (byTenant.size === 1) {
      const [tenantId] = byTenant.keys();
      routed.push({ message, body: { ...body, tenantId: tenantId! } });
      continue;
    }
    try {
      const copies = [...byTenant].map(([tenantId, ids]) => ({ body: { kind: 'deliver' as const, tenantId, ids } }));
      for (let i = 0; i < copies.length; i += 100) await env.DELIVERIES_QUEUE.sendBatch(copies.slice(i, i + 100));
      message.ack();
    } catch (error) {
      retryAfterFailure(message, error, backoffSeconds(message.attempts));
    }
  }
  for (const [tenantId, group] of groupBy(routed, (r) => r.body.tenantId)) {
    await routeTenant(batch as MessageBatch<unknown>, env, tenantId, group.map((r) => r.message) as Message<DeliverMessage & { tenantId: string }>[], ttlMs, handle as BatchHandler<DeliverMessage & { tenantId: string }>, group.map((r) => r.body));
  }
}

/** Tenant of each id in `bodies`, read on each body's stamped shard, else on every shard. */
async function deliveryTenants(env: Env, bodies: DeliverMessage[]): Promise<Map<string, string>> {
  const tenantOf = new Map<string, string>();
  if (bodies.length === 0) return tenantOf;
  const idsByShard = new Map<number, Set<string>>();
  const all = shardNumbers(env);
  for (const body of bodies) {
    for (const shard of body.shard !== undefined && all.includes(body.shard) ? [body.shard] : all) {
      const ids = idsByShard.get(shard) ?? new Set<string>();
      body.ids.forEach((id) => ids.add(id));
      idsByShard.set(shard, ids);
    }
  }
  await Promise.all(
    [...idsByShard].map(async ([shard, ids]) => {
      const { results } = await shardDb(env, shard).prepare(DELIVERY_TENANTS).bind(JSON.stringify([...ids])).all<DeliveryTenantRow>();
      for (const row of results) tenantOf.set(row.id, row.tenant_id);
    }),
  );
  return tenantOf;
}
