/**
 * The recommendations module's SQL. Candidate generation reads the index (`rec_keys`) a bounded number
 * of rows per key and joins the signatures of the union: never a scan of the catalog.
 */

// ---- settings and the feed watermark -----------------------------------------------------------

export const SELECT_SETTINGS = 'SELECT default_recommend, rules, seq, state FROM rec_settings WHERE tenant_id = ?1';
export interface SettingsRow {
  default_recommend: string;
  rules: string | null;
  seq: number;
  state: number;
}

// ---- use (rec_settings.state: 0 nobody asks, 1 asked, 2 building, 3 active) ---------------------

/**
 * The idle tenant's whole run, one statement: while nobody asks (state 0) the watermark follows the
 * feed's head and the row comes back; otherwise nothing changes and no row comes back. ?1 tenant, ?2 now.
 */
export const FOLLOW_FEED_IF_IDLE = `
INSERT INTO rec_settings (tenant_id, seq, updated_at) SELECT id, event_seq, ?2 FROM tenants WHERE id = ?1
ON CONFLICT (tenant_id) DO UPDATE SET seq = MAX(seq, excluded.seq), updated_at = excluded.updated_at WHERE state = 0
RETURNING state`;

/** A rebuild was accepted: an asked-for (or idle) tenant is building. ?1 tenant, ?2 now. */
export const MARK_BUILDING = `
INSERT INTO rec_settings (tenant_id, state, updated_at) VALUES (?1, 2, ?2)
ON CONFLICT (tenant_id) DO UPDATE SET state = 2, updated_at = excluded.updated_at WHERE state < 2`;

/** A rebuild finished: the building tenant is active. ?1 tenant, ?2 now. */
export const MARK_ACTIVE = 'UPDATE rec_settings SET state = 3, updated_at = ?2 WHERE tenant_id = ?1 AND state = 2';

/** ?1 tenant, ?2 default recommend, ?3 now. */
export const UPSERT_DEFAULT_RECOMMEND = `
INSERT INTO rec_settings (tenant_id, default_recommend, state, updated_at) VALUES (?1, ?2, CASE WHEN ?2 = 'none' THEN 0 ELSE 1 END, ?3)
ON CONFLICT (tenant_id) DO UPDATE SET default_recommend = excluded.default_recommend, state = MAX(state, excluded.state), updated_at = excluded.updated_at`;

/** ?1 tenant, ?2 rules JSON, ?3 now. */
export const UPSERT_RULES = `
INSERT INTO rec_settings (tenant_id, rules, state, updated_at) VALUES (?1, ?2, 1, ?3)
ON CONFLICT (tenant_id) DO UPDATE SET rules = excluded.rules, state = MAX(state, 1), updated_at = excluded.updated_at`;

/** ?1 tenant, ?2 seq, ?3 now: the watermark only moves forward. */
export const ADVANCE_SEQ = `
INSERT INTO rec_settings (tenant_id, seq, updated_at) VALUES (?1, ?2, ?3)
ON CONFLICT (tenant_id) DO UPDATE SET seq = MAX(seq, excluded.seq), updated_at = excluded.updated_at`;

// ---- due work -----------------------------------------------------------------------------------

/**
 * Mark products due: ?1 tenant, ?2 JSON [{id, signature, ready}] (ready: a product.processed's data or
 * null), ?3 now. A product already due keeps its earlier marks; `signature` only ever rises.
 */
export const MARK_DIRTY = `
INSERT INTO rec_dirty (tenant_id, product_id, signature, ready, created_at)
SELECT ?1, json_extract(j.value, '$.id'), json_extract(j.value, '$.signature'),
  CASE WHEN json_extract(j.value, '$.ready') IS NULL THEN NULL ELSE json_array(json_extract(j.value, '$.ready')) END, ?3
FROM json_each(?2) AS j WHERE true
ON CONFLICT (tenant_id, product_id) DO UPDATE SET
  signature = MAX(signature, excluded.signature),
  ready = CASE WHEN excluded.ready IS NULL THEN ready WHEN ready IS NULL THEN excluded.ready
    ELSE (SELECT json_group_array(json(v.value)) FROM (SELECT value FROM json_each(rec_dirty.ready) UNION ALL SELECT value FROM json_each(excluded.ready)) AS v) END`;

/** Anchors whose stored lists hold any of the products (the reverse index), due for re-ranking. ?1 tenant, ?2 JSON ids, ?3 now, ?4 cap. */
export const MARK_ANCHORS_OF = `
INSERT INTO rec_dirty (tenant_id, product_id, signature, ready, created_at)
SELECT ?1, anchor_id, 0, NULL, ?3 FROM (
  SELECT DISTINCT anchor_id FROM rec_lists WHERE tenant_id = ?1 AND product_id IN (SELECT value FROM json_each(?2))
    AND anchor_id NOT IN (SELECT value FROM json_each(?2)) LIMIT ?4)
WHERE true
ON CONFLICT (tenant_id, product_id) DO NOTHING`;

export const SELECT_DIRTY = 'SELECT product_id, signature, ready, attempts FROM rec_dirty WHERE tenant_id = ?1 ORDER BY created_at, product_id LIMIT ?2';
export interface DirtyRow {
  product_id: string;
  signature: number;
  ready: string | null;
  attempts: number;
}

/**
 * Done with a due product: the `ready` entries just answered (the first ?3; MARK_DIRTY only appends)
 * leave it, so a `product.processed` merged meanwhile is answered once, by the next run. ?1 tenant,
 * ?2 product, ?3 entries answered.
 */
export const DROP_ANSWERED = `
UPDATE rec_dirty SET ready = (SELECT CASE WHEN COUNT(*) = 0 THEN NULL ELSE json_group_array(json(value)) END
  FROM (SELECT value FROM json_each(rec_dirty.ready) WHERE key >= ?3 ORDER BY key))
WHERE tenant_id = ?1 AND product_id = ?2 AND ready IS NOT NULL AND ?3 > 0`;
/** Then the row goes, unless a signature was asked for meanwhile or answers are still pending. ?1 tenant, ?2 product, ?3 signature as read. */
export const CLEAR_DIRTY = 'DELETE FROM rec_dirty WHERE tenant_id = ?1 AND product_id = ?2 AND signature <= ?3 AND ready IS NULL';
export const COUNT_ATTEMPT = 'UPDATE rec_dirty SET attempts = attempts + 1 WHERE tenant_id = ?1 AND product_id = ?2';
export const HAS_DIRTY = 'SELECT COUNT(*) AS n FROM (SELECT 1 FROM rec_dirty WHERE tenant_id = ?1 LIMIT 1)';
export interface CountRow {
  n: number;
}

/** Tenants with work the queue may have lost: events past the watermark, or due products. */
export const SELECT_TENANTS_DUE = `
SELECT t.id AS tenant_id FROM tenants AS t JOIN rec_settings AS s ON s.tenant_id = t.id
WHERE s.state = 1 OR (s.state = 3 AND t.event_seq > s.seq)
UNION SELECT DISTINCT tenant_id FROM rec_dirty
LIMIT ?1`;
export interface TenantRow {
  tenant_id: string;
}

// ---- products and signatures ---------------------------------------------------------------------

/** The products to sign, with their primary (first `done`) image. ?1 tenant, ?2 JSON ids. */
export const SELECT_PRODUCTS_TO_SIGN = `
SELECT p.id, p.number, p.version, p.data, p.extensions, i.sha256 AS image_sha, i.dhash AS dhash
FROM products AS p
LEFT JOIN images AS i ON i.id = (SELECT id FROM images WHERE tenant_id = p.tenant_id AND product_id = p.id AND status = 'done' ORDER BY position LIMIT 1)
WHERE p.tenant_id = ?1 AND p.id IN (SELECT value FROM json_each(?2))`;
export interface ProductToSignRow {
  id: string;
  number: number;
  version: number;
  data: string;
  extensions: string | null;
  image_sha: string | null;
  dhash: string | null;
}

/** ?1 tenant, ?2 JSON ids. */
export const SELECT_SIGNATURES = 'SELECT product_id, version, image_sha, sig, lists FROM rec_signatures WHERE tenant_id = ?1 AND product_id IN (SELECT value FROM json_each(?2))';
export interface SignatureRow {
  product_id: string;
  version: number;
  image_sha: string | null;
  sig: string;
  lists: string;
}

/** ?1 tenant, ?2 product, ?3 number, ?4 version, ?5 family, ?6 image sha, ?7 sig JSON, ?8 lists JSON, ?9 now. */
export const UPSERT_SIGNATURE = `
INSERT INTO rec_signatures (tenant_id, product_id, number, version, family, image_sha, sig, lists, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
ON CONFLICT (tenant_id, product_id) DO UPDATE SET number = excluded.number, version = excluded.version, family = excluded.family,
  image_sha = excluded.image_sha, sig = excluded.sig, lists = excluded.lists, updated_at = excluded.updated_at`;

/** ?1 tenant, ?2 product, ?3 lists JSON. */
export const SET_LISTS_COMPUTED = 'UPDATE rec_signatures SET lists = ?3 WHERE tenant_id = ?1 AND product_id = ?2';

export const DELETE_KEYS = 'DELETE FROM rec_keys WHERE tenant_id = ?1 AND product_id = ?2';
/** ?1 tenant, ?2 product, ?3 JSON keys. */
export const INSERT_KEYS = 'INSERT OR IGNORE INTO rec_keys (tenant_id, key, product_id) SELECT ?1, value, ?2 FROM json_each(?3)';
export const DELETE_SIGNATURE = 'DELETE FROM rec_signatures WHERE tenant_id = ?1 AND product_id = ?2';

/**
 * Candidates, step 1 (one statement per probed key, all in one batch): at most ?3 products of one key.
 * The per-key LIMIT is what bounds the work whatever the catalog's size: a key shared by 30,000
 * products still costs `candidatesPerKey` index rows. (One compound SELECT over all keys is refused
 * by D1: "too many terms in compound SELECT".) ?1 tenant, ?2 key, ?3 limit.
 */
export const SELECT_KEY_BLOCK = 'SELECT product_id FROM rec_keys WHERE tenant_id = ?1 AND key = ?2 LIMIT ?3';
export interface KeyBlockRow {
  product_id: string;
}
/** Step 2: the signatures of the union. ?1 tenant, ?2 JSON ids. */
export const SELECT_CANDIDATES = 'SELECT product_id, number, sig FROM rec_signatures WHERE tenant_id = ?1 AND product_id IN (SELECT value FROM json_each(?2))';
export interface CandidateRow {
  product_id: string;
  number: number;
  sig: string;
}

// ---- lists -----------------------------------------------------------------------------------------

/** ?1 tenant, ?2 JSON anchor ids. */
export const SELECT_LISTS_OF = 'SELECT anchor_id, kind, rank, product_id, score, reasons FROM rec_lists WHERE tenant_id = ?1 AND anchor_id IN (SELECT value FROM json_each(?2)) ORDER BY anchor_id, kind, rank';
export interface ListRow {
  anchor_id: string;
  kind: string;
  rank: number;
  product_id: string;
  score: number;
  reasons: string;
}

export const DELETE_LIST = 'DELETE FROM rec_lists WHERE tenant_id = ?1 AND anchor_id = ?2 AND kind = ?3';
export const DELETE_LISTS_OF_ANCHOR = 'DELETE FROM rec_lists WHERE tenant_id = ?1 AND anchor_id = ?2';
/** ?1 tenant, ?2 anchor, ?3 kind, ?4 JSON [{id, score, reasons}] in rank order. */
export const INSERT_LIST = `
INSERT INTO rec_lists (tenant_id, anchor_id, kind, rank, product_id, score, reasons)
SELECT ?1, ?2, ?3, CAST(j.key AS INTEGER) + 1, json_extract(j.value, '$.id'), json_extract(j.value, '$.score'), json_extract(j.value, '$.reasons')
FROM json_each(?4) AS j`;
/** The deleted product leaves every list at once (read time filters it before this runs). ?1 tenant, ?2 product. */
export const DELETE_ENTRIES_OF = 'DELETE FROM rec_lists WHERE tenant_id = ?1 AND product_id = ?2';

/**
 * One page of a list, after rank ?4, products that still exist only (a deleted product vanishes at
 * once, before the queue has removed it). ?1 tenant, ?2 anchor, ?3 kind, ?5 limit.
 */
export const SELECT_LIST_PAGE = `
SELECT l.rank, l.product_id, p.number, l.score, l.reasons FROM rec_lists AS l
JOIN products AS p ON p.tenant_id = l.tenant_id AND p.id = l.product_id
WHERE l.tenant_id = ?1 AND l.anchor_id = ?2 AND l.kind = ?3 AND l.rank > ?4
ORDER BY l.rank LIMIT ?5`;
export interface ListPageRow {
  rank: number;
  product_id: string;
  number: number;
  score: number;
  reasons: string;
}

/** The anchor itself, its effective choice of lists, its family and what was computed. ?1 tenant, ?2 product. */
export const SELECT_ANCHOR = `
SELECT p.id, p.number, p.version, json_extract(p.data, '$.itemGroupId') AS family,
  COALESCE(json_extract(p.data, '$.recommend'), (SELECT default_recommend FROM rec_settings WHERE tenant_id = p.tenant_id), 'none') AS recommend,
  s.version AS signed_version, s.lists AS lists
FROM products AS p LEFT JOIN rec_signatures AS s ON s.tenant_id = p.tenant_id AND s.product_id = p.id
WHERE p.tenant_id = ?1 AND p.id = ?2`;
export interface AnchorRow {
  id: string;
  number: number;
  version: number;
  family: string | null;
  recommend: string;
  signed_version: number | null;
  lists: string | null;
}

/** Other products of the anchor's family (itemGroupId, through the signatures' family index), by number, after ?4. ?1 tenant, ?2 family, ?3 anchor, ?5 limit. */
/**
 * ?1 tenant, ?2 itemGroupId, ?3 the anchor, ?4 after number, ?5 limit: the family, read from the
 * products themselves (products_tenant_item_group), so variants are listed whether or not the tenant
 * uses recommendations, and at once after a write.
 */
export const SELECT_VARIANTS_PAGE = `
SELECT p.id AS product_id, p.number FROM products AS p
WHERE p.tenant_id = ?1 AND p.item_group_id = ?2 AND p.id != ?3 AND p.number > ?4
ORDER BY p.item_group_id, p.number LIMIT ?5`;
export interface VariantRow {
  product_id: string;
  number: number;
}

// ---- rebuilds ---------------------------------------------------------------------------------------

export const COUNT_PRODUCTS = 'SELECT COUNT(*) AS n FROM products WHERE tenant_id = ?1';
/** ?1 job, ?2 tenant, ?3 now. */
/** ?1 tenant: its rebuild still running, if any (one at a time per tenant). */
export const SELECT_RUNNING_REBUILD = "SELECT job_id FROM rec_rebuilds WHERE tenant_id = ?1 AND phase != 'done' ORDER BY updated_at DESC LIMIT 1";
/** ?1 job, ?2 now: a running rebuild starts over (new rules apply to every product). */
export const RESTART_REBUILD = "UPDATE rec_rebuilds SET phase = 'signatures', after_number = 0, updated_at = ?2 WHERE job_id = ?1 AND phase != 'done'";
export const INSERT_REBUILD = "INSERT INTO rec_rebuilds (job_id, tenant_id, phase, after_number, updated_at) VALUES (?1, ?2, 'signatures', 0, ?3)";
export const SELECT_REBUILD = 'SELECT job_id, tenant_id, phase, after_number, done FROM rec_rebuilds WHERE job_id = ?1 AND tenant_id = ?2';
export interface RebuildRow {
  job_id: string;
  tenant_id: string;
  phase: string;
  after_number: number;
  done: number;
}
/** The next slice of product ids by number. ?1 tenant, ?2 after number, ?3 limit. */
export const SELECT_PRODUCT_SLICE = 'SELECT id, number FROM products WHERE tenant_id = ?1 AND number > ?2 ORDER BY number LIMIT ?3';
export interface SliceRow {
  id: string;
  number: number;
}
/** Advance the cursor, only from where this slice started (a duplicate message cannot move it twice). ?1 job, ?2 from phase, ?3 from number, ?4 phase, ?5 number, ?6 now, ?7 steps done. */
export const ADVANCE_REBUILD = 'UPDATE rec_rebuilds SET phase = ?4, after_number = ?5, updated_at = ?6, done = ?7 WHERE job_id = ?1 AND phase = ?2 AND after_number = ?3';
/** Rebuilds whose message may be lost: not done, untouched for ?1 ms before ?2. */
export const SELECT_STALLED_REBUILDS = "SELECT job_id, tenant_id, phase, after_number, done FROM rec_rebuilds WHERE phase != 'done' AND updated_at < ?2 - ?1 LIMIT 50";

/** Where to resume when the watermark fell behind the feed's retention: just before the oldest kept event. ?1 tenant. */
export const SELECT_OLDEST_SEQ = 'SELECT COALESCE((SELECT MIN(seq) FROM events WHERE tenant_id = ?1), (SELECT event_seq + 1 FROM tenants WHERE id = ?1), 1) - 1 AS n';
