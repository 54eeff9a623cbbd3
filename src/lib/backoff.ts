/**
 * The retry delay of a queue message whose consumer failed: exponential in its attempts, capped at
 * 5 minutes (queue delays are for short backoff only; longer waits come from the cron, DESIGN
 * "Durability"). One rule for every consumer.
 */
export function backoffSeconds(attempts: number): number {
  return Math.min(300, 2 ** Math.min(attempts, 8));
}
