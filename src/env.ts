/**
 * Bindings and per-request variables, typed once (wrangler.toml is the source of the bindings).
 */
import type { ForegroundRequest } from './lib/foreground';
import { z } from 'zod';
import type { AppOptions } from './config';

export interface Env {
  /** The control database (tenants, keys, placements); also the only data shard when no DB_SHARD_n is bound. */
  DB: D1Database;
  /** Data shards (DESIGN "Shards"): DB_SHARD_0..N-1, contiguous; db/shards.ts is the only reader. */
  [shard: `DB_SHARD_${number}`]: D1Database | undefined;
  IMAGES: R2Bucket;
  /** Cloudflare Images: downscales sources over the in-isolate decode budget; unbound = they are refused. */
  IMAGE_TRANSFORMS?: ImagesBinding;
  EVENTS_QUEUE: Queue<EventsMessage>;
  DELIVERIES_QUEUE: Queue<DeliverMessage>;
  INBOUND_QUEUE: Queue<InboundMessage>;
  INGEST_QUEUE: Queue<IngestMessage>;
  IMPORTS_QUEUE: Queue<ImportMessage>;
  MAINTENANCE_QUEUE: Queue<MaintenanceMessage>;
  /** Wake-ups of the recommendations consumer (src/recommendations). */
  RECS_QUEUE: Queue<RecsMessage>;
  DEAD_LETTER_QUEUE?: Queue<unknown>;
  RATE_LIMITER?: RateLimit;
  /** Per API key for tenants on the `high` plan. */
  RATE_LIMITER_HIGH?: RateLimit;
  /** Per client IP, on the routes without an API key. */
  IP_RATE_LIMITER?: RateLimit;
  ASSETS?: Fetcher;
  /** Workers Analytics Engine dataset the stats views are written to; unbound = not recorded. */
  STATS?: AnalyticsEngineDataset;
  /** Guards /v1/admin; unset = admin disabled (fail closed). */
  ADMIN_TOKEN?: string;
  /** `development` marks local development; absent = production. */
  ENVIRONMENT?: string;
  ALLOW_PRIVATE_TARGETS?: string;
  OUTBOUND_ONLY?: string;
  /** Ports outbound targets may use besides 80/443 (`*` = any), counted only in local development and tests. */
  ALLOW_TARGET_PORTS?: string;
  PUBLIC_BASE_URL?: string;
  IMAGE_URL_SECRET?: string;
  /** Signs GeSmart dialect JWTs (HS256); unset = GeSmart login disabled. */
  JWT_SECRET?: string;
  /** The tenant (id or alias) GeSmart's single-tenant ERP webhook writes to. */
  GESMART_TENANT?: string;
  /**
   * Keys that encrypt webhook, inbound and processor secrets in D1: `<keyId>:<base64 of 32 bytes>`,
   * comma-separated; the first seals, all open (rotation). Unset or invalid = those secrets are refused.
   */
  SECRETS_KEYS?: string;
  /** Tenants allowed other env secrets as inbound source secrets: `tenant=NAME_WEBHOOK_SECRET`, comma-separated. */
  INBOUND_ENV_SECRET_TENANTS?: string;
  /** Per-delivery timeout override in ms (default 15 s); tests shorten it. */
  DELIVERY_TIMEOUT_MS?: string;
  /** Seconds the identity cache keeps a key (overrides the `keyCacheTtlSeconds` option; tests set 0). */
  KEY_CACHE_TTL_SECONDS?: string;
  /** Webhook requests in flight to one destination host per invocation (default 2). */
  WEBHOOK_HOST_CONCURRENCY?: string;
  /** 202 answers from a pipeline service, each followed by no callback within an hour, before the image ends `error` (default 3). */
  PROCESSOR_MAX_WAITS?: string;
  /**
   * Browser origins allowed to call the API (CORS), comma-separated exact origins
   * (`https://admin.example.com`) or `*`; unset = no cross-origin access (default deny).
   */
  CORS_ORIGINS?: string;
  /** debug | info (default) | warn | error: the least severe structured log line written. */
  LOG_LEVEL?: string;
  /** Inbound sources may take their secret from env vars named *_WEBHOOK_SECRET (seed 002's set-up). */
  [name: `${string}_WEBHOOK_SECRET`]: string | undefined;
}

/**
 * Where a message was routed when it was built (DESIGN "Shards"; stamped by placement/stamp.ts):
 * the shard and the tenant's placement epoch. Optional: messages from before shards, and those an
 * unscoped producer built, resolve by their tenant's current placement.
 */
export interface Routed {
  shard?: number;
  epoch?: number;
}

/** A wake-up for the events consumer: D1 holds the events, the message only says where to look. */
export interface EventsMessage extends Routed {
  kind: 'events';
  tenantId: string;
}

/** A wake-up for the deliveries consumer: attempt these deliveries if they are still due. */
export interface DeliverMessage extends Routed {
  kind: 'deliver';
  ids: string[];
  /** The tenant whose deliveries these are (absent in messages from before shards). */
  tenantId?: string;
}

/** Apply a verified inbound push whose payload waits in R2 under its job id. */
export interface InboundMessage extends Routed {
  kind: 'inbound';
  tenantId: string;
  jobId: string;
}

/**
 * Process the due images of some products: one message per write chunk (up to 50 products), never
 * one per image, so a bulk write cannot flood the queue. `productId` is the single-product form.
 */
export interface IngestMessage extends Routed {
  kind: 'ingest';
  tenantId: string;
  productIds?: string[];
  productId?: string;
  /** The write asked `?refresh=true`: fetch URLs again even if seen within 24 h. */
  refresh?: boolean;
}

/** Read the next slices of an import file (the cursor is in D1). */
export interface ImportMessage extends Routed {
  kind: 'import';
  tenantId: string;
  jobId: string;
}

/**
 * Convert the next slice of products stored before money was micros (the marker `money_format IS
 * NULL`), in (tenant, id) order after `after`; a long table re-enqueues itself slice by slice.
 */
export interface MoneyBackfillMessage extends Routed {
  kind: 'money-backfill';
  after?: [tenantId: string, productId: string];
}

/** Advance a tenant's move to another shard (src/moves); `token` is the lease it may claim. */
export interface ShardMoveMessage {
  kind: 'shard-move';
  moveId: string;
  token: number;
}

export type MaintenanceMessage = MoneyBackfillMessage | ShardMoveMessage;

/**
 * Recommendations: `recs` = read the tenant's new events and work off its due products; `rebuild` =
 * the next slice of a full rebuild (its cursor is in D1, `rec_rebuilds`).
 */
export type RecsMessage = ({ kind: 'recs'; tenantId: string } | { kind: 'rebuild'; tenantId: string; jobId: string }) & Routed;

/** Any message one of the Worker's queues carries (the dead-letter queue gets them all back). */
export type QueueMessage = EventsMessage | DeliverMessage | InboundMessage | IngestMessage | ImportMessage | MaintenanceMessage | RecsMessage;

export interface Tenant {
  id: string;
  name: string;
  defaultCurrency: string;
  defaultLocale: string;
}

export interface AppVariables {
  requestId: string;
  options: AppOptions;
  tenant: Tenant;
  apiKeyId: string;
  /** What the presented key may do (null: everything) and its tenant's quota plan. */
  keyGrant: { scopes: readonly string[] | null; plan: 'standard' | 'high' };
  /** The dialect whose mounted app serves the request (its routes need `dialect:<name>`). */
  dialect: string;
  /** The D1 session's bookmark once the request is routed to its tenant's shard (auth/route-tenant.ts). */
  bookmark?: () => string | null;
  /** This request as background work sees it (http/foreground.ts): its lane is set once routed. */
  foreground?: ForegroundRequest;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}

// ---- the bindings checked once, at the first request / message / cron run --------------------------

const hasMethods = (...names: string[]) => (value: unknown) =>
  typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
const binding = (kind: string, ...methods: string[]) => z.custom<unknown>(hasMethods(...methods), { message: `must be a ${kind} binding` });
const queue = binding('Queue producer', 'send');
const optionalText = z.string().optional();

/**
 * What a Worker must be given. Required: without them nothing works, and a missing IMAGE_URL_SECRET
 * used to yield null image URLs silently. Optional settings each switch one feature off when unset,
 * as their own modules document (ADMIN_TOKEN: admin; JWT_SECRET: GeSmart login; GESMART_*: GeSmart's
 * ERP webhook; RATE_LIMITER: per-key limits; IMAGE_TRANSFORMS: sources over the decode budget;
 * SECRETS_KEYS: stored webhook/inbound/processor secrets). Unknown names pass through.
 */
const EnvSchema = z.looseObject({
  DB: binding('D1', 'prepare', 'batch'),
  IMAGES: binding('R2', 'get', 'put', 'delete'),
  EVENTS_QUEUE: queue,
  DELIVERIES_QUEUE: queue,
  INBOUND_QUEUE: queue,
  INGEST_QUEUE: queue,
  IMPORTS_QUEUE: queue,
  MAINTENANCE_QUEUE: queue,
  RECS_QUEUE: queue,
  DEAD_LETTER_QUEUE: queue.optional(),
  // 16+ characters: an HMAC key shorter than that is guessable, and signed image URLs are public.
  IMAGE_URL_SECRET: z.string({ message: 'must be set (signs image URLs)' }).trim().min(16, 'must be at least 16 characters'),
  IMAGE_TRANSFORMS: binding('Images', 'input').optional(),
  RATE_LIMITER: binding('Rate Limiting', 'limit').optional(),
  RATE_LIMITER_HIGH: binding('Rate Limiting', 'limit').optional(),
  ASSETS: binding('static assets', 'fetch').optional(),
  ADMIN_TOKEN: optionalText,
  ENVIRONMENT: optionalText,
  ALLOW_PRIVATE_TARGETS: optionalText,
  OUTBOUND_ONLY: optionalText,
  PUBLIC_BASE_URL: optionalText,
  JWT_SECRET: optionalText,
  GESMART_TENANT: optionalText,
  SECRETS_KEYS: optionalText,
  DELIVERY_TIMEOUT_MS: optionalText,
  KEY_CACHE_TTL_SECONDS: z.string().regex(/^\s*\d+\s*$/, 'must be a whole number of seconds').optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const bad = value === undefined ? [] : splitOrigins(value).filter((origin) => origin !== '*' && canonicalOrigin(origin) !== origin);
      // Named, never quoted: settings' values stay out of answers and logs.
      if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `must be origins like https://app.example.com (scheme, host, optional port; comma-separated) or *: ${bad.length} entr${bad.length === 1 ? 'y is' : 'ies are'} not` });
    }),
});

const splitOrigins = (value: string) => value.split(',').map((origin) => origin.trim()).filter(Boolean);

/** `scheme://host[:port]` as browsers send it in `Origin`, or null when `value` is not only that. */
function canonicalOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== 'null' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * CORS_ORIGINS as a list (`['*']` for any origin; empty = none), checked by `parseEnv` first. No env
 * at all (the OpenAPI document generated in Node) allows none.
 */
export function corsOrigins(env: Pick<Env, 'CORS_ORIGINS'> | undefined): readonly string[] {
  return env?.CORS_ORIGINS ? splitOrigins(env.CORS_ORIGINS) : [];
}

/** The Worker is misconfigured: names the settings (never their values). */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Shelfsync is misconfigured: ${problems.join('; ')}`);
    this.name = 'EnvError';
  }
}

/** Checked env objects: workerd hands every invocation of an isolate the same one, so it is parsed once. */
const checked = new WeakMap<object, EnvError | null>();

/** The bindings as typed, or an EnvError naming every missing or malformed one. Cached per env object. */
export function parseEnv(env: unknown): Env {
  if (typeof env !== 'object' || env === null) throw new EnvError(['no bindings were given']);
  let error = checked.get(env);
  if (error === undefined) {
    const result = EnvSchema.safeParse(env);
    error = result.success ? null : new EnvError(result.error.issues.map((issue) => `${issue.path.join('.') || 'env'} ${issue.message}`));
    checked.set(env, error);
  }
  if (error) throw error;
  return env as Env;
}
