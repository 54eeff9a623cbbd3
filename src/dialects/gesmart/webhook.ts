/**
 * `POST /api/webhooks/gesmart/products`: the seed's single-tenant ERP webhook. The seed configures
 * it with one environment variable (`GESMART_WEBHOOK_SECRET`); Shelfsync adds `GESMART_TENANT` (a
 * tenant id or alias) to say whose catalog it writes. The request then goes through the ordinary
 * inbound path as a source built from that configuration: HMAC-SHA256 of the raw body with the
 * secret's UTF-8 bytes, base64 in `x-gesmart-signature` (the seed's openssl recipe), verified before
 * anything is parsed; the same body again within the dedupe window (600 s) answers the first syncId; the push is validated, stored,
 * acknowledged and applied from the queue with the `gesmart` format.
 *
 * Deployments with several ERPs create one inbound source per tenant instead
 * (`POST /v1/inbound-sources` with `format: "gesmart"`) and point each ERP at `/v1/inbound/{sourceId}`.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { ApiError } from '../../http/problem';
import { acceptInbound, sourceSecretOrRefuse } from '../../inbound/receive';
import type { SourceRow } from '../../inbound/sources.repository';
import { checkProduct, validationError } from './validate';
import { parseJsonStrict } from '../../lib/json-depth';

/**
 * A fixed id per tenant: receipts (replay detection) are kept per source, so the same push sent to
 * another tenant after GESMART_TENANT changed is not mistaken for a replay.
 */
export const ENV_SOURCE_ID = 'src_gesmart_env';

async function tenantNamed(db: D1Database, name: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT id FROM tenants WHERE id = ?1 UNION ALL SELECT tenant_id AS id FROM tenant_aliases WHERE alias = ?1 LIMIT 1')
    .bind(name)
    .first<{ id: string }>();
  return row?.id ?? null;
}

/** The source GESMART_WEBHOOK_SECRET and GESMART_TENANT describe; null (refused as unsigned) if incomplete. */
export async function envSource(c: Context<AppEnv>): Promise<SourceRow | null> {
  const name = c.env.GESMART_TENANT?.trim();
  const tenantId = name ? await tenantNamed(c.env.DB, name) : null;
  if (!tenantId) {
    console.error(JSON.stringify({ level: 'error', dialect: 'gesmart', message: name ? `GESMART_TENANT "${name}" names no tenant` : 'GESMART_TENANT is not set; the GeSmart webhook refuses every push' }));
    return null;
  }
  return {
    id: `${ENV_SOURCE_ID}:${tenantId}`,
    tenantId,
    name: 'GeSmart ERP webhook (GESMART_WEBHOOK_SECRET, GESMART_TENANT)',
    secret: null,
    previousSecret: null,
    previousSecretExpiresAt: null,
    secretEnv: 'GESMART_WEBHOOK_SECRET',
    secretEncoding: 'utf8',
    signatureHeader: 'x-gesmart-signature',
    signatureEncoding: 'base64',
    signaturePrefix: '',
    signedPayload: '{body}',
    timestampHeader: null,
    toleranceSeconds: 300,
    eventIdHeader: null,
    format: 'gesmart',
    createdAt: 0,
    updatedAt: 0,
  };
}

async function bodyJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return parseJsonStrict(await c.req.text());
  } catch {
    return undefined;
  }
}

/** Refuses (401, GeSmart's words) before any byte of the body is read when no usable source is configured. */
export async function assertWebhookSource(c: Context<AppEnv>, source: SourceRow | null): Promise<void> {
  try {
    await sourceSecretOrRefuse(c.env, source);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unauthorized') throw new ApiError('unauthorized', 'Invalid webhook signature', undefined, err.headers);
    throw err;
  }
}

export async function receiveWebhook(c: Context<AppEnv>, source: SourceRow | null): Promise<{ syncId: string; reference: string }> {
  let ack;
  try {
    ack = await acceptInbound(c, source);
  } catch (err) {
    // Only reached once the signature verified: the body may now be read to tell 400 from 422.
    if (err instanceof ApiError && err.code === 'validation_failed' && source) {
      const checked = checkProduct(await bodyJson(c), (await tenantCurrency(c.env.DB, source.tenantId)) ?? 'USD');
      throw validationError(checked.ok ? 422 : checked.status, err.errors ?? []);
    }
    if (err instanceof ApiError && err.code === 'unauthorized') throw new ApiError('unauthorized', 'Invalid webhook signature', undefined, err.headers);
    throw err;
  }
  const payload = (await bodyJson(c)) as { reference?: unknown } | undefined;
  return { syncId: ack.jobId, reference: typeof payload?.reference === 'string' ? payload.reference : '' };
}

async function tenantCurrency(db: D1Database, tenantId: string): Promise<string | null> {
  const row = await db.prepare('SELECT default_currency FROM tenants WHERE id = ?1').bind(tenantId).first<{ default_currency: string }>();
  return row?.default_currency ?? null;
}
