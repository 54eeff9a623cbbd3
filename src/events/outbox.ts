/**
 * The outbox: the only module that writes `events`. Every builder returns the statements that append
 * its event(s) followed by ADVANCE_TENANT_COUNTERS; put them in the same `db.batch()` as the change
 * they describe, so the change and its event commit or fail together. The SQL is in outbox.queries.ts.
 */
import { newId } from '../lib/ulid';
import type { EventType } from './event-types';
import {
  ADVANCE_TENANT_COUNTERS,
  EMIT_JOBS_COMPLETED,
  EMIT_PRODUCT_PROCESSED,
  INSERT_ENDPOINT_DISABLED,
  INSERT_EVENT,
  INSERT_JOB_COMPLETED,
  INSERT_LEASED_IMAGE_EVENT,
  INSERT_PRODUCT_EVENTS,
  INSERT_RENAMED_EVENT,
  INSERT_REPLACED_TOMBSTONES,
  INSERT_TOMBSTONE,
  INSERT_UNFINISHED_IMAGE_FAILED,
} from './outbox.queries';

export { ADVANCE_TENANT_COUNTERS };

/** Every type the outbox appends (DESIGN "Events"): the registry's names, so a new type needs its entry. */
export type { EventType };

const advance = (db: D1Database, tenantId: string) => db.prepare(ADVANCE_TENANT_COUNTERS).bind(tenantId);

/** One event, unconditionally. */
export function eventStatements(
  db: D1Database,
  tenantId: string,
  type: EventType,
  data: Record<string, unknown>,
  now: number,
  id: string = newId('evt', now),
): D1PreparedStatement[] {
  return [db.prepare(INSERT_EVENT).bind(id, tenantId, type, JSON.stringify(data), now), advance(db, tenantId)];
}

/**
 * The write path's chunk: one `product.created`/`product.updated` per product of the chunk carrying
 * the job's mark (`slimItems`: the chunk's [{id, eid, ...}] JSON, bound once per statement).
 */
export function productEventsStatements(db: D1Database, tenantId: string, jobId: string, now: number, slimItems: string): D1PreparedStatement[] {
  return [db.prepare(INSERT_PRODUCT_EVENTS).bind(tenantId, jobId, now, slimItems), advance(db, tenantId)];
}

/** `product.deleted` (the tombstone), only if the product is still at `version`; `eventId` lets the delete be guarded by it. */
export function tombstoneStatements(
  db: D1Database,
  tombstone: { eventId: string; tenantId: string; productId: string; version: number; reason: string },
  now: number,
): D1PreparedStatement[] {
  const { eventId, tenantId, productId, version, reason } = tombstone;
  return [db.prepare(INSERT_TOMBSTONE).bind(eventId, tenantId, productId, version, now, reason), advance(db, tenantId)];
}

/** Replace mode: `product.deleted` (reason `replaced`) for each listed product the import `jobId` did not mention. */
export function replacedTombstonesStatements(db: D1Database, tenantId: string, jobId: string, idsJson: string, now: number): D1PreparedStatement[] {
  return [db.prepare(INSERT_REPLACED_TOMBSTONES).bind(tenantId, jobId, idsJson, newId('evt', now), now), advance(db, tenantId)];
}

/** `product.updated` for a product renamed to `to` by `jobId`, only if the rename took place. */
export function renamedEventStatements(db: D1Database, tenantId: string, to: string, jobId: string, now: number, eventId: string): D1PreparedStatement[] {
  return [db.prepare(INSERT_RENAMED_EVENT).bind(tenantId, to, jobId, now, eventId), advance(db, tenantId)];
}

/** `job.completed` from the job row, once it is no longer `processing`; with `evenIfEmpty` also for a job that counted nothing. */
export function jobCompletedStatements(db: D1Database, tenantId: string, jobId: string, now: number, evenIfEmpty = false): D1PreparedStatement[] {
  return [db.prepare(INSERT_JOB_COMPLETED).bind(newId('evt', now), tenantId, jobId, now, evenIfEmpty ? 1 : 0), advance(db, tenantId)];
}

/** `job.completed` for every job finished at `now` because the product's rounds closed at `now`. */
export function jobsCompletedByRoundsStatements(db: D1Database, tenantId: string, productId: string, now: number): D1PreparedStatement[] {
  return [db.prepare(EMIT_JOBS_COMPLETED).bind(tenantId, productId, now, newId('evt', now)), advance(db, tenantId)];
}

/** `product.processed` per open round of the product, if it settled (`done` or `error`). */
export function productProcessedStatements(db: D1Database, tenantId: string, productId: string, now: number): D1PreparedStatement[] {
  return [db.prepare(EMIT_PRODUCT_PROCESSED).bind(tenantId, productId, newId('evt', now), now), advance(db, tenantId)];
}

/** `image.processed` / `image.failed`, only while the consumer's lease on the image holds. */
export function leasedImageEventStatements(
  db: D1Database,
  image: { tenantId: string; imageId: string; lease: number },
  type: 'image.processed' | 'image.failed',
  data: Record<string, unknown>,
  now: number,
): D1PreparedStatement[] {
  return [
    db.prepare(INSERT_LEASED_IMAGE_EVENT).bind(image.imageId, image.lease, newId('evt', now), type, JSON.stringify(data), now, image.tenantId),
    advance(db, image.tenantId),
  ];
}

/** `image.failed` for an image given up on, only while it is still unfinished. */
export function unfinishedImageFailedStatements(db: D1Database, tenantId: string, imageId: string, data: Record<string, unknown>, now: number): D1PreparedStatement[] {
  return [db.prepare(INSERT_UNFINISHED_IMAGE_FAILED).bind(newId('evt', now), JSON.stringify(data), now, tenantId, imageId), advance(db, tenantId)];
}

/** `endpoint.disabled`, only while the endpoint is still enabled. */
export function endpointDisabledStatements(db: D1Database, tenantId: string, endpointId: string, reason: string, now: number): D1PreparedStatement[] {
  return [db.prepare(INSERT_ENDPOINT_DISABLED).bind(newId('evt', now), endpointId, tenantId, reason, now), advance(db, tenantId)];
}
