/**
 * The Sizebay "AI Image Service" dialect (seed 001) under /compat/sizebay: `POST /products` (202,
 * processed asynchronously, a `{productId, status, message?}` callback afterwards) and `PATCH
 * /products` (titles, availability and prices, merged per locale and currency). Authenticated by
 * `x-api-key`; the body's `tenantId` must be one of the key's tenant aliases. Errors are Sizebay's
 * `{message, errors?: [{field, message}]}`, fields named as the client sent them.
 *
 * Order of checks: key (401) -> JSON (400) -> tenantId (403, before any other field is judged, so a
 * foreign tenant learns nothing) -> Sizebay shape (400) -> canonical rules (400) -> write.
 */
import { z } from '@hono/zod-openapi';
import { type Context, Hono } from 'hono';
import { catalog } from '../../catalog/catalog-context';
import type { AppEnv } from '../../env';
import { limitBodyTo, requireJson } from '../../http/body';
import { ApiError, type FieldError, fieldErrorsFromZod } from '../../http/problem';
import { examples } from './examples';
import { createDialectApp } from '../shared/dialect-app';
import { dialectKeyAuth, tenantOwnsAlias } from '../shared/dialect-auth';
import { controlDb } from '../../placement/tenant-env';
import { type MergeResult, mergeWrite } from '../shared/merge-write';
import { type Mapped, mapCreate, mapUpdate, toSizebayErrors, unwrapFlatPricing, withCurrency } from './mapping';
import { CallbackBody, CreateProductBody, createProductRoute, UpdateProductBody, updateProductRoute } from './schemas';

/** Sizebay documents 400 for every request it cannot use; other statuses keep their HTTP meaning. */
const AS_400 = new Set(['validation_failed', 'bad_request', 'unsupported_media_type']);

const MESSAGES: Partial<Record<string, string>> = {
  validation_failed: 'Invalid or missing fields',
  not_found: 'Product not found',
  internal_error: 'Internal server error',
};

/** The body requireJson() read (depth-checked, long money numbers kept as their text). */
async function readJson(c: Context<AppEnv>): Promise<unknown> {
  return c.req.json();
}

/** 403 when a readable tenantId names no alias of the key's tenant (another's and an unknown one alike). */
async function assertTenant(c: Context<AppEnv>, body: unknown): Promise<void> {
  const raw = body !== null && typeof body === 'object' ? (body as { tenantId?: unknown }).tenantId : undefined;
  if (typeof raw !== 'number' && typeof raw !== 'string') return;
  const alias = String(raw).trim();
  if (!alias) return;
  if (!(await tenantOwnsAlias(controlDb(c.env), c.get('tenant').id, alias))) {
    throw new ApiError('forbidden', 'tenantId does not match this API key');
  }
}

/** Parses a body with a Sizebay schema; a single currency-less price is read in the tenant's currency. */
async function parse<T extends z.ZodType>(c: Context<AppEnv>, schema: T, at: 'productItem' | 'root'): Promise<{ data: z.infer<T>; flat: boolean }> {
  const body = await readJson(c);
  await assertTenant(c, body);
  const currency = c.get('tenant').defaultCurrency;
  const { body: wrapped, flat } = withCurrency(body, at, currency);
  const parsed = schema.safeParse(wrapped);
  if (!parsed.success) {
    let errors: FieldError[] = fieldErrorsFromZod(parsed.error);
    if (flat) errors = unwrapFlatPricing(errors, at === 'productItem' ? ['productItem'] : [], currency);
    throw new ApiError('validation_failed', 'Invalid or missing fields', errors);
  }
  return { data: parsed.data, flat };
}

/**
 * `roundPerItem` (POST): every accepted POST opens its own processing round and so ends in exactly
 * one callback, also when it changed nothing or left no image to process; a client that waits for a
 * callback after each POST never hangs. PATCH (titles, availability, prices) starts no image work
 * and sends none, as the seed describes no callback for it.
 */
async function write(c: Context<AppEnv>, mapped: Mapped, kind: string, roundPerItem: boolean): Promise<MergeResult & { jobId: string }> {
  const result = await mergeWrite(catalog(c), [mapped.item], { dialect: 'sizebay', kind, allOrNothing: true, roundPerItem });
  const failure = result.failures[0];
  if (failure) {
    if (failure.code === 'not_found') throw new ApiError('not_found', 'Product not found');
    throw new ApiError('validation_failed', 'Invalid or missing fields', toSizebayErrors(failure.errors, mapped.fields));
  }
  if (!result.jobId) throw new Error('merge write returned no job');
  c.header('Job-Id', result.jobId);
  return { ...result, jobId: result.jobId };
}

export function sizebayApp() {
  const { app, finish } = createDialectApp({
    examples,
    name: 'sizebay',
    title: 'Sizebay AI Image Service (Shelfsync compatibility API)',
    description:
      'The Sizebay product integration API served by Shelfsync: change only the base URL. Authenticate with `x-api-key`; ' +
      '`tenantId` must be one of the tenant\'s aliases. Processing results are POSTed `{productId, status, message?}` to the ' +
      'tenant\'s webhook endpoints of format "sizebay" (created with POST /v1/webhooks), with their static Authorization header.',
    renderError: (c, error) => {
      const status = AS_400.has(error.code) ? 400 : error.status;
      const message = (error.code === 'validation_failed' || error.code === 'not_found' ? MESSAGES[error.code] : undefined) ?? error.message;
      const body = status === 400 ? { message, errors: error.errors.map((e) => ({ field: e.path || 'body', message: e.message })) } : { message };
      return c.json(body, status as 400);
    },
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'ApiKey', { type: 'apiKey', in: 'header', name: 'x-api-key' });
  app.openAPIRegistry.registerWebhook({
    method: 'post',
    path: 'sizebay-callback',
    summary: 'Processing finished',
    description:
      'Sent once per processing round to each webhook endpoint of format "sizebay", with the endpoint\'s static headers ' +
      '(e.g. Authorization). `error` when any image of the product failed; `message` is the first image error.',
    request: { body: { content: { 'application/json': { schema: CallbackBody } } } },
    responses: { 200: { description: 'Any 2xx acknowledges; anything else is retried with backoff' } },
  });

  const guards = [dialectKeyAuth(['x-api-key']), limitBodyTo('single'), requireJson()] as const;

  // Routed by hand, documented from the same schemas: the tenantId check (403) must come before
  // field validation (400), and a currency-less price needs the tenant before parsing.
  app.openAPIRegistry.registerPath(createProductRoute);
  app.post('/products', ...guards, async (c) => {
    const { data, flat } = await parse(c, CreateProductBody, 'productItem');
    const mapped = mapCreate(data, flat);
    const result = await write(c, mapped, 'sizebay.products.create', true);
    return c.json({ productId: mapped.item.id, jobId: result.jobId, status: 'accepted' as const }, 202);
  });

  app.openAPIRegistry.registerPath(updateProductRoute);
  app.patch('/products', ...guards, async (c) => {
    const { data, flat } = await parse(c, UpdateProductBody, 'root');
    const mapped = mapUpdate(data, flat);
    const result = await write(c, mapped, 'sizebay.products.update', false);
    return c.json({ productId: mapped.item.id, jobId: result.jobId, status: 'updated' as const }, 200);
  });

  // A plain Hono around the dialect: OpenAPIHono.route() would copy this app's OpenAPI registry into
  // the canonical document (/openapi.json documents /v1 only); this one is served at ./openapi.json.
  return new Hono<AppEnv>().route('/', finish());
}
