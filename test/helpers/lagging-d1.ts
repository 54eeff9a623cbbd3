/**
 * A D1Database-shaped test double with a lagging read replica, built from two REAL local D1
 * bindings: `primary` takes every write, `replica` serves a session's reads unless the session must
 * read at the primary. Local D1 has no replica, so this is how a test proves the Worker honours
 * bookmarks (read-your-writes) and starts dialect reads at the primary.
 *
 * The double keeps its own commit counter as the bookmark (shaped like D1's: dash-separated hex):
 * every write batch advances the primary; the replica is at the counter of its last `catchUp()`.
 * A session reads at the primary when it started 'first-primary', when its bookmark is past the
 * replica, or once it has written or read there (sessions are sequentially consistent); else at the
 * replica. A malformed bookmark makes withSession throw, as a strict D1 might.
 */
import { isWrite } from '../../src/db/fence';

type Where = 'primary' | 'replica';

export interface Served {
  sql: string;
  at: Where;
}

function bookmarkOf(version: number): string {
  return `00000000-${version.toString(16).padStart(8, '0')}-00000000-${'0'.repeat(32)}`;
}

function versionOf(bookmark: string): number | null {
  const match = /^[0-9a-f]{8}-([0-9a-f]{8})-[0-9a-f]{8}-[0-9a-f]{32}$/.exec(bookmark);
  return match ? parseInt(match[1]!, 16) : null;
}

class LagStatement {
  constructor(
    readonly owner: LagSession,
    readonly sql: string,
    readonly values: unknown[] = [],
  ) {}

  bind(...values: unknown[]): LagStatement {
    return new LagStatement(this.owner, this.sql, values);
  }

  on(db: D1Database): D1PreparedStatement {
    const statement = db.prepare(this.sql);
    return this.values.length > 0 ? statement.bind(...this.values) : statement;
  }

  first<T>(column?: string): Promise<T | null> {
    return this.owner.single(this, (s) => (column === undefined ? s.first<T>() : s.first<T>(column)));
  }

  run<T>(): Promise<D1Result<T>> {
    return this.owner.single(this, (s) => s.run<T>());
  }

  all<T>(): Promise<D1Result<T>> {
    return this.owner.single(this, (s) => s.all<T>());
  }

  raw<T>(options?: { columnNames?: boolean }): Promise<T[]> {
    return this.owner.single(this, (s) => s.raw<T>(options as { columnNames: true }) as unknown as Promise<T[]>);
  }
}

class LagSession {
  private seen: number;
  private pinned: boolean;

  constructor(
    readonly double: LaggingD1,
    start: 'first-primary' | 'first-unconstrained' | number,
  ) {
    this.pinned = start === 'first-primary';
    this.seen = typeof start === 'number' ? start : 0;
  }

  private where(write: boolean): Where {
    if (write || this.pinned || this.seen > this.double.replicaVersion) return 'primary';
    return 'replica';
  }

  private after(at: Where, write: boolean): void {
    if (write) this.double.primaryVersion += 1;
    if (at === 'primary') this.pinned = true;
    this.seen = Math.max(this.seen, at === 'primary' ? this.double.primaryVersion : this.double.replicaVersion);
  }

  prepare(sql: string): D1PreparedStatement {
    return new LagStatement(this, sql) as unknown as D1PreparedStatement;
  }

  async single<R>(statement: LagStatement, send: (s: D1PreparedStatement) => Promise<R>): Promise<R> {
    const write = isWrite(statement.sql);
    const at = this.where(write);
    this.double.served.push({ sql: statement.sql, at });
    const result = await send(statement.on(this.double.binding(at)));
    this.after(at, write);
    return result;
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const lag = statements as unknown as LagStatement[];
    const write = lag.some((s) => isWrite(s.sql));
    const at = this.where(write);
    for (const s of lag) this.double.served.push({ sql: s.sql, at });
    const db = this.double.binding(at);
    const results = await db.batch<T>(lag.map((s) => s.on(db)));
    this.after(at, write);
    return results;
  }

  getBookmark(): string | null {
    return this.seen === 0 && !this.pinned ? null : bookmarkOf(this.seen);
  }
}

export class LaggingD1 {
  primaryVersion = 1;
  replicaVersion = 1;
  /** Every statement the double ran, and where. */
  readonly served: Served[] = [];

  constructor(
    readonly primary: D1Database,
    readonly replica: D1Database,
  ) {}

  binding(at: Where): D1Database {
    return at === 'primary' ? this.primary : this.replica;
  }

  withSession(constraint: string = 'first-unconstrained'): D1DatabaseSession {
    if (constraint === 'first-primary' || constraint === 'first-unconstrained') {
      return new LagSession(this, constraint) as unknown as D1DatabaseSession;
    }
    const version = versionOf(constraint);
    if (version === null) throw new Error(`D1_ERROR: invalid bookmark ${JSON.stringify(constraint.slice(0, 40))}`);
    return new LagSession(this, version) as unknown as D1DatabaseSession;
  }

  /** Without a session, D1 runs everything at the primary. */
  prepare(sql: string): D1PreparedStatement {
    return new LagSession(this, 'first-primary').prepare(sql);
  }

  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    return (statements[0] as unknown as LagStatement | undefined)?.owner.batch<T>(statements) ?? this.primary.batch<T>([]);
  }

  /**
   * The replica catches up on `tables`: their rows on the replica become the primary's (copied in
   * chunks that stay under D1's 100 bound parameters), and the replica is then at the primary's
   * bookmark. Tables not named keep whatever the replica had.
   */
  async catchUp(tables: string[]): Promise<void> {
    for (const table of tables) {
      // Stored columns only: generated ones (hidden 2 and 3 in table_xinfo) cannot be inserted.
      const { results: info } = await this.primary.prepare(`SELECT name, hidden FROM pragma_table_xinfo('${table}')`).all<{ name: string; hidden: number }>();
      const columns = info.filter((c) => c.hidden === 0).map((c) => c.name);
      const { results } = await this.primary.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table}`).all<Record<string, unknown>>();
      const statements: D1PreparedStatement[] = [this.replica.prepare(`DELETE FROM ${table}`)];
      const perRow = Math.max(1, columns.length);
      const rowsPerStatement = Math.max(1, Math.floor(100 / perRow));
      for (let i = 0; i < results.length; i += rowsPerStatement) {
        const chunk = results.slice(i, i + rowsPerStatement);
        const placeholders = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
        const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${placeholders}`;
        statements.push(this.replica.prepare(sql).bind(...chunk.flatMap((row) => columns.map((c) => row[c]))));
      }
      await this.replica.batch(statements);
    }
    this.replicaVersion = this.primaryVersion;
  }

  /** What the replica served (reads), for assertions. */
  servedAt(at: Where): Served[] {
    return this.served.filter((s) => s.at === at);
  }
}

/** The double, typed as the binding the Worker expects. */
export function laggingD1(primary: D1Database, replica: D1Database): LaggingD1 & D1Database {
  return new LaggingD1(primary, replica) as LaggingD1 & D1Database;
}
