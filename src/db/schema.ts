/**
 * The storage shape, and its only source: drizzle-kit generates `migrations/` from this file
 * (`npm run db:generate`) and a test fails when the two drift.
 *
 * Conventions: timestamps are integer milliseconds since the epoch (rendered as RFC 3339 UTC at the
 * edge); JSON documents are TEXT holding canonical JSON; every tenant-owned table leads its keys and
 * indexes with `tenant_id`, so no query can reach across tenants by accident of an index.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  defaultCurrency: text('default_currency').notNull(),
  defaultLocale: text('default_locale').notNull(),
  /** Last product `number` handed out; numbers are never reused, gaps are allowed. */
  productSeq: integer('product_seq').notNull().default(0),
  /** Last event `seq` written; the events feed is ordered by it. */
  eventSeq: integer('event_seq').notNull().default(0),
  /** Last event `seq` fanned out to webhook deliveries (the fan-out watermark). */
  fanoutSeq: integer('fanout_seq').notNull().default(0),
  /** Request quota plan (`standard` | `high`): picks the rate-limit binding; set by admin. */
  plan: text('plan').notNull().default('standard'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /**
   * Shard side of placement (DESIGN "Shards"): the placement epoch this database holds the tenant's
   * data for, and whether it takes writes (`open`), refuses them for a move's tail copy (`frozen`), or
   * no longer owns them (`moved`). Every write on a data shard is fenced on both (db/fence.ts). On the
   * control database's row (the same row when there is one database) they mirror `placements`.
   */
  epoch: integer('epoch').notNull().default(1),
  writeState: text('write_state').notNull().default('open'),
});

/**
 * Control plane: which data shard (`DB_SHARD_n`; 0 = `DB` itself when no shard is bound) holds a
 * tenant's catalog, under which epoch. A move bumps the epoch when it flips the shard, so a write or
 * queue message routed with the old epoch is fenced instead of landing in the old copy.
 */
export const placements = sqliteTable(
  'placements',
  {
    tenantId: text('tenant_id').primaryKey(),
    shard: integer('shard').notNull().default(0),
    epoch: integer('epoch').notNull().default(1),
    /** `active`, or `frozen` while a move copies the tail (writes answer 503 + Retry-After). */
    state: text('state').notNull().default('active'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('placements_shard').on(t.shard)],
);

/**
 * Control plane: ids looked up without a tenant (an inbound source's `/v1/inbound/{id}`, an image id
 * of a signed URL issued before URLs carried their tenant), resolved to their tenant, then to its shard.
 */
export const directory = sqliteTable(
  'directory',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    tenantId: text('tenant_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), index('directory_tenant').on(t.tenantId)],
);

/** Control plane: each data shard's load as last measured (cron), for placing new tenants. */
export const shardLoads = sqliteTable('shard_loads', {
  shard: integer('shard').primaryKey(),
  tenants: integer('tenants').notNull().default(0),
  rows: integer('rows').notNull().default(0),
  bytes: integer('bytes').notNull().default(0),
  measuredAt: integer('measured_at').notNull(),
});

/**
 * Control plane: a tenant's move to another shard, as a resumable job. `watermarks` is JSON
 * `{table: last copied key}` committed with each copied slice; `report` holds the verification
 * (per-table row counts and content hashes on both sides).
 */
export const shardMoves = sqliteTable(
  'shard_moves',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    fromShard: integer('from_shard').notNull(),
    toShard: integer('to_shard').notNull(),
    /** copying | freezing | verifying | cleaning | done | failed */
    state: text('state').notNull(),
    /** The epoch the tenant gets when the move flips its placement. */
    epoch: integer('epoch').notNull(),
    watermarks: text('watermarks').notNull().default('{}'),
    report: text('report'),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (t) => [index('shard_moves_tenant').on(t.tenantId, t.createdAt)],
);

/**
 * Never holds a row: a fenced write's first statement inserts NULL here when the shard does not own
 * the tenant at the write's epoch, and the NOT NULL constraint aborts the whole batch (db/fence.ts).
 */
export const writeFence = sqliteTable('write_fence', {
  fenced: integer('fenced').notNull(),
});

/** Globally unique names by which dialect requests name a tenant (e.g. a Genera brandId). */
export const tenantAliases = sqliteTable(
  'tenant_aliases',
  {
    alias: text('alias').primaryKey(),
    tenantId: text('tenant_id').notNull(),
  },
  (t) => [index('tenant_aliases_tenant').on(t.tenantId)],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    /** The first characters of the key, shown so people can tell keys apart; never enough to use. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (hex) of the whole key: the key itself is never stored. */
    hash: text('hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
    /** JSON array of scopes (`products:read`, `dialect:genera`, ...); NULL = every scope (keys made before scopes). */
    scopes: text('scopes'),
    /** Past this instant (ms) the key is refused like a revoked one; NULL = never. */
    expiresAt: integer('expires_at'),
  },
  (t) => [uniqueIndex('api_keys_hash').on(t.hash), index('api_keys_tenant').on(t.tenantId)],
);

export const products = sqliteTable(
  'products',
  {
    tenantId: text('tenant_id').notNull(),
    /** The caller's id, unique per tenant. */
    id: text('id').notNull(),
    /** Server number, per tenant, never reused (GeSmart productId, Robosize id). */
    number: integer('number').notNull(),
    version: integer('version').notNull(),
    /** pending | processing | done | error: the aggregate of the product's images. */
    status: text('status').notNull(),
    /** The normalized canonical document as written (money in integer micros), canonical JSON. */
    data: text('data').notNull(),
    /** Vendor fields written through dialects, `{dialect: {...}}`; /v1 writes keep them as they are. */
    extensions: text('extensions'),
    /** The job that last changed this row: how a batch tells created/updated/unchanged apart. */
    jobId: text('job_id').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** From validForDays: the expiry cron deletes the product after this instant. */
    expiresAt: integer('expires_at'),
    /** The last replace-mode import that mentioned this product (marked without bumping `version`). */
    seenBy: text('seen_by'),
    /**
     * Which money form `data` stores: 1 = micros (every write sets it); NULL = minor units, written
     * before micros, until the money backfill rewrites the row; 0 = left in minor units (too large).
     */
    moneyFormat: integer('money_format'),
    /**
     * SHA-256 (base64) of `data` as the write path stored it: a multi-item write reads it to find the
     * items it would not change, without reading the documents. NULL: written before it existed, or
     * `data` rewritten by the money backfill; such rows are compared by their text.
     */
    contentHash: text('content_hash'),
    /**
     * The text the title search indexes (the title, then the localized titles), computed by the write
     * path beside `data` so the FTS triggers need not read it out of the JSON (per 1,000 products
     * ~3-10 ms of D1 time for creates, ~7-12 for updates: bench/floor-ladder.mjs, rung fts-text).
     * NULL (rows written before it, or by a writer that does not set it): the triggers read `data`.
     */
    searchText: text('search_text'),
    // The list filters' fields, read from `data` (VIRTUAL: computed on read and kept only in their
    // indexes; a write never names them). SQLite seeks a row value like (product_type, number) only
    // on columns, not on json_extract() expressions, hence columns rather than expression indexes.
    brand: text('brand').generatedAlwaysAs(sql`json_extract(data, '$.brand')`, { mode: 'virtual' }),
    gtin: text('gtin').generatedAlwaysAs(sql`json_extract(data, '$.gtin')`, { mode: 'virtual' }),
    itemGroupId: text('item_group_id').generatedAlwaysAs(sql`json_extract(data, '$.itemGroupId')`, { mode: 'virtual' }),
    active: integer('active').generatedAlwaysAs(sql`json_extract(data, '$.active')`, { mode: 'virtual' }),
    productType: text('product_type').generatedAlwaysAs(sql`json_extract(data, '$.productType')`, { mode: 'virtual' }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('products_tenant_number').on(t.tenantId, t.number),
    index('products_tenant_updated').on(t.tenantId, t.updatedAt, t.number),
    index('products_tenant_status').on(t.tenantId, t.status, t.number),
    index('products_tenant_job').on(t.tenantId, t.jobId),
    index('products_expires').on(t.expiresAt).where(sql`expires_at IS NOT NULL`),
    index('products_money_unconverted').on(t.tenantId, t.id).where(sql`money_format IS NULL`),
    // List filters (catalog/list.queries.ts): each index in the order its page is read. Partial
    // (`IS NOT NULL`): a product without the field costs its write nothing, and `col = ?` implies it.
    index('products_tenant_brand').on(t.tenantId, t.brand, t.number).where(sql`brand IS NOT NULL`),
    index('products_tenant_gtin').on(t.tenantId, t.gtin, t.number).where(sql`gtin IS NOT NULL`),
    index('products_tenant_item_group').on(t.tenantId, t.itemGroupId, t.number).where(sql`item_group_id IS NOT NULL`),
    index('products_tenant_active').on(t.tenantId, t.active, t.number).where(sql`active IS NOT NULL`),
    index('products_tenant_product_type').on(t.tenantId, t.productType, t.number).where(sql`product_type IS NOT NULL`),
  ],
);

export const images = sqliteTable(
  'images',
  {
    /** Server id, `img_<ulid>`. */
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    productId: text('product_id').notNull(),
    /** The caller's image id (default: a hash of its source), unique within its product. */
    key: text('key').notNull(),
    position: integer('position').notNull(),
    /** `{url}` | `{fileKey}` | `{sha256}`: where the bytes come from, never the bytes themselves. */
    source: text('source').notNull(),
    pipelines: text('pipelines').notNull(),
    classifications: text('classifications'),
    /** pending | processing | done | error */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    sha256: text('sha256'),
    format: text('format'),
    width: integer('width'),
    height: integer('height'),
    bytes: integer('bytes'),
    /** Per-pipeline results and derivative keys, JSON: `{derivatives: {thumb, medium}, tryOn: {...}}`. */
    results: text('results'),
    /** 64-bit difference hash as 16 hex digits, and its four 16-bit bands for near-duplicate lookups. */
    dhash: text('dhash'),
    dhashBand0: integer('dhash_band0'),
    dhashBand1: integer('dhash_band1'),
    dhashBand2: integer('dhash_band2'),
    dhashBand3: integer('dhash_band3'),
    nextAttemptAt: integer('next_attempt_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('images_product_key').on(t.tenantId, t.productId, t.key),
    index('images_due').on(t.status, t.nextAttemptAt),
    index('images_sha').on(t.tenantId, t.sha256),
    index('images_band0').on(t.tenantId, t.dhashBand0),
    index('images_band1').on(t.tenantId, t.dhashBand1),
    index('images_band2').on(t.tenantId, t.dhashBand2),
    index('images_band3').on(t.tenantId, t.dhashBand3),
  ],
);

export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    /** What started it: products.put, products.patch, products.delete, products.batch, ... */
    kind: text('kind').notNull(),
    /** pending | processing | completed | failed | partial */
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    succeeded: integer('succeeded').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    deleted: integer('deleted').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    completedAt: integer('completed_at'),
    /**
     * 1 while the job's owner may still add writes to it (an import between slices): image work that
     * ends meanwhile does not finish the job; the owner's last write does.
     */
    writesOpen: integer('writes_open').notNull().default(0),
  },
  (t) => [index('jobs_tenant').on(t.tenantId, t.id), index('jobs_status').on(t.status, t.createdAt), index('jobs_tenant_status').on(t.tenantId, t.status, t.id)],
);

/** Per-item failures of a job, in input order. */
export const jobErrors = sqliteTable(
  'job_errors',
  {
    jobId: text('job_id').notNull(),
    index: integer('idx').notNull(),
    itemId: text('item_id'),
    /** Where the record starts in an imported file (the header is line 1). */
    line: integer('line'),
    code: text('code').notNull(),
    /** `[{path, message}]` as JSON. */
    errors: text('errors').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.index] })],
);

/** The outbox: written in the same D1 batch as the change it describes. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    /** Monotonic per tenant; the feed's cursor. */
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    data: text('data').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('events_tenant_seq').on(t.tenantId, t.seq), index('events_created').on(t.createdAt)],
);

/** Stored first responses for `Idempotency-Key`, replayed for 24 h. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    tenantId: text('tenant_id').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** While a request holds the key: an expiring lease, so a crashed request frees it. */
    lockedUntil: integer('locked_until'),
    statusCode: integer('status_code'),
    headers: text('headers'),
    body: text('body'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.method, t.route, t.key] }), index('idempotency_expires').on(t.expiresAt)],
);

/** Messages a queue gave up on, kept for operators (the dead-letter consumer writes them). */
export const deadLetters = sqliteTable('dead_letters', {
  id: text('id').primaryKey(),
  queue: text('queue').notNull(),
  body: text('body').notNull(),
  attempts: integer('attempts').notNull(),
  createdAt: integer('created_at').notNull(),
  /** Why the message died: the last error its consumer reported, or that none was reported. NULL on rows from before. */
  reason: text('reason'),
  /** The tenant and job the work belongs to, when the message names them (for listing and replay). */
  tenantId: text('tenant_id'),
  jobId: text('job_id'),
  /** When an operator replayed it (once: a second replay changes nothing). */
  replayedAt: integer('replayed_at'),
});

/**
 * The last failure a consumer reported for a message still being retried, keyed by a hash of its
 * queue and body (a dead-lettered copy has the same body): the dead-letter consumer reads its reason here.
 */
export const queueFailures = sqliteTable('queue_failures', {
  fingerprint: text('fingerprint').primaryKey(),
  queue: text('queue').notNull(),
  reason: text('reason').notNull(),
  attempts: integer('attempts').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Outgoing webhook subscriptions. */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    url: text('url').notNull(),
    /** JSON array of event-type patterns: `product.*`, `image.failed`, `*`. */
    eventTypes: text('event_types').notNull(),
    /** Static headers sent with every delivery (e.g. Authorization); write-only: never returned. */
    headers: text('headers').notNull(),
    /** Payload shape: `standard` (Standard Webhooks envelope) or a dialect's. */
    format: text('format').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    disabledReason: text('disabled_reason'),
    /**
     * `whsec_...`, sealed (`enc:<keyId>:...`, see lib/secret-box.ts); the previous one keeps signing until
     * `previous_secret_expires_at` (rotation overlap), then the cron clears it.
     */
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: integer('previous_secret_expires_at'),
    /** Start of the current run of failures; cleared by a success. Five days of it disables the endpoint. */
    failingSince: integer('failing_since'),
    /** Dialect data, e.g. the Genera brand alias the endpoint was subscribed under. */
    metadata: text('metadata'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** A temporary endpoint (e.g. the CLI's `webhooks listen`): fan-out skips it from then on, the cron deletes it. */
    expiresAt: integer('expires_at'),
  },
  (t) => [
    index('webhook_endpoints_tenant').on(t.tenantId, t.id),
    index('webhook_endpoints_previous_secret').on(t.previousSecretExpiresAt),
    index('webhook_endpoints_expires').on(t.expiresAt),
  ],
);

/** One row per (endpoint, event): exists before any attempt, so a crash never loses a delivery. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** pending | delivering | retrying | succeeded | failed */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    /** While `delivering`: the claim expires here, so a crashed attempt is picked up again. */
    leaseUntil: integer('lease_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_endpoint_event').on(t.endpointId, t.eventId),
    index('deliveries_due').on(t.status, t.nextAttemptAt),
    index('deliveries_endpoint').on(t.endpointId, t.id),
  ],
);

export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id').notNull(),
    attemptedAt: integer('attempted_at').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    /** The first 1 KB of the response body. */
    responseBody: text('response_body'),
    error: text('error'),
  },
  (t) => [index('delivery_attempts_delivery').on(t.deliveryId, t.attemptedAt)],
);

/** Where signed pushes from an ERP come in, and how their signature is checked. */
export const inboundSources = sqliteTable(
  'inbound_sources',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    /** The shared secret, sealed; or null when it comes from an environment secret (`secret_env`). */
    secret: text('secret'),
    /** After a rotation the old secret is still accepted until `previous_secret_expires_at`. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: integer('previous_secret_expires_at'),
    secretEnv: text('secret_env'),
    /** utf8: the raw string is the HMAC key (openssl -hmac); base64: the key is its decoded bytes. */
    secretEncoding: text('secret_encoding').notNull(),
    signatureHeader: text('signature_header').notNull(),
    signatureEncoding: text('signature_encoding').notNull(),
    signaturePrefix: text('signature_prefix').notNull(),
    /** `{body}` or `{timestamp}.{body}`. */
    signedPayload: text('signed_payload').notNull(),
    timestampHeader: text('timestamp_header'),
    toleranceSeconds: integer('tolerance_seconds').notNull(),
    /** Header carrying a unique event id to dedupe on; else the body hash is used. */
    eventIdHeader: text('event_id_header'),
    /** Payload shape: `canonical`, or a dialect's. */
    format: text('format').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('inbound_sources_tenant').on(t.tenantId, t.id),
    index('inbound_sources_previous_secret').on(t.previousSecretExpiresAt),
  ],
);

/** Accepted pushes, to answer a replay with the original job instead of applying it twice. */
export const inboundReceipts = sqliteTable(
  'inbound_receipts',
  {
    sourceId: text('source_id').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    jobId: text('job_id').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.dedupeKey] }), index('inbound_receipts_received').on(t.receivedAt)],
);

/** Stored bytes, once per (tenant, sha256): R2 key `{tenant}/{sha256}`. Probe results live here, so identical bytes are probed once. */
export const blobs = sqliteTable(
  'blobs',
  {
    tenantId: text('tenant_id').notNull(),
    sha256: text('sha256').notNull(),
    format: text('format').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    frames: integer('frames').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Set when no image references the blob any more; the cron deletes it after a grace period. */
    orphanedAt: integer('orphaned_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sha256] }), index('blobs_orphaned').on(t.orphanedAt)],
);

/** What a URL gave last time, so a re-sync within 24 h fetches nothing and an older one revalidates. */
export const urlCache = sqliteTable(
  'url_cache',
  {
    tenantId: text('tenant_id').notNull(),
    url: text('url').notNull(),
    sha256: text('sha256').notNull(),
    etag: text('etag'),
    lastModified: text('last_modified'),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.url] })],
);

/** Processor outputs per (tenant, sha256, processor, configuration): computed once, reused by every image with those bytes. */
export const processorResults = sqliteTable(
  'processor_results',
  {
    tenantId: text('tenant_id').notNull(),
    sha256: text('sha256').notNull(),
    processor: text('processor').notNull(),
    configHash: text('config_hash').notNull(),
    /** done | error | pending (an external service accepted it and will call back) */
    status: text('status').notNull(),
    result: text('result'),
    error: text('error'),
    /** How many times the service answered 202 (accepted, will call back) for this job. */
    waits: integer('waits').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sha256, t.processor, t.configHash] })],
);

/** External pipeline services (tryOn, localization, ...) a tenant configured. */
export const processors = sqliteTable(
  'processors',
  {
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** Signs jobs sent to the service and verifies its callbacks (Standard Webhooks scheme); sealed. */
    secret: text('secret').notNull(),
    /** After a rotation the old secret still verifies callbacks until `previous_secret_expires_at`. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: integer('previous_secret_expires_at'),
    config: text('config').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] }), index('processors_previous_secret').on(t.previousSecretExpiresAt)],
);

/**
 * Where the secrets backfill stands per table: sealing plaintext rows and re-sealing rows under an
 * older key, resumable by rowid. A pass is done for one key; a new current key starts a new pass.
 */
export const secretBackfill = sqliteTable('secret_backfill', {
  tableName: text('table_name').primaryKey(),
  /** The key this pass seals with. */
  keyId: text('key_id').notNull(),
  /** The last rowid handled. */
  cursor: integer('cursor').notNull(),
  completedAt: integer('completed_at'),
  updatedAt: integer('updated_at').notNull(),
});

/** Processing rounds: a write that starts image work opens one; `product.processed` is emitted once per round. */
export const processingRounds = sqliteTable(
  'processing_rounds',
  {
    tenantId: text('tenant_id').notNull(),
    productId: text('product_id').notNull(),
    jobId: text('job_id').notNull(),
    openedAt: integer('opened_at').notNull(),
    closedAt: integer('closed_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.productId, t.jobId] })],
);

/** A bulk import: the file sits in R2; the cursor says where the next record starts. */
export const imports = sqliteTable(
  'imports',
  {
    jobId: text('job_id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    /** jsonl | csv | tsv | xml */
    format: text('format').notNull(),
    /** upsert | replace (a full sync: products the file does not mention are deleted once it completes) */
    mode: text('mode').notNull(),
    r2Key: text('r2_key').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Detected on the first chunk: utf-8, or windows-1252 when the bytes are not UTF-8. */
    encoding: text('encoding'),
    /** CSV/TSV: the header's column names (JSON) and the delimiter. */
    columns: text('columns'),
    delimiter: text('delimiter'),
    /** Byte offset and line number of the next record: committed with each chunk's rows. */
    nextOffset: integer('next_offset').notNull(),
    nextLine: integer('next_line').notNull(),
    rowsTotal: integer('rows_total').notNull(),
    rowsDone: integer('rows_done').notNull(),
    rowsFailed: integer('rows_failed').notNull(),
    /** pending | processing | completed | partial | failed */
    status: text('status').notNull(),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    completedAt: integer('completed_at'),
    /** When the cron deleted the file from R2 (`imports.fileRetentionDays` after the import ended). */
    fileDeletedAt: integer('file_deleted_at'),
  },
  (t) => [index('imports_tenant').on(t.tenantId, t.status), index('imports_file_expiry').on(t.fileDeletedAt, t.updatedAt)],
);

/**
 * Dashboard sign-ins: an API key exchanged for a cookie. Only the SHA-256 of the cookie's token is
 * stored (the key is never stored at all); the key id ties the session to its key, so a revoked key
 * ends every session made from it at the next request.
 */
export const dashboardSessions = sqliteTable(
  'dashboard_sessions',
  {
    /** SHA-256 (hex) of the cookie's random token. */
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    keyId: text('key_id').notNull(),
    /** Random; every form of the session carries it (checked in constant time). */
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('dashboard_sessions_key').on(t.keyId), index('dashboard_sessions_expires').on(t.expiresAt)],
);

/**
 * Recommendations (src/recommendations). A product's signature (document facts, image signature,
 * MinHash of its text) as JSON; `family` is its itemGroupId, for `variants`. `lists` records which
 * lists were computed for `version` (`similar`, `complementary`, both or none).
 */
export const recSignatures = sqliteTable(
  'rec_signatures',
  {
    tenantId: text('tenant_id').notNull(),
    productId: text('product_id').notNull(),
    number: integer('number').notNull(),
    version: integer('version').notNull(),
    family: text('family'),
    /** The primary image the visual signature came from (its sha256), so an unchanged image is not decoded again. */
    imageSha: text('image_sha'),
    sig: text('sig').notNull(),
    /** JSON array of the lists computed for `version`. */
    lists: text('lists').notNull().default('[]'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.productId] }), index('rec_signatures_family').on(t.tenantId, t.family).where(sql`family IS NOT NULL`)],
);

/** Candidate index: blocking keys, MinHash bands and dHash bands of each signature (see recommendations/signature.ts). */
export const recKeys = sqliteTable(
  'rec_keys',
  {
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    productId: text('product_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key, t.productId] }), index('rec_keys_product').on(t.tenantId, t.productId)],
);

/** Stored top-K lists; the (tenant, product) index is the reverse index: which anchors list a product. */
export const recLists = sqliteTable(
  'rec_lists',
  {
    tenantId: text('tenant_id').notNull(),
    anchorId: text('anchor_id').notNull(),
    /** similar | complementary */
    kind: text('kind').notNull(),
    rank: integer('rank').notNull(),
    productId: text('product_id').notNull(),
    score: real('score').notNull(),
    /** JSON array of reason names. */
    reasons: text('reasons').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.anchorId, t.kind, t.rank] }), index('rec_lists_reverse').on(t.tenantId, t.productId)],
);

/**
 * Products whose signature or lists are due (D1 holds the pending work; queue messages only wake the
 * consumer). `signature` 1 = rebuild the signature too; `ready`: JSON array of `product.processed`
 * data awaiting their `product.recommendations.ready`.
 */
export const recDirty = sqliteTable(
  'rec_dirty',
  {
    tenantId: text('tenant_id').notNull(),
    productId: text('product_id').notNull(),
    signature: integer('signature').notNull(),
    ready: text('ready'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.productId] })],
);

/** Per tenant: the default `recommend`, the complement map (NULL = the default fashion map), and how far the event feed was read. */
export const recSettings = sqliteTable('rec_settings', {
  tenantId: text('tenant_id').primaryKey(),
  defaultRecommend: text('default_recommend').notNull().default('none'),
  rules: text('rules'),
  /** Last event `seq` turned into rec_dirty rows. */
  seq: integer('seq').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
  /**
   * Whether the tenant uses recommendations at all (recommendations/activation.ts): 0 nobody asks (the
   * consumer only moves `seq` along), 1 asked (a product or the default chose lists, or the rules were
   * set), 2 building (a rebuild signs the earlier catalog), 3 active.
   */
  state: integer('state').notNull().default(0),
});

/** A full rebuild of a tenant's recommendations, as a resumable job: phase and cursor committed with each slice. */
export const recRebuilds = sqliteTable(
  'rec_rebuilds',
  {
    jobId: text('job_id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    /** signatures | lists | done */
    phase: text('phase').notNull(),
    /** The last product `number` of the phase handled. */
    afterNumber: integer('after_number').notNull(),
    /** Steps done: each product counts twice (its signature, then its lists); the job's `succeeded`. */
    done: integer('done').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('rec_rebuilds_open').on(t.phase, t.updatedAt)],
);
