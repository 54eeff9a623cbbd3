/**
 * Typed reads in one D1 batch. `db.batch()` returns one result per statement, all typed alike; a
 * read wraps a prepared statement with the row type its SQL returns (declared once, beside the SQL in
 * the module's `*.queries.ts`), so a batch of different reads comes back as a tuple of typed row
 * arrays instead of results forced to a type one by one.
 *
 * @example
 * const [events, endpoints] = await readBatch(db, [
 *   read<EventRow>(db.prepare(SELECT_EVENTS).bind(tenantId)),
 *   read<EndpointRow>(db.prepare(SELECT_ENDPOINTS).bind(tenantId)),
 * ]);
 */

/** A query handle: D1 today; a tenant routed to another database later hands its own here. */
export type Db = D1Database;

export interface Read<Row> {
  readonly statement: D1PreparedStatement;
  /** Carries the row type only; never set. */
  readonly row?: Row;
}

export function read<Row>(statement: D1PreparedStatement): Read<Row> {
  return { statement };
}

type Rows<R> = { -readonly [K in keyof R]: R[K] extends Read<infer Row> ? Row[] : never };

/**
 * Runs `before`, the reads, then `after` (writes whose results nobody reads), in one batch: one
 * transaction, in that order. Returns the reads' rows, in order.
 */
export async function readBatch<const R extends readonly Read<unknown>[]>(
  db: Db,
  reads: R,
  before: D1PreparedStatement[] = [],
  after: D1PreparedStatement[] = [],
): Promise<Rows<R>> {
  const results = await db.batch([...before, ...reads.map((r) => r.statement), ...after]);
  // The one place a result meets its row type: each Read was declared with the type of its own SQL.
  return results.slice(before.length, before.length + reads.length).map((result) => result.results) as Rows<R>;
}
