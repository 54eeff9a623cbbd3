/**
 * Processing status, owned here: an image's status, its product's aggregate status (DESIGN "Status"),
 * the product's processing rounds and their `product.processed`. The catalog's write path computes the
 * aggregate with the same expression and settles products whose images it removed through
 * `settleProductStatements`, so the rule has one home.
 */
import { productProcessedStatements } from '../events/outbox';
import { finishJobsOfClosedRoundsStatements } from '../jobs/job-statements';
import { CLOSE_ROUNDS } from './ingest.queries';
import { REFRESH_ONE_PRODUCT_STATUS } from './processing-status.queries';

/** For the catalog's write path, which composes it into its chunk (one statement per chunk). */
export { PRODUCT_STATUS_SQL, REFRESH_CHUNK_PRODUCT_STATUS } from './processing-status.queries';

/**
 * Everything that follows an image reaching a final status, in order: the product's aggregate, its
 * `product.processed` (once per round), the round closed, and jobs whose image work is now all done
 * finished with their `job.completed`.
 */
export function settleProductStatements(db: D1Database, tenantId: string, productId: string, now: number): D1PreparedStatement[] {
  return [
    db.prepare(REFRESH_ONE_PRODUCT_STATUS).bind(tenantId, productId),
    ...productProcessedStatements(db, tenantId, productId, now),
    db.prepare(CLOSE_ROUNDS).bind(tenantId, productId, now),
    ...finishJobsOfClosedRoundsStatements(db, tenantId, productId, now),
  ];
}
