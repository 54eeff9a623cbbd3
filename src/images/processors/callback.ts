/**
 * POST /v1/processor-callbacks/{tenantId}/{name}: a pipeline service that accepted a job reports its result,
 * signed with the processor's secret in the Standard Webhooks scheme (the same headers Shelfsync
 * sends). The result is recorded once per (tenant, sha256, processor, configuration); every image
 * waiting on it goes back in line, and the ingest consumer finishes them from the recorded result.
 */
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { routeTenant } from '../../auth/route-tenant';
import type { AppEnv } from '../../env';
import { ApiError } from '../../http/problem';
import { verifyStandardSignature } from '../../lib/signing';
import { wakeIngest } from '../wake';
import { openProcessorSecrets } from './processor-secrets';
import { findProcessor, saveCallback } from './processors.repository';
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
  // The path names the tenant: its shard holds the processor (an unknown tenant finds none there: 401).
  await routeTenant(c, tenantId, 'first-primary');
  const row = await findProcessor(c.env.DB, tenantId, name);
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
  const waiting = await saveCallback(
    c.env.DB,
    { tenantId, sha256, processor: name, configHash },
    { status, result: status === 'done' ? JSON.stringify({ status, ...rest }) : null, error: status === 'error' ? (error ?? `The ${name} service failed`) : null },
    now,
  );
  const products = [...new Set(waiting)];
  c.executionCtx.waitUntil(wakeIngest(c.env, tenantId, products));
  return c.json({ received: true, images: waiting.length }, 200);
}
