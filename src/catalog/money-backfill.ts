/**
 * The money backfill: rows stored before money was integer micros (`money_format IS NULL`, amounts
 * in minor units) are rewritten with exactly the canonical JSON today's write path produces for the
 * same product, so a client re-sending its catalog afterwards gets `unchanged`. No version bump, no
 * job, no event: the product did not change. Readers understand both forms meanwhile
 * (model/money-doc.ts), so nothing waits for it.
 *
 * A queue job, not one SQL UPDATE (a D1 statement stops at 30 s): each message converts one slice in
 * (tenant, id) order and enqueues the next; the per-row marker makes it resumable from anywhere, and
 * the minute cron starts a new pass whenever unconverted rows remain (a lost message, a row skipped
 * because a write raced it).
 */
import type { Env, MoneyBackfillMessage as MaintenanceMessage } from '../env';
import { canonicalJson } from '../lib/canonical-json';
import { MONEY_FORMAT_LEGACY_OUT_OF_RANGE, MONEY_FORMAT_MICROS, toMicrosDoc } from './model/money-doc';
import type { ProductDoc } from './model/product-doc';
import { ANY_UNCONVERTED, CONVERT_ROWS, NEXT_UNCONVERTED, type UnconvertedRow } from './money-backfill.queries';
import { retryAfterFailure } from '../lib/retry-reason';
import { stampRoute } from '../placement/stamp';

/** Rows per message: 100 documents of up to ~50 KB stay well inside one invocation's memory and time. */
export const BACKFILL_SLICE = 100;
/** Bytes of documents per UPDATE statement's JSON parameter (D1 caps a string value at 2 MB). */
const STATEMENT_BYTES = 1_000_000;

export type SliceResult = { converted: number; next: MaintenanceMessage | null };

/** Converts one slice; `next` is the message for the slice after it (null when the pass is done). */
export async function convertMoneySlice(env: Env, message: MaintenanceMessage, slice = BACKFILL_SLICE): Promise<SliceResult> {
  const [afterTenant, afterId] = message.after ?? ['', ''];
  const { results } = await env.DB.prepare(NEXT_UNCONVERTED).bind(afterTenant, afterId, slice).all<UnconvertedRow>();
  if (results.length === 0) return { converted: 0, next: null };

  const statements: D1PreparedStatement[] = [];
  let chunk: unknown[] = [];
  let bytes = 0;
  const flush = () => {
    if (chunk.length > 0) statements.push(env.DB.prepare(CONVERT_ROWS).bind(JSON.stringify(chunk)));
    chunk = [];
    bytes = 0;
  };
  for (const row of results) {
    const converted = toMicrosDoc(JSON.parse(row.data) as ProductDoc);
    // An amount above 9,007,199,254.740991 cannot be micros: keep the row as it is, marked, still read exactly.
    const item = converted
      ? { t: row.tenant_id, id: row.id, v: row.version, doc: canonicalJson(converted), fmt: MONEY_FORMAT_MICROS }
      : { t: row.tenant_id, id: row.id, v: row.version, doc: row.data, fmt: MONEY_FORMAT_LEGACY_OUT_OF_RANGE };
    if (!converted) console.warn(JSON.stringify({ level: 'warn', message: 'money backfill: amount too large for micros, row kept in minor units', tenantId: row.tenant_id, productId: row.id }));
    if (bytes + item.doc.length > STATEMENT_BYTES) flush();
    chunk.push(item);
    bytes += item.doc.length;
  }
  flush();
  await env.DB.batch(statements);

  const last = results[results.length - 1]!;
  const next: MaintenanceMessage | null = results.length < slice ? null : { kind: 'money-backfill', after: [last.tenant_id, last.id] };
  return { converted: results.length, next };
}

export async function handleMaintenanceBatch(batch: MessageBatch<MaintenanceMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    try {
      const { next } = await convertMoneySlice(env, message.body);
      if (next) await env.MAINTENANCE_QUEUE.send(stampRoute(env, next));
      message.ack();
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', message: 'money backfill slice failed', error: String(error) }));
      retryAfterFailure(message, error, Math.min(300, 10 * 2 ** message.attempts));
    }
  }
}

/** Cron: start a pass from the beginning when any row is still unconverted (one indexed probe). */
export async function sweepMoneyBackfill(env: Env): Promise<void> {
  const any = await env.DB.prepare(ANY_UNCONVERTED).first();
  if (any) await env.MAINTENANCE_QUEUE.send(stampRoute(env, { kind: 'money-backfill' }));
}
