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
  /** How long a stored idempotent response is replayed, and how long an in-flight request holds its key. */
  idempotency: { ttlSeconds: number; leaseSeconds: number };
  /** Events, deliveries and job errors older than this are pruned by the cron. */
  retentionDays: number;
  /** Webhook endpoints per tenant: each event is sent once per endpoint, so this bounds the fan-out. */
  maxWebhookEndpoints: number;
}

export const defaultOptions: AppOptions = {
  maxImagesPerProduct: 20,
  maxBatchItems: 1000,
  bodyLimits: { single: 16 * 1024 * 1024, batch: 32 * 1024 * 1024, admin: 64 * 1024, upload: 100 * 1024 * 1024 },
  rateLimit: { limit: 600, periodSeconds: 60 },
  idempotency: { ttlSeconds: 24 * 3600, leaseSeconds: 60 },
  retentionDays: 30,
  maxWebhookEndpoints: 20,
};

export function resolveOptions(overrides: Partial<AppOptions> = {}): AppOptions {
  return {
    ...defaultOptions,
    ...overrides,
    bodyLimits: { ...defaultOptions.bodyLimits, ...overrides.bodyLimits },
    rateLimit: { ...defaultOptions.rateLimit, ...overrides.rateLimit },
    idempotency: { ...defaultOptions.idempotency, ...overrides.idempotency },
  };
}
