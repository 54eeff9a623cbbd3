/**
 * Timeout signals shared by the requests that start close together. `AbortSignal.timeout()` per
 * request was 4.4% of the delivery isolate's CPU profile in the webhooks bench's burst (100,000
 * deliveries, one timer armed per request, each firing unused 15 s later). Requests started within
 * `slackMs` of each other take one signal that fires `timeoutMs + slackMs` after the first of them,
 * so each still gets at least `timeoutMs` (at most `slackMs` more) and a hung one is still aborted,
 * connection and all. One instance per invocation; nothing here outlives it.
 */
export class SharedTimeouts {
  private current: AbortSignal | null = null;
  private until = -Infinity;

  constructor(
    readonly timeoutMs: number,
    readonly slackMs = 100,
  ) {}

  /** A signal that aborts no sooner than `timeoutMs` and no later than `timeoutMs + slackMs` from `now`. */
  signal(now = Date.now()): AbortSignal {
    if (this.current === null || now > this.until) {
      this.current = AbortSignal.timeout(this.timeoutMs + this.slackMs);
      this.until = now + this.slackMs;
    }
    return this.current;
  }
}
