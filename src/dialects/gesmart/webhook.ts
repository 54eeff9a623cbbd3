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
import { routeTenant } from '../../auth/route-tenant';
import { tenantById, tenantNamed } from '../../auth/tenant-lookup';
import { controlDb } from '../../placement/tenant-env';
import type { AppEnv } from '../../env';
import { ApiError, type FieldError } from '../../http/problem';
import { acceptInbound, sourceSecretOrRefuse } from '../../inbound/receive';
import type { SourceRow } from '../../inbound/sources.repository';
import { gesmartInboundFormat } from './inbound-format';
import { checkProduct, ean13Warnings, validationError } from './validate';
import { parseJsonStrict } from '../../lib/json-depth';

/**
 * A fixed id per tenant: receipts (replay detection) are kept per source, so the same push sent to
 * another tenant after GESMART_TENANT changed is not mistaken for a replay.
 */
export const ENV_SOURCE_ID = 'src_gesmart_env';

/** The source GESMART_WEBHOOK_SECRET and GESMART_TENANT describe; null (refused as unsigned) if incomplete. */
export async function envSource(c: Context<AppEnv>): Promise<SourceRow | null> {
  const name = c.env.GESMART_TENANT?.trim();
  const tenantId = name ? ((await tenantNamed(controlDb(c.env), name))?.id ?? null) : null;
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
    // The configured tenant's shard from here on (its receipts, jobs and products live there).
    if (source) await routeTenant(c, source.tenantId, 'first-primary');
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unauthorized') throw new ApiError('unauthorized', 'Invalid webhook signature', undefined, err.headers);
    throw err;
  }
}

export async function receiveWebhook(c: Context<AppEnv>, source: SourceRow | null): Promise<{ syncId: string; reference: string; warnings: FieldError[] }> {
  let ack;
  try {
    ack = await acceptInbound(c, source, gesmartInboundFormat);
  } catch (err) {
    // Only reached once the signature verified: the body may now be read to tell 400 from 422.
    if (err instanceof ApiError && err.code === 'validation_failed' && source) {
      const checked = checkProduct(await bodyJson(c), (await tenantById(c.env.DB, source.tenantId))?.defaultCurrency ?? 'USD');
      throw validationError(checked.ok ? 422 : checked.status, err.errors ?? []);
    }
    if (err instanceof ApiError && err.code === 'unauthorized') throw new ApiError('unauthorized', 'Invalid webhook signature', undefined, err.headers);
    throw err;
  }
  const payload = (await bodyJson(c)) as { reference?: unknown; ean13?: unknown } | undefined;
  const warnings = typeof payload?.ean13 === 'string' ? ean13Warnings({ ean13: payload.ean13 }) : [];
  return { syncId: ack.jobId, reference: typeof payload?.reference === 'string' ? payload.reference : '', warnings };
}
