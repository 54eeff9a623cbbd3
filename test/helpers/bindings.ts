/**
 * Bindings that fail the way the runtime's do, for outage and internal-error tests: the app is called
 * with `createApp().fetch(request, { ...env, DB: failingDb(...) }, ctx)`.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { createApp } from '../../src/app';
import type { Env } from '../../src/env';

interface FailingStatement {
  bind: () => FailingStatement;
  first: () => Promise<never>;
  run: () => Promise<never>;
  all: () => Promise<never>;
  raw: () => Promise<never>;
}

/** A D1 binding whose every query rejects with `message` (prepare/bind still work, as in production). */
export function failingDb(message = 'D1_ERROR: Network connection lost.'): D1Database {
  return failingDbWith(new Error(message));
}

/** A D1 binding whose every query rejects with this error. */
export function failingDbWith(error: Error): D1Database {
  const fail = () => Promise.reject(error);
  const statement: FailingStatement = { bind: () => statement, first: fail, run: fail, all: fail, raw: fail };
  return { prepare: () => statement, batch: fail, exec: fail, dump: fail, withSession: () => ({ prepare: () => statement, batch: fail }) } as unknown as D1Database;
}

/** An R2 binding that rejects every call the way workerd's R2 errors read. */
export function failingBucket(): R2Bucket {
  const fail = (op: string) => () => Promise.reject(new Error(`${op}: We encountered an internal error. Please try again. (10001)`));
  return { get: fail('get'), put: fail('put'), head: fail('head'), delete: fail('delete'), list: fail('list') } as unknown as R2Bucket;
}

export function failingQueue(): Queue<unknown> {
  const fail = () => Promise.reject(new Error('Network connection lost.'));
  return { send: fail, sendBatch: fail } as unknown as Queue<unknown>;
}

const app = createApp();

/** One request through the app with the given bindings, its background work awaited. */
export async function fetchWith(bindings: Env, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://shelfsync.test${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
