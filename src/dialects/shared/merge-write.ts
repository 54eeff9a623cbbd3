/**
 * Dialect writes merge (DESIGN "Dialect writes merge"): a dialect sets the fields it can express and
 * leaves the rest; a supplied image list replaces the list; vendor-only fields go to
 * `extensions.{dialect}`. This reads the current documents (one query), applies each dialect patch
 * as a JSON Merge Patch over the document as clients see it (so `localizations` and `prices` merge
 * per locale and currency, and a locale's `link` survives a title change), validates the result with
 * the canonical schema, and writes through the one write path.
 */
import { applyMergePatch } from '../../catalog/model/merge-patch';
import type { ProductDoc } from '../../catalog/model/product-doc';
import { docToInput } from '../../catalog/model/render';
import { type CatalogContext, validateProduct } from '../../catalog/products.service';
import { type ItemFailure, type WriteItem, type WrittenItem, writeProducts } from '../../catalog/products.service';
import type { FieldError } from '../../http/problem';
import type { UploadedFile } from '../../images/uploads';

export interface MergeItem {
  /** The caller's product id. */
  id: string;
  /** Canonical fields this dialect sets (a JSON Merge Patch: `null` removes a field). */
  patch: Record<string, unknown>;
  /** Vendor fields for `extensions.{dialect}`, merged over what is there. */
  extensions?: Record<string, unknown>;
  /** create: fail if it exists (409); update: fail if it does not (404); upsert: either. */
  mode?: 'upsert' | 'create' | 'update';
}

export interface MergeOptions {
  dialect: string;
  kind: string;
  /** Write nothing if any item fails (Genera's sync); otherwise valid items commit. */
  allOrNothing?: boolean;
  files?: Map<string, UploadedFile> | null;
  /** Use a job accepted earlier (inbound pushes applied from the queue). */
  jobId?: string;
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
}

interface CurrentRow {
  id: string;
  data: string;
  extensions: string | null;
}

export async function mergeWrite(ctx: CatalogContext, items: MergeItem[], options: MergeOptions): Promise<MergeResult> {
  const { results: rows } = await ctx.db
    .prepare('SELECT id, data, extensions FROM products WHERE tenant_id = ?1 AND id IN (SELECT value FROM json_each(?2))')
    .bind(ctx.tenant.id, JSON.stringify(items.map((item) => item.id)))
    .all<CurrentRow>();
  const current = new Map(rows.map((row) => [row.id, row]));

  const valid: WriteItem[] = [];
  const failures: MergeFailure[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
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
    const base = existing ? docToInput(JSON.parse(existing.data) as ProductDoc) : {};
    const merged = { ...(applyMergePatch(base, item.patch) as Record<string, unknown>), id: item.id };
    const validated = await validateProduct(ctx, merged, undefined, options.files ?? null);
    if (!validated.ok) {
      failures.push({ index, id: item.id, code: validated.code, errors: validated.errors });
      continue;
    }
    const extensions = existing?.extensions ? (JSON.parse(existing.extensions) as Record<string, Record<string, unknown>>) : {};
    if (item.extensions) extensions[options.dialect] = { ...(extensions[options.dialect] ?? {}), ...item.extensions };
    valid.push({ index, id: item.id, doc: validated.doc, extensions: Object.keys(extensions).length > 0 ? extensions : null });
  }

  if (options.allOrNothing && failures.length > 0) return { jobId: null, jobStatus: null, written: [], failures, toIngest: [] };
  const result = await writeProducts(ctx.db, {
    tenantId: ctx.tenant.id,
    kind: options.kind,
    items: valid,
    failures: failures.map((f) => ({ index: f.index, id: f.id, code: f.code, errors: f.errors })),
    setsExtensions: true,
    ...(options.jobId ? { jobId: options.jobId } : {}),
  });
  return { jobId: result.jobId, jobStatus: result.jobStatus, written: result.written, failures, toIngest: result.toIngest };
}
