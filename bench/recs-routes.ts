/**
 * Bench-only routes for bench/recs.mjs, mounted by bench/worker.ts under /__bench/recs (never part of
 * the deployed Worker).
 *
 * POST /__bench/recs/seed {tenantId, from, count}  synthetic products numbered from+1..from+count:
 *      a products row (small document, recommend "all") and its recommendation signature and index
 *      keys, written directly (no image processing, no events): 100k products' signatures in minutes
 *      instead of processing 100k images.
 * POST /__bench/recs/one {tenantId, n}             one new product (number n): its signature, both
 *      lists ranked through the candidate index, and the write of signature + keys + lists; answers
 *      D1's own duration of the reads and of the write batch, the candidates scored, and wall time.
 */
import { Hono } from 'hono';
import { resolveOptions } from '../src/config';
import type { Env } from '../src/env';
import { rankFor } from '../src/recommendations/candidates';
import { INSERT_LIST } from '../src/recommendations/recs.queries';
import { DEFAULT_RULES } from '../src/recommendations/rules';
import { buildSignature, keysOf, type Signature } from '../src/recommendations/signature';
import { HIST_BINS } from '../src/recommendations/visual';

const STYLES = [
  { words: ['active', 'training', 'performance'], brands: ['Stride', 'Pulse'], colors: ['black', 'red', 'white'], bins: [0, 12, 14] },
  { words: ['classic', 'tailored', 'timeless'], brands: ['Harbor', 'Stride'], colors: ['navy', 'white', 'beige'], bins: [8, 14, 1] },
  { words: ['boho', 'embroidered', 'flowing'], brands: ['Wildflower', 'Harbor'], colors: ['orange', 'brown', 'olive'], bins: [1, 2, 3] },
  { words: ['oversized', 'graphic', 'urban'], brands: ['Concrete', 'Pulse'], colors: ['black', 'yellow', 'grey'], bins: [12, 2, 13] },
  { words: ['satin', 'evening', 'elegant'], brands: ['Velour', 'Harbor'], colors: ['burgundy', 'purple', 'navy'], bins: [11, 9, 8] },
  { words: ['summer', 'beach', 'linen'], brands: ['Tidal', 'Wildflower'], colors: ['teal', 'pink', 'yellow'], bins: [6, 11, 2] },
];
const LEAVES = [
  ['TOPS', 'T-SHIRTS'], ['TOPS', 'BLOUSES'], ['TOPS', 'SWEATERS'], ['BOTTOMS', 'JEANS'], ['BOTTOMS', 'SKIRTS'], ['BOTTOMS', 'SHORTS'],
  ['SHOES', 'SNEAKERS'], ['SHOES', 'BOOTS'], ['ACCESSORIES', 'BAGS'], ['ACCESSORIES', 'HATS'],
];
const AUDIENCES = [['WOMEN', 'female', 'adult'], ['MEN', 'male', 'adult'], ['KIDS', 'unisex', 'kids']] as const;
const COMMON = ['new', 'soft', 'cotton', 'comfort', 'regular', 'fit', 'premium', 'basic', 'light', 'everyday'];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Product number n, the same on every call (the generator is seeded by n). */
function synthetic(n: number) {
  const r = rng(n * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const style = pick(STYLES);
  const [branch, leaf] = pick(LEAVES) as [string, string];
  const [prefix, gender, ageGroup] = pick(AUDIENCES);
  const words = [pick(style.words), pick(COMMON), pick(COMMON)];
  const color = pick(style.colors);
  const hist = new Array<number>(HIST_BINS).fill(0);
  let left = 1000;
  for (const bin of style.bins) {
    const share = Math.min(left, Math.round(200 + r() * 300));
    hist[bin] = (hist[bin] ?? 0) + share;
    left -= share;
  }
  hist[Math.floor(r() * HIST_BINS)]! += left;
  const shape = Array.from({ length: 64 }, (_, i) => Math.max(0, Math.min(15, ((i * (leaf.length + 3)) % 16) + Math.round((r() - 0.5) * 4))));
  const facts = {
    itemGroupId: `g${Math.floor(n / 3)}`,
    title: `${words.join(' ')} ${leaf.toLowerCase()}`,
    description: `${pick(COMMON)} ${pick(style.words)} ${pick(COMMON)}`,
    brand: pick(style.brands),
    productType: `${prefix} > ${branch} > ${leaf}`,
    gender,
    ageGroup,
    color,
    sizes: ['S', 'M', 'L'],
    prices: { USD: { amountMicros: Math.round((10 + r() * 150) * 1_000_000) } },
    recommend: 'all',
  };
  return { id: `p${n}`, number: n, facts, visual: { hist, shape, edges: Math.round(r() * 400) } };
}

function signatureOf(n: number): { sig: Signature; data: string } {
  const p = synthetic(n);
  const sig = buildSignature({ id: p.id, number: n, facts: p.facts, rules: DEFAULT_RULES, currency: 'USD', visual: p.visual, dhash: null });
  return { sig, data: JSON.stringify(p.facts) };
}

const PER_STATEMENT = 50;

export const recsBenchRoutes = new Hono<{ Bindings: Env }>();

recsBenchRoutes.post('/seed', async (c) => {
  const { tenantId, from, count } = await c.req.json<{ tenantId: string; from: number; count: number }>();
  const db = c.env.DB;
  const now = Date.now();
  const statements: D1PreparedStatement[] = [];
  for (let start = from + 1; start <= from + count; start += PER_STATEMENT) {
    const rows = [];
    const keys: Array<[string, string]> = [];
    for (let n = start; n < Math.min(start + PER_STATEMENT, from + count + 1); n++) {
      const { sig, data } = signatureOf(n);
      rows.push({ id: sig.id, number: n, family: sig.family, sig: JSON.stringify(sig), data });
      for (const key of keysOf(sig)) keys.push([key, sig.id]);
    }
    const json = JSON.stringify(rows);
    statements.push(
      db
        .prepare(
          `INSERT OR REPLACE INTO products (tenant_id, id, number, version, status, data, job_id, created_at, updated_at, money_format)
           SELECT ?1, json_extract(value, '$.id'), json_extract(value, '$.number'), 1, 'done', json_extract(value, '$.data'), 'job_bench', ?3, ?3, 1 FROM json_each(?2)`,
        )
        .bind(tenantId, json, now),
      db
        .prepare(
          `INSERT OR REPLACE INTO rec_signatures (tenant_id, product_id, number, version, family, image_sha, sig, lists, updated_at)
           SELECT ?1, json_extract(value, '$.id'), json_extract(value, '$.number'), 1, json_extract(value, '$.family'), NULL, json_extract(value, '$.sig'), '[]', ?3 FROM json_each(?2)`,
        )
        .bind(tenantId, json, now),
      db.prepare('INSERT OR IGNORE INTO rec_keys (tenant_id, key, product_id) SELECT ?1, json_extract(value, \'$[0]\'), json_extract(value, \'$[1]\') FROM json_each(?2)').bind(tenantId, JSON.stringify(keys)),
    );
  }
  await db.batch(statements);
  return c.json({ ok: true, seeded: count });
});

recsBenchRoutes.post('/one', async (c) => {
  const { tenantId, n } = await c.req.json<{ tenantId: string; n: number }>();
  const db = c.env.DB;
  const options = resolveOptions().recommendations;
  const started = performance.now();
  const { sig } = signatureOf(n);
  const similar = await rankFor(db, tenantId, sig, 'similar', DEFAULT_RULES, options);
  const complementary = await rankFor(db, tenantId, sig, 'complementary', DEFAULT_RULES, options);
  const now = Date.now();
  const list = (kind: string, scored: typeof similar.list) =>
    db.prepare(INSERT_LIST).bind(tenantId, sig.id, kind, JSON.stringify(scored.map((s) => ({ id: s.id, score: s.score, reasons: JSON.stringify(s.reasons) }))));
  const written = await db.batch([
    db.prepare('INSERT OR REPLACE INTO rec_signatures (tenant_id, product_id, number, version, family, image_sha, sig, lists, updated_at) VALUES (?1, ?2, ?3, 1, ?4, NULL, ?5, ?6, ?7)')
      .bind(tenantId, sig.id, n, sig.family, JSON.stringify(sig), '["similar","complementary"]', now),
    db.prepare('INSERT OR IGNORE INTO rec_keys (tenant_id, key, product_id) SELECT ?1, value, ?2 FROM json_each(?3)').bind(tenantId, sig.id, JSON.stringify(keysOf(sig))),
    db.prepare('DELETE FROM rec_lists WHERE tenant_id = ?1 AND anchor_id = ?2').bind(tenantId, sig.id),
    list('similar', similar.list),
    list('complementary', complementary.list),
  ]);
  const writeMs = written.reduce((s, r) => s + (r.meta.duration ?? 0), 0);
  return c.json({
    readMs: similar.d1Ms + complementary.d1Ms,
    writeMs,
    d1Ms: similar.d1Ms + complementary.d1Ms + writeMs,
    candidates: { similar: similar.candidates, complementary: complementary.candidates },
    listed: { similar: similar.list.length, complementary: complementary.list.length },
    wallMs: performance.now() - started,
  });
});

/** The floor beside /one: D1's duration of one primary-key read of a signature (the cheapest lookup there is). */
recsBenchRoutes.post('/floor', async (c) => {
  const { tenantId, n } = await c.req.json<{ tenantId: string; n: number }>();
  const result = await c.env.DB.prepare('SELECT sig FROM rec_signatures WHERE tenant_id = ?1 AND product_id = ?2').bind(tenantId, `p${n}`).all();
  return c.json({ d1Ms: result.meta.duration ?? 0 });
});
