/**
 * Runs `work` over `items` with at most `concurrency` in flight overall and at most `perKey` in flight
 * for any one key (a destination host), in input order as far as those limits allow. Before each start
 * `mayStart()` is asked (a time budget): once it says no, nothing more starts, and the items never
 * started are returned as `skipped` for the caller to hand back.
 */
export async function runKeyedPool<T, R>(
  items: readonly T[],
  options: { concurrency: number; perKey: number; key: (item: T) => string; mayStart?: () => boolean },
  work: (item: T) => Promise<R>,
): Promise<{ results: Array<{ item: T; result: R }>; skipped: T[] }> {
  const waiting = [...items];
  const inFlight = new Map<string, number>();
  const results: Array<{ item: T; result: R }> = [];
  let running = 0;
  let stopped = false;

  return new Promise((resolve, reject) => {
    const perKey = Math.max(1, options.perKey);
    const pump = () => {
      while (!stopped && running < options.concurrency) {
        const index = waiting.findIndex((item) => (inFlight.get(options.key(item)) ?? 0) < perKey);
        if (index === -1) break;
        if (options.mayStart && !options.mayStart()) {
          stopped = true;
          break;
        }
        const item = waiting.splice(index, 1)[0]!;
        const key = options.key(item);
        inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
        running += 1;
        work(item).then(
          (result) => {
            results.push({ item, result });
            inFlight.set(key, inFlight.get(key)! - 1);
            running -= 1;
            pump();
          },
          reject,
        );
      }
      if (running === 0) resolve({ results, skipped: waiting });
    };
    pump();
  });
}
