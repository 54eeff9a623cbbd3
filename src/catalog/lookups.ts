/**
 * The catalog service's reads for adapters (dialects): products by server number, by the job that
 * wrote them, by offset page, and the stored documents a merge write starts from. The SQL is in
 * lookups.queries.ts; callers never see a statement.
 */
import {
  COUNT_PRODUCTS_IF_CHANGED,
  type CountIfChangedRow,
  type ProductRowWithImage,
  SELECT_DOCS_BY_IDS,
  SELECT_IDS_BY_JOB,
  SELECT_IDS_BY_NUMBERS,
  SELECT_NUMBER_BY_ID,
  SELECT_PAGE_BY_OFFSET,
  type StoredDocRow,
} from './lookups.queries';
import { read, readBatch } from '../db/batch';
import { cachedCount, rememberCount } from './count-cache';
import type { CatalogContext } from './products.service';

export type { ProductRowWithImage, StoredDocRow } from './lookups.queries';

type Scope = Pick<CatalogContext, 'db' | 'tenant'>;

/** The stored documents (and extensions) of these ids; absent ids are simply missing from the map. */
export async function storedDocuments(ctx: Scope, ids: string[]): Promise<Map<string, StoredDocRow>> {
  const { results } = await ctx.db.prepare(SELECT_DOCS_BY_IDS).bind(ctx.tenant.id, JSON.stringify(ids)).all<StoredDocRow>();
  return new Map(results.map((row) => [row.id, row]));
}

/** number -> id for the numbers that name a product of this tenant. */
export async function idsByNumber(ctx: Scope, numbers: number[]): Promise<Map<number, string>> {
  const { results } = await ctx.db.prepare(SELECT_IDS_BY_NUMBERS).bind(ctx.tenant.id, JSON.stringify(numbers)).all<{ id: string; number: number }>();
  return new Map(results.map((row) => [row.number, row.id]));
}

/** The product's server number, or null when there is no such product. */
export async function numberOf(ctx: Scope, id: string): Promise<number | null> {
  const row = await ctx.db.prepare(SELECT_NUMBER_BY_ID).bind(ctx.tenant.id, id).first<{ number: number }>();
  return row?.number ?? null;
}

export async function productExists(ctx: Scope, id: string): Promise<boolean> {
  return (await numberOf(ctx, id)) !== null;
}

/** Ids of the products whose last write was this job (at most `limit`). */
export async function idsWrittenByJob(ctx: Scope, jobId: string, limit: number): Promise<string[]> {
  const { results } = await ctx.db.prepare(SELECT_IDS_BY_JOB).bind(ctx.tenant.id, jobId, limit).all<{ id: string }>();
  return results.map((row) => row.id);
}

/**
 * The tenant's product count and one offset page, in one D1 batch (one transaction: they agree). The
 * count is kept in the isolate and recounted only when the tenant's catalog changed (count-cache.ts).
 */
export async function productPageByOffset(ctx: Scope, limit: number, offset: number): Promise<{ count: number; rows: ProductRowWithImage[] }> {
  const tenantId = ctx.tenant.id;
  const cached = cachedCount(tenantId);
  const [counted, rows] = await readBatch(ctx.db, [
    read<CountIfChangedRow>(ctx.db.prepare(COUNT_PRODUCTS_IF_CHANGED).bind(tenantId, cached?.seq ?? null)),
    read<ProductRowWithImage>(ctx.db.prepare(SELECT_PAGE_BY_OFFSET).bind(tenantId, limit, offset)),
  ]);
  const row = counted[0];
  if (!row) return { count: 0, rows };
  if (row.n === null && cached) return { count: cached.count, rows };
  const count = row.n ?? 0;
  rememberCount(tenantId, row.seq, count);
  return { count, rows };
}
