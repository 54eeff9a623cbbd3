/**
 * Write fencing (DESIGN "Shards"): a tenant's writes on a data shard succeed only while that shard
 * owns the tenant at the epoch the write was routed with, and the tenant is not frozen for a move.
 *
 * The guard is one statement placed first in the same D1 batch as the writes, so it is atomic with
 * them: when the shard's `tenants` row does not match it inserts NULL into `write_fence`, whose NOT NULL
 * constraint aborts the batch and rolls back every statement in it. Nothing half-written, and no
 * cross-database coordination: the shard's own row is the truth for its writes. A single write
 * statement is run as a batch of two. Reads are not fenced (a cached placement may read the old copy
 * until it expires; the old copy is deleted only after every isolate's cache has expired).
 */

import { FENCE, type FenceStateRow, WHY_FENCED } from './fence.queries';

/** What a handle was routed with. */
export interface FenceGuard {
  tenantId: string;
  epoch: number;
}

/** The write was refused: the tenant is frozen for a move's tail copy, or owned elsewhere now. */
export class FencedWriteError extends Error {
  constructor(
    readonly tenantId: string,
    readonly reason: 'frozen' | 'moved',
  ) {
    super(reason === 'frozen' ? 'The tenant is being moved; writes resume shortly' : 'The tenant moved to another shard');
    this.name = 'FencedWriteError';
  }
}

const FENCE_FAILED = /NOT NULL constraint failed: write_fence\.fenced/;

/** Whether `error` (or an error it wraps: D1 nests the SQLite message in `cause`) is the fence's refusal. */
function isFenceFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth += 1) {
    if (FENCE_FAILED.test(e.message)) return true;
  }
  return false;
}

/** Statements whose first keyword can only read (EXPLAIN reports a plan, it runs nothing). */
const READ_START = /^(SELECT|WITH|VALUES|EXPLAIN)\b/i;
/** Keywords a writing statement must contain (a CTE may end in INSERT/UPDATE/DELETE/REPLACE). */
const WRITE_WORD = /\b(INSERT|UPDATE|DELETE|REPLACE|UPSERT)\b/i;

/** The SQL without leading whitespace, comments and opening parentheses: where its first keyword is. */
function head(sql: string): string {
  return sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/, '');
}

/**
 * Whether a statement may write. Conservative on purpose: a read mistaken for a write costs one
 * primary-key lookup in its batch, a write mistaken for a read would escape the fence. So a statement
 * is a read only when it starts with a reading keyword AND names no writing one anywhere (a word in a
 * string literal or a comment counts: conservative again); anything else (DDL, PRAGMA, ATTACH, an
 * unknown verb) is a write. `\bUPDATE\b` does not match `updated_at` (`_` is a word character).
 */
export function isWrite(sql: string): boolean {
  return !READ_START.test(head(sql)) || WRITE_WORD.test(sql);
}

type Queryable = Pick<D1Database, 'prepare' | 'batch'>;

class FencedStatement {
  constructor(
    readonly db: FencedDatabase,
    readonly inner: D1PreparedStatement,
    readonly write: boolean,
  ) {}

  bind(...values: unknown[]): FencedStatement {
    return new FencedStatement(this.db, this.inner.bind(...values), this.write);
  }

  async first<T>(column?: string): Promise<T | null> {
    if (!this.write) return column === undefined ? this.inner.first<T>() : this.inner.first<T>(column);
    const [result] = await this.db.batch<Record<string, unknown>>([this as unknown as D1PreparedStatement]);
    const row = result?.results[0];
    if (!row) return null;
    return (column === undefined ? row : row[column]) as T;
  }

  async run<T>(): Promise<D1Result<T>> {
    if (!this.write) return this.inner.run<T>();
    const [result] = await this.db.batch<T>([this as unknown as D1PreparedStatement]);
    return result!;
  }

  async all<T>(): Promise<D1Result<T>> {
    if (!this.write) return this.inner.all<T>();
    const [result] = await this.db.batch<T>([this as unknown as D1PreparedStatement]);
    return result!;
  }

  raw<T>(options?: { columnNames?: boolean }): Promise<T[]> {
    // Drizzle reads through raw(); a write through raw() is fenced by running it in a batch and
    // shaping its rows as raw() would.
    if (!this.write) return this.inner.raw<T>(options as { columnNames: true }) as unknown as Promise<T[]>;
    return this.db.batch<Record<string, unknown>>([this as unknown as D1PreparedStatement]).then(([result]) => {
      const rows = result?.results ?? [];
      const columns = rows[0] ? Object.keys(rows[0]) : [];
      const values = rows.map((row) => columns.map((c) => row[c])) as unknown as T[];
      return (options?.columnNames ? [columns, ...values] : values) as T[];
    });
  }
}

/** A D1 handle (binding or session) whose writes are fenced on `guard`. */
export class FencedDatabase {
  constructor(
    readonly inner: Queryable,
    readonly guard: FenceGuard,
  ) {
    // A guard the fence could never match would refuse every write as 'moved' and send callers into
    // a retry loop: a routing bug, reported where it is made.
    if (!guard.tenantId || !Number.isSafeInteger(guard.epoch) || guard.epoch < 1) {
      throw new TypeError(`Invalid fence guard (tenant ${JSON.stringify(guard.tenantId)}, epoch ${guard.epoch})`);
    }
  }

  prepare(sql: string): D1PreparedStatement {
    return new FencedStatement(this, this.inner.prepare(sql), isWrite(sql)) as unknown as D1PreparedStatement;
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const unwrapped = statements.map((s) => (s instanceof FencedStatement ? s.inner : s));
    const writes = statements.some((s) => !(s instanceof FencedStatement) || s.write);
    if (!writes) return this.inner.batch<T>(unwrapped);
    const fence = this.inner.prepare(FENCE).bind(this.guard.tenantId, this.guard.epoch);
    try {
      const results = await this.inner.batch<T>([fence, ...unwrapped]);
      return results.slice(1);
    } catch (error) {
      if (isFenceFailure(error)) throw await this.refusal();
      throw error;
    }
  }

  /**
   * Why the fence refused. Epochs only grow, so a row at the guard's epoch that is not 'moved' was
   * frozen when the batch ran (it may be open again by now: the retry will pass); anything else
   * (another epoch, 'moved', no row: the tenant was never or is no longer here) means the routing is
   * stale and must be resolved afresh. Over a session this read may be served by a replica behind
   * the primary: a lagging answer can only say 'frozen' for 'moved' (a slower retry, fenced again),
   * never let a write through.
   */
  private async refusal(): Promise<FencedWriteError> {
    const row = await this.inner.prepare(WHY_FENCED).bind(this.guard.tenantId).first<FenceStateRow>();
    const frozen = row !== null && Number(row.epoch) === this.guard.epoch && row.write_state !== 'moved';
    return new FencedWriteError(this.guard.tenantId, frozen ? 'frozen' : 'moved');
  }

  /** Raw SQL text cannot be fenced statement by statement: refused rather than run unguarded. */
  exec(): Promise<never> {
    return Promise.reject(new Error('exec() is not available on a fenced database handle; use prepare()/batch()'));
  }
}

/** `inner` with its writes fenced on `guard`, typed as the D1 handle every query module takes. */
export function fencedDatabase(inner: Queryable, guard: FenceGuard): D1Database {
  return new FencedDatabase(inner, guard) as unknown as D1Database;
}

/**
 * The FencedWriteError behind `error`, if any. Drizzle wraps every driver error in a
 * DrizzleQueryError (the refusal is its `cause`), so error mapping must look through causes.
 */
export function fencedWriteErrorOf(error: unknown): FencedWriteError | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth += 1) {
    if (e instanceof FencedWriteError) return e;
  }
  return null;
}
