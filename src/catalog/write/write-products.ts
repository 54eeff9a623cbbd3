/**
 * The one write path for products: PUT, PATCH, batch, and (later) dialects and imports all end here.
 * Validation happened before; this turns valid items into ONE D1 batch (one transaction) holding the
 * job row, the product and image rows, the outbox events and the job's closing counts, then reads back
 * which items were created, updated or unchanged.
 */
import type { FieldError } from '../../http/problem';
import { addSliceStatement, finishWriteJobStatements, type JobStatus, readJobStatusStatement, startJobStatement } from '../../jobs/job-statements';
import type { JobRow } from '../../jobs/jobs.repository';
import { canonicalJson } from '../../lib/canonical-json';
import { newId } from '../../lib/ulid';
import { REFRESH_CHUNK_PRODUCT_STATUS, settleProductStatements } from '../../images/processing-status';
import type { ProductDoc } from '../model/product-doc';
import { type LoadedProduct, loadedByIndex, SELECT_LOADED_BY_IDS } from '../read-products';
import {
  DELETE_REPLACED_IMAGES,
  GUARD_FAILED,
  GUARD_UNCHANGED,
  INSERT_JOB_ERRORS,
  OPEN_PROCESSING_ROUNDS,
  OPEN_ROUNDS_FOR_EVERY_ITEM,
  SELECT_SETTLED_WITH_OPEN_ROUNDS,
  SELECT_STORED_FOR_IDS,
  type StoredRow,
  SELECT_OUTCOMES,
  UPDATE_PRODUCTS_IF_VERSION,
  UPSERT_IMAGES,
  UPSERT_PRODUCTS,
  WANT_RECOMMENDATIONS,
} from './statements';
import { productEventsStatements } from '../../events/outbox';
import { searchText } from './search-text';

export interface WriteItem {
  /** Position in the caller's input. */
  index: number;
  id: string;
  doc: ProductDoc;
  /** Only for writes that set extensions (dialects): the whole `{dialect: {...}}` map. */
  extensions?: Record<string, unknown> | null;
  /** Update only if the stored version is this one (PATCH / If-Match). */
  expectedVersion?: number;
}

export interface ItemFailure {
  index: number;
  id: string | null;
  code: 'validation_failed' | 'duplicate_id' | 'not_found' | 'conflict';
  errors: FieldError[];
  /** For imports: the line where the record starts. */
  line?: number;
}

export type WriteMode = 'upsert' | 'update-if-version';

export interface WriteRequest {
  tenantId: string;
  /** What started the job: products.put, products.batch, ... */
  kind: string;
  items: WriteItem[];
  failures: ItemFailure[];
  mode?: WriteMode;
  setsExtensions?: boolean;
  /** A job created earlier (accepted, then applied from a queue); default: a new one. */
  jobId?: string;
  /**
   * `shared`: the job spans many writes (an import's chunks) and its owner opens and closes it; this
   * write only adds rows under it. Default `own`: this write opens and closes its job.
   */
  jobMode?: 'own' | 'shared';
  /** With jobMode `shared`: the items the job counted before this write (guards its counts against a repeated slice). */
  countedBefore?: number;
  /**
   * Every written item opens a processing round of this job, even when unchanged or with nothing to
   * process (those settle in the same transaction: `product.processed` at once), so each write ends
   * in exactly one `product.processed` per item. Only with jobMode `own`.
   */
  roundPerItem?: boolean;
  /** Statements that must commit in the same transaction as the rows (an import's cursor). */
  extra?: D1PreparedStatement[];
  /**
   * Also return each written product as it stands at the end of this write's transaction (for answers
   * that show the document): read back after the commit, a concurrent writer's state would answer.
   */
  returnDocuments?: boolean;
  now?: number;
}

export type ItemOutcome = 'created' | 'updated' | 'unchanged';

export interface WrittenItem {
  index: number;
  id: string;
  number: number;
  version: number;
  productStatus: string;
  /** `unchanged` also covers an update-if-version that lost the race: compare `version`. */
  outcome: ItemOutcome;
  /** With `returnDocuments`: the product and its images as this write left them. */
  loaded?: LoadedProduct;
}

export interface WriteResult {
  jobId: string;
  /** The job's status as this write's transaction left it. */
  jobStatus: JobStatus;
  /** The job row as this write's transaction left it (what the batch route answers). */
  job: JobRow;
  written: WrittenItem[];
  /** Items that vanished between validation and commit (update-only writes of a deleted product). */
  missing: number[];
  /** Products this write left with images to process: the ingest queue gets one message each. */
  toIngest: string[];
}

/** Items per statement: bounded by count and by JSON size, well inside D1's statement limits. */
const CHUNK_ITEMS = 200;
const CHUNK_BYTES = 400_000;

interface EncodedItem {
  index: number;
  /** For the upsert: the documents. */
  json: string;
  /** For the statements after it: ids and images only (a chunk's documents are bound once, not six times). */
  slim: string;
  keep: string[];
}

function encodeItem(item: WriteItem, doc: string, hash: string, ext: string | null, validUntil: number | null, now: number): EncodedItem {
  const images = (item.doc.images ?? []).map((image) => {
    const src = canonicalJson(image.source);
    const pl = canonicalJson(image.pipelines);
    return {
      k: image.id,
      iid: newId('img', now),
      // Uploaded bytes are already in R2: the row knows their hash from the start.
      sha: 'sha256' in image.source ? image.source.sha256 : null,
      src,
      pl,
      cl: image.classifications ? canonicalJson(image.classifications) : null,
    };
  });
  const json = JSON.stringify({
    id: item.id,
    doc,
    h: hash,
    st: images.length === 0 ? 'done' : null,
    ext,
    exp: validUntil,
    ev: item.expectedVersion ?? null,
    ft: searchText(item.doc),
  });
  const slim = JSON.stringify({ id: item.id, eid: newId('evt', now), img: images });
  const keep = images.map((im) => [item.id, im.k, im.src, im.pl].join('\x1f'));
  return { index: item.index, json, slim, keep };
}

function chunk(encoded: EncodedItem[]): EncodedItem[][] {
  const chunks: EncodedItem[][] = [];
  let current: EncodedItem[] = [];
  let bytes = 0;
  for (const item of encoded) {
    if (current.length > 0 && (current.length >= CHUNK_ITEMS || bytes + item.json.length > CHUNK_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.json.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Fewer items than this skip the unchanged pre-read: a single PUT would pay a round trip to save less. */
const PRECHECK_MIN_ITEMS = 2;


const encoder = new TextEncoder();

/**
 * The content hash stored beside `data`: SHA-256 of the canonical text, base64 (44 characters).
 * The 32 bytes go to btoa in one String.fromCharCode call: the byte-by-byte loop over the array's
 * iterator was most of this function's ~3-5 ms of self time per 1,000 products in workerd (CPU
 * profile, bench/cpu-profile.mjs; ~20 -> ~16 ms per 1,000 in Node 22 with its slower digest).
 */
async function contentHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return btoa(String.fromCharCode.apply(null, digest as unknown as number[]));
}

/**
 * Items whose stored text already equals what this write would store (the upsert's own rule:
 * `data`, and `extensions` for dialect writes), answered from what was read; by position in `items`.
 */
async function findUnchanged(db: D1Database, tenantId: string, items: WriteItem[], encoded: Encoded, setsExtensions: boolean) {
  const ids = JSON.stringify(items.map((item) => item.id));
  const stored = await db.prepare(SELECT_STORED_FOR_IDS).bind(tenantId, ids, setsExtensions ? 1 : 0).all<StoredRow>();
  const unchanged = new Map<number, StoredRow>();
  for (const row of stored.results) {
    const same = row.content_hash !== null ? row.content_hash === encoded.hashes[row.idx] : row.data === encoded.docs[row.idx];
    if (same && (!setsExtensions || row.extensions === encoded.exts[row.idx])) unchanged.set(row.idx, row);
  }
  return unchanged;
}

/** Each item's canonical text, its hash and its extensions' text, by position in `items`. */
interface Encoded {
  docs: string[];
  hashes: string[];
  exts: (string | null)[];
}

export async function writeProducts(db: D1Database, request: WriteRequest): Promise<WriteResult> {
  const now = request.now ?? Date.now();
  const { items } = request;
  const mode = request.mode ?? 'upsert';
  const setsExtensions = request.setsExtensions ?? false;
  const docs = items.map((item) => canonicalJson(item.doc));
  const encoded: Encoded = { docs, hashes: await Promise.all(docs.map(contentHash)), exts: items.map((item) => (item.extensions ? canonicalJson(item.extensions) : null)) };
  // Unchanged re-sends (a feed sent again) are common: decided once here, they never reach the
  // write's statements (upsert, images, status, rounds, events). Measured (bench, loaded machine):
  // re-send / changed 1.2-1.5x before, 1.8-2.3x after; reading hashes, not documents, was ~40-60 ms less.
  if (mode === 'upsert' && items.length >= PRECHECK_MIN_ITEMS) {
    const unchanged = await findUnchanged(db, request.tenantId, items, encoded, setsExtensions);
    if (unchanged.size > 0) {
      try {
        return await writeRows(db, request, now, encoded, unchanged);
      } catch (error) {
        // A stale read (replica lag, or a write in between): write everything the ordinary way.
        if (!GUARD_FAILED.test(String((error as Error)?.message ?? error))) throw error;
      }
    }
  }
  return await writeRows(db, request, now, encoded, new Map());
}

async function writeRows(
  db: D1Database,
  request: WriteRequest,
  now: number,
  { docs, hashes, exts }: Encoded,
  unchanged: Map<number, StoredRow>,
): Promise<WriteResult> {
  const { tenantId, failures } = request;
  const mode = request.mode ?? 'upsert';
  const setsExtensions = request.setsExtensions ?? false;
  const jobId = request.jobId ?? newId('job', now);
  const items = request.items;
  const total = items.length + failures.length;
  // Positions (in `items`) of the items this write binds into its statements.
  const toWrite: number[] = [];
  for (let position = 0; position < items.length; position++) if (!unchanged.has(position)) toWrite.push(position);

  const encoded = toWrite.map((position) => {
    const item = items[position]!;
    const ttl = item.doc.validForDays;
    return encodeItem(item, docs[position]!, hashes[position]!, exts[position]!, typeof ttl === 'number' ? now + ttl * 86_400_000 : null, now);
  });

  const ownJob = (request.jobMode ?? 'own') === 'own';
  const statements: D1PreparedStatement[] = ownJob ? [startJobStatement(db, { id: jobId, tenantId, kind: request.kind, total }, now)] : [];
  if (unchanged.size > 0) {
    const read = [...unchanged.values()].map((row) => ({ id: items[row.idx]!.id, v: row.version, f: row.money_format }));
    statements.unshift(db.prepare(GUARD_UNCHANGED).bind(tenantId, JSON.stringify(read)));
  }
  const writeSql = mode === 'upsert' ? UPSERT_PRODUCTS(setsExtensions) : UPDATE_PRODUCTS_IF_VERSION(setsExtensions);

  for (const part of chunk(encoded)) {
    const itemsJson = `[${part.map((e) => e.json).join(',')}]`;
    const slimJson = `[${part.map((e) => e.slim).join(',')}]`;
    const keepJson = JSON.stringify(part.flatMap((e) => e.keep));
    const base = [tenantId, jobId, now, slimJson] as const;
    // A chunk without images leaves its changed products with none (the delete drops the old ones):
    // the upsert already set them `done`, so there is nothing to insert, no status to compute and no
    // round to open. Three statements of a single PUT's 15 (most writes carry no images).
    const hasImages = part.some((e) => e.keep.length > 0);
    statements.push(
      db.prepare(writeSql).bind(tenantId, jobId, now, itemsJson),
      db.prepare(DELETE_REPLACED_IMAGES).bind(...base, keepJson),
      ...(hasImages
        ? [db.prepare(UPSERT_IMAGES).bind(...base), db.prepare(REFRESH_CHUNK_PRODUCT_STATUS).bind(...base), db.prepare(OPEN_PROCESSING_ROUNDS).bind(...base)]
        : []),
      ...productEventsStatements(db, tenantId, jobId, now, slimJson),
    );
  }

  // In the events' batch, so the recommendations consumer never moves its watermark past them unasked.
  if (items.some((item) => item.doc.recommend !== undefined && item.doc.recommend !== 'none')) statements.push(db.prepare(WANT_RECOMMENDATIONS).bind(tenantId, now));

  if (failures.length > 0) {
    const rows = failures.map((f) => ({ i: f.index, id: f.id, code: f.code, errors: JSON.stringify(f.errors), line: f.line ?? null }));
    for (let i = 0; i < rows.length; i += 500) {
      statements.push(db.prepare(INSERT_JOB_ERRORS).bind(tenantId, jobId, now, JSON.stringify(rows.slice(i, i + 500))));
    }
  }

  const ids = JSON.stringify(items.map((item) => item.id));
  // Counting and answering need only the bound items: an unchanged one carries no mark of this job.
  const writtenIds = unchanged.size > 0 ? JSON.stringify(toWrite.map((position) => items[position]!.id)) : ids;
  const roundPerItem = ownJob && (request.roundPerItem ?? false) && items.length > 0;
  // Opened before the job is finished, so the job stays `processing` and INSERT_JOB_COMPLETED holds
  // off; the settle below then closes the rounds of products with nothing pending and finishes the
  // job with its one `job.completed`.
  if (roundPerItem) statements.push(db.prepare(OPEN_ROUNDS_FOR_EVERY_ITEM).bind(tenantId, jobId, now, ids));
  if (ownJob) statements.push(...finishWriteJobStatements(db, tenantId, jobId, { ok: items.length, failed: failures.length, deleted: 0 }, now));
  else statements.push(addSliceStatement(db, tenantId, jobId, { writtenIds, ok: items.length, failed: failures.length, countedBefore: request.countedBefore ?? 0 }, now));
  if (roundPerItem) for (const item of items) statements.push(...settleProductStatements(db, tenantId, item.id, now));
  statements.push(...(request.extra ?? []));

  const settledAt = statements.push(db.prepare(SELECT_SETTLED_WITH_OPEN_ROUNDS).bind(tenantId, jobId, now, writtenIds)) - 1;
  const jobStatusAt = statements.push(readJobStatusStatement(db, jobId)) - 1;
  const outcomesAt = statements.push(db.prepare(SELECT_OUTCOMES).bind(tenantId, jobId, now, writtenIds)) - 1;
  const documentsAt = request.returnDocuments ? statements.push(db.prepare(SELECT_LOADED_BY_IDS).bind(tenantId, ids)) - 1 : -1;

  const results = await db.batch(statements);
  // Rare: an earlier write's images were removed by this one before they were processed. Its round
  // would never close (nothing left to process), so settle those products now.
  const settled = results[settledAt]!.results as Array<{ id: string }>;
  if (settled.length > 0) await db.batch(settled.flatMap((p) => settleProductStatements(db, tenantId, p.id, Date.now())));
  const rows = results[outcomesAt]!.results as Array<{ idx: number; id: string; number: number; version: number; status: string; touched: number }>;
  const documents = documentsAt >= 0 ? loadedByIndex(results[documentsAt]!.results as Parameters<typeof loadedByIndex>[0]) : null;

  const byPosition = new Map(rows.map((row) => [toWrite[row.idx]!, row]));
  const written: WrittenItem[] = [];
  const missing: number[] = [];
  items.forEach((item, position) => {
    // `loaded` is set afterwards rather than spread in (`...(cond ? {loaded} : {})`, a fresh object and
    // a spread per item): this closure had ~5 ms of self time per 1,000 unchanged items in one CPU
    // profile of re-sends in workerd (bench/cpu-profile.mjs; a noisy figure, the change is cheap).
    let entry: WrittenItem;
    const stored = unchanged.get(position);
    if (stored) {
      entry = { index: item.index, id: item.id, number: stored.number, version: stored.version, productStatus: stored.status, outcome: 'unchanged' };
    } else {
      const row = byPosition.get(position);
      if (!row) {
        missing.push(item.index);
        return;
      }
      entry = {
        index: item.index,
        id: row.id,
        number: row.number,
        version: row.version,
        productStatus: row.status,
        outcome: !row.touched ? 'unchanged' : row.version === 1 ? 'created' : 'updated',
      };
    }
    const loaded = documents?.get(position);
    if (loaded) entry.loaded = loaded;
    written.push(entry);
  });
  // `processing` too: a product whose other images are done (or in flight) may have just got a new one.
  const toIngest = written.filter((w) => w.outcome !== 'unchanged' && (w.productStatus === 'pending' || w.productStatus === 'processing')).map((w) => w.id);
  const job = results[jobStatusAt]!.results[0] as JobRow;
  return { jobId, jobStatus: job.status, job, written, missing, toIngest };
}
