/**
 * Options of createApp(): limits and knobs with production defaults. Everything here is plain data so
 * an embedding app can override any of it.
 */
export interface AppOptions {
  /** Images per product (seed 000/002 vendors allow 10-20). */
  maxImagesPerProduct: number;
  /** Items per POST /v1/products/batch. */
  maxBatchItems: number;
  /** Body caps per route family, in bytes (413 above them). `upload`: multipart, streamed, never held whole. */
  bodyLimits: { single: number; batch: number; admin: number; upload: number };
  /** Must match the [[ratelimits]] binding in wrangler.toml: the binding cannot be asked. */
  rateLimit: { limit: number; periodSeconds: 10 | 60 };
  /** The `high` plan's per-key quota; must match the RATE_LIMITER_HIGH binding. */
  rateLimitHigh: { limit: number; periodSeconds: 10 | 60 };
  /** Per client IP on routes without an API key; must match the IP_RATE_LIMITER binding. */
  ipRateLimit: { limit: number; periodSeconds: 10 | 60 };
  /** How long a stored idempotent response is replayed, and how long an in-flight request holds its key. */
  idempotency: { ttlSeconds: number; leaseSeconds: number };
  /** Events, deliveries and job errors older than this are pruned by the cron. */
  retentionDays: number;
  /**
   * Image sources. `maxDecodePixels`: the in-isolate decode budget in pixels of 8-bit RGBA (frames x
   * largest frame x bytes per pixel / 4, see images/probe.ts), where one derivative run's measured
   * peak fits `memoryBudgetsMB.imageDerivative`. Past it an image goes to the Images binding when one
   * is bound (up to `maxTransformPixels`, the binding's own 100-megapixel input limit), else it ends
   * `error` naming the limit.
   */
  images: { maxBytes: number; maxDecodePixels: number; maxTransformPixels: number };
  /**
   * Bulk imports: imports one tenant may run at once (429 past it), the expansion a gzip body may
   * have (413 past it), and days an ended import's file stays in R2 (the cron deletes it then).
   */
  imports: { maxRunning: number; maxGzipRatio: number; fileRetentionDays: number };
  /**
   * Inbound pushes: `dedupeWindowSeconds` is how long an identical push from a `{body}`-signed source
   * counts as a replay (nothing signed says when it was made); `bodyBytes` caps one push (413 above).
   */
  inbound: { dedupeWindowSeconds: number; bodyBytes: number };
  /** Webhook endpoints per tenant: each event is sent once per endpoint, so this bounds the fan-out. */
  maxWebhookEndpoints: number;
  /**
   * Seconds an isolate remembers what an API key resolves to (auth/tenant-lookup.ts): a key revoked
   * through another isolate keeps working there for at most this long. 0 = every request reads the
   * key row. The `KEY_CACHE_TTL_SECONDS` variable overrides it (tests set 0).
   */
  keyCacheTtlSeconds: number;
  /** Similar and complementary products (src/recommendations). */
  recommendations: RecommendationOptions;
}

/**
 * Weights of each score component (relative: a component a pair lacks, such as images, drops out and
 * the rest are renormalised). Similar: `visual` = 0.5 palette (HSV histogram intersection) + 0.3
 * silhouette + 0.2 pattern of the primary images; `productType` = shared path prefix; `text` =
 * MinHash Jaccard of titles and descriptions in every locale; the rest equal / overlapping attributes.
 * Complementary (only between branches the complement map pairs): brand, colour harmony (same, or a
 * neutral), `palette` and `pattern` of the images, price band, `text`, collection.
 */
export interface RecommendationWeights {
  similar: { visual: number; productType: number; text: number; brand: number; color: number; gender: number; ageGroup: number; sizes: number; price: number };
  complementary: { brand: number; color: number; palette: number; pattern: number; price: number; text: number; collection: number };
}

export interface RecommendationOptions {
  /** Stored list length per product and kind (the most a client can page through). */
  topK: number;
  /** Products read from each index key when generating candidates, and the most scored per list. */
  candidatesPerKey: number;
  maxCandidates: number;
  weights: RecommendationWeights;
}

/**
 * Peak memory one unit of work may take in a 128 MB isolate (headroom for the runtime and whatever
 * else the isolate holds), measured by bench/memory/*.mjs at the largest input the limits allow.
 */
export const memoryBudgetsMB = { imageDerivative: 96, importChunk: 96, batchRequest: 96, singleRequest: 96, inboundPush: 96 } as const;

export const defaultOptions: AppOptions = {
  maxImagesPerProduct: 20,
  maxBatchItems: 1000,
  // single and batch from bench/memory (peak isolate heap, budget 96 MB): a batch of 1,000
  // object-heavy products peaked at 245 MB at 32 MB, 157 at 12, 93 at 8, 77 at 6 (the cap); a single
  // PUT with a base64 image at 260 MB at 16 MB, 88 at 4 (the cap).
  bodyLimits: { single: 4 * 1024 * 1024, batch: 6 * 1024 * 1024, admin: 64 * 1024, upload: 100 * 1024 * 1024 },
  rateLimit: { limit: 600, periodSeconds: 60 },
  rateLimitHigh: { limit: 6000, periodSeconds: 60 },
  ipRateLimit: { limit: 600, periodSeconds: 60 },
  idempotency: { ttlSeconds: 24 * 3600, leaseSeconds: 60 },
  retentionDays: 30,
  // 2.8 MP: one derivative run on a 2121x1414 (3 MP) JPEG peaked at 96.3 MB, over the 96 MB budget
  // (bench/memory/derivative.mjs; photon decode + resize 66 MB, WebP encoder 16, V8 heap 15).
  images: { maxBytes: 10 * 1024 * 1024, maxDecodePixels: 2_800_000, maxTransformPixels: 100_000_000 },
  imports: { maxRunning: 2, maxGzipRatio: 100, fileRetentionDays: 7 },
  // 8 MB: bench/memory/inbound.mjs measured an 8 MB push (574 products at the field limits) at 84 MB
  // peak (V8 heap + ArrayBuffers, push and apply); 29.5 MB took 225 MB, over the 96 MB budget.
  inbound: { dedupeWindowSeconds: 600, bodyBytes: 8 * 1024 * 1024 },
  maxWebhookEndpoints: 20,
  // One D1 round trip less per request: PUT p50 went from 3.4x to ~2.5x GET /health (bench/README.md).
  keyCacheTtlSeconds: 30,
  recommendations: {
    topK: 20,
    candidatesPerKey: 40,
    maxCandidates: 800,
    weights: {
      similar: { visual: 0.35, productType: 0.25, text: 0.15, brand: 0.08, color: 0.07, gender: 0.04, ageGroup: 0.03, sizes: 0.01, price: 0.02 },
      complementary: { brand: 0.2, color: 0.15, palette: 0.15, pattern: 0.15, price: 0.15, text: 0.15, collection: 0.05 },
    },
  },
};

export function resolveOptions(overrides: Partial<AppOptions> = {}): AppOptions {
  return {
    ...defaultOptions,
    ...overrides,
    bodyLimits: { ...defaultOptions.bodyLimits, ...overrides.bodyLimits },
    rateLimit: { ...defaultOptions.rateLimit, ...overrides.rateLimit },
    rateLimitHigh: { ...defaultOptions.rateLimitHigh, ...overrides.rateLimitHigh },
    ipRateLimit: { ...defaultOptions.ipRateLimit, ...overrides.ipRateLimit },
    idempotency: { ...defaultOptions.idempotency, ...overrides.idempotency },
    images: { ...defaultOptions.images, ...overrides.images },
    imports: { ...defaultOptions.imports, ...overrides.imports },
    inbound: { ...defaultOptions.inbound, ...overrides.inbound },
    recommendations: { ...defaultOptions.recommendations, ...overrides.recommendations },
  };
}

