/** Polling with a deadline instead of fixed sleeps: the one helper every suite waits with. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns something other than undefined/false/null, or fails after
 * `timeoutMs` naming what it waited for and the last value seen.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 5000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false && value !== null) return value as T;
    last = value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(intervalMs);
  }
}
