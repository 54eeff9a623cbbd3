/**
 * Why a queue message was retried. A consumer that catches an error retries the message through
 * `retryAfterFailure`, which remembers the error beside the message; the queue entry
 * (queues/observed-batch.ts) stores it, so that when the message finally dies the dead-letter record
 * says why. Only the error's first line is kept, at most 500 characters: never a stack.
 */

const reasons = new WeakMap<object, string>();

export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return (text.split('\n', 1)[0] ?? '').slice(0, 500) || 'Unknown error';
}

/** `message.retry({ delaySeconds })`, remembering `error` as the reason. */
export function retryAfterFailure(message: Message<unknown>, error: unknown, delaySeconds: number): void {
  reasons.set(message, describeFailure(error));
  message.retry({ delaySeconds });
}

/** The reason the message was last retried for in this invocation, if its consumer gave one. */
export function retryReasonOf(message: object): string | undefined {
  return reasons.get(message);
}
