/**
 * A `waitUntil` for code that runs outside a request (a queue message): it collects the promises
 * handed to it, and `settled()` awaits them, so the message is acknowledged only after they ran.
 */
export interface PendingWork {
  add: (promise: Promise<unknown>) => void;
  settled: () => Promise<void>;
}

export function pendingWork(): PendingWork {
  const pending: Promise<unknown>[] = [];
  return {
    add: (promise) => {
      pending.push(promise);
    },
    settled: async () => {
      while (pending.length > 0) await Promise.all(pending.splice(0));
    },
  };
}
