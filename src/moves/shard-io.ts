/**
 * A move's reads and writes of one table on one shard, each counted against the message's query
 * budget (D1 allows 1,000 queries per invocation).
 */
import { sha256Hex } from '../lib/crypto';
import { deleteConflicting, deleteRangeExcept, deleteSome, insertRows, type KeyValue, planChunks, rowsJson, selectSlice, type SliceRow, sliceRows, storedColumns } from './slice.queries';
import type { MoveTable } from './tables';

/**
 * Bytes of row JSON per insert statement: D1 refuses a string value over 2 MB, and json_array's
 * escaping can only grow what was read, so half of it.
 */
export const STATEMENT_BYTES = 1_000_000;
/** Rows per insert statement (bounds the statement's work well inside D1's 30 s per query). */
export const STATEMENT_ROWS = 500;

/** Queries one invocation may still run. */
export class QueryBudget {
  constructor(private left: number) {}
  spend(n = 1): void {
    this.left -= n;
  }
  has(n: number): boolean {
    return this.left >= n;
  }
}

const columnCache = new Map<string, string[]>();

/** The table's stored columns (the same schema on every shard: one migration set), cached per isolate. */
export async function columnsOf(db: D1Database, table: MoveTable, budget: QueryBudget): Promise<string[]> {
  const cached = columnCache.get(table.name);
  if (cached) return cached;
  budget.spend();
  // The name comes from tables.ts, never from a request.
  const { results } = await db.prepare(`PRAGMA table_xinfo("${table.name}")`).all<{ name: string; hidden: number }>();
  const columns = storedColumns(results);
  if (columns.length === 0) throw new Error(`table ${table.name} has no columns on this shard`);
  columnCache.set(table.name, columns);
  return columns;
}

export async function readSlice(
  db: D1Database, table: MoveTable, columns: string[], tenantId: string,
  range: { after: KeyValue[] | null; upTo?: KeyValue[] | null }, limit: number, budget: QueryBudget,
): Promise<SliceRow[]> {
  const { sql, values } = selectSlice(table, columns, range, limit);
  budget.spend();
  const { results } = await db.prepare(sql).bind(tenantId, ...values).all<Record<string, unknown>>();
  return sliceRows(table, results);
}

/**
 * Writes `rows` as they are, in one batch (atomic): first, in `replaceRange`, the tenant's rows
 * that are not among them are deleted (rows deleted on the old shard since the copy), then each row
 * is inserted or replaced. Returns the rows deleted by the range clean-up.
 */
export async function writeRows(
  db: D1Database, table: MoveTable, columns: string[], tenantId: string, rows: SliceRow[], budget: QueryBudget,
  replaceRange?: { after: KeyValue[] | null; upTo: KeyValue[] | null },
): Promise<number> {
  const statements: D1PreparedStatement[] = [];
  if (replaceRange) {
    const { sql, values } = deleteRangeExcept(table, replaceRange);
    statements.push(db.prepare(sql).bind(tenantId, JSON.stringify(rows.map((r) => r.key)), ...values));
  }
  const conflicting = deleteConflicting(table, columns);
  for (const chunk of planChunks(rows.map((r) => r.json), STATEMENT_BYTES, STATEMENT_ROWS)) {
    const json = rowsJson(chunk);
    if (conflicting) statements.push(db.prepare(conflicting).bind(tenantId, json));
    statements.push(db.prepare(insertRows(table, columns)).bind(json));
  }
  if (statements.length === 0) return 0;
  budget.spend(statements.length);
  const results = await db.batch(statements);
  return replaceRange ? (results[0]?.meta.changes ?? 0) : 0;
}

/** Deletes the tenant's rows after `after` (the old shard has none there any more); returns how many. */
export async function deleteAfter(db: D1Database, table: MoveTable, tenantId: string, after: KeyValue[] | null, budget: QueryBudget): Promise<number> {
  const { sql, values } = deleteRangeExcept(table, { after, upTo: null });
  budget.spend();
  const result = await db.prepare(sql).bind(tenantId, '[]', ...values).run();
  return result.meta.changes ?? 0;
}

/** Deletes up to `limit` of the tenant's rows of `table`; returns how many. */
export async function deleteBatch(db: D1Database, table: MoveTable, tenantId: string, limit: number, budget: QueryBudget): Promise<number> {
  budget.spend();
  const result = await db.prepare(deleteSome(table)).bind(tenantId, limit).run();
  return result.meta.changes ?? 0;
}

/** The content hash of a slice: SHA-256 of its rows' JSON texts in keyset order, one per line. */
export function sliceHash(rows: readonly SliceRow[]): Promise<string> {
  return sha256Hex(rows.map((r) => r.json).join('\n'));
}

/** A table's running hash: each slice's hash chained onto the previous (empty table: the hash of nothing). */
export function chainHash(previous: string, slice: string): Promise<string> {
  return sha256Hex(`${previous}\n${slice}`);
}
