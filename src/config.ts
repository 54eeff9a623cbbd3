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
  /** Per client IP on routes without an API key; must match the IP_RATE_LIMITER binding. */
  ipRateLimit: { limit: number; periodSeconds: 10 | 60 };
  /** How long a stored idempotent response is replayed, and how long an in-flight request holds its key. */
  idempotency: { ttlSeconds: number; leaseSeconds: number };
  /** Events, deliveries and job errors older than this are pruned by the cron. */
  retentionDays: number;
  /**
   * Inbound pushes: `dedupeWindowSeconds` is how long an identical push from a `{body}`-signed source
   * counts as a replay (nothing signed says when it was made); `bodyBytes` caps one push (413 above).
   */
  inbound: { dedupeWindowSeconds: number; bodyBytes: number };
}

export const defaultOptions: AppOptions = {
  maxImagesPerProduct: 20,
  maxBatchItems: 1000,
  bodyLimits: { single: 16 * 1024 * 1024, batch: 32 * 1024 * 1024, admin: 64 * 1024, upload: 100 * 1024 * 1024 },
  rateLimit: { limit: 600, periodSeconds: 60 },
  ipRateLimit: { limit: 600, periodSeconds: 60 },
  idempotency: { ttlSeconds: 24 * 3600, leaseSeconds: 60 },
  retentionDays: 30,
  // 8 MB: bench/memory/inbound.mjs measured an 8 MB push (574 products at the field limits) at 84 MB
  // peak (V8 heap + ArrayBuffers, push and apply); 29.5 MB took 225 MB, over the 96 MB budget.
  inbound: { dedupeWindowSeconds: 600, bodyBytes: 8 * 1024 * 1024 },
};

export function resolveOptions(overrides: Partial<AppOptions> = {}): AppOptions {
  return {
    ...defaultOptions,
    ...overrides,
    bodyLimits: { ...defaultOptions.bodyLimits, ...overrides.bodyLimits },
    rateLimit: { ...defaultOptions.rateLimit, ...overrides.rateLimit },
    ipRateLimit: { ...defaultOptions.ipRateLimit, ...overrides.ipRateLimit },
    idempotency: { ...defaultOptions.idempotency, ...overrides.idempotency },
    inbound: { ...defaultOptions.inbound, ...overrides.inbound },
  };
}

/**
 * Peak memory of one inbound push (verify, parse, validate, store; then its apply from the queue), in
 * MB: DESIGN "Budgets", headroom under the isolate's 128 MB. Measured by bench/memory/inbound.mjs at
 * the largest body `inbound.bodyBytes` allows.
 */
export const INBOUND_PUSH_BUDGET_MB = 96;
