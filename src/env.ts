/**
 * Bindings and per-request variables, typed once (wrangler.toml is the source of the bindings).
 */
import type { AppOptions } from './config';

export interface Env {
  DB: D1Database;
  IMAGES: R2Bucket;
  EVENTS_QUEUE: Queue<EventsMessage>;
  DEAD_LETTER_QUEUE?: Queue<unknown>;
  RATE_LIMITER?: RateLimit;
  ASSETS?: Fetcher;
  /** Guards /v1/admin; unset = admin disabled (fail closed). */
  ADMIN_TOKEN?: string;
  /** `development` marks local development; absent = production. */
  ENVIRONMENT?: string;
  ALLOW_PRIVATE_TARGETS?: string;
  OUTBOUND_ONLY?: string;
  PUBLIC_BASE_URL?: string;
  IMAGE_URL_SECRET?: string;
}

/** A wake-up for the events consumer: D1 holds the events, the message only says where to look. */
export interface EventsMessage {
  kind: 'events';
  tenantId: string;
}

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
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
