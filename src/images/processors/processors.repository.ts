/** Reads and writes of processors and their cached results; every function takes the database handle. */
import { read, readBatch, type Db } from '../../db/batch';
import { REQUEUE_AFTER_CALLBACK } from '../processing-status.queries';
import {
  DELETE_PROCESSOR,
  type ProcessorResultKeyedRow,
  type ProcessorResultRow,
  type ProcessorRow,
  type ProcessorWithSecretsRow,
  ROTATE_PROCESSOR_SECRET,
  SAVE_CALLBACK_RESULT,
  SAVE_PROCESSOR_RESULT,
  SELECT_PROCESSOR,
  SELECT_PROCESSOR_RESULTS,
  SELECT_PROCESSORS,
  UPSERT_PROCESSOR,
  type UpsertedProcessorRow,
  type WaitingImageRow,
} from './processors.queries';

export type { ProcessorResultRow, ProcessorRow };

export function findProcessor(db: Db, tenantId: string, name: string): Promise<ProcessorWithSecretsRow | null> {
  return db.prepare(SELECT_PROCESSOR).bind(tenantId, name).first<ProcessorWithSecretsRow>();
}

export interface ProcessorInput {
  tenantId: string;
  name: string;
  url: string;
  config: Record<string, unknown>;
  /** Stored only when the processor is new. */
  sealedSecret: string;
}

export async function upsertProcessor(db: Db, input: ProcessorInput, now = Date.now()): Promise<UpsertedProcessorRow> {
  const row = await db
    .prepare(UPSERT_PROCESSOR)
    .bind(input.tenantId, input.name, input.url, input.sealedSecret, JSON.stringify(input.config), now)
    .first<UpsertedProcessorRow>();
  return row!;
}

export async function listProcessors(db: Db, tenantId: string): Promise<ProcessorRow[]> {
  return (await db.prepare(SELECT_PROCESSORS).bind(tenantId).all<ProcessorRow>()).results;
}

/** False when there was no such processor. */
export async function deleteProcessor(db: Db, tenantId: string, name: string): Promise<boolean> {
  const result = await db.prepare(DELETE_PROCESSOR).bind(tenantId, name).run();
  return (result.meta.changes ?? 0) > 0;
}

/** The new sealed secret in, the old one kept until `previousExpiresAt`; null when there is no such processor. */
export function rotateSecret(db: Db, tenantId: string, name: string, sealed: string, previousExpiresAt: number, now: number): Promise<ProcessorRow | null> {
  return db.prepare(ROTATE_PROCESSOR_SECRET).bind(tenantId, name, previousExpiresAt, sealed, now).first<ProcessorRow>();
}

export interface ResultKey {
  tenantId: string;
  sha256: string;
  processor: string;
  configHash: string;
}

export interface StoredOutcome {
  status: 'pending' | 'done' | 'error';
  /** JSON, for `done`. */
  result: string | null;
  error: string | null;
}

/** The cached results of several processors of one image, in one query; keyed `processor/configHash`. */
export async function findResults(db: Db, tenantId: string, sha256: string, keys: Array<{ processor: string; configHash: string }>): Promise<Map<string, ProcessorResultRow>> {
  const pairs = JSON.stringify(keys.map((k) => [k.processor, k.configHash]));
  const { results } = await db.prepare(SELECT_PROCESSOR_RESULTS).bind(tenantId, sha256, pairs).all<ProcessorResultKeyedRow>();
  return new Map(results.map((row) => [`${row.processor}/${row.config_hash}`, row]));
}

export function saveResultStatement(db: Db, key: ResultKey, outcome: StoredOutcome, now = Date.now()): D1PreparedStatement {
  return db
    .prepare(SAVE_PROCESSOR_RESULT)
    .bind(key.tenantId, key.sha256, key.processor, key.configHash, outcome.status, outcome.result, outcome.error, now);
}

/** Several outcomes in one round trip (one batch). */
export async function saveResults(db: Db, saves: D1PreparedStatement[]): Promise<void> {
  if (saves.length > 0) await db.batch(saves);
}

export async function saveResult(db: Db, key: ResultKey, outcome: StoredOutcome, now = Date.now()): Promise<void> {
  await db
    .prepare(SAVE_PROCESSOR_RESULT)
    .bind(key.tenantId, key.sha256, key.processor, key.configHash, outcome.status, outcome.result, outcome.error, now)
    .run();
}

/** A callback's outcome stored and the images waiting on its bytes due again, in one batch; returns each reopened image's product (one entry per image). */
export async function saveCallback(db: Db, key: ResultKey, outcome: StoredOutcome, now = Date.now()): Promise<string[]> {
  const [waiting] = await readBatch(
    db,
    [read<WaitingImageRow>(db.prepare(REQUEUE_AFTER_CALLBACK).bind(key.tenantId, key.sha256, now))],
    [db.prepare(SAVE_CALLBACK_RESULT).bind(key.tenantId, key.sha256, key.processor, key.configHash, outcome.status, outcome.result, outcome.error, now)],
  );
  return waiting.map((r) => r.product_id);
}
