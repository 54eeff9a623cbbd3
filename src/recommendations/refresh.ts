/**
 * Work off a tenant's due products (`rec_dirty`): each one's signature rebuilt when its document or
 * image changed, its requested lists re-ranked and stored, the anchors whose lists hold it marked due
 * (the reverse index), and its events appended, all in one D1 batch per product. A list change emits
 * `product.recommendations.updated`; each `product.processed` of a product that asked for lists is
 * answered by one `product.recommendations.ready` (Sizebay's callback waits for it).
 */
import type { RecommendationOptions } from '../config';
import { read, readBatch } from '../db/batch';
import { eventStatements } from '../events/outbox';
import { rankFor } from './candidates';
import {
  CLEAR_DIRTY,
  COUNT_ATTEMPT,
  DELETE_ENTRIES_OF,
  DELETE_KEYS,
  DELETE_LIST,
  DELETE_LISTS_OF_ANCHOR,
  DELETE_SIGNATURE,
  type DirtyRow,
  DROP_ANSWERED,
  INSERT_KEYS,
  INSERT_LIST,
  type ListRow,
  MARK_ANCHORS_OF,
  MARK_DIRTY,
  type ProductToSignRow,
  SELECT_LISTS_OF,
  SELECT_PRODUCTS_TO_SIGN,
  SELECT_SIGNATURES,
  SET_LISTS_COMPUTED,
  type SignatureRow,
  UPSERT_SIGNATURE,
} from './recs.queries';
import type { RecommendationRulesT } from './rules';
import type { Scored } from './score';
import { listsOf, RecsError, type Settings } from './settings';
import { buildSignature, keysOf, type ProductFacts, type Signature } from './signature';
import { thumbnailSignature } from './thumbnail';

/** Attempts before a product's recommendations are given up on and its ready event reports the error. */
export const MAX_ATTEMPTS = 3;
/** Anchors one changed product may mark due at once; the rest keep their lists until their own refresh. */
const MAX_REVERSE_ANCHORS = 500;

export interface RefreshEnv {
  DB: D1Database;
  IMAGES: R2Bucket;
}

/** The signature of a product row; the visual part is reused while the primary image is the same. */
export async function signProduct(env: RefreshEnv, tenantId: string, row: ProductToSignRow, previous: SignatureRow | undefined, rules: RecommendationRulesT, currency: string): Promise<Signature> {
  const facts = JSON.parse(row.data) as ProductFacts;
  const extensions = row.extensions ? (JSON.parse(row.extensions) as Record<string, Record<string, unknown>>) : {};
  const collection = typeof extensions.sizebay?.collectionName === 'string' ? extensions.sizebay.collectionName : null;
  let visual = null;
  if (row.image_sha) {
    const old = previous && previous.image_sha === row.image_sha ? (JSON.parse(previous.sig) as Signature).visual : null;
    visual = old ?? (await thumbnailSignature(env.IMAGES, tenantId, row.image_sha));
  }
  return buildSignature({ id: row.id, number: row.number, facts, rules, currency, visual, dhash: row.dhash, collection });
}

export function signatureStatements(db: D1Database, tenantId: string, sig: Signature, row: ProductToSignRow, lists: string[], now: number): D1PreparedStatement[] {
  return [
    db.prepare(UPSERT_SIGNATURE).bind(tenantId, sig.id, sig.number, row.version, sig.family, row.image_sha, JSON.stringify(sig), JSON.stringify(lists), now),
    db.prepare(DELETE_KEYS).bind(tenantId, sig.id),
    db.prepare(INSERT_KEYS).bind(tenantId, sig.id, JSON.stringify(keysOf(sig))),
  ];
}

const sameList = (a: Scored[], b: ListRow[]) => a.length === b.length && a.every((s, i) => s.id === b[i]!.product_id);

/**
 * Re-rank the anchor's lists: the statements that store the requested ones and, for each list whose
 * products or order changed, the names for `product.recommendations.updated`. `neighbours`: the
 * products ranked for either list, requested or not, whose own lists the anchor may now enter.
 */
export async function listStatements(
  db: D1Database,
  tenantId: string,
  sig: Signature,
  recommend: string,
  old: ListRow[],
  rules: RecommendationRulesT,
  options: RecommendationOptions,
  withNeighbours = false,
): Promise<{ statements: D1PreparedStatement[]; changed: string[]; computed: string[]; neighbours: string[] }> {
  const statements: D1PreparedStatement[] = [];
  const changed: string[] = [];
  const neighbours = new Set<string>();
  const wanted = listsOf(recommend);
  for (const kind of ['similar', 'complementary'] as const) {
    const before = old.filter((r) => r.kind === kind);
    if (!wanted.includes(kind)) {
      if (before.length > 0) {
        statements.push(db.prepare(DELETE_LIST).bind(tenantId, sig.id, kind));
        changed.push(kind);
      }
      if (!withNeighbours) continue;
    }
    const { list } = await rankFor(db, tenantId, sig, kind, rules, options);
    for (const s of list) neighbours.add(s.id);
    if (!wanted.includes(kind)) continue;
    statements.push(
      db.prepare(DELETE_LIST).bind(tenantId, sig.id, kind),
      db.prepare(INSERT_LIST).bind(tenantId, sig.id, kind, JSON.stringify(list.map((s) => ({ id: s.id, score: s.score, reasons: JSON.stringify(s.reasons) })))),
    );
    if (!sameList(list, before)) changed.push(kind);
  }
  return { statements, changed, computed: wanted, neighbours: [...neighbours] };
}

function readyEvents(db: D1Database, tenantId: string, ready: string | null, outcome: { status: 'done' } | { status: 'error'; message: string }, now: number): D1PreparedStatement[] {
  if (!ready) return [];
  const pending = JSON.parse(ready) as Array<Record<string, unknown>>;
  return pending.flatMap((processed) =>
    eventStatements(
      db,
      tenantId,
      'product.recommendations.ready',
      {
        productId: processed.productId,
        number: processed.number,
        version: processed.version,
        jobId: processed.jobId,
        status: processed.status,
        failedImages: processed.failedImages,
        firstError: processed.firstError,
        recommend: processed.recommend,
        recommendations: outcome.status,
        ...(outcome.status === 'error' ? { recommendationsError: outcome.message } : {}),
      },
      now,
    ),
  );
}

/** Works off `rows` (due products of one tenant). Throws after recording an attempt when one failed and may be retried. */
export async function refreshProducts(env: RefreshEnv, tenant: { id: string; defaultCurrency: string }, settings: Settings, rows: DirtyRow[], options: RecommendationOptions, now: number): Promise<void> {
  const db = env.DB;
  const ids = JSON.stringify(rows.map((r) => r.product_id));
  const [products, signatures, lists] = await readBatch(db, [
    read<ProductToSignRow>(db.prepare(SELECT_PRODUCTS_TO_SIGN).bind(tenant.id, ids)),
    read<SignatureRow>(db.prepare(SELECT_SIGNATURES).bind(tenant.id, ids)),
    read<ListRow>(db.prepare(SELECT_LISTS_OF).bind(tenant.id, ids)),
  ]);
  let retry: unknown = null;
  for (const dirty of rows) {
    const id = dirty.product_id;
    const answered = dirty.ready ? (JSON.parse(dirty.ready) as unknown[]).length : 0;
    const clear = [db.prepare(DROP_ANSWERED).bind(tenant.id, id, answered), db.prepare(CLEAR_DIRTY).bind(tenant.id, id, dirty.signature)];
    try {
      const product = products.find((p) => p.id === id);
      const previous = signatures.find((s) => s.product_id === id);
      if (!product) {
        // Deleted (or never there): out of the index, its lists gone, every anchor listing it re-ranked.
        await db.batch([
          db.prepare(MARK_ANCHORS_OF).bind(tenant.id, JSON.stringify([id]), now, MAX_REVERSE_ANCHORS),
          db.prepare(DELETE_SIGNATURE).bind(tenant.id, id),
          db.prepare(DELETE_KEYS).bind(tenant.id, id),
          db.prepare(DELETE_LISTS_OF_ANCHOR).bind(tenant.id, id),
          db.prepare(DELETE_ENTRIES_OF).bind(tenant.id, id),
          ...clear,
        ]);
        continue;
      }
      // Rules that no longer parse fail every product of the tenant the same way: reported, not guessed.
      if (settings.rulesError) throw new RecsError(settings.rulesError);
      const rules = settings.rules;
      const statements: D1PreparedStatement[] = [];
      let sig: Signature;
      let resigned = false;
      if (dirty.signature === 1 || !previous) {
        sig = await signProduct(env, tenant.id, product, previous, rules, tenant.defaultCurrency);
        resigned = !previous || previous.sig !== JSON.stringify(sig);
        if (previous && resigned) statements.push(db.prepare(MARK_ANCHORS_OF).bind(tenant.id, JSON.stringify([id]), now, MAX_REVERSE_ANCHORS));
      } else {
        sig = JSON.parse(previous.sig) as Signature;
      }
      const doc = JSON.parse(product.data) as { recommend?: string };
      const recommend = doc.recommend ?? settings.defaultRecommend;
      const own = lists.filter((l) => l.anchor_id === id);
      const ranked = await listStatements(db, tenant.id, sig, recommend, own, rules, options, resigned);
      // A new or changed product may now belong in its neighbours' lists: they are re-ranked too (at
      // most 2K products, lists only, so this never cascades).
      if (resigned && ranked.neighbours.length > 0) {
        statements.push(db.prepare(MARK_DIRTY).bind(tenant.id, JSON.stringify(ranked.neighbours.map((n) => ({ id: n, signature: 0, ready: null }))), now));
      }
      if (dirty.signature === 1 || !previous) statements.push(...signatureStatements(db, tenant.id, sig, product, ranked.computed, now));
      else statements.push(db.prepare(SET_LISTS_COMPUTED).bind(tenant.id, id, JSON.stringify(ranked.computed)));
      statements.push(...ranked.statements);
      if (ranked.changed.length > 0) {
        statements.push(...eventStatements(db, tenant.id, 'product.recommendations.updated', { productId: id, number: product.number, version: product.version, lists: ranked.changed }, now));
      }
      statements.push(...readyEvents(db, tenant.id, dirty.ready, { status: 'done' }, now), ...clear);
      await db.batch(statements);
    } catch (err) {
      const reason = err instanceof RecsError ? err.message : 'an internal error';
      console.error(JSON.stringify({ level: 'error', message: 'recommendations failed', tenantId: tenant.id, productId: id, attempt: dirty.attempts + 1, error: String(err) }));
      if (dirty.attempts + 1 >= MAX_ATTEMPTS || err instanceof RecsError) {
        // Given up: the product leaves the due list and its waiting clients hear why.
        await db.batch([...readyEvents(db, tenant.id, dirty.ready, { status: 'error', message: `Recommendations could not be computed: ${reason}` }, now), ...clear]);
      } else {
        await db.prepare(COUNT_ATTEMPT).bind(tenant.id, id).run();
        retry ??= err;
      }
    }
  }
  if (retry) throw retry;
}
