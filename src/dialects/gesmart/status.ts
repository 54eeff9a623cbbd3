/**
 * `GET /api/products/sync?syncId=`: a job, told as a GeSmart sync record. A syncId is a job id
 * (DESIGN "Ids"), so nothing is stored for it beyond the job: the jobs this dialect starts name
 * their operation and reference in their `kind` (`gesmart.update:PROD001`); for a webhook push
 * (kind `inbound`) they come from the payload while it waits, then from the product the job wrote
 * or the error it recorded.
 *
 * A single-product sync ends `completed` or `failed`, the two states the seed's polling clients
 * stop on; only a job of several items (a batch) can end `partial` (some items failed), as the seed's
 * status list has it. The job is read through the jobs module, products through the catalog's lookups.
 */
import { idsWrittenByJob, numberOf } from '../../catalog/lookups';
import type { CatalogContext } from '../../catalog/products.service';
import { fieldPath } from '../shared/dialect-app';
import { inboundPayloadKey } from '../../inbound/receive';
import { listJobErrors } from '../../jobs/jobs.repository';
import type { JobT } from '../../jobs/jobs.schemas';
import { toGesmartErrors } from './validate';

export type SyncOperation = 'create' | 'update' | 'delete';

export function jobKind(operation: SyncOperation, reference: string): string {
  return `gesmart.${operation}:${reference}`;
}

export const BATCH_KIND = 'gesmart.batch';

function fromKind(kind: string): { operation: SyncOperation; reference: string } | null {
  const match = /^gesmart\.(create|update|delete):(.+)$/s.exec(kind);
  return match ? { operation: match[1] as SyncOperation, reference: match[2]! } : null;
}

/** What an accepted GeSmart push stores until the queue applies it (see inbound-format.ts). */
export interface StoredPush {
  operation: 'create' | 'update';
  reference: string;
}

async function pendingPush(ctx: CatalogContext, jobId: string): Promise<StoredPush | null> {
  const object = await ctx.bucket.get(inboundPayloadKey(ctx.tenant.id, jobId));
  if (!object) return null;
  const { format, stored } = (await object.json()) as { format: string; stored: Partial<StoredPush> };
  return format === 'gesmart' && typeof stored?.reference === 'string' && (stored.operation === 'create' || stored.operation === 'update')
    ? { operation: stored.operation, reference: stored.reference }
    : null;
}

export async function syncStatus(ctx: CatalogContext, job: JobT) {
  const single = job.counts.total <= 1;
  let subject: { operation: SyncOperation | null; reference: string | null } = fromKind(job.kind) ?? { operation: null, reference: null };
  const errors = job.status === 'failed' || job.status === 'partial' ? (await listJobErrors(ctx.db, job.id, -1, 20)).data : [];

  if (subject.reference === null && single) {
    const pending = job.status === 'pending' || job.status === 'processing' ? await pendingPush(ctx, job.id) : null;
    if (pending) subject = pending;
    else {
      const written = await idsWrittenByJob(ctx, job.id, 2);
      const failed = errors.find((e) => e.itemId !== null);
      const reference = written.length === 1 ? written[0]! : (failed?.itemId ?? null);
      // A create that found the product, or an update that did not, is how a push fails by operation.
      const operation: SyncOperation | null =
        job.counts.created > 0 || failed?.code === 'conflict'
          ? 'create'
          : job.counts.updated + job.counts.unchanged > 0 || failed?.code === 'not_found'
            ? 'update'
            : job.counts.deleted > 0
              ? 'delete'
              : null;
      subject = { operation, reference };
    }
  }

  let number: number | null = null;
  if (subject.reference !== null && subject.operation !== 'delete') {
    number = await numberOf(ctx, subject.reference);
  }

  const failure = errors[0];
  return {
    syncId: job.id,
    reference: subject.reference,
    status: job.status,
    operation: subject.operation,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    duration: job.durationMs,
    productId: number,
    presta_id: number,
    ...(job.status === 'failed'
      ? {
          error: failure?.errors[0]?.message ?? 'Synchronization failed',
          details: toGesmartErrors(failure?.errors ?? []).map((e) => ({ field: e.path.startsWith('/') ? fieldPath(e.path) : e.path, message: e.message })),
        }
      : {}),
  };
}
