/**
 * The SQL a move runs on a table, built from its entry in tables.ts and its columns (pure). Rows
 * travel as JSON: a slice is read as one `json_array(...)` text per row (the same text, in keyset
 * order, is what the content hash covers on both shards), and written back through `json_each` with
 * ONE bound parameter per statement, whatever the row count (D1 allows 100 parameters a statement).
 */
import type { MoveTable } from './tables';

export type KeyValue = string | number;

/** A row as read: its keyset values and its JSON text. */
export interface SliceRow {
  key: KeyValue[];
  json: string;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** FROM and WHERE selecting the tenant's rows of `table` as `t` (?1 = tenant id). */
export function scopeSql(table: MoveTable): { from: string; where: string } {
  const t = `${q(table.name)} AS t`;
  switch (table.scope.kind) {
    case 'tenant':
      return { from: t, where: 't.tenant_id = ?1' };
    case 'self':
      return { from: t, where: 't.id = ?1' };
    case 'parent':
      // CROSS JOIN pins the parent as the outer loop: the tenant's parents by their tenant index,
      // then each one's children by the child's primary key, never a scan of every tenant's children.
      return { from: `${q(table.scope.parent)} AS p CROSS JOIN ${t} ON t.${q(table.scope.column)} = p.id`, where: 'p.tenant_id = ?1' };
  }
}

const keyTuple = (table: MoveTable) => `(${table.keys.map((k) => `t.${q(k)}`).join(', ')})`;
const params = (from: number, count: number) => `(${Array.from({ length: count }, (_, i) => `?${from + i}`).join(', ')})`;

export interface SliceQuery {
  sql: string;
  values: unknown[];
}

/**
 * The key-range conditions (`after`, `upTo`] of a slice statement, their values bound from `?first`
 * on, and the next free parameter number.
 */
function keyRange(table: MoveTable, range: { after: KeyValue[] | null; upTo?: KeyValue[] | null }, first: number): { conditions: string[]; values: unknown[]; next: number } {
  const n = table.keys.length;
  const conditions: string[] = [];
  const values: unknown[] = [];
  let next = first;
  for (const [bound, op] of [[range.after, '>'], [range.upTo, '<=']] as const) {
    if (!bound) continue;
    conditions.push(`${keyTuple(table)} ${op} ${params(next, n)}`);
    values.push(...bound);
    next += n;
  }
  return { conditions, values, next };
}

/**
 * The next slice of the tenant's rows after `after` (exclusive; null = from the start), up to
 * `upTo` (inclusive; null = no bound), at most `limit` rows: keyset order, so each slice is one
 * index range and a slice read again after a crash is the same slice.
 */
export function selectSlice(table: MoveTable, columns: string[], range: { after: KeyValue[] | null; upTo?: KeyValue[] | null }, limit: number): SliceQuery {
  const { from, where } = scopeSql(table);
  const { conditions, values, next } = keyRange(table, range, 2);
  const order = table.keys.map((k) => `t.${q(k)}`).join(', ');
  const keys = table.keys.map((k, i) => `t.${q(k)} AS _k${i}`).join(', ');
  const sql = `SELECT json_array(${columns.map((c) => `t.${q(c)}`).join(', ')}) AS _r, ${keys}
FROM ${from} WHERE ${[where, ...conditions].join(' AND ')} ORDER BY ${order} LIMIT ?${next}`;
  return { sql, values: [...values, limit] };
}

/** Rows as D1 returns them from `selectSlice`. */
export function sliceRows(table: MoveTable, results: Record<string, unknown>[]): SliceRow[] {
  return results.map((r) => ({ json: r._r as string, key: table.keys.map((_, i) => r[`_k${i}`] as KeyValue) }));
}

const fromJson = (count: number) => Array.from({ length: count }, (_, i) => `value ->> ${i}`).join(', ') + ' FROM json_each(?1)';

/**
 * ?1 = JSON array of rows (each a `selectSlice` row): writes them as they are. `INSERT OR REPLACE`:
 * a row changed since it was last copied is replaced, whichever unique key it conflicts on.
 */
export function insertRows(table: MoveTable, columns: string[]): string {
  return `INSERT OR REPLACE INTO ${q(table.name)} (${columns.map(q).join(', ')}) SELECT ${fromJson(columns.length)}`;
}

/** ?1 tenant, ?2 = the same JSON rows: deletes the rows the insert would replace on a trigger-kept unique key (null: none). */
export function deleteConflicting(table: MoveTable, columns: string[]): string | null {
  if (!table.deleteBeforeInsert) return null;
  const { from, where } = scopeSql(table);
  const any = table.deleteBeforeInsert
    .map((key) => `(${key.map((k) => `t.${q(k)}`).join(', ')}) IN (SELECT ${key.map((k) => `value ->> ${columns.indexOf(k)}`).join(', ')} FROM json_each(?2))`)
    .join(' OR ');
  return `DELETE FROM ${q(table.name)} WHERE rowid IN (SELECT t.rowid FROM ${from} WHERE ${where} AND (${any}))`;
}

/**
 * ?1 tenant, ?2 JSON array of key tuples to keep: deletes the tenant's rows in the key range
 * (`after`, `upTo`] that are not among them (rows the old shard no longer has).
 */
export function deleteRangeExcept(table: MoveTable, range: { after: KeyValue[] | null; upTo: KeyValue[] | null }): SliceQuery {
  const { from, where } = scopeSql(table);
  const { conditions, values } = keyRange(table, range, 3);
  conditions.unshift(where);
  conditions.push(`${keyTuple(table)} NOT IN (SELECT ${table.keys.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?2))`);
  return { sql: `DELETE FROM ${q(table.name)} WHERE rowid IN (SELECT t.rowid FROM ${from} WHERE ${conditions.join(' AND ')})`, values };
}

/** ?1 tenant, ?2 limit: deletes up to `limit` of the tenant's rows (a copy being removed, slice by slice). */
export function deleteSome(table: MoveTable): string {
  const { from, where } = scopeSql(table);
  return `DELETE FROM ${q(table.name)} WHERE rowid IN (SELECT t.rowid FROM ${from} WHERE ${where} LIMIT ?2)`;
}

/** The table's stored columns, from `PRAGMA table_xinfo` rows: generated columns (hidden 2 and 3) are computed, never written. */
export function storedColumns(info: Array<{ name: string; hidden: number }>): string[] {
  return info.filter((c) => c.hidden === 0).map((c) => c.name);
}

/**
 * Consecutive groups of rows whose JSON array fits `maxBytes` (UTF-8) and `maxRows`: one insert
 * statement each. A row alone over the budget still goes, alone (D1 refuses a value over 2 MB,
 * the row itself could not exist then).
 */
export function planChunks(rows: readonly string[], maxBytes: number, maxRows: number): string[][] {
  const encoder = new TextEncoder();
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let bytes = 2;
  for (const row of rows) {
    const size = encoder.encode(row).length + 1;
    if (chunk.length > 0 && (bytes + size > maxBytes || chunk.length >= maxRows)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 2;
    }
    chunk.push(row);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** The JSON array text of rows that are each JSON texts already. */
export const rowsJson = (rows: readonly string[]) => `[${rows.join(',')}]`;
