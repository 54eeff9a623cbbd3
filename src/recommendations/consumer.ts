/**
 * The `shelfsync-recommendations` queue consumer. A `recs` message is a wake-up for one tenant: the
 * events past its watermark (`rec_settings.seq`) become due products (`rec_dirty`) in one batch with
 * the watermark, then a bounded number of due products are worked off (refresh.ts); if work remains,
 * the consumer wakes itself again. D1 holds every pending step, so a lost message costs only time
 * (the cron re-sends wake-ups for tenants with work). `rebuild` messages run one slice of a rebuild.
 */
import type { RecommendationOptions } from '../config';
import { read, readBatch } from '../db/batch';
import type { Env, RecsMessage } from '../env';
import { readFeed } from '../events/events.repository';
import { wakeFanout } from '../events/wake';
import { tenantById } from '../auth/tenant-lookup';
import { ASKED, BUILDING, followFeedIfIdle } from './activation';
import { rebuildSlice, startRebuild } from './rebuild';
import { ADVANCE_SEQ, type CountRow, type DirtyRow, HAS_DIRTY, MARK_DIRTY, SELECT_DIRTY, SELECT_OLDEST_SEQ } from './recs.queries';
import { refreshProducts } from './refresh';
import { readSettings } from './settings';
import { stampRoute } from '../placement/stamp';
import { retryAfterFailure } from '../lib/retry-reason';

/**
 * Events read per run, and due products worked off per run. One product's two lists cost up to ~110
 * D1 statements (one per probed index key: ~18 for similar, up to 81 for complementary, plus the
 * reads and the write), and production allows 1,000 per invocation: 8 products stay under it.
 */
const EVENTS_PER_RUN = 200;
const PRODUCTS_PER_RUN = 8;

const PRODUCT_EVENTS = new Set(['product.created', 'product.updated', 'product.deleted', 'product.processed']);

interface Mark {
  id: string;
  signature: 1;
  ready: Record<string, unknown> | null;
}

/** The due marks of a page of events: every product event re-signs; a `product.processed` asking for lists also waits for its ready event. */
export function marksOf(events: Array<{ type: string; data: Record<string, unknown> }>): Mark[] {
  const marks: Mark[] = [];
  for (const event of events) {
    if (!PRODUCT_EVENTS.has(event.type) || typeof event.data.productId !== 'string') continue;
    const asks = event.type === 'product.processed' && typeof event.data.recommend === 'string' && event.data.recommend !== 'none';
    marks.push({ id: event.data.productId, signature: 1, ready: asks ? event.data : null });
  }
  return marks;
}

/** One tenant's run. Returns whether work remains. */
export async function runTenant(env: Pick<Env, 'DB' | 'IMAGES' | 'EVENTS_QUEUE' | 'RECS_QUEUE'>, tenantId: string, options: RecommendationOptions, now: number): Promise<boolean> {
  const db = env.DB;
  // A tenant that never asked for lists: one statement, nothing built (activation.ts).
  if (await followFeedIfIdle(db, tenantId, now)) return false;
  const tenant = await tenantById(db, tenantId);
  if (!tenant) return false;
  const settings = await readSettings(db, tenantId);
  // Rules that do not parse fail every product at once (refresh.ts): no rebuild could run, so the due
  // products hear the reason now rather than wait for one.
  if (!settings.rulesError) {
    if (settings.state === ASKED) {
      // First use: sign the catalog written while idle before any list is ranked; the rebuild's last
      // slice makes the tenant active and wakes this consumer (handleRecsBatch).
      const jobId = await startRebuild(db, tenantId, now);
      await env.RECS_QUEUE.send(stampRoute(env, { kind: 'rebuild', tenantId, jobId }));
      return false;
    }
    if (settings.state === BUILDING) return false;
  }
  let feed = await readFeed(db, tenantId, settings.seq, EVENTS_PER_RUN);
  if (feed.gone) {
    // Events older than the retention were pruned: resume at the oldest kept (a rebuild covers the gap).
    const [[oldest]] = await readBatch(db, [read<CountRow>(db.prepare(SELECT_OLDEST_SEQ).bind(tenantId))]);
    console.warn(JSON.stringify({ level: 'warn', message: 'recommendations watermark behind the event retention; run a rebuild', tenantId }));
    settings.seq = oldest?.n ?? 0;
    feed = await readFeed(db, tenantId, settings.seq, EVENTS_PER_RUN);
    if (feed.gone) return true;
  }
  const events = feed.data;
  if (events.length > 0) {
    const last = events[events.length - 1]!.seq;
    const marks = marksOf(events);
    // Several events of one product in a page: each mark is merged (ready events accumulate).
    const statements = marks.map((m) => db.prepare(MARK_DIRTY).bind(tenantId, JSON.stringify([m]), now));
    await db.batch([...statements, db.prepare(ADVANCE_SEQ).bind(tenantId, last, now)]);
  }
  const [due] = await readBatch(db, [read<DirtyRow>(db.prepare(SELECT_DIRTY).bind(tenantId, PRODUCTS_PER_RUN))]);
  if (due.length > 0) {
    try {
      await refreshProducts(env, tenant, settings, due, options, now);
    } finally {
      // The lists' events (updated, ready) go out to webhooks now, not at the cron's next sweep. Only
      // the fan-out is woken: this consumer reads its own events as nothing to do.
      await wakeFanout({ EVENTS_QUEUE: env.EVENTS_QUEUE }, tenantId);
    }
  }
  if (events.length === EVENTS_PER_RUN) return true;
  const [[left]] = await readBatch(db, [read<CountRow>(db.prepare(HAS_DIRTY).bind(tenantId))]);
  return (left?.n ?? 0) > 0;
}

export async function handleRecsBatch(batch: MessageBatch<RecsMessage>, env: Env, options: RecommendationOptions): Promise<void> {
  // One run per tenant however many wake-ups arrived for it.
  const seen = new Set<string>();
  for (const message of batch.messages) {
    const body = message.body;
    try {
      if (body.kind === 'rebuild') {
        const more = await rebuildSlice(env, body.tenantId, body.jobId, options, Date.now());
        await wakeFanout({ EVENTS_QUEUE: env.EVENTS_QUEUE }, body.tenantId);
        // The last slice may have made a first-time tenant active: its waiting events are read now.
        await env.RECS_QUEUE.send(stampRoute(env, more ? body : { kind: 'recs', tenantId: body.tenantId }));
      } else if (!seen.has(body.tenantId)) {
        seen.add(body.tenantId);
        const more = await runTenant(env, body.tenantId, options, Date.now());
        if (more) await env.RECS_QUEUE.send(stampRoute(env, { kind: 'recs', tenantId: body.tenantId }));
      }
      message.ack();
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', message: 'recommendations run failed; retrying', tenantId: body.tenantId, error: String(err) }));
      // With its reason, so the queue entry can tell a fenced write (a tenant moving) from a failure.
      retryAfterFailure(message, err, Math.min(300, 5 * 2 ** Math.min(6, message.attempts)));
    }
  }
}
