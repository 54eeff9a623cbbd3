/**
 * lib/foreground.ts: how background work (an import's slices) gives way to the isolate's requests.
 * The effect on latency is measured by `npm run bench:shards` (isolation); these pin the decisions.
 */
import { describe, expect, it } from 'vitest';
import { foregroundBusy, foregroundStarted, yieldToForeground } from '../../src/lib/foreground';

/** Resolves with the order in which `yielded` and the request's end happened. */
async function race(yielded: Promise<void>, endAfterMs: number, end: () => void): Promise<string[]> {
  const order: string[] = [];
  const ending = new Promise<void>((resolve) =>
    setTimeout(() => {
      order.push('request ended');
      end();
      resolve();
    }, endAfterMs),
  );
  await Promise.all([yielded.then(() => order.push('background resumed')), ending]);
  return order;
}

describe('yieldToForeground', () => {
  it('locally, waits for a request on another database to end before the next step', async () => {
    const request = foregroundStarted();
    request.lane = 1;
    expect(foregroundBusy(2, 0)).toBe(true);
    expect(await race(yieldToForeground('requestsFirst', 2, 5_000), 30, () => request.end())).toEqual(['request ended', 'background resumed']);
  });

  it('counts a request not routed yet as another database', async () => {
    const request = foregroundStarted();
    expect(await race(yieldToForeground('requestsFirst', 0, 5_000), 30, () => request.end())).toEqual(['request ended', 'background resumed']);
  });

  it('does not wait for requests on its own database (they would wait for its writes in production too)', async () => {
    const request = foregroundStarted();
    request.lane = 3;
    expect(foregroundBusy(3, 0)).toBe(false);
    expect(await race(yieldToForeground('requestsFirst', 3, 5_000), 200, () => request.end())).toEqual(['background resumed', 'request ended']);
  });

  it('waits at most maxWaitMs, so a stream of requests slows background work but never stops it', async () => {
    const request = foregroundStarted();
    request.lane = 1;
    expect(await race(yieldToForeground('requestsFirst', 2, 20), 1_000, () => request.end())).toEqual(['background resumed', 'request ended']);
  });

  it('in production (cooperative) only takes a turn of the event loop', async () => {
    const request = foregroundStarted();
    request.lane = 1;
    expect(await race(yieldToForeground('cooperative', 2), 200, () => request.end())).toEqual(['background resumed', 'request ended']);
  });

  it('treats a request that ended a moment ago as still there (clients send the next one right away)', async () => {
    const request = foregroundStarted();
    request.lane = 1;
    request.end();
    expect(foregroundBusy(2, 1_000)).toBe(true);
    expect(foregroundBusy(1, 1_000)).toBe(false);
    request.end(); // a second end() changes nothing
    expect(foregroundBusy(2, 1_000)).toBe(true);
  });
});
