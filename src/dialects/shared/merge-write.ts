/**
 * Dialect writes merge (DESIGN "Dialect writes merge"): a dialect sets the fields it can express and
 * leaves the rest; a supplied image list replaces the list; vendor-only fields go to
 * `extensions.{dialect}`. This reads the current documents (one query), applies each dialect patch
 * as a JSON Merge Patch over the document as clients see it (so `localizations` and `prices` merge
 * per locale and currency, and a locale's `link` survives a title change), validates the result with
 * the canonical schema, and writes through the one write path.
 */
import { storedDocuments } from '../../catalog/lookups';
import { applyMergePatch } from '../../catalog/model/merge-patch';
import type { ProductDoc } from '../../catalog/model/product-doc';
import { docToInput } from '../../catalog/model/render';
import { type CatalogContext, type RenameResult, validateProduct } from '../../catalog/products.service';
import { type ItemFailure, type WriteItem, type WrittenItem, writeProducts } from '../../catalog/products.service';
import type { FieldError } from '../../http/problem';
import type { UploadedFile } from '../../images/uploads';

export interface MergeItem {
  /** The caller's product id. */
  id: string;
  /** Position in the caller's input (results and job errors use it); default: the position in `items`. */
  index?: number;
  /** Canonical fields this dialect sets (a JSON Merge Patch: `null` removes a field). */
  patch: Record<string, unknown>;
  /** Vendor fields for `extensions.{dialect}`, merged over what is there. */
  extensions?: Record<string, unknown>;
  /** create: fail if it exists (409); update: fail if it does not (404); upsert: either. */
  mode?: 'upsert' | 'create' | 'update';
  /** Canonical fields a new product starts with, under the patch (e.g. `active: true`); ignored for an existing one. */
  defaults?: Record<string, unknown>;
}

export interface MergeOptions {
  dialect: string;
  kind: string;
  /** Write nothing if any item fails (Genera's sync); otherwise valid items commit. */
  allOrNothing?: boolean;
  files?: Map<string, UploadedFile> | null;
  /** Use a job accepted earlier (inbound pushes applied from the queue). */
  jobId?: string;
  /** Answers that show the document: each written item carries it as this write left it (`loaded`). */
  returnDocuments?: boolean;
  /** Items the dialect refused before the merge: recorded in the job with the others, so its counts and status cover the whole request. */
  refused?: ItemFailure[];
  /** Every written product ends in one `product.processed`, even unchanged (see WriteRequest.roundPerItem). */
  roundPerItem?: boolean;
  /** A single item: after the write, the product is given this new id (its own job, `kind`). */
  renameTo?: { to: string; kind: string };
}

export interface MergeFailure {
  index: number;
  id: string;
  code: ItemFailure['code'];
  errors: FieldError[];
}

export interface MergeResult {
  /** Null when all-or-nothing refused the whole write. */
  jobId: string | null;
  jobStatus: string | null;
  written: WrittenItem[];
  failures: MergeFailure[];
  toIngest: string[];
  /** With `renameTo`, once the write committed: whether the product took its new id. */
  renamed?: RenameResult;
}

/** Writes through the catalog service, which schedules the wake-ups once the write commits. */
export async function mergeWrite(ctx: CatalogContext, items: MergeItem[], options: MergeOptions): Promise<MergeResult> {
  const current = await storedDocuments(ctx, items.map((item) => item.id));

  const valid: WriteItem[] = [];
  const failures: MergeFailure[] = [];
  const seen = new Set<string>();
  for (const [position, item] of items.entries()) {
    const index = item.index ?? position;
    const existing = current.get(item.id);
    const mode = item.mode ?? 'upsert';
    if (seen.has(item.id)) {
      failures.push({ index, id: item.id, code: 'duplicate_id', errors: [{ path: '/id', message: `"${item.id}" appears earlier in this request` }] });
      continue;
    }
    seen.add(item.id);
    if (mode === 'create' && existing) {
      failures.push({ index, id: item.id, code: 'conflict', errors: [{ path: '/id', message: `A product "${item.id}" already exists` }] });
      continue;
    }
    if (mode === 'update' && !existing) {
      failures.push({ index, id: item.id, code: 'not_found', errors: [{ path: '/id', message: `No product "${item.id}"` }] });
      continue;
    }
    const stored = existing ? (JSON.parse(existing.data) as ProductDoc) : null;
    const base = stored ? docToInput(stored) : { ...item.defaults };
    const merged = { ...(applyMergePatch(base, item.patch) as Record<string, unknown>), id: item.id };
    const validated = await validateProduct(ctx, merged, undefined, options.files ?? null, stored);
    if (!validated.ok) {
      failures.push({ index, id: item.id, code: validated.code, errors: validated.errors });
      continue;
    }
    const extensions = existing?.extensions ? (JSON.parse(existing.extensions) as Record<string, Record<string, unknown>>) : {};
    if (item.extensions) extensions[options.dialect] = { ...(extensions[options.dialect] ?? {}), ...item.extensions };
    valid.push({ index, id: item.id, doc: validated.doc, extensions: Object.keys(extensions).length > 0 ? extensions : null });
  }

  if (options.allOrNothing && failures.length > 0) return { jobId: null, jobStatus: null, written: [], failures, toIngest: [] };
  const result = await writeProducts(ctx, {
    kind: options.kind,
    items: valid,
    failures: [...(options.refused ?? []), ...failures.map((f) => ({ index: f.index, id: f.id, code: f.code, errors: f.errors }))],
    setsExtensions: true,
    returnDocuments: options.returnDocuments ?? false,
    ...(options.jobId ? { jobId: options.jobId } : {}),
    ...(options.roundPerItem ? { roundPerItem: true } : {}),
  }, options.renameTo);
  return {
    jobId: result.jobId, jobStatus: result.jobStatus, written: result.written, failures, toIngest: result.toIngest,
    ...(result.renamed ? { renamed: result.renamed } : {}),
  };
}
