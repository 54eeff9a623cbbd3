/**
 * The catalog service: what every entry point (the /v1 routes, the dialects, inbound pushes, imports)
 * calls to validate, write and read products. It knows nothing about HTTP shapes beyond ApiError.
 */
import type { AppOptions } from '../config';
import type { Tenant } from '../env';
import { ApiError, type FieldError, fieldErrorsFromZod } from '../http/problem';
import { jsonCapErrors } from './model/json-caps';
import { applyMergePatch } from './model/merge-patch';
import { normalizeProduct } from './model/normalize';
import { BatchProductInput, ProductInput } from './model/product.schema';
import { docToInput, renderProduct } from './model/render';
import type { ProductOutT } from './model/product.schema';
import type { ProductDoc } from './model/product-doc';
import { listProductRows, loadProduct, type LoadedProduct } from './read-products';
import { deleteProduct } from './write/delete-product';
import { type RenameResult, renameProduct as renameProductRows } from './write/rename-product';
import { mapPool } from '../lib/pool';
import { defaultImageLimits } from '../images/probe';
import { materializeUploads, type UploadedFile } from '../images/uploads';
import { type ItemFailure, type WriteItem, type WriteResult, writeProducts } from './write/write-products';

/** The write path's entry points for imports and dialects (catalog/write/ is internal to the catalog). */
export { deleteProduct, writeProducts };
export type { ItemFailure, WriteItem, WrittenItem } from './write/write-products';

export interface CatalogContext {
  db: D1Database;
  /** R2: uploaded image bytes are stored before the write. */
  bucket: R2Bucket;
  tenant: Tenant;
  options: AppOptions;
  /** Signs the URL of a stored image (null when it has no bytes yet or URLs cannot be signed). */
  imageUrl: (image: { id: string; sha256: string | null; status: string }) => Promise<string | null>;
}

export type Validated = { ok: true; id: string; doc: ProductDoc } | { ok: false; id: string | null; code: ItemFailure['code']; errors: FieldError[] };

/**
 * Schema and size caps (`previous`: the stored document, whose over-cap values may stay as they
 * are), then the rules that need configuration (image count) or hashing (image ids), then uploaded
 * bytes to R2 (`files`: the file parts of a multipart request, by field name).
 */
export async function validateProduct(
  ctx: CatalogContext,
  body: unknown,
  schema: typeof ProductInput | typeof BatchProductInput = BatchProductInput,
  files: Map<string, UploadedFile> | null = null,
  previous: ProductDoc | null = null,
): Promise<Validated> {
  const rawId = body !== null && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'string' ? (body as { id: string }).id : null;
  const parsed = schema.safeParse(body);
  const capErrors = jsonCapErrors(body, previous);
  if (!parsed.success || capErrors.length > 0) {
    return { ok: false, id: rawId, code: 'validation_failed', errors: [...(parsed.success ? [] : fieldErrorsFromZod(parsed.error)), ...capErrors] };
  }
  const normalized = await normalizeProduct(parsed.data, ctx.options);
  if (!normalized.ok) return { ok: false, id: rawId, code: 'validation_failed', errors: normalized.errors };
  const uploadErrors = await materializeUploads(
    { db: ctx.db, bucket: ctx.bucket, tenantId: ctx.tenant.id, maxBytes: defaultImageLimits.maxBytes },
    normalized.doc,
    files,
  );
  if (uploadErrors.length > 0) return { ok: false, id: rawId, code: 'validation_failed', errors: uploadErrors };
  return { ok: true, id: parsed.data.id ?? rawId ?? '', doc: normalized.doc };
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
  ctx: CatalogContext, id: string, body: unknown, files: Map<string, UploadedFile> | null = null, kind = 'products.put', ifMatch: IfMatch = null,
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
  const result = await writeProducts(ctx.db, {
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
  return answerOf(ctx, id, result);
}

/**
 * PATCH: JSON Merge Patch over the document as clients see it, re-validated whole, written only if
 * the version is still the one read. With If-Match a lost race is 412; without it we re-read and
 * retry a few times, since the caller asked for no particular version.
 */
export async function patchProduct(ctx: CatalogContext, id: string, patch: Record<string, unknown>, ifMatch: number | null): Promise<SingleWrite> {
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
    const result = await writeProducts(ctx.db, {
      tenantId: ctx.tenant.id,
      kind: 'products.patch',
      mode: 'update-if-version',
      items: [{ index: 0, id, doc: validated.doc, expectedVersion: current.row.version }],
      failures: [],
      returnDocuments: true,
    });
    const written = result.written[0];
    const lostRace = !written || (written.outcome === 'unchanged' && written.version !== current.row.version);
    if (!lostRace) return answerOf(ctx, id, result);
    if (ifMatch !== null) throw new ApiError('precondition_failed', 'The product changed while this patch was applied');
  }
  throw new ApiError('conflict', 'The product kept changing while this patch was applied; retry');
}

export async function removeProduct(ctx: CatalogContext, id: string): Promise<{ jobId: string }> {
  const result = await deleteProduct(ctx.db, ctx.tenant.id, id);
  if (!result.deleted || !result.jobId) throw new ApiError('not_found', `No product "${id}"`);
  return { jobId: result.jobId };
}

/**
 * Gives product `from` the id `to` (one transaction: rows, images, rounds, event, job). `renamed:
 * false` when `from` is gone or `to` is taken by then; the job then says `failed`.
 */
export function renameProduct(ctx: CatalogContext, from: string, to: string, kind = 'products.rename'): Promise<RenameResult> {
  return renameProductRows(ctx.db, ctx.tenant.id, from, to, kind);
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
  options: { kind?: string; jobId?: string } = {},
): Promise<{ jobId: string; jobStatus: string; results: BatchOutcome[]; toIngest: string[] }> {
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
  const result = await writeProducts(ctx.db, { tenantId: ctx.tenant.id, kind: options.kind ?? 'products.batch', items, failures, jobId: options.jobId });
  const results: BatchOutcome[] = new Array(bodies.length);
  for (const w of result.written) {
    results[w.index] = { index: w.index, id: w.id, ok: true, status: w.outcome, number: w.number, version: w.version };
  }
  for (const f of failures) {
    results[f.index] = { index: f.index, id: f.id, ok: false, status: 'failed', error: { code: f.code, errors: f.errors } };
  }
  return { jobId: result.jobId, jobStatus: result.jobStatus, results, toIngest: result.toIngest };
}

export async function listProducts(ctx: CatalogContext, query: { afterNumber: number; limit: number; updatedSince: number | null; status: string | null }) {
  const page = await listProductRows(ctx.db, ctx.tenant.id, query);
  const last = page.items.at(-1);
  return { data: await Promise.all(page.items.map((loaded) => render(ctx, loaded))), lastNumber: page.more && last ? last.row.number : null };
}
