/**
 * A move's progress as stored in `shard_moves.watermarks` and `report` (JSON), and the pure rules
 * over it. Every cursor is the last key handled in keyset order, committed with the slice it ends.
 */
import type { KeyValue } from './slice.queries';

/** copying -> freezing -> verifying -> cleaning -> done; a failed verification: aborting -> failed. */
export const MOVE_STATES = ['copying', 'freezing', 'verifying', 'cleaning', 'aborting', 'done', 'failed'] as const;
export type MoveState = (typeof MOVE_STATES)[number];

export interface Cursor {
  after: KeyValue[] | null;
  done: boolean;
  rows: number;
}

export interface SideCursor extends Cursor {
  /** The chained hash of the slices read so far. */
  hash: string;
}

export interface Watermarks {
  /** copying: rows copied per table. */
  copy: Record<string, Cursor>;
  /** freezing: the tail, per table (`rows`: rows re-copied because their slice differed). */
  tail: Record<string, Cursor & { deleted: number }>;
  /** verifying: both sides read in full, per table. */
  verify: Record<string, { from: SideCursor; to: SideCursor }>;
  /** cleaning (old shard) or aborting (new shard): rows deleted per table. */
  clean: Record<string, Cursor>;
  frozenAt?: number;
  flippedAt?: number;
  /** Consecutive failed messages (reset by any progress): backs off, and ends a move that cannot go on. */
  failures?: number;
}

export interface TableReport {
  fromRows: number;
  toRows: number;
  fromHash: string;
  toHash: string;
  equal: boolean;
}

export interface MoveReport {
  tables: Record<string, TableReport>;
  /** From the freeze to the flip (or the thaw): how long the tenant's writes answered 503. */
  freezeMs?: number;
  copiedRows?: number;
  tailRecopiedRows?: number;
  tailDeletedRows?: number;
  cleanedRows?: number;
}

export function emptyWatermarks(): Watermarks {
  return { copy: {}, tail: {}, verify: {}, clean: {} };
}

export function parseWatermarks(text: string): Watermarks {
  const parsed = JSON.parse(text || '{}') as Partial<Watermarks>;
  return { ...emptyWatermarks(), ...parsed };
}

export const startCursor = (): Cursor => ({ after: null, done: false, rows: 0 });

/** The first table in `order` whose cursor is not done (null: every table is). */
export function nextTable<T extends { done: boolean }>(order: readonly string[], cursors: Record<string, T>): string | null {
  return order.find((name) => !cursors[name]?.done) ?? null;
}

/** Per table: equal counts and hashes on both sides. */
export function verificationReport(verify: Watermarks['verify']): { tables: Record<string, TableReport>; mismatched: string[] } {
  const tables: Record<string, TableReport> = {};
  const mismatched: string[] = [];
  for (const [name, { from, to }] of Object.entries(verify)) {
    const equal = from.rows === to.rows && from.hash === to.hash;
    tables[name] = { fromRows: from.rows, toRows: to.rows, fromHash: from.hash, toHash: to.hash, equal };
    if (!equal) mismatched.push(name);
  }
  return { tables, mismatched };
}

/** When cleaning may start: twice the identity cache's TTL after the flip, so no isolate still reads the old copy. */
export function cleanableAt(flippedAt: number, cacheTtlMs: number): number {
  return flippedAt + 2 * cacheTtlMs;
}

/** A lease token strictly after `previous` (two commits in one millisecond still differ). */
export function nextToken(previous: number, now: number): number {
  return Math.max(now, previous + 1);
}

/** Seconds before a failed message's continuation: 10 s doubling, at most 5 minutes. */
export function failureDelaySeconds(failures: number): number {
  return Math.min(300, 10 * 2 ** Math.max(0, failures - 1));
}
