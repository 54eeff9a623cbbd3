/**
 * Drives one invocation of the Worker (fetch, queue batch, cron) with every D1 binding wrapped in a
 * counting wrapper and every queue replaced by a recorder, then checks what was sent against D1's
 * limits (src/db/d1-limits.ts). The recorded queue messages are what the next stage of a pipeline
 * is fed (events -> fan-out -> deliveries), so each stage's worst case is built by the real code.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { expect } from 'vitest';
import { createWorker } from '../../src/app';
import { CLOSE_TO_LIMIT, MAX_BOUND_PARAMETERS, MAX_QUERIES_PER_INVOCATION, MAX_ROW_BYTES, MAX_SQL_STATEMENT_BYTES } from '../../src/db/d1-limits';
import type { Env } from '../../src/env';
import { type CountingD1, countingD1 } from '../helpers/counting-d1';

export const worker = createWorker();

const QUEUES = ['EVENTS_QUEUE', 'DELIVERIES_QUEUE', 'INBOUND_QUEUE', 'INGEST_QUEUE', 'IMPORTS_QUEUE', 'MAINTENANCE_QUEUE', 'RECS_QUEUE', 'DEAD_LETTER_QUEUE'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface Usage {
  label: string;
  statements: number;
  maxParams: number;
  maxSqlBytes: number;
  maxBatchSize: number;
  /** Largest bound string/BLOB, bytes. */
  maxValueBytes: number;
  /** Per database binding: statements sent to it. */
  perDatabase: Record<string, number>;
}

/** Usage lines of the file, printed at the end (the report's "came close" list reads them). */
export const usages: Usage[] = [];

export class Invocation {
  readonly databases: Record<string, CountingD1> = {};
  readonly sent: Partial<Record<QueueName, unknown[]>> = {};
  readonly env: Env;

  constructor(base: Env = env as unknown as Env) {
    const scoped: Record<string, unknown> = { ...base };
    for (const name of Object.keys(base)) {
      if (name === 'DB' || /^DB_SHARD_\d+$/.test(name)) {
        const inner = (base as unknown as Record<string, D1Database | undefined>)[name];
        if (inner) scoped[name] = this.databases[name] = countingD1(inner);
      }
    }
    for (const q of QUEUES) {
      const log: unknown[] = (this.sent[q] = []);
      scoped[q] = {
        send: async (body: unknown) => void log.push(body),
        sendBatch: async (messages: Iterable<{ body: unknown }>) => {
          for (const m of messages) log.push(m.body);
        },
      };
    }
    this.env = scoped as unknown as Env;
  }

  messages<T>(queue: QueueName): T[] {
    return (this.sent[queue] ?? []) as T[];
  }

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`http://shelfsync.test${path}`, { ...init, headers, body }), this.env, ctx);
    await res.clone().arrayBuffer();
    await waitOnExecutionContext(ctx);
    return res;
  }

  /** Runs one consumer invocation; returns how many messages it asked to retry. */
  async queue(queue: string, bodies: unknown[]): Promise<{ retried: number; acked: number }> {
    const batch = createMessageBatch(queue, bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })));
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, this.env);
    const result = await getQueueResult(batch, ctx);
    return { retried: result.retryBatch.retry ? bodies.length : result.retryMessages.length, acked: result.explicitAcks.length };
  }

  async cron(): Promise<void> {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), this.env, ctx);
    await waitOnExecutionContext(ctx);
  }

  usage(label: string): Usage {
    const all = Object.values(this.databases);
    const perDatabase = Object.fromEntries(Object.entries(this.databases).map(([name, d]) => [name, d.statements]));
    return {
      label,
      statements: all.reduce((n, d) => n + d.statements, 0),
      maxParams: Math.max(0, ...all.map((d) => d.maxParams)),
      maxSqlBytes: Math.max(0, ...all.map((d) => d.maxSqlBytes)),
      maxBatchSize: Math.max(0, ...all.map((d) => d.maxBatchSize)),
      maxValueBytes: Math.max(0, ...all.map((d) => d.maxValueBytes)),
      perDatabase,
    };
  }

  /** Asserts the invocation stayed inside D1's limits; returns (and records) what it used. */
  /** `skip`: a limit checked by a test of its own (a known violation kept visible as `it.fails`). */
  expectWithinLimits(label: string, skip: { valueBytes?: boolean } = {}): Usage {
    const u = this.usage(label);
    const widest = Object.values(this.databases)
      .map((d) => d.widest())
      .filter((s) => s !== undefined)
      .sort((a, b) => b.params - a.params)[0];
    const biggest = Object.values(this.databases)
      .map((d) => d.widestValue())
      .filter((s) => s !== undefined)
      .sort((a, b) => b.largestValueBytes - a.largestValueBytes)[0];
    usages.push(u);
    const close = [
      u.statements / MAX_QUERIES_PER_INVOCATION > CLOSE_TO_LIMIT ? `statements ${u.statements}/${MAX_QUERIES_PER_INVOCATION}` : null,
      u.maxParams / MAX_BOUND_PARAMETERS > CLOSE_TO_LIMIT ? `params ${u.maxParams}/${MAX_BOUND_PARAMETERS}` : null,
      u.maxSqlBytes / MAX_SQL_STATEMENT_BYTES > CLOSE_TO_LIMIT ? `sql ${u.maxSqlBytes}/${MAX_SQL_STATEMENT_BYTES} B` : null,
      u.maxValueBytes / MAX_ROW_BYTES > CLOSE_TO_LIMIT ? `bound value ${u.maxValueBytes}/${MAX_ROW_BYTES} B (${biggest?.sql.replace(/\s+/g, ' ').trim().slice(0, 90)})` : null,
    ].filter(Boolean);
    console.log(`[d1-limits] ${label}: ${u.statements} statements (${JSON.stringify(u.perDatabase)}), max ${u.maxParams} params, max ${u.maxSqlBytes} B SQL, largest batch ${u.maxBatchSize}, largest bound value ${u.maxValueBytes} B${close.length ? `; CLOSE: ${close.join(', ')}` : ''}`);
    expect(u.statements, `${label}: at least one statement was counted`).toBeGreaterThan(0);
    expect(u.maxParams, `${label}: widest statement ${widest?.sql.slice(0, 200)}`).toBeLessThanOrEqual(MAX_BOUND_PARAMETERS);
    expect(u.statements, `${label}: statements per invocation`).toBeLessThanOrEqual(MAX_QUERIES_PER_INVOCATION);
    expect(u.maxSqlBytes, `${label}: SQL text`).toBeLessThanOrEqual(MAX_SQL_STATEMENT_BYTES);
    // A bound value is at most a row (a row holds it), so this bound is necessary, not sufficient.
    if (!skip.valueBytes) expect(u.maxValueBytes, `${label}: largest bound value, in ${biggest?.sql.replace(/\s+/g, ' ').slice(0, 160)}`).toBeLessThanOrEqual(MAX_ROW_BYTES);
    return u;
  }
}
