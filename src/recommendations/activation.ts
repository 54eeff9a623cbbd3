/**
 * Recommendations cost only the tenants that use them. A tenant moves through `rec_settings.state`:
 * 0 nobody asks: every product write still wakes the consumer, whose whole run is one statement that
 *   moves the watermark to the feed's head (no signatures, no ranking);
 * 1 asked: a product write chose lists, the admin default became one, or the rules were set (each in
 *   the batch that made the choice, so no event past the watermark predates it);
 * 2 building: a rebuild signs the catalog written while idle, then ranks what asks; due products wait
 *   for it, so their lists (and a Sizebay callback) see the whole earlier catalog;
 * 3 active: the consumer works as before. A tenant never goes back (stored lists keep needing upkeep).
 */
import { read, readBatch } from '../db/batch';
import { FOLLOW_FEED_IF_IDLE } from './recs.queries';

export const IDLE = 0;
export const ASKED = 1;
export const BUILDING = 2;

/** True when the tenant does not use recommendations (its watermark now follows the feed's head). */
export async function followFeedIfIdle(db: D1Database, tenantId: string, now: number): Promise<boolean> {
  const [rows] = await readBatch(db, [read<{ state: number }>(db.prepare(FOLLOW_FEED_IF_IDLE).bind(tenantId, now))]);
  return rows.length > 0 && rows[0]!.state === IDLE;
}
