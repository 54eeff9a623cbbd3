/**
 * The catalog service: what every entry point (the /v1 routes, the dialects, inbound pushes, imports)
 * calls to validate, write and read products. It knows nothing about HTTP shapes beyond ApiError.
 */
import type { AppOptions } from '../config';
import type { Env, Tenant } from '../env';
import { wakeFanout } from '../events/wake';
import { reopenImages } from '../images/refresh';
import { wakeIngest } from '../images/wake';
import { ApiError, type FieldError } from '../http/problem';
import { applyMergePatch } from './model/merge-patch';
import { validateDocument } from './model/validate-document';
import { BatchProductInput, ProductInput } from './model/product.schema';
import { docToInput, renderProduct } from './model/render';
import type { ProductOutT } from './model/product.schema';
import type { ProductDoc } from './model/product-doc';
import { issueListCursor, readListCursor } from '../http/cursor';
import { cursorFields, LEGACY_CURSOR_SHAPES, type ListParams, listingName, positionOf, searchErrors, toListFilter } from './list-filters';
import { type KeyAfter, listProductRows, type ListQuery, loadProduct, type LoadedProduct, shapeOf } from './read-products';
import { type DeleteReason, type DeleteResult, deleteProduct as deleteProductRows } from './write/delete-product';
import { type RenameResult, renameProduct as renameProductRows } from './write/rename-product';
import { mapPool } from '../lib/pool';
import { defaultImageLimits } from '../images/probe';
import { materializeUploads, type UploadedFile } from '../images/uploads';
import { type ItemFailure, type WriteItem, type WriteRequest, type WriteResult, writeProducts as writeProductRows } from './write/write-products';

export type { ItemFailure, WriteItem, WrittenItem } from './write/write-products';
export type { RenameResult };

export interface CatalogContext {
  db: D1Database;
  /** R2: uploaded image bytes are stored before the write. */
  bucket: R2Bucket;
  tenant: Tenant;
  options: AppOptions;
  /** Signs the URL of a stored image (null when it has no bytes yet or URLs cannot be signed). */
  imageUrl: (image: { id: string; sha256: string | null; status: string }) => Promise<string | null>;
  /**
   * Keeps a post-commit wake-up running after the answer: the request's or the queue message's
   * execution context. Every write function below schedules its own wake-ups through it, so no entry
   * point can forget one.
   */
  waitUntil: (promise: Promise<unknown>) => void;
  /** The queues the wake-ups go to. */
  queues: Pick<Env, 'EVENTS_QUEUE' | 'INGEST_QUEUE'>;
}

/**
 * After a write's D1 batch commits: wake the fan-out (every committed write wrote events: its
 * `job.completed` at least) and the ingest queue for the products left with images to process. Never
 * awaited by the write: both are best effort, and the cron catches up on a lost one (DESIGN
 * "Durability").
 */
function wakeAfterCommit(ctx: CatalogContext, toIngest: string[], refresh = false): void {
  ctx.waitUntil(wakeFanout(ctx.queues, ctx.tenant.id));
  if (toIngest.length > 0) ctx.waitUntil(wakeIngest(ctx.queues, ctx.tenant.id, toIngest, refresh));
}

/** `refresh` (`?refresh=true`): the written products' settled images are reopened and fetched again (images/refresh). */
export interface WriteOptions {
  refresh?: boolean;
}

/** The ingest wake-up of a write, with `refresh` the written products' settled images reopened first. */
async function wakeAfterWrite(ctx: CatalogContext, result: WriteResult, written: string[], refresh: boolean): Promise<void> {
  const reopened = refresh ? await reopenImages(ctx.db, ctx.tenant.id, written, result.jobId) : [];
  wakeAfterCommit(ctx, [...new Set([...result.toIngest, ...reopened])], refresh);
}

/**
 * The write path for imports and dialects (catalog/write/ is internal to the catalog), with its
 * wake-ups. `renameAfter` (a single item): the product is then given a new id, and the ingest wake-up
 * follows it there (Robosize's PATCH with a new `store_id`).
 */
export async function writeProducts(
  ctx: CatalogContext,
  request: Omit<WriteRequest, 'tenantId'>,
  renameAfter?: { to: string; kind: string },
): Promise<WriteResult & { renamed?: RenameResult }> {
  const result = await writeProductRows(ctx.db, { ...request, tenantId: ctx.tenant.id });
  const from = request.items[0]?.id;
  if (!renameAfter || from === undefined || request.items.length !== 1) {
    wakeAfterCommit(ctx, result.toIngest);
    return result;
  }
  const renamed = await renameProductRows(ctx.db, ctx.tenant.id, from, renameAfter.to, renameAfter.kind);
  let toIngest = result.toIngest;
  if (renamed.renamed) {
    // Image work queued under the old id follows the product to its new one.
    toIngest = toIngest.filter((id) => id !== from);
    if (renamed.status === 'pending' || renamed.status === 'processing') toIngest.push(renameAfter.to);
  }
  wakeAfterCommit(ctx, toIngest);
  return { ...result, renamed };
}

export type Validated = { ok: true; id: string; doc: ProductDoc } | { ok: false; id: string | null; code: ItemFailure['code']; errors: FieldError[] };

/**
 * The model's rules in one pass (model/validate-document.ts: schema, size caps with `previous` the
 * stored document, normalisation), then uploaded bytes to R2 (`files`: the file parts of a multipart
 * request, by field name).
 */
export async function validateProduct(
  ctx: CatalogContext,
  body: unknown,
  schema: typeof ProductInput | typeof BatchProductInput = BatchProductInput,
  files: Map<string, UploadedFile> | null = null,
  previous: ProductDoc | null = null,
): Promise<Validated> {
  const rawId = body !== null && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'string' ? (body as { id: string }).id : null;
  const validated = await validateDocument(body, schema, ctx.options, previous);
  if (!validated.ok) return { ok: false, id: rawId, code: 'validation_failed', errors: validated.errors };
  // Most products of a batch carry no image: no upload context and no await for them.
  const uploadErrors = validated.doc.images?.length
    ? await materializeUploads({ db: ctx.db, bucket: ctx.bucket, tenantId: ctx.tenant.id, maxBytes: defaultImageLimits.maxBytes }, validated.doc, files)
    : [];
  if (uploadErrors.length > 0) return { ok: false, id: rawId, code: 'validation_failed', errors: uploadErrors };
  return { ok: true, id: validated.id ?? rawId ?? '', doc: validated.doc };
}

export async function render(ctx: CatalogContext, loaded: LoadedProduct): Promise<ProductOutT> {
  const urls = new Map<string, string | null>();
  await Promise.all(loaded.images.map(async (image) => urls.set(image.id, await ctx.imageUrl(image))));
  return renderProduct(loaded.row, loaded.images, { defaultLocale: ctx.tenant.defaultLocale, imageUrl: (image) => urls.get(image.id) ?? null });
}

export async function getProduct(ctx: CatalogContext, id: string): Promise<ProductOutT> {
  const loaded = await loadProduct(ctx.db, ctx.tenant.id, id);
  if (!loaded) throw new ApiError('not_found', `No product "${id}"`);
  return await render(ctx, loaded);
}

export interface SingleWrite {
  product: ProductOutT;
  jobId: string;
  outcome: 'created' | 'updated' | 'unchanged';
  /** Products left with images to process (for the ingest queue). */
  toIngest: string[];
}

/** The answer of a single write: the product as this write's own transaction left it (`returnDocuments`). */
async function answerOf(ctx: CatalogContext, id: string, result: WriteResult): Promise<SingleWrite> {
  const written = result.written[0];
  if (!written?.loaded) throw new ApiError('not_found', `No product "${id}"`);
  return { product: await render(ctx, written.loaded), jobId: result.jobId, outcome: written.outcome, toIngest: result.toIngest };
}

/** An If-Match header as parsed: a version, `*` (the product must exist), or none. */
export type IfMatch = number | '*' | null;

/**
 * PUT (and POST /v1/products): create or replace the whole document. With If-Match the product must
 * exist (and, unless `*`, be at that version), and the replace is written only if it still is: the
 * same version-guarded write PATCH uses, so a concurrent writer in between is a 412, not lost.
 */
export async function putProduct(
  ctx: CatalogContext,
  id: string,
  body: unknown,
  files: Map<string, UploadedFile> | null = null,
  kind = 'products.put',
  ifMatch: IfMatch = null,
  options: WriteOptions = {},
): Promise<SingleWrite> {
  const validated = await validateProduct(ctx, body, ProductInput, files);
  if (!validated.ok) throw new ApiError('validation_failed', 'The product is not valid', validated.errors);
  if (validated.id && validated.id !== id) {
    throw new ApiError('validation_failed', 'The body id differs from the path id', [{ path: '/id', message: `Must be "${id}" or absent` }]);
  }
  let expectedVersion: number | undefined;
  if (ifMatch !== null) {
    const current = await loadProduct(ctx.db, ctx.tenant.id, id);
    if (!current) throw new ApiError('precondition_failed', `No product "${id}" exists, and If-Match requires one`);
    if (ifMatch !== '*' && current.row.version !== ifMatch) {
      throw new ApiError('precondition_failed', `The product is at version ${current.row.version}, not ${ifMatch}`);
    }
    expectedVersion = current.row.version;
  }
  const result = await writeProductRows(ctx.db, {
    tenantId: ctx.tenant.id,
    kind,
    ...(expectedVersion !== undefined ? { mode: 'update-if-version' as const } : {}),
    items: [{ index: 0, id, doc: validated.doc, ...(expectedVersion !== undefined ? { expectedVersion } : {}) }],
    failures: [],
    returnDocuments: true,
  });
  const written = result.written[0];
  if (expectedVersion !== undefined && (!written || (written.outcome === 'unchanged' && written.version !== expectedVersion))) {
    throw new ApiError('precondition_failed', 'The product changed while this write was applied');
  }
  await wakeAfterWrite(ctx, result, [id], options.refresh ?? false);
  return answerOf(ctx, id, result);
}

/**
 * PATCH: JSON Merge Patch over the document as clients see it, re-validated whole, written only if
 * the version is still the one read. With If-Match a lost race is 412; without it we re-read and
 * retry a few times, since the caller asked for no particular version.
 */
export async function patchProduct(
  ctx: CatalogContext, id: string, patch: Record<string, unknown>, ifMatch: number | null, options: WriteOptions = {},
): Promise<SingleWrite> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await loadProduct(ctx.db, ctx.tenant.id, id);
    if (!current) throw new ApiError('not_found', `No product "${id}"`);
    if (ifMatch !== null && current.row.version !== ifMatch) {
      throw new ApiError('precondition_failed', `The product is at version ${current.row.version}, not ${ifMatch}`);
    }
    if ('id' in patch && patch.id !== id) {
      throw new ApiError('validation_failed', 'The id cannot be changed', [{ path: '/id', message: `Must be "${id}" or absent` }]);
    }
    const stored = JSON.parse(current.row.data) as ProductDoc;
    const merged = applyMergePatch(docToInput(stored), patch);
    const validated = await validateProduct(ctx, merged, ProductInput, null, stored);
    if (!validated.ok) throw new ApiError('validation_failed', 'The patched product is not valid', validated.errors);
    const result = await writeProductRows(ctx.db, {
      tenantId: ctx.tenant.id,
      kind: 'products.patch',
      mode: 'update-if-version',
      items: [{ index: 0, id, doc: validated.doc, expectedVersion: current.row.version }],
      failures: [],
      returnDocuments: true,
    });
    const written = result.written[0];
    const lostRace = !written || (written.outcome === 'unchanged' && written.version !== current.row.version);
    if (!lostRace) {
      await wakeAfterWrite(ctx, result, [id], options.refresh ?? false);
      return answerOf(ctx, id, result);
    }
    if (ifMatch !== null) throw new ApiError('precondition_failed', 'The product changed while this patch was applied');
  }
  throw new ApiError('conflict', 'The product kept changing while this patch was applied; retry');
}

/** Deletes a product (its tombstone event and job in one transaction); wakes the fan-out if it was deleted. */
export async function deleteProduct(ctx: CatalogContext, id: string, options: { reason?: DeleteReason; kind?: string } = {}): Promise<DeleteResult> {
  const result = await deleteProductRows(ctx.db, ctx.tenant.id, id, options);
  if (result.deleted) wakeAfterCommit(ctx, []);
  return result;
}

export async function removeProduct(ctx: CatalogContext, id: string): Promise<{ jobId: string }> {
  const result = await deleteProduct(ctx, id);
  if (!result.deleted || !result.jobId) throw new ApiError('not_found', `No product "${id}"`);
  return { jobId: result.jobId };
}

/**
 * Gives product `from` the id `to` (one transaction: rows, images, rounds, event, job). `renamed:
 * false` when `from` is gone or `to` is taken by then; the job then says `failed`.
 */
export async function renameProduct(ctx: CatalogContext, from: string, to: string, kind = 'products.rename'): Promise<RenameResult> {
  const renamed = await renameProductRows(ctx.db, ctx.tenant.id, from, to, kind);
  if (renamed.renamed) wakeAfterCommit(ctx, renamed.status === 'pending' || renamed.status === 'processing' ? [to] : []);
  return renamed;
}

export interface BatchOutcome {
  index: number;
  id: string | null;
  ok: boolean;
  status: 'created' | 'updated' | 'unchanged' | 'failed';
  number?: number;
  version?: number;
  error?: { code: string; errors: FieldError[] };
}

/**
 * Validate every item first, then write the valid ones in one transaction. Items repeating an id seen
 * earlier in the same batch fail (which version should win would otherwise be a guess).
 */
export async function batchUpsert(
  ctx: CatalogContext,
  bodies: unknown[],
  options: { kind?: string; jobId?: string } & WriteOptions = {},
): Promise<{ jobId: string; jobStatus: string; job: WriteResult['job']; results: BatchOutcome[]; toIngest: string[] }> {
  const items: WriteItem[] = [];
  const failures: ItemFailure[] = [];
  const seen = new Set<string>();
  // Validation awaits hashing (image ids) and, for uploads, R2: a few at a time overlaps the waits.
  const validatedAll = await mapPool(bodies, 8, (body) => validateProduct(ctx, body));
  for (const [index, validated] of validatedAll.entries()) {
    if (!validated.ok) {
      failures.push({ index, id: validated.id, code: validated.code, errors: validated.errors });
    } else if (seen.has(validated.id)) {
      failures.push({ index, id: validated.id, code: 'duplicate_id', errors: [{ path: '/id', message: `"${validated.id}" appears earlier in this batch` }] });
    } else {
      seen.add(validated.id);
      items.push({ index, id: validated.id, doc: validated.doc });
    }
  }
  const result = await writeProductRows(ctx.db, { tenantId: ctx.tenant.id, kind: options.kind ?? 'products.batch', items, failures, jobId: options.jobId });
  await wakeAfterWrite(ctx, result, result.written.map((w) => w.id), options.refresh ?? false);
  const results: BatchOutcome[] = new Array(bodies.length);
  for (const w of result.written) {
    results[w.index] = { index: w.index, id: w.id, ok: true, status: w.outcome, number: w.number, version: w.version };
  }
  for (const f of failures) {
    results[f.index] = { index: f.index, id: f.id, ok: false, status: 'failed', error: { code: f.code, errors: f.errors } };
  }
  return { jobId: result.jobId, jobStatus: result.jobStatus, job: result.job, results, toIngest: result.toIngest };
}

/** A page of products (read-products.listProductRows), rendered; `next` is where the following page starts. */
export async function listProducts(ctx: CatalogContext, query: ListQuery) {
  const page = await listProductRows(ctx.db, ctx.tenant.id, query);
  return { data: await Promise.all(page.items.map((loaded) => render(ctx, loaded))), next: page.next };
}

/**
 * A page of the product list as clients ask for it: filters as the query gives them, the opaque
 * cursor of the previous page (tied to this listing: another filter's cursor is a 400 to restart),
 * and the cursor of the next. /v1/products and the dashboard's catalog both page through this.
 */
export async function listProductPage(ctx: CatalogContext, params: ListParams, cursor: string | undefined, limit: number) {
  const errors = searchErrors(params.q);
  if (errors.length > 0) throw new ApiError('validation_failed', 'Invalid query parameters', errors);
  const filter = toListFilter(ctx.tenant.id, params);
  const shape = shapeOf(filter);
  const listing = listingName(shape, params);
  const position = readListCursor(cursor, listing, cursorFields(shape), LEGACY_CURSOR_SHAPES.has(shape));
  const page = await listProducts(ctx, { filter, limit, after: position as KeyAfter | null });
  return { data: page.data, nextCursor: page.next ? issueListCursor(listing, positionOf(shape, page.next)) : null };
}
