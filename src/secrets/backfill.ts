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
import { keyring, SecretsUnavailable, secretOwner } from './keyring';

const DAY_MS = 86_400_000;

interface SealedTable {
  name: 'webhook_endpoints' | 'inbound_sources' | 'processors';
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
  /** Rows read per page (one SELECT, one D1 batch to write). */
  pageSize: number;
  /** Pages per table per run: 3 tables x 10 pages x 2 calls keeps a run far inside 1,000 queries. */
  maxPages: number;
}

const DEFAULT_LIMITS: BackfillLimits = { pageSize: 50, maxPages: 10 };

interface PageRow {
  rid: number;
  secret: string | null;
  previous_secret: string | null;
  [identity: string]: unknown;
}

/** Runs a bounded slice of the work; returns how many values were (re)sealed. */
export async function sealSecretsAtRest(env: Env, now = Date.now(), limits: BackfillLimits = DEFAULT_LIMITS): Promise<number> {
  await env.DB.batch(
    TABLES.map((t) =>
      env.DB.prepare(`UPDATE ${t.name} SET previous_secret = NULL, previous_secret_expires_at = NULL WHERE previous_secret_expires_at <= ?1`).bind(now),
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
    .prepare('SELECT key_id, cursor, completed_at FROM secret_backfill WHERE table_name = ?1')
    .bind(table.name)
    .first<{ key_id: string; cursor: number; completed_at: number | null }>();
  const samePass = state !== null && state.key_id === ring.currentId;
  if (samePass && state.completed_at !== null && state.completed_at > now - DAY_MS) return 0;
  let cursor = samePass && state.completed_at === null ? state.cursor : 0;

  let sealed = 0;
  for (let page = 0; page < limits.maxPages; page += 1) {
    const { results } = await db
      .prepare(`SELECT rowid AS rid, ${table.identity}, secret, previous_secret FROM ${table.name} WHERE rowid > ?1 ORDER BY rowid LIMIT ?2`)
      .bind(cursor, limits.pageSize)
      .all<PageRow>();
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
      db.prepare(
        `INSERT INTO secret_backfill (table_name, key_id, cursor, completed_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (table_name) DO UPDATE SET key_id = excluded.key_id, cursor = excluded.cursor, completed_at = excluded.completed_at, updated_at = excluded.updated_at`,
      ).bind(table.name, ring.currentId, cursor, done ? now : null, now),
    ];
    if (changes.length > 0) {
      statements.unshift(
        db.prepare(
          `UPDATE ${table.name} SET
             secret = CASE WHEN j.value ->> 'sn' IS NOT NULL AND secret = j.value ->> 'so' THEN j.value ->> 'sn' ELSE secret END,
             previous_secret = CASE WHEN j.value ->> 'pn' IS NOT NULL AND previous_secret = j.value ->> 'po' THEN j.value ->> 'pn' ELSE previous_secret END
           FROM json_each(?1) AS j WHERE ${table.name}.rowid = j.value ->> 'rid'`,
        ).bind(JSON.stringify(changes)),
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
