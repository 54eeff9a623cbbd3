/**
 * After a write commits: wake the fan-out consumer (the events queue) for the tenant. Best effort by design: if the send
 * fails, the cron finds the tenant's events beyond its watermark within a minute (DESIGN "Durability").
 */
import type { Context } from 'hono';
import type { AppEnv, Env } from '../env';

export async function wakeFanout(env: Pick<Env, 'EVENTS_QUEUE'>, tenantId: string): Promise<void> {
  try {
    await env.EVENTS_QUEUE.send({ kind: 'events', tenantId });
  } catch (err) {
    console.warn(JSON.stringify({ level: 'warn', message: 'events wake-up not sent; the cron will catch up', tenantId, error: String(err) }));
  }
}

export function wakeFanoutAfterResponse(c: Context<AppEnv>): void {
  c.executionCtx.waitUntil(wakeFanout(c.env, c.get('tenant').id));
}
