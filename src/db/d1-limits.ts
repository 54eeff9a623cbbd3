/**
 * D1's limits, in one place (issue 16: "one module knows them"). Code that builds statements from
 * input (multi-row VALUES, IN lists, batches) sizes itself with these, and test/limits/ drives the
 * worst-case request of every path and asserts it stays inside them. All from
 * https://developers.cloudflare.com/d1/platform/limits/ unless said otherwise (Workers Paid plan).
 */

/** Values bound to one statement: past it the statement fails ("too many SQL variables"). */
export const MAX_BOUND_PARAMETERS = 100;

/**
 * Queries per Worker invocation (D1 calls are subrequests): each statement counts, a batch counts
 * each of its statements (counted that way here: the conservative reading). 50 on the Free plan.
 */
export const MAX_QUERIES_PER_INVOCATION = 1000;

/** Bytes of SQL text in one statement (100 KB): a statement built from input must stay under it. */
export const MAX_SQL_STATEMENT_BYTES = 100_000;

/** One query (and a batch, which runs as one transaction) is cancelled past 30 s. */
export const MAX_QUERY_DURATION_MS = 30_000;

/** A string, BLOB or whole row (2 MB): a JSON column holding a product document must fit. */
export const MAX_ROW_BYTES = 2_000_000;

/** Columns per table. */
export const MAX_COLUMNS_PER_TABLE = 100;

/** Arguments to one SQL function call (json_object(...) with many keys counts 2 per key). */
export const MAX_FUNCTION_ARGUMENTS = 32;

/** Bytes of a LIKE or GLOB pattern: a user-supplied prefix search must be capped below it. */
export const MAX_LIKE_PATTERN_BYTES = 50;

/** Bytes one query may return (50 MB). */
export const MAX_RESULT_BYTES = 50 * 1024 * 1024;

/** Bytes one database may hold (10 GB): why tenants are spread over shards (DESIGN "Shards"). */
export const MAX_DATABASE_BYTES = 10 * 1000 * 1000 * 1000;

/** A worst case past this share of a limit is reported as close to it (test/limits). */
export const CLOSE_TO_LIMIT = 0.7;
