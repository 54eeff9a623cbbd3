/**
 * Timeout signals shared by requests that start close together (src/outbound/shared-timeouts.ts):
 * each request still gets at least the timeout, and a hung one is still aborted.
 */
import { describe, expect, it } from 'vitest';
import { SharedTimeouts } from '../../src/outbound/shared-timeouts';

describe('SharedTimeouts', () => {
  it('hands one signal to requests started within the slack, and a new one after it', () => {
    const timeouts = new SharedTimeouts(15_000, 100);
    const first = timeouts.signal(1_000);
    expect(timeouts.signal(1_050)).toBe(first);
    expect(timeouts.signal(1_100)).toBe(first);
    const second = timeouts.signal(1_101);
    expect(second).not.toBe(first);
    expect(timeouts.signal(1_150)).toBe(second);
  });

  it('aborts no sooner than the timeout after the last request that took the signal', async () => {
    const timeouts = new SharedTimeouts(200, 100);
    const started = Date.now();
    const signal = timeouts.signal(started);
    // A request taking the same signal at the end of the slack still gets its full 200 ms.
    expect(timeouts.signal(started + 100)).toBe(signal);
    const aborted = await new Promise<number>((resolve) => signal.addEventListener('abort', () => resolve(Date.now())));
    expect(aborted - started).toBeGreaterThanOrEqual(300);
    expect(signal.reason).toBeInstanceOf(DOMException);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });
});
