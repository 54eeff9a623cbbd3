/**
 * The import consumer. Per message it reads a few chunks of the stored file, each committed in ONE
 * D1 batch together with its rows, its per-row errors and the cursor (byte offset, line, encoding,
 * header) of the next record: a crash resumes exactly at a record boundary, never inside one. CPU
 * and memory stay bounded (a slice is 64-512 KB, ~3,000 rows at most after the first); a long file re-enqueues itself. The last chunk
 * finishes the job, and in replace mode deletes what the file did not mention (only if it completed).
 */
import { validateProduct } from '../catalog/products.service';
import type { AppOptions } from '../config';
import type { Env, ImportMessage } from '../env';
import { closeWritesStatements } from '../jobs/job-statements';
import { type ItemFailure, type WriteItem, writeProducts } from '../catalog/products.service';
import { wakeFanout } from '../events/wake';
import { sharedWithRequests, type YieldMode, yieldToForeground } from '../lib/foreground';
import { shardOf } from '../placement/tenant-env';
import { pendingWork } from '../lib/pending';
import { deleteUnseen } from './replace';
import { findImport, type ImportRow } from './imports.repository';
import { type Candidate, completeLines, type Cursor, readChunk } from './read-records';

/** The first slice of a file: no row size is known yet. */
export const FIRST_SLICE_BYTES = 512 * 1024;
/**
 * Later slices aim at SLICE_ROWS rows, from the file's bytes per row so far, between these sizes. A
 * slice is one D1 batch; the write path spends 7 statements per 200 rows (catalog write), so 3,000
 * rows are ~105 statements + ~15 of the slice's own. Tiny rows get small slices instead of 512 KB of
 * them (26,000 rows of 20 bytes were ~900 statements in one batch). 1 MiB slices (2,800 bench rows)
 * were measured too: no faster end to end (consumer 2,472 rows/s against 2,853 at 512 KB, same
 * machine and load), and the isolate answered GET /v1/imports/{id} later (median 4.3 s against
 * 3.0 s under load), so a slice stays at most 512 KB.
 */
const SLICE_ROWS = 3_000;
const MIN_SLICE_BYTES = 64 * 1024;
const MAX_SLICE_BYTES = 512 * 1024;
const MAX_RECORD_BYTES = 8 * 1024 * 1024;
/**
 * Rows per slice under `wrangler dev` while this isolate serves requests for other databases
 * (lib/foreground.ts): there a 3,000-row slice's D1 batch held such a request ~300-500 ms behind it,
 * a 500-row one ~30-60 ms (bench:shards isolation timeline). The read window's floor drops with it
 * (64 KB would be ~350 bench rows).
 */
const SHARED_SLICE_ROWS = 100;
const SHARED_MIN_SLICE_BYTES = 16 * 1024;
/**
 * Rows validated between two turns of the event loop: ~1,000 rows are ~8-10 ms of CPU in workerd, the
 * longest a request served by the same isolate waits for validation; 250 (~2-3 ms) while requests for
 * other databases are served under `wrangler dev`.
 */
const VALIDATE_STEP = 1_000;
const SHARED_VALIDATE_STEP = 250;
/** Slices per message: bounds one invocation's CPU and D1 queries, then the import re-enqueues itself. */
const CHUNKS_PER_MESSAGE = 6;
/** D1 queries one message may spend on its slices (an invocation may make 1,000; the rest is margin). */
const QUERY_BUDGET = 900;

/** D1 statements a slice of `rows` rows costs: the write path's 7 per 200 rows, plus ~15 of its own. */
export function sliceQueries(rows: number): number {
  return Math.ceil(rows / 200) * 7 + 15;
}

/** Bytes to read for the next slice of `row`'s file, aiming at `rows` rows. */
export function sliceBytes(row: Pick<ImportRow, 'next_offset' | 'rows_total'>, rows = SLICE_ROWS, minBytes = MIN_SLICE_BYTES): number {
  if (row.rows_total === 0 || row.next_offset === 0) return Math.max(minBytes, Math.floor((FIRST_SLICE_BYTES * rows) / SLICE_ROWS));
  const perRow = row.next_offset / row.rows_total;
  return Math.min(MAX_SLICE_BYTES, Math.max(minBytes, Math.floor(rows * perRow)));
}

const ADVANCE_CURSOR = `
UPDATE imports SET next_offset = ?3, next_line = ?4, encoding = ?5, columns = ?6, delimiter = ?7,
  rows_total = rows_total + ?8, rows_done = rows_done + ?9, rows_failed = rows_failed + ?10, status = 'processing', updated_at = ?11
WHERE job_id = ?1 AND next_offset = ?2`;

/** `options`: the worker's, resolved once at the composition root (limits apply to each row as on /v1). */
export async function processImport(env: Env, message: ImportMessage, options: AppOptions): Promise<'done' | 'more'> {
  const giveWay = giveWayOf(env);
  let tenant: Tenant | null = null;
  let queries = 0;
  let lastSlice = 0;
  for (let n = 0; ; n++) {
    const row = await findImport(env.DB, message.tenantId, message.jobId);
    if (!row || (row.status !== 'pending' && row.status !== 'processing')) return 'done';
    // A file whose last slice was this message's last still finishes here, not one message later.
    if (row.next_offset >= row.bytes) {
      await finishImport(env, row);
      return 'done';
    }
    // The next slice is about as long as the last one: stop before it would pass the query budget.
    if (n === CHUNKS_PER_MESSAGE || (n > 0 && queries + lastSlice > QUERY_BUDGET)) return 'more';
    tenant ??= await tenantOf(env, row.tenant_id);
    lastSlice = sliceQueries(await processChunk(env, row, tenant, options, giveWay));
    queries += lastSlice;
    await giveWay.step();
  }
}

/**
 * How slices give way to requests (lib/foreground.ts): under `wrangler dev` (ENVIRONMENT=development)
 * every D1 database runs in this process, so requests on other databases go first; in production only
 * a turn between CPU steps. Tests use the production mode: slice sizes must not depend on whether a
 * test's request ended a moment ago. The lane is this import's shard.
 */
interface GiveWay {
  /** Whether requests for other databases are being served now (smaller steps then). */
  shared(): boolean;
  step(): Promise<void>;
}

function giveWayOf(env: Env): GiveWay {
  const mode: YieldMode = env.ENVIRONMENT === 'development' ? 'requestsFirst' : 'cooperative';
  const lane = shardOf(env);
  return { shared: () => sharedWithRequests(mode, lane), step: () => yieldToForeground(mode, lane) };
}

type Tenant = Awaited<ReturnType<typeof tenantOf>>;

async function tenantOf(env: Env, tenantId: string) {
  const t = await env.DB.prepare('SELECT id, name, default_currency, default_locale FROM tenants WHERE id = ?1').bind(tenantId).first<{ id: string; name: string; default_currency: string; default_locale: string }>();
  return { id: t!.id, name: t!.name, defaultCurrency: t!.default_currency, defaultLocale: t!.default_locale };
}

/** Reads, validates and commits one slice; answers how many records it held. */
async function processChunk(env: Env, row: ImportRow, tenant: Tenant, options: AppOptions, giveWay: GiveWay): Promise<number> {
  const cursor: Cursor = {
    offset: row.next_offset,
    line: row.next_line,
    encoding: row.encoding,
    columns: row.columns ? (JSON.parse(row.columns) as string[]) : null,
    delimiter: row.delimiter,
  };
  // Locally, while the isolate serves requests, slices are smaller: a slice's D1 batch holds the thread.
  const shared = giveWay.shared();
  let length = shared ? sliceBytes(row, SHARED_SLICE_ROWS, SHARED_MIN_SLICE_BYTES) : sliceBytes(row);
  let result: ReturnType<typeof readChunk> = null;
  for (;;) {
    const want = Math.min(length, row.bytes - cursor.offset);
    const object = await env.IMAGES.get(row.r2_key, { range: { offset: cursor.offset, length: want } });
    if (!object) throw new Error('the import file is missing from storage');
    const final = cursor.offset + want >= row.bytes;
    const bytes = completeLines(new Uint8Array(await object.arrayBuffer()), final);
    await giveWay.step();
    result = bytes ? readChunk(row.format, bytes, cursor, final, tenant) : null;
    if (result) break;
    // No complete record in this window (a very long quoted field or item): read a larger one.
    if (final || length >= MAX_RECORD_BYTES) {
      await failImport(env, row, `A record starting on line ${cursor.line} is longer than ${MAX_RECORD_BYTES} bytes or never ends`);
      return 0;
    }
    length *= 2;
  }

  const wakeUps = pendingWork();
  const ctx = { db: env.DB, bucket: env.IMAGES, tenant, options, imageUrl: async () => null, waitUntil: wakeUps.add, queues: env };
  const items: WriteItem[] = [];
  const failures: ItemFailure[] = [];
  // Ids an earlier chunk of this file already had (they carry this import's mark): a repeat is the
  // same `duplicate_id` error wherever the chunk boundary happens to fall.
  const chunkIds = result.candidates.flatMap((c) => (c.ok && typeof c.product.id === 'string' ? [c.product.id] : []));
  const { results: earlier } = await env.DB.prepare('SELECT id FROM products WHERE tenant_id = ?1 AND seen_by = ?2 AND id IN (SELECT value FROM json_each(?3))')
    .bind(row.tenant_id, row.job_id, JSON.stringify(chunkIds))
    .all<{ id: string }>();
  const seen = new Set<string>(earlier.map((r) => r.id));
  const mentioned: string[] = [];
  const base = row.rows_total;
  for (const [i, candidate] of result.candidates.entries()) {
    if (i > 0 && i % SHARED_VALIDATE_STEP === 0 && (i % VALIDATE_STEP === 0 || giveWay.shared())) await giveWay.step();
    const index = base + i;
    const failed = (c: Extract<Candidate, { ok: false }>) => failures.push({ index, id: c.id, code: 'validation_failed', errors: c.errors, line: c.line });
    if (!candidate.ok) {
      failed(candidate);
      if (candidate.id) mentioned.push(candidate.id);
      continue;
    }
    const rawId = typeof candidate.product.id === 'string' ? candidate.product.id : null;
    if (rawId) mentioned.push(rawId);
    let validated: Awaited<ReturnType<typeof validateProduct>>;
    try {
      validated = await validateProduct(ctx, candidate.product);
    } catch (err) {
      // A row no validator was written for (it threw) is that row's error: retrying the chunk would
      // fail the same way forever, and hold up the rest of the file.
      console.error(JSON.stringify({ level: 'error', message: 'import row threw in validation', jobId: row.job_id, line: candidate.line, error: String(err) }));
      failures.push({ index, id: rawId, code: 'validation_failed', errors: [{ path: '', message: 'This row could not be read' }], line: candidate.line });
      continue;
    }
    if (!validated.ok) failures.push({ index, id: validated.id, code: validated.code, errors: validated.errors, line: candidate.line });
    else if (seen.has(validated.id)) {
      failures.push({ index, id: validated.id, code: 'duplicate_id', errors: [{ path: '/id', message: `"${validated.id}" appears earlier in this file` }], line: candidate.line });
    } else {
      seen.add(validated.id);
      items.push({ index, id: validated.id, doc: validated.doc });
    }
  }

  const now = Date.now();
  const extra = [
    env.DB.prepare(ADVANCE_CURSOR).bind(
      row.job_id, row.next_offset, result.next.offset, result.next.line, result.next.encoding,
      result.next.columns ? JSON.stringify(result.next.columns) : null, result.next.delimiter,
      result.candidates.length, items.length, failures.length, now,
    ),
  ];
  if (mentioned.length > 0) {
    // Marked without bumping `version` (being mentioned is not a change); the extra statements run
    // after the chunk's rows in the same batch, so products it created are marked too. Replace mode
    // deletes what is unmarked at the end; every import uses the mark to spot repeated ids.
    extra.push(
      env.DB.prepare('UPDATE products SET seen_by = ?2 WHERE tenant_id = ?1 AND id IN (SELECT value FROM json_each(?3))').bind(row.tenant_id, row.job_id, JSON.stringify(mentioned)),
    );
  }
  // The job's counts grow with this slice in its transaction, guarded by the rows counted before it.
  await giveWay.step();
  await writeProducts(ctx, { kind: 'import', items, failures, jobId: row.job_id, jobMode: 'shared', countedBefore: row.rows_total, extra, now });
  // The write scheduled its wake-ups (catalog service); they are sent before the next chunk.
  await wakeUps.settled();
  return result.candidates.length;
}

async function failImport(env: Env, row: ImportRow, note: string): Promise<void> {
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("UPDATE imports SET status = 'failed', note = ?2, completed_at = ?3, updated_at = ?3 WHERE job_id = ?1").bind(row.job_id, note, now),
    ...closeWritesStatements(env.DB, row.tenant_id, row.job_id, { deleted: 0, status: 'failed' }, now),
  ]);
}

async function finishImport(env: Env, row: ImportRow): Promise<void> {
  const status = row.rows_failed === 0 ? 'completed' : row.rows_done === 0 ? 'failed' : 'partial';
  let deleted = 0;
  let note: string | null = null;
  if (row.mode === 'replace') {
    if (status === 'completed') deleted = await deleteUnseen(env.DB, row.tenant_id, row.job_id);
    else note = `Replace mode deleted nothing: the import ended ${status}`;
  }
  const now = Date.now();
  // The status guard makes a repeated finish (a redelivered message) a no-op.
  const [claimed] = await env.DB.batch([
    env.DB.prepare("UPDATE imports SET status = ?2, note = ?3, completed_at = ?4, updated_at = ?4 WHERE job_id = ?1 AND status IN ('pending', 'processing')").bind(row.job_id, status, note, now),
  ]);
  // The job's status follows its counts by the jobs module's one rule (the same outcome as `status`).
  if ((claimed!.meta.changes ?? 0) > 0) await env.DB.batch(closeWritesStatements(env.DB, row.tenant_id, row.job_id, { deleted }, now));
  await wakeFanout(env, row.tenant_id);
}
