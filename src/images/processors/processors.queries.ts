/**
 * The SQL of image processors: a tenant's registered pipeline services (`processors`) and the cached
 * outcome of each (bytes, processor, config) (`processor_results`), which a processor's callback
 * fills in and which makes re-processing the same bytes free.
 */

/** A processor as it is shown (never its secrets). */
export interface ProcessorRow {
  name: string;
  url: string;
  /** The service's settings, JSON. */
  config: string;
  created_at: number;
  updated_at: number;
}

/** A processor's stored secrets, sealed (secrets/keyring.ts). */
export interface ProcessorSecretsRow {
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: number | null;
}

/** ?1 tenant, ?2 name: a processor with its sealed secrets, to sign a job or verify a callback. */
export const SELECT_PROCESSOR = 'SELECT name, url, secret, previous_secret, previous_secret_expires_at, config FROM processors WHERE tenant_id = ?1 AND name = ?2';
export type ProcessorWithSecretsRow = Pick<ProcessorRow, 'name' | 'url' | 'config'> & ProcessorSecretsRow;

/**
 * ?1 tenant, ?2 name, ?3 url, ?4 sealed secret, ?5 config JSON, ?6 now. An update keeps the stored
 * secret: RETURNING gives it back, and the caller shows the new one only when it was stored.
 */
export const UPSERT_PROCESSOR = `
INSERT INTO processors (tenant_id, name, url, secret, config, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
ON CONFLICT (tenant_id, name) DO UPDATE SET url = excluded.url, config = excluded.config, updated_at = excluded.updated_at
RETURNING name, url, config, secret, created_at, updated_at`;
export type UpsertedProcessorRow = ProcessorRow & Pick<ProcessorSecretsRow, 'secret'>;

/** ?1 tenant (rows: ProcessorRow). */
export const SELECT_PROCESSORS = 'SELECT name, url, config, created_at, updated_at FROM processors WHERE tenant_id = ?1 ORDER BY name';

/** ?1 tenant, ?2 name. */
export const DELETE_PROCESSOR = 'DELETE FROM processors WHERE tenant_id = ?1 AND name = ?2';

/** ?1 tenant, ?2 name, ?3 the old secret's end, ?4 new sealed secret, ?5 now (rows: ProcessorRow). */
export const ROTATE_PROCESSOR_SECRET = `
UPDATE processors SET previous_secret = secret, previous_secret_expires_at = ?3, secret = ?4, updated_at = ?5
WHERE tenant_id = ?1 AND name = ?2 RETURNING name, url, config, created_at, updated_at`;

/** A processor's cached outcome (see SELECT_PROCESSOR_RESULTS). */
export interface ProcessorResultRow {
  status: string;
  result: string | null;
  error: string | null;
  /** How many times the service accepted the job without calling back. */
  waits: number;
  updated_at: number;
}

/**
 * ?1 tenant, ?2 sha256, ?3 JSON array of [processor, config hash] pairs: every cached result of one
 * image's processors in one round trip (rows: ProcessorResultKeyedRow).
 */
export const SELECT_PROCESSOR_RESULTS = `
SELECT r.processor, r.config_hash, r.status, r.result, r.error, r.waits, r.updated_at
FROM json_each(?3) AS k CROSS JOIN processor_results AS r
WHERE r.tenant_id = ?1 AND r.sha256 = ?2 AND r.processor = json_extract(k.value, '$[0]') AND r.config_hash = json_extract(k.value, '$[1]')`;
export interface ProcessorResultKeyedRow extends ProcessorResultRow {
  processor: string;
  config_hash: string;
}

/**
 * A run's outcome. `pending` (the service accepted the job) counts one more wait.
 * ?1 tenant, ?2 sha256, ?3 processor, ?4 config hash, ?5 status, ?6 result JSON, ?7 error, ?8 now.
 */
export const SAVE_PROCESSOR_RESULT = `
INSERT INTO processor_results (tenant_id, sha256, processor, config_hash, status, result, error, waits, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?5 = 'pending', ?8, ?8)
ON CONFLICT (tenant_id, sha256, processor, config_hash) DO UPDATE SET status = excluded.status, result = excluded.result, error = excluded.error,
  waits = processor_results.waits + (excluded.status = 'pending'), updated_at = excluded.updated_at`;

/** A callback's outcome (same parameters as SAVE_PROCESSOR_RESULT; the wait count is left as it is). */
export const SAVE_CALLBACK_RESULT = `
INSERT INTO processor_results (tenant_id, sha256, processor, config_hash, status, result, error, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
ON CONFLICT (tenant_id, sha256, processor, config_hash) DO UPDATE SET status = excluded.status, result = excluded.result, error = excluded.error, updated_at = excluded.updated_at`;

/** Rows of processing-status.queries.ts REQUEUE_AFTER_CALLBACK (the images waiting on these bytes, due again). */
export interface WaitingImageRow {
  product_id: string;
}
