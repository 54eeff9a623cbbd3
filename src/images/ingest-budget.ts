/**
 * The ingest consumer's D1 statement budget: one per consumer invocation, shared by every message of
 * the batch. D1 allows MAX_QUERIES_PER_INVOCATION statements per invocation (each statement of a
 * batch counts); one image costs about 11 (claim share, fetch cache, event, status, the product's
 * settle), so a 50-product x 20-image message alone needed ~11,100. The consumer stops starting
 * images when what is left could not finish one more, and hands the rest to a new message.
 *
 * Counted, not estimated: the budget's D1 handle counts every statement the consumer's code sends
 * (processors and the fetch cache included), so a query added later is still counted.
 */
import { MAX_QUERIES_PER_INVOCATION } from '../db/d1-limits';
import { FencedDatabase, isWrite } from '../db/fence';

/**
 * What the consumer may spend: the rest (100) is margin for what the batch does after its messages
 * (the queue observer's failure records: at most 2) and for one image costing more than its reserve.
 */
export const INGEST_STATEMENT_BUDGET = MAX_QUERIES_PER_INVOCATION - 100;

export class StatementBudget {
  private spentSoFar = 0;
  private costliestImage = 0;

  constructor(readonly limit: number = INGEST_STATEMENT_BUDGET) {}

  get spent(): number {
    return this.spentSoFar;
  }

  get remaining(): number {
    return this.limit - this.spentSoFar;
  }

  charge(statements: number): void {
    this.spentSoFar += statements;
  }

  /** Statements kept back before claiming or starting an image: the most one image has cost so far, at least `floor`. */
  imageReserve(floor: number): number {
    return Math.max(floor, this.costliestImage);
  }

  noteImageCost(statements: number): void {
    this.costliestImage = Math.max(this.costliestImage, statements);
  }

  /** `db`, with every statement sent through it charged to this budget. */
  meter(db: D1Database): D1Database {
    // With several shards the handle is fenced: each write (a batch, or a statement run alone) carries
    // one more statement, the fence, which D1 counts like any other.
    return new MeteredD1(db, this, (db as unknown) instanceof FencedDatabase) as unknown as D1Database;
  }
}

class MeteredStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    private readonly budget: StatementBudget,
    /** What running it alone costs: 1, or 2 for a fenced write (the fence runs with it). */
    private readonly cost: number,
  ) {}

  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.inner.bind(...values), this.budget, this.cost);
  }

  first<T>(column?: string): Promise<T | null> {
    this.budget.charge(this.cost);
    return column === undefined ? this.inner.first<T>() : this.inner.first<T>(column);
  }

  run<T>(): Promise<D1Result<T>> {
    this.budget.charge(this.cost);
    return this.inner.run<T>();
  }

  all<T>(): Promise<D1Result<T>> {
    this.budget.charge(this.cost);
    return this.inner.all<T>();
  }

  raw<T>(options?: { columnNames?: boolean }): Promise<T[]> {
    this.budget.charge(this.cost);
    return this.inner.raw<T>(options as { columnNames: true }) as unknown as Promise<T[]>;
  }
}

class MeteredD1 {
  constructor(
    private readonly inner: D1Database,
    private readonly budget: StatementBudget,
    private readonly fenced: boolean,
  ) {}

  prepare(sql: string): MeteredStatement {
    return new MeteredStatement(this.inner.prepare(sql), this.budget, this.fenced && isWrite(sql) ? 2 : 1);
  }

  batch<T>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    this.budget.charge(statements.length + (this.fenced ? 1 : 0));
    // D1 takes only its own statements: unwrap ours (one prepared elsewhere passes as is).
    return this.inner.batch<T>(statements.map((s) => ((s as unknown) instanceof MeteredStatement ? (s as unknown as MeteredStatement).inner : s)) as D1PreparedStatement[]);
  }

  exec(sql: string): Promise<D1ExecResult> {
    // Each `;`-separated statement is one query to D1.
    this.budget.charge(sql.split(';').filter((part) => part.trim() !== '').length);
    return this.inner.exec(sql);
  }

  withSession(): D1DatabaseSession {
    // The consumer writes, so it never reads through a session; one made here would go uncounted.
    throw new Error('The ingest consumer\'s metered D1 handle has no sessions');
  }
}
