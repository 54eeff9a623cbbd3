/**
 * Bench-only routes for bench/images.mjs, bench/webhooks.mjs and bench/imports.mjs, mounted by
 * bench/worker.ts under /__bench/ext (never part of the deployed Worker).
 *
 * POST /__bench/ext/fetch-put           {urls, prefix}: the images floor. Fetches each URL with a plain
 *                                       fetch() and puts the bytes into R2 unchanged, one after
 *                                       another (the ingest consumer processes one image at a time).
 * POST /__bench/ext/post-floor         {url, count, concurrency, body, secret?}: the webhooks floor,
 *                                       bare POSTs with the delivery pool's concurrency (no D1); with
 *                                       `secret`, each one signed first (Standard Webhooks, the HMAC
 *                                       key imported once, as a delivery batch does).
 * POST /__bench/ext/import-write-profile {tenantId, jobId, offset}: a finished import's chunk at
 *                                       `offset` written again as the consumer writes it, with each
 *                                       D1 statement's duration and rows read (where the time goes).
 * GET  /__bench/ext/image-times        images by status: count, first and last updated_at, how many
 *                                       carry both derivatives.
 * POST /__bench/ext/derivatives-memory  body = image bytes: runs the app's own derivative steps on
 *                                       them (probe, decodeOriented, derivativesProcessor with its R2
 *                                       puts, dhashProcessor, free) and answers the size of every wasm
 *                                       memory in this isolate after each step; then times resize and
 *                                       WebP encode per variant separately (a second pass; `?split=0`
 *                                       skips it). Decodes as the app does: through the Images binding
 *                                       past the in-isolate decode budget.
 * GET  /__bench/ext/limits              AppOptions.images and memoryBudgetsMB, and whether the Images
 *                                       binding is bound.
 * POST /__bench/ext/import-chunk        {tenantId, jobId, offset?}: reads one 512 KB chunk of a stored
 *                                       import and runs the consumer's own parsing and validation on it
 *                                       (readChunk + validateProduct; no D1 write), answering the sizes
 *                                       of what a chunk holds in memory. With `hold: true` it keeps
 *                                       them alive until POST /__bench/ext/import-chunk/release, so
 *                                       the caller can weigh them (heap after a full GC, through the
 *                                       inspector) instead of guessing from JSON sizes.
 *
 * Wasm memories are found by wrapping `WebAssembly.Instance` when this module is evaluated, before
 * the app's lazily loaded codecs (photon, jsquash's WebP encoder) are instantiated. A wasm memory's
 * `buffer.byteLength` only grows, so after a step it is that memory's peak so far.
 */
import { Hono } from 'hono';
import { validateProduct, type CatalogContext } from '../src/catalog/products.service';
import { memoryBudgetsMB, resolveOptions } from '../src/config';
import type { Env } from '../src/env';
import { checkLimits, defaultImageLimits, probeImage } from '../src/images/probe';
import { type Decoded, fits, fitWithin } from '../src/images/processors/decode';
import { decodeForProcessing } from '../src/images/processors/decode-source';
import { derivativesProcessor, VARIANTS, WEBP_SETTINGS } from '../src/images/processors/derivatives';
import { dhashProcessor } from '../src/images/processors/dhash-processor';
import type { ProcessorContext } from '../src/images/processors/registry';
import { encodeWebp } from '../src/images/processors/webp-encode';
import { sha256Of } from '../src/images/store';
import { findImport } from '../src/imports/imports.repository';
import { completeLines, readChunk } from '../src/imports/read-records';
import { SELECT_OUTCOMES } from '../src/catalog/write/statements';
import { REFRESH_CHUNK_PRODUCT_STATUS as REFRESH_PRODUCT_STATUS } from '../src/images/processing-status';
import { type WriteItem, writeProducts } from '../src/catalog/write/write-products';
import { mapPool } from '../src/lib/pool';
import { base64ToBytes, bytesToBase64 } from '../src/lib/base64';
import { newId } from '../src/lib/ulid';
// A namespace import: a BENCH_REF build of older code has other statements (the claim's events and
// endpoints were once joined into LOAD_CLAIMED_DELIVERIES), and the D1 floor runs whichever it has.
import * as deliveryQueries from '../src/webhooks/webhooks.queries';

// ---------------------------------------------------------------------------------------------
// Wasm memory tracking

interface TrackedInstance {
  label: string;
  memory: WebAssembly.Memory | null;
}

const instances: TrackedInstance[] = [];
const OriginalInstance = WebAssembly.Instance;

function labelOf(exports: WebAssembly.Exports): string {
  const names = Object.keys(exports);
  if (names.some((n) => n.startsWith('photonimage_'))) return 'photon';
  if (names.length > 0 && names.every((n) => n.length <= 3)) return 'webp-encoder (jsquash, emscripten)';
  return `wasm (${names.slice(0, 3).join(', ')})`;
}

(WebAssembly as unknown as { Instance: typeof WebAssembly.Instance }).Instance = new Proxy(OriginalInstance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget) as WebAssembly.Instance;
    const memory = Object.values(instance.exports).find((v): v is WebAssembly.Memory => v instanceof WebAssembly.Memory) ?? null;
    instances.push({ label: labelOf(instance.exports), memory });
    return instance;
  },
});

function wasmMemories(): Array<{ label: string; bytes: number }> {
  return instances.map((i) => ({ label: i.label, bytes: i.memory?.buffer.byteLength ?? 0 }));
}

// ---------------------------------------------------------------------------------------------

export const benchRoutes = new Hono<{ Bindings: Env }>();

benchRoutes.post('/fetch-put', async (c) => {
  const { urls, prefix } = await c.req.json<{ urls: string[]; prefix: string }>();
  const started = Date.now();
  let bytes = 0;
  for (const [i, url] of urls.entries()) {
    const res = await fetch(url);
    if (!res.ok) return c.json({ ok: false, error: `${url} answered ${res.status}` }, 502);
    const body = new Uint8Array(await res.arrayBuffer());
    await c.env.IMAGES.put(`${prefix}/${i}`, body, { httpMetadata: { contentType: res.headers.get('content-type') ?? 'application/octet-stream' } });
    bytes += body.length;
  }
  return c.json({ ok: true, images: urls.length, bytes, workerMs: Date.now() - started });
});

/**
 * The webhooks bench's D1 floor: `count` deliveries through the delivery path's own D1 statements
 * and nothing else (no fetch, no signing, no queue): rows inserted as a fan-out inserts them, then in
 * groups of `group` claimed and loaded (one batch) and recorded as succeeded (one batch), as
 * attemptDeliveries does. What the local D1 (SQLite in the same workerd process) costs per delivery.
 */
benchRoutes.post('/d1-floor', async (c) => {
  const { tenantId, endpointIds, count, group } = await c.req.json<{ tenantId: string; endpointIds: string[]; count: number; group: number }>();
  const db = c.env.DB;
  const started = Date.now();
  const now = Date.now();
  const run = crypto.randomUUID().slice(0, 8);
  for (let first = 0; first < count; first += group) {
    const rows = Array.from({ length: Math.min(group, count - first) }, (_, k) => ({
      id: newId('dlv', now),
      endpoint: endpointIds[(first + k) % endpointIds.length]!,
      event: `evt_d1floor_${run}_${Math.floor((first + k) / endpointIds.length)}`,
      type: 'product.created',
    }));
    const q = deliveryQueries as Record<string, string>;
    const inserted = await db.batch<{ id: string }>(
      Array.from({ length: Math.ceil(rows.length / 200) }, (_, i) => db.prepare(q.INSERT_DELIVERIES!).bind(tenantId, now, JSON.stringify(rows.slice(i * 200, i * 200 + 200)))),
    );
    const ids = JSON.stringify(inserted.flatMap((r) => r.results.map((x) => x.id)));
    const lease = now + 60_000;
    const loads = [q.LOAD_CLAIMED_DELIVERIES!, q.LOAD_CLAIMED_EVENTS, q.LOAD_CLAIMED_ENDPOINTS].filter((sql): sql is string => typeof sql === 'string');
    const [, claimed] = await db.batch([db.prepare(q.CLAIM_DELIVERIES!).bind(ids, now, lease), ...loads.map((sql) => db.prepare(sql).bind(ids, lease))]);
    // This branch answers one aggregated row ({claimed: JSON}); older code one row per delivery ({id, ...}).
    const head = claimed!.results[0] as { claimed?: string; id?: string } | undefined;
    const claimedIds = head?.claimed !== undefined ? (JSON.parse(head.claimed) as string[][]).map((t) => t[0]!) : (claimed!.results as Array<{ id: string }>).map((r) => r.id);
    const outcomes = JSON.stringify(claimedIds.map((id) => ({ id, aid: newId('att', now), sent: true, status: 'succeeded', code: 204, latency: 1, body: '' })));
    await db.batch([
      db.prepare(q.RECORD_ATTEMPTS!).bind(outcomes, now),
      db.prepare(q.RECORD_DELIVERY_STATES!).bind(outcomes, now),
      db.prepare(q.UPDATE_FAILURE_CLOCKS!).bind(JSON.stringify(endpointIds.map((id) => ({ id, ok: true }))), now),
    ]);
  }
  return c.json({ ok: true, count, workerMs: Date.now() - started });
});

/** The webhooks floor: `count` bare POSTs of `body` to `url`, `concurrency` in flight (the delivery pool's 6). */
benchRoutes.post('/post-floor', async (c) => {
  const { url, count, concurrency, body, secret, variant } = await c.req.json<{ url: string; count: number; concurrency: number; body: string; secret?: string; variant?: string }>();
  // `variant` (webhooks bench, BENCH_FLOOR_VARIANTS=1): what one thing the delivery path's fetch does
  // beyond the floor's costs: 'timeout' a fresh AbortSignal.timeout per POST, 'shared' one timeout
  // signal for all, 'manual' redirect: 'manual', 'body' the answer read through its stream reader.
  const shared = AbortSignal.timeout(600_000);
  const started = Date.now();
  let failed = 0;
  // With `secret`: each POST signed first (Standard Webhooks, HMAC-SHA256 with the key imported once),
  // so the floor is transport + the least signing can cost. Written here rather than taken from the
  // app so that a BENCH_REF run of older code measures against the same floor.
  const key = secret ? await crypto.subtle.importKey('raw', base64ToBytes(secret.replace(/^whsec_/, ''))!, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) : null;
  const encoder = new TextEncoder();
  let failure: string | null = null;
  await mapPool(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
   try {
    let signature: Record<string, string> = { 'webhook-id': `floor_${i}` };
    if (key) {
      const timestamp = Math.floor(Date.now() / 1000);
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`floor_${i}.${timestamp}.${body}`)));
      signature = { 'webhook-id': `floor_${i}`, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${bytesToBase64(mac)}` };
    }
    const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json', ...signature }, body };
    if (variant === 'timeout') init.signal = AbortSignal.timeout(15_000);
    if (variant === 'shared') init.signal = shared;
    if (variant === 'manual') init.redirect = 'manual';
    const res = await fetch(url, init);
    if (variant === 'body') {
      const reader = res.body?.getReader();
      if (reader) for (;;) if ((await reader.read()).done) break;
    } else await res.arrayBuffer();
    if (!res.ok) failed += 1;
   } catch (err) {
    failed += 1;
    failure ??= String((err as Error)?.stack ?? err);
   }
  });
  if (failure) return c.json({ ok: false, failure }, 500);
  return c.json({ ok: failed === 0, count, failed, workerMs: Date.now() - started });
});

/** Images by status with their first and last `updated_at` (the Worker's clock) and how many have both derivatives. */
benchRoutes.get('/image-times', async (c) => {
  const { results } = await c.env.DB.prepare(
    `SELECT status, COUNT(*) AS n, MIN(updated_at) AS first_at, MAX(updated_at) AS last_at,
       SUM(CASE WHEN results LIKE '%"thumb"%' AND results LIKE '%"medium"%' THEN 1 ELSE 0 END) AS with_derivatives,
       MAX(error) AS some_error
     FROM images GROUP BY status`,
  ).all<{ status: string; n: number; first_at: number; last_at: number; with_derivatives: number; some_error: string | null }>();
  return c.json(Object.fromEntries(results.map((r) => [r.status, r])));
});

benchRoutes.post('/derivatives-memory', async (c) => {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const stages: Array<{ stage: string; workerMs: number; wasm: Array<{ label: string; bytes: number }> }> = [];
  let last = Date.now();
  const mark = (stage: string) => {
    const now = Date.now();
    stages.push({ stage, workerMs: now - last, wasm: wasmMemories() });
    last = now;
  };
  mark('before');
  const probed = probeImage(bytes);
  if (!probed.ok) return c.json({ ok: false, error: probed.error }, 422);
  const tooBig = checkLimits(probed.probe, bytes.length, defaultImageLimits, c.env.IMAGE_TRANSFORMS !== undefined);
  const sha256 = await sha256Of(bytes);
  let decoded: Decoded | null = null;
  const fitted = new Map<number, ReturnType<typeof fitWithin>>();
  const ctx: ProcessorContext = {
    env: c.env,
    tenantId: 'bench-memory',
    imageId: 'img_bench_memory',
    sha256,
    probe: probed.probe,
    bytes: async () => bytes,
    // The app's own routing: in the isolate within the decode budget, else through the Images binding.
    decoded: async () => (decoded ??= await decodeForProcessing(c.env, bytes, resolveOptions().images)),
    // As the registry does: one fitted copy per side, shared by the thumb and dhash, freed at the end.
    fitted: async (side) => {
      const source = await ctx.decoded();
      if (fits(source, side)) return source.image;
      if (!fitted.has(side)) fitted.set(side, fitWithin(source, side));
      return fitted.get(side)!;
    },
  };
  try {
    await ctx.decoded();
    mark('decode (photon, EXIF orientation)');
    const derivatives = await derivativesProcessor.run(ctx);
    mark('derivatives (resize + WebP encode + R2 put, thumb and medium)');
    const dhash = await dhashProcessor.run(ctx);
    mark('dhash');
    // The derivatives step again, split: resize (photon) and WebP encode (jsquash) per variant.
    // `?split=0` skips it, so the isolate's peak is the app run's alone (bench/memory/derivative.mjs).
    const breakdown: Record<string, number> = {};
    for (const [variant, side] of c.req.query('split') === '0' ? [] : Object.entries(VARIANTS)) {
      let t = Date.now();
      const resized = fitWithin(await ctx.decoded(), side);
      try {
        const pixels = resized.get_raw_pixels();
        breakdown[`resize ${variant}`] = Date.now() - t;
        t = Date.now();
        await encodeWebp(pixels, resized.get_width(), resized.get_height(), WEBP_SETTINGS[variant as keyof typeof VARIANTS]);
        breakdown[`WebP encode ${variant}`] = Date.now() - t;
      } finally {
        resized.free();
      }
    }
    mark('derivatives again, split (not part of the app run)');
    for (const image of fitted.values()) image.free();
    fitted.clear();
    (decoded as Decoded | null)?.image.free();
    decoded = null;
    mark('free');
    return c.json({
      ok: true,
      probe: probed.probe,
      withinLimits: tooBig === null,
      limitError: tooBig,
      inputBytes: bytes.length,
      decodedRgbaBytes: probed.probe.width * probed.probe.height * 4,
      results: { derivatives: derivatives.ok === true ? derivatives.result : derivatives, dhash: dhash.ok === true ? dhash.result : dhash },
      stages,
      breakdown,
      performanceMemory: (performance as unknown as { memory?: unknown }).memory ?? null,
    });
  } finally {
    for (const image of fitted.values()) image.free();
    (decoded as Decoded | null)?.image.free();
  }
});

/** The limits and budgets the bench Worker runs with (AppOptions defaults), for bench/memory/*.mjs. */
benchRoutes.get('/limits', (c) => {
  const options = resolveOptions();
  return c.json({ images: options.images, memoryBudgetMB: memoryBudgetsMB, imageTransforms: c.env.IMAGE_TRANSFORMS !== undefined });
});

/**
 * A late chunk's D1 work, statement by statement: after an import has finished, re-reads the chunk
 * at `offset` (from the next record boundary), validates it and writes it again exactly as the
 * consumer does (the two lookups of process-import.ts, then writeProducts() with the import's shared
 * job), through a DB whose batch() records each statement's meta.duration, rows_read, rows_written.
 * The rows are unchanged by then (same documents), so nothing in the catalogue moves.
 */
benchRoutes.post('/import-write-profile', async (c) => {
  const { tenantId, jobId, offset } = await c.req.json<{ tenantId: string; jobId: string; offset: number }>();
  const row = await findImport(c.env.DB, tenantId, jobId);
  if (!row || !row.columns) return c.json({ ok: false, error: 'no such finished import' }, 404);
  const object = await c.env.IMAGES.get(row.r2_key, { range: { offset, length: Math.min(512 * 1024, row.bytes - offset) } });
  if (!object) return c.json({ ok: false, error: 'the import file is missing' }, 404);
  const raw = new Uint8Array(await object.arrayBuffer());
  const start = raw.indexOf(0x0a) + 1;
  const bytes = completeLines(raw.subarray(start), offset + raw.length >= row.bytes);
  if (!bytes) return c.json({ ok: false, error: 'no complete record' }, 422);
  const cursor = { offset: offset + start, line: 2, encoding: row.encoding, columns: JSON.parse(row.columns) as string[], delimiter: row.delimiter };
  const tenantRow = await c.env.DB.prepare('SELECT id, name, default_currency, default_locale FROM tenants WHERE id = ?1')
    .bind(tenantId)
    .first<{ id: string; name: string; default_currency: string; default_locale: string }>();
  const tenant = { id: tenantRow!.id, name: tenantRow!.name, defaultCurrency: tenantRow!.default_currency, defaultLocale: tenantRow!.default_locale };
  const result = readChunk(row.format, bytes, cursor, false, tenant);
  if (!result) return c.json({ ok: false, error: 'readChunk found no record' }, 422);
  const ctx = { db: c.env.DB, bucket: c.env.IMAGES, tenant, options: resolveOptions(), imageUrl: async () => null, waitUntil: (p: Promise<unknown>) => c.executionCtx.waitUntil(p), queues: c.env } as CatalogContext;
  const items: WriteItem[] = [];
  for (const [i, candidate] of result.candidates.entries()) {
    if (!candidate.ok) continue;
    const validated = await validateProduct(ctx, candidate.product);
    if (validated.ok) items.push({ index: i, id: validated.id, doc: validated.doc });
  }
  const statements: Array<{ sql: string; ms: number; rowsRead: number; rowsWritten: number }> = [];
  const record = (sql: string, meta: D1Meta) =>
    statements.push({ sql: sql.replace(/\s+/g, ' ').trim().slice(0, 90), ms: meta.duration, rowsRead: meta.rows_read ?? 0, rowsWritten: meta.rows_written ?? 0 });
  const db = c.env.DB;
  const spy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'batch') {
        return async (list: D1PreparedStatement[]) => {
          const results = await target.batch(list);
          results.forEach((r, i) => record(String((list[i] as unknown as { statement?: string }).statement ?? ''), r.meta));
          return results;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const ids = JSON.stringify(items.map((item) => item.id));
  // The two statements process-import.ts runs around writeProducts (SQL copied from it).
  await spy.batch([
    db.prepare('SELECT id FROM products WHERE tenant_id = ?1 AND seen_by = ?2 AND id IN (SELECT value FROM json_each(?3))').bind(tenantId, jobId, ids),
  ]);
  const extra = [db.prepare('UPDATE products SET seen_by = ?2 WHERE tenant_id = ?1 AND id IN (SELECT value FROM json_each(?3))').bind(tenantId, jobId, ids)];
  const t = Date.now();
  const written = await writeProducts(spy, { tenantId, kind: 'import', items, failures: [], jobId, jobMode: 'shared', extra, now: Date.now() });
  const writeMs = Date.now() - t;
  // What-if (not in src/): REFRESH_PRODUCT_STATUS with the job term kept out of the index choice
  // (`+job_id`), so SQLite looks the chunk's ids up by primary key instead of walking the job's rows.
  const slim = JSON.stringify(items.map((i) => ({ id: i.id })));
  const refreshPk = REFRESH_PRODUCT_STATUS.replace('AND job_id = ?2', 'AND +job_id = ?2');
  const experiment: Record<string, { ms: number; rowsRead: number; changes: number }> = {};
  for (const [name, sql] of Object.entries({ asIs: REFRESH_PRODUCT_STATUS, plusJobId: refreshPk })) {
    const r = await db.prepare(sql).bind(tenantId, jobId, Date.now(), slim).run();
    experiment[name] = { ms: r.meta.duration, rowsRead: r.meta.rows_read ?? 0, changes: r.meta.changes ?? 0 };
  }
  const plans: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries({ REFRESH_PRODUCT_STATUS, REFRESH_PRODUCT_STATUS_PLUS_JOB_ID: refreshPk, SELECT_OUTCOMES })) {
    const { results } = await db.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(tenantId, jobId, Date.now(), name === 'SELECT_OUTCOMES' ? ids : JSON.stringify(items.map((i) => ({ id: i.id })))).all();
    plans[name] = results.map((r) => (r as { detail?: string }).detail);
  }
  return c.json({ ok: true, rows: items.length, writeMs, written: written.written.length, statements, plans, refreshExperiment: experiment });
});

/** What /import-chunk keeps alive when asked (`hold`), so that the caller can weigh it after a GC. */
let held: unknown = null;

benchRoutes.post('/import-chunk/release', (c) => {
  held = null;
  return c.json({ ok: true });
});

benchRoutes.post('/import-chunk', async (c) => {
  const { tenantId, jobId, offset = 0, hold = false } = await c.req.json<{ tenantId: string; jobId: string; offset?: number; hold?: boolean }>();
  const row = await findImport(c.env.DB, tenantId, jobId);
  if (!row) return c.json({ ok: false, error: 'no such import' }, 404);
  const CHUNK_BYTES = 512 * 1024;
  const want = Math.min(CHUNK_BYTES, row.bytes - offset);
  const t0 = Date.now();
  const object = await c.env.IMAGES.get(row.r2_key, { range: { offset, length: want } });
  if (!object) return c.json({ ok: false, error: 'the import file is missing' }, 404);
  const raw = new Uint8Array(await object.arrayBuffer());
  const readMs = Date.now() - t0;
  const final = offset + want >= row.bytes;
  const bytes = completeLines(raw, final);
  if (!bytes) return c.json({ ok: false, error: 'no complete record in the chunk' }, 422);
  const cursor = {
    offset,
    line: offset === 0 ? 1 : row.next_line,
    encoding: offset === 0 ? null : row.encoding,
    columns: offset === 0 ? null : row.columns ? (JSON.parse(row.columns) as string[]) : null,
    delimiter: offset === 0 ? null : row.delimiter,
  };
  const tenantRow = await c.env.DB.prepare('SELECT id, name, default_currency, default_locale FROM tenants WHERE id = ?1')
    .bind(tenantId)
    .first<{ id: string; name: string; default_currency: string; default_locale: string }>();
  const tenant = { id: tenantRow!.id, name: tenantRow!.name, defaultCurrency: tenantRow!.default_currency, defaultLocale: tenantRow!.default_locale };
  const t1 = Date.now();
  const result = readChunk(row.format, bytes, cursor, final, tenant);
  const parseMs = Date.now() - t1;
  if (!result) return c.json({ ok: false, error: 'readChunk found no record' }, 422);
  const ctx = { db: c.env.DB, bucket: c.env.IMAGES, tenant, options: resolveOptions(), imageUrl: async () => null, waitUntil: (p: Promise<unknown>) => c.executionCtx.waitUntil(p), queues: c.env } as CatalogContext;
  let docsJsonChars = 0;
  const docs: unknown[] = [];
  const t2 = Date.now();
  for (const candidate of result.candidates) {
    if (!candidate.ok) continue;
    const validated = await validateProduct(ctx, candidate.product);
    if (validated.ok) {
      docs.push(validated.doc);
      docsJsonChars += JSON.stringify(validated.doc).length;
    }
  }
  const validateMs = Date.now() - t2;
  const valid = docs.length;
  const text = new TextDecoder(cursor.encoding ?? 'utf-8').decode(bytes);
  // The consumer holds all of these at once before its D1 write: the chunk's bytes, its text, the
  // parsed candidates and the validated documents.
  if (hold) held = { raw, text, candidates: result.candidates, docs };
  return c.json({
    ok: true,
    chunkBytes: raw.length,
    completeLineBytes: bytes.length,
    // The decoded text: V8 keeps an all-ASCII string at one byte per character, else two.
    textChars: text.length,
    records: result.candidates.length,
    valid,
    candidatesJsonChars: JSON.stringify(result.candidates).length,
    docsJsonChars,
    consumedBytes: result.next.offset - offset,
    // Worker clock; validateMs includes one JSON.stringify per document (for docsJsonChars).
    ms: { r2Read: readMs, readChunk: parseMs, validate: validateMs },
  });
});

/** The app's default options (body caps, batch size, memory budgets), so a bench sizes its input from them. */
benchRoutes.get('/options', (c) => c.json({ ...resolveOptions(), memoryBudgetsMB }));
