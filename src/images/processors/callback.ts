/**
 * POST /v1/processor-callbacks/{tenantId}/{name}: a pipeline service that accepted a job reports its result,
 * signed with the processor's secret in the Standard Webhooks scheme (the same headers Shelfsync
 * sends). The result is recorded once per (tenant, sha256, processor, configuration); every image
 * waiting on it goes back in line, and the ingest consumer finishes them from the recorded result.
 */
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { ApiError } from '../../http/problem';
import { verifyStandardSignature } from '../../lib/signing';
import { REQUEUE_AFTER_CALLBACK } from '../processing-status.queries';
import { wakeIngest } from '../wake';
import { openProcessorSecrets, type StoredProcessorSecrets } from './processor-secrets';
import { hashConfig } from './processor';
import { parseJsonStrict } from '../../lib/json-depth';

export const CallbackBody = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    status: z.enum(['done', 'error']),
    error: z.string().max(2000).optional(),
  })
  .catchall(z.unknown())
  .openapi('ProcessorCallback');

export async function receiveProcessorCallback(c: Context<AppEnv>, name: string, tenantId: string): Promise<Response> {
  const raw = await c.req.text();
  const row = await c.env.DB.prepare('SELECT url, secret, previous_secret, previous_secret_expires_at, config FROM processors WHERE tenant_id = ?1 AND name = ?2')
    .bind(tenantId, name)
    .first<{ url: string; config: string } & StoredProcessorSecrets>();
  const challenge = { 'WWW-Authenticate': 'HMAC realm="shelfsync-processor"' };
  const secrets = row ? await openProcessorSecrets(c.env, tenantId, name, row, Date.now()) : [];
  if (!row || !(await verifyStandardSignature(secrets, raw, c.req.raw.headers))) {
    throw new ApiError('unauthorized', 'The callback signature could not be verified', undefined, challenge);
  }
  let parsed: z.infer<typeof CallbackBody>;
  try {
    const result = CallbackBody.safeParse(parseJsonStrict(raw));
    if (!result.success) throw new ApiError('validation_failed', 'The callback is not valid', result.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })));
    parsed = result.data;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('bad_request', 'The callback body is not valid JSON');
  }
  const configHash = await hashConfig({ url: row.url, config: JSON.parse(row.config) });
  const now = Date.now();
  const { sha256, status, error, ...rest } = parsed;
  const [, waiting] = await c.env.DB.batch([
    c.env.DB.prepare(
      `INSERT INTO processor_results (tenant_id, sha256, processor, config_hash, status, result, error, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
       ON CONFLICT (tenant_id, sha256, processor, config_hash) DO UPDATE SET status = excluded.status, result = excluded.result, error = excluded.error, updated_at = excluded.updated_at`,
    ).bind(tenantId, sha256, name, configHash, status, status === 'done' ? JSON.stringify({ status, ...rest }) : null, status === 'error' ? (error ?? `The ${name} service failed`) : null, now),
    c.env.DB.prepare(REQUEUE_AFTER_CALLBACK).bind(tenantId, sha256, now),
  ]);
  const products = [...new Set((waiting!.results as Array<{ product_id: string }>).map((r) => r.product_id))];
  c.executionCtx.waitUntil(wakeIngest(c.env, tenantId, products));
  return c.json({ received: true, images: (waiting!.results as unknown[]).length }, 200);
}
