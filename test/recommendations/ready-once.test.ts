/**
 * One `product.recommendations.ready` per `product.processed`, even when a second one is merged into
 * a due product while the consumer works it (a client such as Sizebay's gets one callback per write).
 * The consumer runs through the worker's queue handler with the real D1, every queue producer a
 * recorder (so nothing else runs meanwhile), and a D1 that lets the second `product.processed` land
 * just before the batch that answers the first commits: the interleaving two isolates can produce.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../src/app';
import type { Env } from '../../src/env';
import { MARK_DIRTY } from '../../src/recommendations/recs.queries';
import { createTenant } from '../helpers/api';
import { item, put, settled, TEE } from './helpers';

const QUEUES = ['EVENTS_QUEUE', 'DELIVERIES_QUEUE', 'INBOUND_QUEUE', 'INGEST_QUEUE', 'IMPORTS_QUEUE', 'MAINTENANCE_QUEUE', 'RECS_QUEUE', 'DEAD_LETTER_QUEUE'] as const;
const worker = createWorker();
const recorder = { send: async () => undefined, sendBatch: async () => undefined };

/** env.DB, except that `interleave` runs once, right before the first batch that clears a due product. */
function racingDb(db: D1Database, interleave: () => Promise<unknown>): D1Database {
  const clearing = new WeakSet<object>();
  let fired = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          if (!/(DELETE FROM|UPDATE) rec_dirty/.test(sql)) return statement;
          const bind = statement.bind.bind(statement);
          return Object.assign(statement, {
            bind: (...values: unknown[]) => {
              const bound = bind(...values);
              clearing.add(bound);
              return bound;
            },
          });
        };
      }
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          if (!fired && statements.some((s) => clearing.has(s))) {
            fired = true;
            await interleave();
          }
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function runConsumer(bindings: Env, tenantId: string): Promise<void> {
  const batch = createMessageBatch('shelfsync-recommendations', [{ id: `m-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body: { kind: 'recs', tenantId } }]);
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<any>, bindings);
  expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([]);
}

describe('ready events', () => {
  it('a second product.processed merged while the product is worked: each answered exactly once', async () => {
    const t = await createTenant();
    await put(t, item('p', { title: 'Classic white cotton tee', productType: TEE, recommend: 'similar' }));
    await put(t, item('q', { title: 'Classic white cotton tee with pocket', productType: TEE, recommend: 'none' }));
    await settled(t, 'p', 'similar', (page) => page.data.length === 1);

    const processed = (jobId: string) => ({ productId: 'p', number: 1, version: 1, status: 'done', jobId, failedImages: 0, firstError: null, recommend: 'similar' });
    const mark = (jobId: string) => env.DB.prepare(MARK_DIRTY).bind(t.id, JSON.stringify([{ id: 'p', signature: 0, ready: processed(jobId) }]), Date.now()).run();
    await mark('job_first');
    const quiet = { ...env, ...Object.fromEntries(QUEUES.map((q) => [q, recorder])) } as unknown as Env;
    await runConsumer({ ...quiet, DB: racingDb(env.DB, () => mark('job_second')) }, t.id);
    await runConsumer(quiet, t.id);

    const rows = await env.DB.prepare("SELECT json_extract(data, '$.jobId') AS job FROM events WHERE tenant_id = ?1 AND type = 'product.recommendations.ready' ORDER BY seq")
      .bind(t.id)
      .all<{ job: string }>();
    expect(rows.results.map((r) => r.job).filter((job) => job.startsWith('job_'))).toEqual(['job_first', 'job_second']);
    const left = await env.DB.prepare('SELECT COUNT(*) AS n FROM rec_dirty WHERE tenant_id = ?1').bind(t.id).first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});
