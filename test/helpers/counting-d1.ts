/**
 * A D1Database-shaped wrapper over a REAL binding that records every statement sent to D1: its SQL,
 * how many parameters it bound, and which batch (if any) carried it. Tests inject it in the env
 * handed to the Worker (`createWorker().fetch(req, { ...env, DB: counting }, ctx)`) and assert what the
 * code under test sent, e.g. that it stays inside D1's limits (src/db/d1-limits.ts) or that a read
 * sends no fence statement.
 */

export interface SentStatement {
  sql: string;
  /** Values bound (D1 counts each `?`/`?N` value; a statement binds each value once). */
  params: number;
  /** Bytes of the largest bound string or BLOB (D1 caps one at 2 MB). */
  largestValueBytes: number;
  /** 0 for a single-statement call (run/first/all/raw), else the batch number (1, 2, ...). */
  batch: number;
  /** Statements in that batch (1 for a single call). */
  batchSize: number;
}

const encoder = new TextEncoder();

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return encoder.encode(value).length;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength;
  return 0;
}

class CountingStatement {
  constructor(
    readonly db: CountingD1,
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    readonly params: number,
    readonly largestValueBytes = 0,
  ) {}

  bind(...values: unknown[]): CountingStatement {
    return new CountingStatement(this.db, this.inner.bind(...values), this.sql, values.length, Math.max(0, ...values.map(valueBytes)));
  }

  first<T>(column?: string): Promise<T | null> {
    this.db.record([this], 0);
    return column === undefined ? this.inner.first<T>() : this.inner.first<T>(column);
  }

  run<T>(): Promise<D1Result<T>> {
    this.db.record([this], 0);
    return this.inner.run<T>();
  }

  all<T>(): Promise<D1Result<T>> {
    this.db.record([this], 0);
    return this.inner.all<T>();
  }

  raw<T>(options?: { columnNames?: boolean }): Promise<T[]> {
    this.db.record([this], 0);
    return this.inner.raw<T>(options as { columnNames: true }) as unknown as Promise<T[]>;
  }
}

type Inner = Pick<D1Database, 'prepare' | 'batch'> & Partial<Pick<D1Database, 'withSession' | 'exec' | 'dump'>>;

export class CountingD1 {
  readonly sent: SentStatement[] = [];
  private batches = 0;

  constructor(readonly inner: Inner) {}

  record(statements: CountingStatement[], batch: number): void {
    for (const s of statements) this.sent.push({ sql: s.sql, params: s.params, largestValueBytes: s.largestValueBytes, batch, batchSize: statements.length });
  }

  prepare(sql: string): D1PreparedStatement {
    return new CountingStatement(this, this.inner.prepare(sql), sql, 0) as unknown as D1PreparedStatement;
  }

  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const counted = statements.map((s) => {
      if (!(s instanceof CountingStatement)) throw new Error('counting-d1: a statement not prepared on this wrapper reached its batch');
      return s;
    });
    this.batches += 1;
    this.record(counted, this.batches);
    return this.inner.batch<T>(counted.map((s) => s.inner));
  }

  exec(sql: string): Promise<D1ExecResult> {
    this.sent.push({ sql, params: 0, largestValueBytes: 0, batch: 0, batchSize: 1 });
    if (!this.inner.exec) throw new Error('counting-d1: inner handle has no exec()');
    return this.inner.exec(sql);
  }

  /** Sessions record into this same log (their statements are sent by this invocation too). */
  withSession(constraint?: string): D1DatabaseSession {
    if (!this.inner.withSession) throw new Error('counting-d1: inner handle has no withSession()');
    const session = this.inner.withSession(constraint);
    const counting = new CountingD1(session);
    // Share the log and the batch numbering with the parent.
    (counting as unknown as { sent: SentStatement[] }).sent = this.sent;
    const parent = this;
    counting.batch = function <T>(statements: D1PreparedStatement[]) {
      const counted = statements.map((s) => s as unknown as CountingStatement);
      parent.batches += 1;
      parent.record(counted, parent.batches);
      return session.batch<T>(counted.map((s) => s.inner));
    };
    return Object.assign(counting, { getBookmark: () => session.getBookmark() }) as unknown as D1DatabaseSession;
  }

  /** Forget what was recorded (between the set-up of a test and the invocation it measures). */
  reset(): void {
    this.sent.length = 0;
    this.batches = 0;
  }

  /** Statements sent (what D1 counts against "queries per Worker invocation"). */
  get statements(): number {
    return this.sent.length;
  }

  get maxParams(): number {
    return Math.max(0, ...this.sent.map((s) => s.params));
  }

  get maxSqlBytes(): number {
    return Math.max(0, ...this.sent.map((s) => encoder.encode(s.sql).length));
  }

  get maxValueBytes(): number {
    return Math.max(0, ...this.sent.map((s) => s.largestValueBytes));
  }

  get maxBatchSize(): number {
    return Math.max(0, ...this.sent.map((s) => s.batchSize));
  }

  /** The statement binding the largest value (for a failure message). */
  widestValue(): SentStatement | undefined {
    return [...this.sent].sort((a, b) => b.largestValueBytes - a.largestValueBytes)[0];
  }

  /** The statement binding the most parameters (for a failure message). */
  widest(): SentStatement | undefined {
    return [...this.sent].sort((a, b) => b.params - a.params)[0];
  }
}

/** `inner` counted, typed as the binding the Worker expects. */
export function countingD1(inner: Inner): CountingD1 & D1Database {
  return new CountingD1(inner) as CountingD1 & D1Database;
}
