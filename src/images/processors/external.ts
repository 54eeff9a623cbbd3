/**
 * Pipelines run by external services (try-on, localization, ...). Shelfsync POSTs a job signed with
 * the same scheme as outgoing webhooks (Standard Webhooks headers, the processor's secret) through
 * the outbound guard; the service answers with its result (`{"status": "done", "url"?, ...}`) or an
 * error text (`{"status": "error", "error": "Human body is not recognized"}`), which lands on the
 * image; or it accepts (202) and later POSTs the same shape, signed with the same secret, to
 * `callbackUrl` (processors/callback.ts). 5xx, 429 and timeouts are transient: retried with backoff.
 */
import type { Env } from '../../env';
import { newId } from '../../lib/ulid';
import { guardedFetch } from '../../outbound/guarded-fetch';
import { policyFromEnv } from '../../outbound/policy';
import { SecretsUnavailable } from '../../secrets/keyring';
import { signedHeaders } from '../../lib/signing';
import { processingImageUrl, urlBase } from '../image-url';
import { openProcessorSecrets, type StoredProcessorSecrets } from './processor-secrets';
import { hashConfig, type Processor } from './processor';
import { findProcessor } from './processors.repository';

export interface PipelineService {
  tenantId: string;
  name: string;
  url: string;
  /** As stored (sealed); opened only when a job is signed. */
  secrets: StoredProcessorSecrets;
  config: Record<string, unknown>;
  configHash: string;
}

export async function findPipelineService(db: D1Database, tenantId: string, name: string): Promise<PipelineService | null> {
  const row = await findProcessor(db, tenantId, name);
  if (!row) return null;
  const config = JSON.parse(row.config) as Record<string, unknown>;
  return { tenantId, name: row.name, url: row.url, secrets: row, config, configHash: await hashConfig({ url: row.url, config }) };
}

const TIMEOUT_MS = 30_000;

export function externalProcessor(service: PipelineService): Processor {
  return {
    name: service.name,
    configHash: service.configHash,
    async run(ctx) {
      const env: Env = ctx.env;
      const imageUrl = await processingImageUrl(env, urlBase(env), { id: ctx.imageId, sha256: ctx.sha256 });
      const body = JSON.stringify({
        type: 'image.process',
        pipeline: service.name,
        imageId: ctx.imageId,
        sha256: ctx.sha256,
        imageUrl,
        format: ctx.probe.format,
        width: ctx.probe.width,
        height: ctx.probe.height,
        config: service.config,
        callbackUrl: `${urlBase(env)}/v1/processor-callbacks/${ctx.tenantId}/${encodeURIComponent(service.name)}`,
      });
      let secrets: string[];
      try {
        secrets = await openProcessorSecrets(env, service.tenantId, service.name, service.secrets, Date.now());
      } catch (err) {
        if (!(err instanceof SecretsUnavailable)) throw err;
        // The operator's keyring, not the image: retried with backoff until the key is back.
        return { ok: false, error: `The ${service.name} job cannot be signed right now`, transient: true };
      }
      const headers = { 'content-type': 'application/json', ...(await signedHeaders(secrets, newId('evt'), body)) };
      const result = await guardedFetch(service.url, {
        policy: policyFromEnv(env),
        timeoutMs: TIMEOUT_MS,
        maxBytes: 256 * 1024,
        maxRedirects: 0,
        requireHttps: true,
        // Targets saved before the port rule keep their port until the tenant edits them.
        storedTarget: true,
        init: { method: 'POST', headers, body },
      });
      if (!result.ok) return { ok: false, error: `The ${service.name} service could not be reached: ${result.message}`, transient: result.kind === 'timeout' || result.kind === 'network' };
      if (result.status >= 500 || result.status === 429) return { ok: false, error: `The ${service.name} service answered ${result.status}`, transient: true };
      if (result.status === 202) return { ok: 'waiting' };
      let answer: Record<string, unknown>;
      try {
        answer = JSON.parse(new TextDecoder().decode(result.body)) as Record<string, unknown>;
      } catch {
        return { ok: false, error: `The ${service.name} service answered something that is not JSON`, transient: false };
      }
      if (result.status >= 400 || answer.status === 'error') {
        return { ok: false, error: typeof answer.error === 'string' ? answer.error.slice(0, 500) : `The ${service.name} service refused the image`, transient: false };
      }
      return { ok: true, result: { status: 'done', ...answer } };
    },
  };
}
