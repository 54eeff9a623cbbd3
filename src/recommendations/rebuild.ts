/**
 * A full rebuild of a tenant's recommendations (after the complement map changed, or to fill in a
 * catalog that existed before recommendations did): a resumable job. Phase `signatures` signs every
 * product by number, then phase `lists` re-ranks every product that asks for lists; each slice
 * commits its results with the cursor and the job's progress (`succeeded` of `total` = 2 steps per
 * product), so a crash resumes at the slice after the last committed one. One slice per message.
 */
import type { RecommendationOptions } from '../config';
import { read, readBatch } from '../db/batch';
import { eventStatements } from '../events/outbox';
import { acceptJobStatement, closeWritesStatements, jobProgressStatement } from '../jobs/job-statements';
import { newId } from '../lib/ulid';
import { tenantById } from '../auth/tenant-lookup';
import {
  ADVANCE_REBUILD,
  COUNT_PRODUCTS,
  type CountRow,
  INSERT_REBUILD,
  type ListRow,
  MARK_ACTIVE,
  MARK_BUILDING,
  type ProductToSignRow,
  type RebuildRow,
  SELECT_LISTS_OF,
  SELECT_PRODUCTS_TO_SIGN,
  SELECT_PRODUCT_SLICE,
  SELECT_REBUILD,
  SELECT_SIGNATURES,
  SET_LISTS_COMPUTED,
  type SignatureRow,
  RESTART_REBUILD,
  SELECT_RUNNING_REBUILD,
  type SliceRow,
} from './recs.queries';
import { type RefreshEnv, listStatements, signatureStatements, signProduct } from './refresh';
import { readSettings, RecsError } from './settings';
import type { Signature } from './signature';

/**
 * Products signed per slice (each may decode one 256 px thumbnail; ~3 statements), and re-ranked per
 * slice (up to ~110 statements each, one per probed index key: 8 stay under production's 1,000 D1
 * queries per invocation).
 */
const SIGN_SLICE = 100;
const LIST_SLICE = 8;

/** Accepts a rebuild job; the caller sends its first `rebuild` message after this commits. */
/**
 * Starts the tenant's rebuild, or answers the one already running (one at a time per tenant: a client
 * cannot multiply whole-catalog work). `restart`: new rules, so a running rebuild starts over under them.
 */
export async function startRebuild(db: D1Database, tenantId: string, now: number, options: { restart?: boolean } = {}): Promise<string> {
  const running = await db.prepare(SELECT_RUNNING_REBUILD).bind(tenantId).first<{ job_id: string }>();
  if (running) {
    if (options.restart) await db.prepare(RESTART_REBUILD).bind(running.job_id, now).run();
    return running.job_id;
  }
  const [[count]] = await readBatch(db, [read<CountRow>(db.prepare(COUNT_PRODUCTS).bind(tenantId))]);
  const jobId = newId('job', now);
  await db.batch([
    acceptJobStatement(db, { id: jobId, tenantId, kind: 'recommendations.rebuild', total: 2 * (count?.n ?? 0), started: true, writesOpen: true }, now),
    db.prepare(INSERT_REBUILD).bind(jobId, tenantId, now),
    // A tenant that starts using recommendations waits for this rebuild before its due products are
    // worked off (activation.ts): their lists then see the whole earlier catalog.
    db.prepare(MARK_BUILDING).bind(tenantId, now),
  ]);
  return jobId;
}

/** Runs the rebuild's next slice. Returns whether slices remain. */
export async function rebuildSlice(env: RefreshEnv, tenantId: string, jobId: string, options: RecommendationOptions, now: number): Promise<boolean> {
  const db = env.DB;
  const [[job]] = await readBatch(db, [read<RebuildRow>(db.prepare(SELECT_REBUILD).bind(jobId, tenantId))]);
  const tenant = await tenantById(db, tenantId);
  if (!job || job.phase === 'done' || !tenant) return false;
  const settings = await readSettings(db, tenantId);
  if (settings.rulesError) throw new RecsError(settings.rulesError);
  const size = job.phase === 'signatures' ? SIGN_SLICE : LIST_SLICE;
  const [slice] = await readBatch(db, [read<SliceRow>(db.prepare(SELECT_PRODUCT_SLICE).bind(tenantId, job.after_number, size))]);
  const ids = JSON.stringify(slice.map((s) => s.id));
  const [products, signatures, lists] = await readBatch(db, [
    read<ProductToSignRow>(db.prepare(SELECT_PRODUCTS_TO_SIGN).bind(tenantId, ids)),
    read<SignatureRow>(db.prepare(SELECT_SIGNATURES).bind(tenantId, ids)),
    read<ListRow>(db.prepare(SELECT_LISTS_OF).bind(tenantId, ids)),
  ]);
  const statements: D1PreparedStatement[] = [];
  for (const product of products) {
    const previous = signatures.find((s) => s.product_id === product.id);
    if (job.phase === 'signatures') {
      const sig = await signProduct(env, tenantId, product, previous, settings.rules, tenant.defaultCurrency);
      statements.push(...signatureStatements(db, tenantId, sig, product, previous ? (JSON.parse(previous.lists) as string[]) : [], now));
      continue;
    }
    if (!previous) continue;
    const sig = JSON.parse(previous.sig) as Signature;
    const recommend = (JSON.parse(product.data) as { recommend?: string }).recommend ?? settings.defaultRecommend;
    const ranked = await listStatements(db, tenantId, sig, recommend, lists.filter((l) => l.anchor_id === product.id), settings.rules, options);
    statements.push(...ranked.statements, db.prepare(SET_LISTS_COMPUTED).bind(tenantId, product.id, JSON.stringify(ranked.computed)));
    if (ranked.changed.length > 0) {
      statements.push(...eventStatements(db, tenantId, 'product.recommendations.updated', { productId: product.id, number: product.number, version: product.version, lists: ranked.changed }, now));
    }
  }
  const done = job.done + slice.length;
  const last = slice.length === size;
  const next = last ? { phase: job.phase, after: slice[slice.length - 1]!.number } : job.phase === 'signatures' ? { phase: 'lists', after: 0 } : { phase: 'done', after: 0 };
  statements.push(db.prepare(ADVANCE_REBUILD).bind(jobId, job.phase, job.after_number, next.phase, next.after, now, done), jobProgressStatement(db, tenantId, jobId, done, now));
  if (next.phase === 'done') statements.push(...closeWritesStatements(db, tenantId, jobId, { deleted: 0 }, now), db.prepare(MARK_ACTIVE).bind(tenantId, now));
  await db.batch(statements);
  return next.phase !== 'done';
}
