/**
 * Recovery after a restart. Queue messages are only wake-ups, and local queues live in memory: a
 * killed `npm start` loses every one of them while D1 keeps the work. A routine sweep only re-wakes
 * work untouched for a minute (younger work may still have its message in flight) and waits out the
 * lease of claimed work (5 minutes for an image), so recovery would crawl.
 *
 * The first sweep of an isolate is therefore a recovery sweep. Under `wrangler dev` one isolate runs
 * everything (fetch, queues, cron), so whatever was last touched before this isolate first ran
 * belongs to a process that is gone: no message for it is in flight and no claim on it is alive. The
 * recovery sweep wakes all of that at once and releases its claims; work this isolate touched itself
 * keeps the routine rules, so nothing is processed twice.
 *
 * In production queues are durable and many isolates share the work, so a fresh isolate says nothing
 * about the others: there the first sweep only wakes more at once (larger caps), never earlier.
 */
/** The one setting this reads (lib sits below env.ts). */
type Env = { ENVIRONMENT?: string | undefined };

export interface SweepMode {
  /** The first sweep of this isolate: wake up to the larger recovery caps. */
  recovery: boolean;
  /** Work last touched before this time belongs to a dead process (local development only), else null. */
  deadBefore: number | null;
}

export const ROUTINE_SWEEP: SweepMode = { recovery: false, deadBefore: null };

/**
 * Pending work last touched before the returned time may be woken: untouched for `untouchedMs`, or
 * left by a dead process.
 */
export function wakeBefore(mode: SweepMode, now: number, untouchedMs: number): number {
  return Math.max(now - untouchedMs, mode.deadBefore ?? -Infinity);
}

/** Tracks one isolate: when it first ran anything, and whether it has swept yet. */
export function isolateSweepClock() {
  // `Date.now()` is frozen at 0 at module scope in Workers: the first entry call sets the time.
  let firstActiveAt: number | null = null;
  let swept = false;
  return {
    /** Called by the queue entry (where claims are taken) and the cron before they do any work. */
    noteActive(now = Date.now()): void {
      firstActiveAt ??= now;
    },
    /** The mode of this cron run: recovery for the first sweep of this isolate, routine afterwards. */
    take(env: Pick<Env, 'ENVIRONMENT'>, now = Date.now()): SweepMode {
      firstActiveAt ??= now;
      if (swept) return ROUTINE_SWEEP;
      swept = true;
      return { recovery: true, deadBefore: env.ENVIRONMENT === 'development' ? firstActiveAt : null };
    },
  };
}

const clock = isolateSweepClock();
export const noteIsolateActive = clock.noteActive;
export const takeSweepMode = clock.take;
