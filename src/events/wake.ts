/**
 * After a write commits: wake the fan-out consumer (the events queue) for the tenant, and the
 * recommendations consumer, which reads the same feed (a product changed, was processed or deleted:
 * its lists and its neighbours' are due; in a tenant that never asked for lists its whole run is one
 * statement, see recommendations/activation.ts). Best effort by design: if a send fails, the cron finds the
 * tenant's events beyond each watermark within a minute (DESIGN "Durability").
 */
import type { Context } from 'hono';
import type { AppEnv, Env } from '../env';
import { stampRoute } from '../placement/stamp';

type WakeQueues = Pick<Env, 'EVENTS_QUEUE'> & Partial<Pick<Env, 'RECS_QUEUE'>>;

export async function wakeFanout(env: WakeQueues, tenantId: string): Promise<void> {
  await Promise.all([
    send(() => env.EVENTS_QUEUE.send(stampRoute(env, { kind: 'events', tenantId })), 'events', tenantId),
    env.RECS_QUEUE ? send(() => env.RECS_QUEUE!.send(stampRoute(env, { kind: 'recs', tenantId })), 'recommendations', tenantId) : undefined,
  ]);
}

async function send(doSend: () => Promise<unknown>, queue: string, tenantId: string): Promise<void> {
  try {
    await doSend();
  } catch (err) {
    console.warn(JSON.stringify({ level: 'warn', message: `${queue} wake-up not sent; the cron will catch up`, tenantId, error: String(err) }));
  }
}

export function wakeFanoutAfterResponse(c: Context<AppEnv>): void {
  c.executionCtx.waitUntil(wakeFanout(c.env, c.get('tenant').id));
}
