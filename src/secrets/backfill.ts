/**
 * The minute cron's part of secrets at rest:
 *  - previous secrets whose rotation overlap is over are cleared (every run, by index);
 *  - a resumable pass seals what is not sealed with the current key: plaintext rows from before
 *    encryption (a SQL migration cannot encrypt) and rows sealed with an older key after the keyring
 *    rotated. The marker is the value itself (`enc:<keyId>:` or not), the position a rowid cursor per
 *    table in `secret_backfill`, committed in the same D1 batch as each page, so a crash resumes at
 *    the page it stopped in. A finished pass is done for its key; it runs again when the current key
 *    changes, and once a day as a safety net (a row written by an older deployment during a rollout).
 * Every update is conditional on the value still being the one read, so a concurrent rotation wins.
 */
import type { Env } from '../env';
import { type Keyring, needsReseal, openSecret, sealSecret, SecretUnreadable } from '../lib/secret-box';
import {
  type BackfillStateRow,
  clearExpiredPreviousSecrets,
  resealPage,
  SAVE_BACKFILL_STATE,
  type SealedTableName,
  type SecretsPageRow,
  SELECT_BACKFILL_STATE,
  selectSecretsPage,
} from './backfill.queries';
import { keyring, SecretsUnavailable, secretOwner } from './keyring';

const DAY_MS = 86_400_000;

interface SealedTable {
  name: SealedTableName;
  /** Columns that identify a row (its secrets are sealed for that identity). */
  identity: string;
  owner(row: Record<string, unknown>): string;
}

const TABLES: SealedTable[] = [
  { name: 'webhook_endpoints', identity: 'id', owner: (r) => secretOwner.webhook(String(r.id)) },
  { name: 'inbound_sources', identity: 'id', owner: (r) => secretOwner.inboundSource(String(r.id)) },
  { name: 'processors', identity: 'tenant_id, name', owner: (r) => secretOwner.processor(String(r.tenant_id), String(r.name)) },
];

export interface BackfillLimits {
  /** Rows read per page (one read, one D1 batch to write). */
  pageSize: number;
  /** Pages per table per run: 3 tables x 10 pages x 2 calls keeps a run far inside 1,000 queries. */
  maxPages: number;
}

const DEFAULT_LIMITS: BackfillLimits = { pageSize: 50, maxPages: 10 };

/** Runs a bounded slice of the work; returns how many values were (re)sealed. */
export async function sealSecretsAtRest(env: Env, now = Date.now(), limits: BackfillLimits = DEFAULT_LIMITS): Promise<number> {
  await env.DB.batch(
    TABLES.map((t) =>
      env.DB.prepare(clearExpiredPreviousSecrets(t.name)).bind(now),
    ),
  );
  let ring: Keyring;
  try {
    ring = await keyring(env);
  } catch (err) {
    if (!(err instanceof SecretsUnavailable)) throw err;
    console.error(JSON.stringify({ level: 'error', message: 'secrets backfill skipped: SECRETS_KEYS unusable', reason: err.why }));
    return 0;
  }
  let sealed = 0;
  for (const table of TABLES) sealed += await passOver(env, ring, table, now, limits);
  return sealed;
}

async function passOver(env: Env, ring: Keyring, table: SealedTable, now: number, limits: BackfillLimits): Promise<number> {
  const db = env.DB;
  const state = await db
    .prepare(SELECT_BACKFILL_STATE)
    .bind(table.name)
    .first<BackfillStateRow>();
  const samePass = state !== null && state.key_id === ring.currentId;
  if (samePass && state.completed_at !== null && state.completed_at > now - DAY_MS) return 0;
  let cursor = samePass && state.completed_at === null ? state.cursor : 0;

  let sealed = 0;
  for (let page = 0; page < limits.maxPages; page += 1) {
    const { results } = await db
      .prepare(selectSecretsPage(table.name, table.identity))
      .bind(cursor, limits.pageSize)
      .all<SecretsPageRow>();
    const changes = [];
    for (const row of results) {
      const owner = table.owner(row);
      const next = { rid: row.rid, so: row.secret, sn: await reseal(ring, row.secret, owner), po: row.previous_secret, pn: await reseal(ring, row.previous_secret, owner) };
      if (next.sn !== null || next.pn !== null) changes.push(next);
      sealed += (next.sn !== null ? 1 : 0) + (next.pn !== null ? 1 : 0);
    }
    const last = results.at(-1);
    if (last) cursor = last.rid;
    const done = results.length < limits.pageSize;
    const statements = [
      db.prepare(SAVE_BACKFILL_STATE).bind(table.name, ring.currentId, cursor, done ? now : null, now),
    ];
    if (changes.length > 0) {
      statements.unshift(
        db.prepare(resealPage(table.name)).bind(JSON.stringify(changes)),
      );
    }
    await db.batch(statements);
    if (done) break;
  }
  return sealed;
}

/** The value sealed with the current key, or null when it needs nothing (or cannot be opened: logged, left as is). */
async function reseal(ring: Keyring, stored: string | null, owner: string): Promise<string | null> {
  if (stored === null || !needsReseal(ring, stored)) return null;
  try {
    return await sealSecret(ring, await openSecret(ring, stored, owner), owner);
  } catch (err) {
    if (!(err instanceof SecretUnreadable)) throw err;
    console.error(JSON.stringify({ level: 'error', message: 'secrets backfill: stored secret unreadable, left as is', owner, reason: err.reason, keyId: err.keyId }));
    return null;
  }
}
