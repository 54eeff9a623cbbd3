/**
 * POST /v1/inbound/{sourceId}: an ERP's signed push. The signature is the credential: no API key.
 * Order matters: raw bytes -> signature (constant time; unknown source, missing secret and bad
 * signature all look the same from outside) -> replay check -> parse -> validate like any API call
 * -> store the payload in R2 and the job + receipt in D1 -> acknowledge -> apply from a queue.
 */
import type { Context } from 'hono';
import type { AppEnv, Env } from '../env';
import { ApiError } from '../http/problem';
import { acceptJobStatement } from '../jobs/job-statements';
import type { InboundFormat, InboundFormats } from './formats';
import { sha256Hex } from '../lib/crypto';
import { dedupeKey, dedupeWindow } from './dedupe';
import { mayUseEnvSecret } from './env-secrets';
import { controlDb } from '../placement/tenant-env';
import { newId } from '../lib/ulid';
import { type SourceRow, verifyingSecrets } from './sources.repository';
import { verifySignature } from './verify-signature';
import { MAX_JSON_DEPTH, parseJsonWithin } from '../lib/json-depth';
import { stampRoute } from '../placement/stamp';

export function inboundPayloadKey(tenantId: string, jobId: string): string {
  return `inbound/${tenantId}/${jobId}.json`;
}

/** The secrets a push may be signed with (several during a rotation overlap); none = refuse. */
async function sourceSecrets(env: Env, source: SourceRow, now: number): Promise<string[]> {
  if (source.secretEnv) {
    const secret = env[source.secretEnv as `${string}_WEBHOOK_SECRET`];
    return secret ? [secret] : [];
  }
  return verifyingSecrets(env, source, now);
}

export interface InboundAck {
  jobId: string;
  status: string;
  duplicate: boolean;
}

/** POST /v1/inbound/{sourceId}: a stored source's push, answered in the canonical shape. */
export async function receiveInbound(c: Context<AppEnv>, source: SourceRow | null, formats: InboundFormats): Promise<Response> {
  const ack = await acceptInbound(c, source, formats.get(source?.format ?? 'canonical'));
  if (!ack.duplicate) c.header('Job-Id', ack.jobId);
  return c.json(ack, ack.duplicate ? 200 : 202);
}

/**
 * Verify, dedupe, validate, store and enqueue one push for `source` (null = unknown: refused like a
 * bad signature), read with `format` (the source's). Dialects with their own entry point (GeSmart's
 * single-tenant webhook) call this with a source built from configuration and their own format, and
 * render the answer in their own shape.
 */
function unverified(): ApiError {
  return new ApiError('unauthorized', 'The signature could not be verified', undefined, { 'WWW-Authenticate': 'HMAC realm="shelfsync-inbound"' });
}

/**
 * The source's HMAC secrets (the previous one too during a rotation overlap), or the same 401 as a
 * bad signature (unknown source, missing secret). Callers run it before reading the body, so an
 * unknown caller costs no body read.
 */
export async function sourceSecretOrRefuse(env: Env, source: SourceRow | null, now = Date.now()): Promise<{ source: SourceRow; secrets: string[] }> {
  if (!source) throw unverified();
  // Sources stored before the rule (or after GESMART_TENANT moved) stop working rather than borrow another tenant's secret.
  if (source.secretEnv && !(await mayUseEnvSecret(controlDb(env), env, source.tenantId, source.secretEnv))) {
    console.error(JSON.stringify({ level: 'error', message: 'inbound source names an env secret its tenant may not use; refusing', sourceId: source.id }));
    throw unverified();
  }
  const secrets = await sourceSecrets(env, source, now);
  if (secrets.length === 0) {
    console.error(JSON.stringify({ level: 'error', message: 'inbound source has no secret configured; refusing', sourceId: source.id }));
    throw unverified();
  }
  return { source, secrets };
}

export async function acceptInbound(c: Context<AppEnv>, sourceOrNull: SourceRow | null, format: InboundFormat): Promise<InboundAck> {
  const env = c.env;
  const denied = unverified();
  const now = Date.now();
  const { source, secrets } = await sourceSecretOrRefuse(env, sourceOrNull, now);
  const body = new Uint8Array(await c.req.arrayBuffer());
  let verdict: Awaited<ReturnType<typeof verifySignature>> = { ok: false, reason: 'no secret' };
  for (const secret of secrets) {
    verdict = await verifySignature(
      source,
      secret,
      body,
      c.req.header(source.signatureHeader) ?? null,
      source.timestampHeader ? (c.req.header(source.timestampHeader) ?? null) : null,
      now,
      source.eventIdHeader ? (c.req.header(source.eventIdHeader) ?? null) : null,
    );
    if (verdict.ok) break;
  }
  if (!verdict.ok) {
    // The same answer as an unknown source: the reason goes to the log, not to the caller.
    console.warn(JSON.stringify({ level: 'warn', message: 'inbound signature refused', sourceId: source.id, reason: verdict.reason }));
    throw denied;
  }

  // Only signed values decide what is a replay (see dedupe.ts): an unsigned event id is ignored.
  const key = dedupeKey(source, {
    bodyHash: await sha256Hex(body),
    signedAt: source.timestampHeader ? (c.req.header(source.timestampHeader) ?? null) : null,
    eventId: source.eventIdHeader ? (c.req.header(source.eventIdHeader) ?? null) : null,
  });
  const { lookBackMs } = dedupeWindow(source, c.get('options').inbound.dedupeWindowSeconds);
  const seen = await env.DB.prepare('SELECT job_id FROM inbound_receipts WHERE source_id = ?1 AND dedupe_key = ?2 AND received_at > ?3')
    .bind(source.id, key, now - lookBackMs)
    .first<{ job_id: string }>();
  if (seen) {
    const job = await env.DB.prepare('SELECT status FROM jobs WHERE id = ?1').bind(seen.job_id).first<{ status: string }>();
    return { jobId: seen.job_id, status: job?.status ?? 'pending', duplicate: true };
  }

  const parsed = parseJsonWithin(new TextDecoder().decode(body));
  if (!parsed.ok) {
    throw parsed.reason === 'depth'
      ? new ApiError('bad_request', `The body nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`)
      : new ApiError('bad_request', `The body is not valid JSON: ${parsed.message}`);
  }
  const payload = parsed.value;
  const tenant = await env.DB.prepare('SELECT id, name, default_currency, default_locale FROM tenants WHERE id = ?1')
    .bind(source.tenantId)
    .first<{ id: string; name: string; default_currency: string; default_locale: string }>();
  if (!tenant) throw denied;
  const ctx = {
    db: env.DB,
    bucket: env.IMAGES,
    tenant: { id: tenant.id, name: tenant.name, defaultCurrency: tenant.default_currency, defaultLocale: tenant.default_locale },
    options: c.get('options'),
    imageUrl: async () => null,
    waitUntil: (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise),
    queues: env,
  };
  const accepted = await format.accept(ctx, payload);
  if (!accepted.ok) throw new ApiError('validation_failed', 'The pushed products are not valid', accepted.errors);

  // Durable before acknowledged: payload in R2, then job and receipt in one D1 batch.
  const jobId = newId('job', now);
  await env.IMAGES.put(inboundPayloadKey(tenant.id, jobId), JSON.stringify({ format: source.format, stored: accepted.stored }), {
    httpMetadata: { contentType: 'application/json' },
  });
  await env.DB.batch([
    acceptJobStatement(env.DB, { id: jobId, tenantId: tenant.id, kind: 'inbound', total: accepted.count, started: false }, now),
    env.DB.prepare(
      `INSERT INTO inbound_receipts (source_id, dedupe_key, job_id, received_at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (source_id, dedupe_key) DO UPDATE SET job_id = excluded.job_id, received_at = excluded.received_at`,
    ).bind(source.id, key, jobId, now),
  ]);
  c.executionCtx.waitUntil(
    env.INBOUND_QUEUE.send(stampRoute(env, { kind: 'inbound', tenantId: tenant.id, jobId })).catch((err) => {
      console.warn(JSON.stringify({ level: 'warn', message: 'inbound wake-up not sent; the cron will catch up', jobId, error: String(err) }));
    }),
  );
  return { jobId, status: 'pending', duplicate: false };
}
