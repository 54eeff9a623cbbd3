/**
 * Helpers for the bulk-import suites: posting a feed, polling the import until it settles (with a
 * deadline), reading every per-row error, byte builders (Latin-1, gzip), staging an import without
 * its queue wake-up, and the imports queue consumer called as the runtime calls it.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { expect } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import { newId } from '../../src/lib/ulid';
import { body, call, sha256Hex, type TestTenant } from './api';

export { sha256Hex };

import { sleep } from './poll';

export { sleep };

export type Feed = string | Uint8Array | ReadableStream<Uint8Array>;

export const TYPES = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  jsonl: 'application/x-ndjson',
  xml: 'application/xml',
} as const;

export function postImport(t: TestTenant, feed: Feed, contentType: string, opts: { mode?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const query = opts.mode !== undefined ? `?mode=${encodeURIComponent(opts.mode)}` : '';
  return call(`/v1/imports${query}`, { method: 'POST', headers: { ...t.headers, 'content-type': contentType, ...opts.headers }, body: feed });
}

export interface Accepted {
  job: any;
  import: any;
  res: Response;
}

/** POST a feed and assert the 202 with a job id. */
export async function startImport(t: TestTenant, feed: Feed, contentType: string, opts: { mode?: string; headers?: Record<string, string> } = {}): Promise<Accepted> {
  const res = await postImport(t, feed, contentType, opts);
  const json = await body(res);
  expect(res.status, JSON.stringify(json).slice(0, 500)).toBe(202);
  expect(json.job.id).toMatch(/^job_/);
  expect(res.headers.get('job-id')).toBe(json.job.id);
  expect(json.import.jobId).toBe(json.job.id);
  return { job: json.job, import: json.import, res };
}

const settled = (status: string) => status !== 'uploading' && status !== 'pending' && status !== 'processing';

export async function getImport(t: TestTenant, jobId: string): Promise<any> {
  const res = await call(`/v1/imports/${jobId}`, { headers: t.headers });
  expect(res.status).toBe(200);
  return body(res);
}

/**
 * Polls GET /v1/imports/{id} until the import leaves uploading/pending/processing; `seen` gets every
 * snapshot. Past the deadline the import is marked failed in D1 (so that its consumer stops after the
 * current chunk instead of running on behind the other tests) and the wait throws.
 */
export async function waitImport(t: TestTenant, jobId: string, opts: { timeoutMs?: number; intervalMs?: number; seen?: any[] } = {}): Promise<any> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const imp = await getImport(t, jobId);
    opts.seen?.push(imp);
    if (settled(imp.status)) return imp;
    if (Date.now() > deadline) {
      await stopImport(jobId);
      throw new Error(`import ${jobId} still ${imp.status} after ${timeoutMs} ms (now stopped): ${JSON.stringify(imp)}`);
    }
    await sleep(opts.intervalMs ?? 50);
  }
}

/** Marks an unfinished import failed: the consumer checks the status before each chunk and stops. */
export async function stopImport(jobId: string): Promise<void> {
  await env.DB.prepare("UPDATE imports SET status = 'failed', note = 'stopped by the test' WHERE job_id = ?1 AND status IN ('uploading', 'pending', 'processing')").bind(jobId).run();
}

/** POST, wait for the end, and return the import, the job and every per-row error. */
export async function runImport(t: TestTenant, feed: Feed, contentType: string, opts: { mode?: string; headers?: Record<string, string>; timeoutMs?: number } = {}) {
  const accepted = await startImport(t, feed, contentType, opts);
  const imp = await waitImport(t, accepted.job.id, { timeoutMs: opts.timeoutMs });
  // The file is read; the job also covers the image work its rows started (DESIGN "Jobs"): wait for it.
  let job = await getJob(t, accepted.job.id);
  const deadline = Date.now() + 15_000;
  while (job.status === 'processing' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    job = await getJob(t, accepted.job.id);
  }
  const errors = await jobErrors(t, accepted.job.id);
  return { accepted, imp, job, errors, jobId: accepted.job.id as string };
}

export async function getJob(t: TestTenant, jobId: string): Promise<any> {
  const res = await call(`/v1/jobs/${jobId}`, { headers: t.headers });
  expect(res.status).toBe(200);
  return body(res);
}

export interface JobErrorT {
  index: number;
  itemId: string | null;
  line: number | null;
  code: string;
  errors: Array<{ path: string; message: string }>;
}

/** Every per-row error of a job, following nextCursor. */
export async function jobErrors(t: TestTenant, jobId: string, limit = 100): Promise<JobErrorT[]> {
  const all: JobErrorT[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await call(`/v1/jobs/${jobId}/errors?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: t.headers });
    expect(res.status).toBe(200);
    const json = await body(res);
    all.push(...json.data);
    cursor = json.nextCursor;
    if (!cursor) break;
  }
  return all;
}

export async function getProduct(t: TestTenant, id: string): Promise<any> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}`, { headers: t.headers });
  expect(res.status, `GET product ${id}`).toBe(200);
  return body(res);
}

export async function productStatus(t: TestTenant, id: string): Promise<number> {
  const res = await call(`/v1/products/${encodeURIComponent(id)}`, { headers: t.headers });
  await res.body?.cancel();
  return res.status;
}

/** The tenant's product ids, straight from D1 (any number of them). */
export async function productIds(tenantId: string): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT id FROM products WHERE tenant_id = ?1 ORDER BY id').bind(tenantId).all<{ id: string }>();
  return results.map((r) => r.id);
}

/** Text -> Latin-1 (ISO-8859-1) bytes; every character must be below U+0100. */
export function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new Error(`not Latin-1: ${text[i]}`);
    bytes[i] = code;
  }
  return bytes;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return readAll(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')));
}

/** A body of unknown length, handed out in pieces of `pieceBytes` (odd sizes exercise part boundaries). */
export function streamOf(bytes: Uint8Array, pieceBytes = 1_000_003): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      const end = Math.min(bytes.byteLength, offset + pieceBytes);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
    },
  });
}

/** The stored import file (R2 key `imports/{tenant}/{jobId}`), or null. */
export async function storedFile(tenantId: string, jobId: string): Promise<Uint8Array | null> {
  const object = await env.IMAGES.get(`imports/${tenantId}/${jobId}`);
  return object ? new Uint8Array(await object.arrayBuffer()) : null;
}

export function sameBytes(a: Uint8Array | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface ImportRowT {
  job_id: string;
  tenant_id: string;
  status: string;
  r2_key: string;
  bytes: number;
  next_offset: number;
  next_line: number;
  encoding: string | null;
  rows_total: number;
  rows_done: number;
  rows_failed: number;
  note: string | null;
}

export async function importRow(jobId: string): Promise<ImportRowT> {
  return (await env.DB.prepare('SELECT * FROM imports WHERE job_id = ?1').bind(jobId).first<ImportRowT>())!;
}

/**
 * An import as POST /v1/imports leaves it (file in R2, job + import rows) but with no queue wake-up
 * sent, so that a test can drive the consumer itself.
 */
export async function stageImport(tenantId: string, bytes: Uint8Array, format: 'csv' | 'tsv' | 'jsonl' | 'xml', mode: 'upsert' | 'replace' = 'upsert', now = Date.now()): Promise<string> {
  const jobId = newId('job', now);
  const key = `imports/${tenantId}/${jobId}`;
  await env.IMAGES.put(key, bytes, { httpMetadata: { contentType: TYPES[format] } });
  await env.DB.batch([
    env.DB.prepare("INSERT INTO jobs (id, tenant_id, kind, status, total, created_at, started_at) VALUES (?1, ?2, 'import', 'pending', 0, ?3, ?3)").bind(jobId, tenantId, now),
    env.DB.prepare(
      `INSERT INTO imports (job_id, tenant_id, format, mode, r2_key, bytes, sha256, next_offset, next_line, rows_total, rows_done, rows_failed, status, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 1, 0, 0, 0, 'pending', ?8, ?8)`,
    ).bind(jobId, tenantId, format, mode, key, bytes.byteLength, await sha256Hex(bytes), now),
  ]);
  return jobId;
}

/**
 * One imports-queue message handled by the Worker's queue entry, as the runtime would. Re-enqueues
 * (a long file's next slice) are captured instead of sent, so nothing else picks the import up.
 */
export async function runImportConsumer(tenantId: string, jobId: string, attempts = 1) {
  const requeued: unknown[] = [];
  const testEnv = { ...env, IMPORTS_QUEUE: { send: async (msg: unknown) => void requeued.push(msg), sendBatch: async (msgs: unknown[]) => void requeued.push(...msgs) } };
  const batch = createMessageBatch('shelfsync-imports', [{ id: `m-${jobId}-${attempts}-${Math.random()}`, timestamp: new Date(), attempts, body: { kind: 'import', tenantId, jobId } }]);
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, testEnv as unknown as Env);
  const result = await getQueueResult(batch, ctx);
  return { result, requeued };
}

/** Drives the consumer until the import settles (at most `max` messages). */
export async function drainImport(tenantId: string, jobId: string, max = 50): Promise<ImportRowT> {
  for (let i = 0; i < max; i++) {
    const { result } = await runImportConsumer(tenantId, jobId, 1);
    expect(result.retryMessages, 'the consumer asked for a retry').toEqual([]);
    const row = await importRow(jobId);
    if (settled(row.status)) return row;
  }
  throw new Error(`import ${jobId} did not settle within ${max} messages`);
}
