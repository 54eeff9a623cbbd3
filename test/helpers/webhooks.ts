/**
 * Helpers for the webhook and inbound suites: the local receiver (test/setup/receiver.ts), webhook
 * subscriptions, the delivery log, and polling with a deadline instead of fixed sleeps.
 */
import { inject } from 'vitest';
import { body, call, type TestTenant } from './api';
import { waitFor } from './poll';

export { sleep, waitFor } from './poll';

export const receiverUrl = inject('receiverUrl');

export interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

export type Behaviour = 'ok' | 'fail' | 'rate' | 'unavailable' | 'gone' | 'hang' | 'redirect' | 'slow' | 'flaky' | 'hold';

/** A fresh receiver bucket: every test reads only what arrived in its own. */
export function newBucket(): string {
  return `b${crypto.randomUUID().replaceAll('-', '')}`;
}

export function target(bucket: string, behaviour: Behaviour = 'ok'): string {
  return `${receiverUrl}/r/${bucket}/${behaviour}`;
}

export async function received(bucket: string): Promise<Received[]> {
  const res = await fetch(`${receiverUrl}/received/${bucket}`);
  return (await res.json()) as Received[];
}

/** Waits until at least `count` requests arrived in the bucket; returns them all. */
export function waitReceived(bucket: string, count = 1, timeoutMs = 5000): Promise<Received[]> {
  return waitFor(async () => {
    const list = await received(bucket);
    return list.length >= count ? list : undefined;
  }, `${count} request(s) in bucket ${bucket}`, timeoutMs);
}

export interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  headerNames: string[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  secret: string;
}

export async function createWebhook(t: TestTenant, json: Record<string, unknown>): Promise<Webhook> {
  const res = await call('/v1/webhooks', { method: 'POST', headers: t.headers, json });
  if (res.status !== 201) throw new Error(`webhook creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Webhook;
}

export interface Attempt {
  attemptedAt: string;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

export interface Delivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivering' | 'retrying' | 'succeeded' | 'failed';
  attemptCount: number;
  nextAttemptAt: string | null;
  createdAt: string;
  attempts: Attempt[];
}

export async function deliveries(t: TestTenant, webhookId: string): Promise<Delivery[]> {
  const res = await call(`/v1/webhooks/${webhookId}/deliveries?limit=200`, { headers: t.headers });
  if (res.status !== 200) throw new Error(`deliveries failed: ${res.status} ${await res.text()}`);
  return (await body(res)).data as Delivery[];
}

/** Waits until the endpoint's deliveries satisfy `ok`; returns them. */
export function waitDeliveries(t: TestTenant, webhookId: string, ok: (list: Delivery[]) => boolean, what: string, timeoutMs = 5000): Promise<Delivery[]> {
  return waitFor(async () => {
    const list = await deliveries(t, webhookId);
    return ok(list) ? list : undefined;
  }, what, timeoutMs);
}

/** Polls GET /v1/jobs/{id} until the job leaves pending/processing. */
export function waitJob(t: TestTenant, jobId: string, timeoutMs = 5000): Promise<{ id: string; status: string; [k: string]: unknown }> {
  return waitFor(async () => {
    const res = await call(`/v1/jobs/${jobId}`, { headers: t.headers });
    if (res.status !== 200) return undefined;
    const job = await body(res);
    return job.status === 'pending' || job.status === 'processing' ? undefined : job;
  }, `job ${jobId} to finish`, timeoutMs);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function hmac(key: string | Uint8Array, data: string | Uint8Array): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey('raw', typeof key === 'string' ? enc.encode(key) : key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, typeof data === 'string' ? enc.encode(data) : data));
}
