/**
 * Requests first: background work in this isolate (a file import's slices) yields to the requests it
 * serves on the same thread. Two modes:
 *
 * - `cooperative` (production): a macrotask turn between CPU steps (a chunk's parse, every 250 rows of
 *   validation), so a request never waits for more than one step. D1 and R2 run elsewhere there: while
 *   a slice's batch is being written the isolate is idle and requests run.
 * - `requestsFirst` (`wrangler dev`): every D1 database runs as SQLite in this process,
 *   so a slice's write holds the thread too, and the loop never goes idle between in-process calls: a
 *   request is not even read off its socket until the whole queue invocation ends. Measured (`npm run
 *   bench:shards`, 4 shards, quiet tenant on another shard than a 100,000-row import): a PUT took
 *   ~1.4 s during the import against 13 ms alone. In this mode, while requests on OTHER databases are
 *   about (SHARED_WINDOW_MS), a step sleeps 1 ms (an idle loop admits waiting requests), then waits
 *   while such requests are in flight (or ended a few ms ago), at most `maxWaitMs` per step, and the
 *   import takes smaller steps: in production those requests would share nothing with the import, so
 *   locally they go first. Requests on the import's own database do not: they would wait for its
 *   writes in production too, and locally they still wait for them (so a shared database still shows
 *   what it costs). A stream of requests slows an import but never stops it.
 *
 * A request's lane is its tenant's shard (auth/route-tenant.ts sets it once routed; null before).
 */

export interface ForegroundRequest {
  lane: number | null;
  end(): void;
}

const inFlight = new Set<ForegroundRequest>();
/** When each lane's last request ended (for the grace below). */
const lastEnded = new Map<number | null, number>();
/** Steps waiting for a request to end; each re-checks when woken. */
let waiters: Array<() => void> = [];

/** A request started (lane unknown until it is routed); call `end()` when its handler returned. */
export function foregroundStarted(): ForegroundRequest {
  let ended = false;
  const request: ForegroundRequest = {
    lane: null,
    end() {
      if (ended) return;
      ended = true;
      inFlight.delete(request);
      lastEnded.set(request.lane, Date.now());
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
  };
  inFlight.add(request);
  return request;
}

/** Whether a request on a lane other than `lane` is in flight, or ended within `withinMs`. */
export function foregroundBusy(lane: number | null, withinMs: number, now = Date.now()): boolean {
  if (inFlightElsewhere(lane)) return true;
  for (const [other, at] of lastEnded) if (other !== lane && now - at < withinMs) return true;
  return false;
}

function inFlightElsewhere(lane: number | null): boolean {
  for (const request of inFlight) if (request.lane !== lane) return true;
  return false;
}

/**
 * A request that ended less than this long ago counts as still there: clients send the next request
 * right after an answer (~1-3 ms later on loopback), and resuming in that gap put every other PUT of a
 * client behind a slice's D1 batch (PUT times alternating ~25 / ~55 ms in the isolation timeline).
 */
const GRACE_MS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type YieldMode = 'cooperative' | 'requestsFirst';

/**
 * Requests on other databases within this long make background work "shared" (requests first, and
 * smaller steps); without them a step costs a turn of the loop as in production. Measured: a 1 ms
 * sleep and 12 validation yields per 3,000-row slice whether or not anyone waited cut a lone import
 * from 5,290 to 4,916 rows/s (`npm run bench:imports`, one database, load ~2).
 */
export const SHARED_WINDOW_MS = 100;

/** Whether background work on `lane` shares the isolate with requests on other databases (see above). */
export function sharedWithRequests(mode: YieldMode, lane: number | null): boolean {
  return mode === 'requestsFirst' && foregroundBusy(lane, SHARED_WINDOW_MS);
}

/** Called between two steps of background work on database `lane` (see the modes above). */
export async function yieldToForeground(mode: YieldMode, lane: number | null, maxWaitMs = 100): Promise<void> {
  if (!sharedWithRequests(mode, lane)) return sleep(0);
  // 1 ms, not 0: one idle moment of the loop admits a request's connection but not always the whole
  // request (with setTimeout(0) between slices a PUT still took ~160 ms during an import).
  const started = Date.now();
  await sleep(1);
  for (;;) {
    const left = maxWaitMs - (Date.now() - started);
    if (left <= 0 || !foregroundBusy(lane, GRACE_MS)) return;
    // While a request is in flight, wake when one ends rather than on a timer: timer wake-ups would
    // run on its thread between its steps.
    const busy = inFlightElsewhere(lane);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      timer = setTimeout(resolve, busy ? left : Math.min(left, GRACE_MS));
      if (busy) waiters.push(resolve);
    });
    clearTimeout(timer);
  }
}
