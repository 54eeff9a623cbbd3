/**
 * A move, run as a resumable job (DESIGN "Shards"): each maintenance-queue message claims the move
 * (a lease token: the row's `updated_at`), advances it slice by slice within the invocation's query
 * budget, committing state and watermarks after every slice, and says what comes next. A crash loses
 * at most the slice in progress (every step is idempotent: copies replace, deletes are by key); a
 * stalled move is resumed by the cron once its lease has expired.
 *
 *   copying    the tenant's rows, table by table in keyset slices, old shard -> new; writes go on.
 *   freezing   the old shard's row turns `frozen` (writes answer 503), then the tail: each slice is
 *              compared by content hash on both sides and re-copied when it differs; rows the new
 *              shard has that the old one lost meanwhile are deleted. The same pass reads each side
 *              once, in full: row counts and chained content hashes per table.
 *   verifying  the counts and hashes compared (`report`). A mismatch thaws the tenant (it keeps
 *              writing where it was) -> aborting -> failed.
 *   flip       placement to the new shard at the next epoch; the old row turns `moved`.
 *   cleaning   after 2x the identity cache's TTL, the old copy is deleted (its `tenants` row stays,
 *              `moved`: the fence refuses writes routed there with the old epoch) -> done.
 */
import { flipPlacement, freezeTenant, resolvePlacement, retireShardCopy, thawTenant } from '../placement/placement';
import { controlDb, type Placement, shardDb } from '../placement/tenant-env';
import type { Env, ShardMoveMessage } from '../env';
import { CLAIM_MOVE, COMMIT_MOVE, type MoveRow, SELECT_MOVE, TERMINAL } from './moves.queries';
import {
  cleanableAt,
  type Cursor,
  emptyWatermarks,
  failureDelaySeconds,
  type MoveReport,
  type MoveState,
  nextTable,
  nextToken,
  parseWatermarks,
  type SideCursor,
  startCursor,
  verificationReport,
  type Watermarks,
} from './progress';
import { chainHash, columnsOf, deleteBatch, QueryBudget, readSlice, sliceHash, writeRows } from './shard-io';
import { MOVE_TABLES, moveTable } from './tables';


export interface MoveRunOptions {
  /** The identity cache's TTL: cleaning waits twice that after the flip. */
  cacheTtlMs: number;
  now?: () => number;
  /** Rows per keyset slice. */
  sliceRows?: number;
  /** Queries this message may run (of D1's 1,000 per invocation: the rest is headroom for the queue entry). */
  queryBudget?: number;
}

/** What the consumer sends next: the same move, now or after a delay, or nothing (ended, or another runner holds it). */
export type NextStep = { message: ShardMoveMessage; delaySeconds: number } | null;

/** Rows per slice: 200 product documents (~1-50 KB each) stay far inside an isolate's 128 MB. */
export const SLICE_ROWS = 200;
/** Rows deleted per statement when a copy is removed (each fires the products' FTS trigger). */
export const DELETE_ROWS = 1000;
export const QUERY_BUDGET = 500;
/** Most queries one step runs (a read on each side, a batch of up to 2 x 2 chunk statements, the commit). */
const STEP_QUERIES = 16;
/** Failed messages in a row before a move that has not flipped gives up (and thaws the tenant). */
export const MAX_FAILURES = 8;

const ORDER = MOVE_TABLES.map((t) => t.name);
/** The old shard keeps the tenant's `tenants` row (`moved`): the fence reads it. */
const CLEAN_ORDER = ORDER.filter((name) => name !== 'tenants');

class LeaseLost extends Error {}

type StepOutcome = 'continue' | 'ended' | { waitSeconds: number };

export async function runShardMove(env: Env, message: ShardMoveMessage, options: MoveRunOptions): Promise<NextStep> {
  const now = options.now ?? Date.now;
  const row = await controlDb(env).prepare(SELECT_MOVE).bind(message.moveId).first<MoveRow>();
  if (!row || (TERMINAL as readonly string[]).includes(row.state) || row.updated_at !== message.token) return null;
  const token = nextToken(row.updated_at, now());
  const claimed = await controlDb(env).prepare(CLAIM_MOVE).bind(row.id, row.updated_at, token).run();
  if ((claimed.meta.changes ?? 0) !== 1) return null;

  const mover = new Mover(env, { ...row, updated_at: token }, options);
  try {
    for (;;) {
      if (!mover.budget.has(STEP_QUERIES)) return mover.next(0);
      const outcome = await mover.step();
      if (outcome === 'ended') return null;
      if (outcome !== 'continue') return mover.next(outcome.waitSeconds);
    }
  } catch (error) {
    if (error instanceof LeaseLost) return null;
    try {
      return mover.next(await mover.failed(error));
    } catch (recording) {
      if (recording instanceof LeaseLost) return null;
      throw error;
    }
  }
}

class Mover {
  readonly budget: QueryBudget;
  private readonly now: () => number;
  private readonly sliceRows: number;
  private state: MoveState;
  private readonly wm: Watermarks;
  private report: MoveReport;
  private error: string | null;

  constructor(
    private readonly env: Env,
    private row: MoveRow,
    private readonly options: MoveRunOptions,
  ) {
    this.budget = new QueryBudget(options.queryBudget ?? QUERY_BUDGET);
    this.now = options.now ?? Date.now;
    this.sliceRows = options.sliceRows ?? SLICE_ROWS;
    this.state = row.state as MoveState;
    this.wm = row.watermarks ? parseWatermarks(row.watermarks) : emptyWatermarks();
    this.report = row.report ? (JSON.parse(row.report) as MoveReport) : { tables: {} };
    this.error = row.error;
  }

  private get from(): D1Database {
    return shardDb(this.env, this.row.from_shard);
  }
  private get to(): D1Database {
    return shardDb(this.env, this.row.to_shard);
  }
  /** The placement the tenant had when the move began (the epoch before the move's). */
  private get origin(): Placement {
    return { tenantId: this.row.tenant_id, shard: this.row.from_shard, epoch: this.row.epoch - 1, state: 'active' };
  }

  next(delaySeconds: number): NextStep {
    return { message: { kind: 'shard-move', moveId: this.row.id, token: this.row.updated_at }, delaySeconds };
  }

  step(): Promise<StepOutcome> {
    switch (this.state) {
      case 'copying':
        return this.copy();
      case 'freezing':
        return this.tail();
      case 'verifying':
        return this.decide();
      case 'cleaning':
        return this.clean(this.from, CLEAN_ORDER, 'done');
      case 'aborting':
        // Not the destination's `tenants` row: when shard 0 is the control database itself (the
        // one-database-to-shards path README describes) that row is the tenant. abort() retired it.
        return this.clean(this.to, CLEAN_ORDER, 'failed');
      default:
        return Promise.resolve('ended');
    }
  }

  /** Commits state, watermarks and report while the lease holds; progress resets the failure count. */
  private async commit(progress = true): Promise<void> {
    if (progress) delete this.wm.failures;
    this.budget.spend();
    const token = nextToken(this.row.updated_at, this.now());
    const ended = this.state === 'done' || this.state === 'failed';
    const result = await controlDb(this.env)
      .prepare(COMMIT_MOVE)
      .bind(this.row.id, this.row.updated_at, token, this.state, JSON.stringify(this.wm), JSON.stringify(this.report), this.error, ended ? token : null)
      .run();
    if ((result.meta.changes ?? 0) !== 1) throw new LeaseLost();
    this.row = { ...this.row, updated_at: token };
  }

  private async copy(): Promise<StepOutcome> {
    const name = nextTable(ORDER, this.wm.copy);
    if (!name) {
      this.state = 'freezing';
      await this.commit();
      return 'continue';
    }
    const table = moveTable(name);
    const cursor: Cursor = this.wm.copy[name] ?? startCursor();
    const columns = await columnsOf(this.from, table, this.budget);
    const rows = await readSlice(this.from, table, columns, this.row.tenant_id, { after: cursor.after }, this.sliceRows, this.budget);
    if (rows.length > 0) {
      await writeRows(this.to, table, columns, this.row.tenant_id, rows, this.budget);
      cursor.after = rows[rows.length - 1]!.key;
      cursor.rows += rows.length;
      this.report.copiedRows = (this.report.copiedRows ?? 0) + rows.length;
    }
    // Rows written after the cursor passed them are the tail's to find.
    cursor.done = rows.length < this.sliceRows;
    this.wm.copy[name] = cursor;
    await this.commit();
    return 'continue';
  }

  /**
   * One slice of the tail: the old shard's next slice and the same key range on the new shard,
   * compared by content hash; a differing range is rewritten (rows the old shard lost are deleted)
   * and read back. The two hashes feed the verification's per-table chains, so each side is read once
   * while writes are frozen: the ranges partition the key space (the last one is open-ended), hence
   * equal chains and counts mean equal tables.
   */
  private async tail(): Promise<StepOutcome> {
    if (this.wm.frozenAt === undefined) return this.freeze();
    const name = nextTable(ORDER, this.wm.tail);
    if (!name) {
      this.state = 'verifying';
      await this.commit();
      return 'continue';
    }
    const table = moveTable(name);
    const cursor = this.wm.tail[name] ?? { ...startCursor(), deleted: 0 };
    const side = (): SideCursor => ({ ...startCursor(), hash: '' });
    const verify = this.wm.verify[name] ?? { from: side(), to: side() };
    const columns = await columnsOf(this.from, table, this.budget);
    const old = await readSlice(this.from, table, columns, this.row.tenant_id, { after: cursor.after }, this.sliceRows, this.budget);
    const last = old.length < this.sliceRows;
    // The last slice's range is open-ended: it also covers rows the new shard has past the old's last key.
    const range = { after: cursor.after, upTo: last ? null : old[old.length - 1]!.key };
    const oldHash = await sliceHash(old);
    let copy = await readSlice(this.to, table, columns, this.row.tenant_id, range, this.sliceRows + 1, this.budget);
    if (oldHash !== (await sliceHash(copy))) {
      cursor.deleted += await writeRows(this.to, table, columns, this.row.tenant_id, old, this.budget, range);
      cursor.rows += old.length;
      this.report.tailRecopiedRows = (this.report.tailRecopiedRows ?? 0) + old.length;
      copy = await readSlice(this.to, table, columns, this.row.tenant_id, range, this.sliceRows + 1, this.budget);
    }
    verify.from = { after: range.upTo, done: last, rows: verify.from.rows + old.length, hash: await chainHash(verify.from.hash, oldHash) };
    verify.to = { after: range.upTo, done: last, rows: verify.to.rows + copy.length, hash: await chainHash(verify.to.hash, await sliceHash(copy)) };
    this.wm.verify[name] = verify;
    if (range.upTo) cursor.after = range.upTo;
    cursor.done = last;
    this.wm.tail[name] = cursor;
    this.report.tailDeletedRows = Object.values(this.wm.tail).reduce((sum, c) => sum + c.deleted, 0);
    await this.commit();
    return 'continue';
  }

  /** Writes stop on the old shard (the fence answers `frozen`), if the tenant is still where the move began. */
  private async freeze(): Promise<StepOutcome> {
    this.budget.spend(3);
    const placement = await resolvePlacement(this.env, this.row.tenant_id, 0);
    if (placement.shard !== this.origin.shard || placement.epoch !== this.origin.epoch) {
      return this.abort(`the tenant's placement changed during the move (now shard ${placement.shard}, epoch ${placement.epoch})`, false);
    }
    await freezeTenant(this.env, this.origin, this.now());
    this.wm.frozenAt = this.now();
    await this.commit();
    return 'continue';
  }

  /** Every table verified: flip, or give up and thaw. */
  private async decide(): Promise<StepOutcome> {
    const { tables, mismatched } = verificationReport(this.wm.verify);
    this.report.tables = tables;
    if (mismatched.length > 0) return this.abort(`verification failed: ${mismatched.join(', ')} differ between shard ${this.row.from_shard} and shard ${this.row.to_shard}`, true);
    this.budget.spend(3);
    await flipPlacement(this.env, this.origin, this.row.to_shard, this.now());
    this.wm.flippedAt = this.now();
    this.report.freezeMs = this.wm.flippedAt - (this.wm.frozenAt ?? this.wm.flippedAt);
    this.state = 'cleaning';
    await this.commit();
    return 'continue';
  }

  /** The move cannot finish: the tenant writes where it was (thawed if frozen), the new copy is deleted. */
  private async abort(reason: string, frozen: boolean): Promise<StepOutcome> {
    // Thawed whether or not the freeze was recorded: a freeze can take effect on the shard and still
    // throw before this move committed `frozenAt`. Thawing an open tenant changes nothing.
    this.budget.spend(3);
    await thawTenant(this.env, this.origin, this.now());
    await retireShardCopy(this.env, this.origin, this.row.to_shard);
    if (frozen || this.wm.frozenAt !== undefined) this.report.freezeMs = this.now() - (this.wm.frozenAt ?? this.now());
    this.error = reason;
    this.state = 'aborting';
    await this.commit();
    return 'continue';
  }

  /** Deletes the tenant's rows from `db` table by table, then ends the move in `end`. */
  private async clean(db: D1Database, order: readonly string[], end: 'done' | 'failed'): Promise<StepOutcome> {
    if (end === 'done' && this.wm.flippedAt !== undefined) {
      const at = cleanableAt(this.wm.flippedAt, this.options.cacheTtlMs);
      if (this.now() < at) return { waitSeconds: Math.ceil((at - this.now()) / 1000) };
    }
    const name = nextTable(order, this.wm.clean);
    if (!name) {
      this.state = end;
      await this.commit();
      return 'ended';
    }
    const cursor = this.wm.clean[name] ?? startCursor();
    const deleted = await deleteBatch(db, moveTable(name), this.row.tenant_id, DELETE_ROWS, this.budget);
    cursor.rows += deleted;
    cursor.done = deleted < DELETE_ROWS;
    this.wm.clean[name] = cursor;
    if (end === 'done') this.report.cleanedRows = (this.report.cleanedRows ?? 0) + deleted;
    await this.commit();
    return 'continue';
  }

  /** A step threw: recorded on the move; the next message backs off. A move that has not flipped gives up after MAX_FAILURES. */
  async failed(error: unknown): Promise<number> {
    const failures = (this.wm.failures ?? 0) + 1;
    this.wm.failures = failures;
    this.error = `${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
    if (failures >= MAX_FAILURES && (this.state === 'copying' || this.state === 'freezing' || this.state === 'verifying')) {
      // The flip may have committed on the control database before the step failed: then the new
      // copy is the live one, and the move must go forward, never delete it.
      const placement = await resolvePlacement(this.env, this.row.tenant_id, 0);
      if (this.state === 'verifying' && placement.shard === this.row.to_shard && placement.epoch === this.origin.epoch + 1) {
        await flipPlacement(this.env, this.origin, this.row.to_shard, this.now());
        this.wm.flippedAt = this.now();
        this.state = 'cleaning';
        await this.commit(false);
        return 0;
      }
      await this.abort(`gave up after ${failures} failed attempts: ${this.error}`, false);
      return 0;
    }
    await this.commit(false);
    return failureDelaySeconds(failures);
  }
}
