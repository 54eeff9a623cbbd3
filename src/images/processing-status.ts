/**
 * Processing status, owned here: an image's status, its product's aggregate status (DESIGN "Status"),
 * the product's processing rounds and their `product.processed`. The catalog's write path computes the
 * aggregate with the same expression and settles products whose images it removed through
 * `settleProductStatements`, so the rule has one home.
 */
import { ADVANCE_TENANT_COUNTERS } from '../events/outbox';
import { EMIT_JOBS_COMPLETED, FINISH_JOBS_OF_CLOSED_ROUNDS } from '../jobs/job-statements';
import { newId } from '../lib/ulid';
import { CLOSE_ROUNDS, EMIT_PRODUCT_PROCESSED, REFRESH_ONE_PRODUCT_STATUS } from './ingest.queries';

export { PRODUCT_STATUS_SQL } from './product-status.queries';

/**
 * Everything that follows an image reaching a final status, in order: the product's aggregate, its
 * `product.processed` (once per round), the round closed, and jobs whose image work is now all done
 * finished with their `job.completed`.
 */
export function settleProductStatements(db: D1Database, tenantId: string, productId: string, now: number): D1PreparedStatement[] {
  return [
    db.prepare(REFRESH_ONE_PRODUCT_STATUS).bind(tenantId, productId),
    db.prepare(EMIT_PRODUCT_PROCESSED).bind(tenantId, productId, newId('evt', now), now),
    db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId),
    db.prepare(CLOSE_ROUNDS).bind(tenantId, productId, now),
    db.prepare(FINISH_JOBS_OF_CLOSED_ROUNDS).bind(tenantId, productId, now),
    db.prepare(EMIT_JOBS_COMPLETED).bind(tenantId, productId, now, newId('evt', now)),
    db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId),
  ];
}
