/**
 * A write refused by the shard fence (db/fence.ts) while its tenant is being moved (DESIGN "Shards"):
 * 503 `tenant_moving`, never a 500, with a Retry-After the client can honour. Frozen (the move's
 * tail copy, a few seconds): retry in 2 s. Moved (this isolate's cached placement is stale): the
 * placement is forgotten here first, so the retry 1 s later is routed to the new shard.
 */
import { FencedWriteError } from '../db/fence';
import { forgetPlacement } from '../placement/placement';
import { ApiError } from './problem';

export const FROZEN_RETRY_AFTER_SECONDS = 2;
export const MOVED_RETRY_AFTER_SECONDS = 1;

/** The FencedWriteError in `err` or its causes (an ORM wraps the driver's error), else null. */
function fencedWrite(err: unknown): FencedWriteError | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof FencedWriteError) return e;
  return null;
}

export function fromFencedWrite(err: unknown): ApiError | null {
  const fenced = fencedWrite(err);
  if (!fenced) return null;
  if (fenced.reason === 'moved') forgetPlacement(fenced.tenantId);
  const retryAfter = fenced.reason === 'frozen' ? FROZEN_RETRY_AFTER_SECONDS : MOVED_RETRY_AFTER_SECONDS;
  return new ApiError('tenant_moving', 'This tenant is being moved between databases; nothing was written. Retry after the time in Retry-After', undefined, {
    'Retry-After': String(retryAfter),
  });
}
