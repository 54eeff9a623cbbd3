/**
 * The contract of each dialect's document (/compat/{name}/openapi.json): every operation's documented
 * example, sent in order against the app, is accepted and answered as its schema says (runner:
 * docs.contract-runner.ts). One tenant owns them all, with the aliases the examples name.
 */
import { env } from 'cloudflare:test';
import { ADMIN_TOKEN, ORIGIN, defineContract, type State } from './docs.contract-runner';

let tenant: Promise<State> | undefined;
/** One tenant for every dialect (aliases are unique): created by the first suite, shared after. */
async function createTenant(send: (request: Request) => Promise<Response>): Promise<State> {
  tenant ??= newTenant(send);
  return { ...(await tenant) };
}

async function newTenant(send: (request: Request) => Promise<Response>): Promise<State> {
  const res = await send(
    new Request(`${ORIGIN}/v1/admin/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      // brand_123: Genera's brandId; 1234: Sizebay's tenantId; gesmart-erp: GESMART_TENANT in tests.
      body: JSON.stringify({ name: 'Acme', aliases: ['brand_123', '1234', 'gesmart-erp'], defaultCurrency: 'USD', defaultLocale: 'en-US' }),
    }),
  );
  if (res.status !== 201) throw new Error(`tenant: ${res.status} ${await res.text()}`);
  return { tenantKey: ((await res.json()) as { apiKey: { key: string } }).apiKey.key };
}

const bearer = (headers: Headers, state: State) => headers.set('authorization', `Bearer ${state.tenantKey}`);

defineContract({
  title: 'the contract of /compat/genera/openapi.json',
  docPath: '/compat/genera/openapi.json',
  order: [
    'POST /v1/{brandId}/catalog/sync',
    'GET /v1/{brandId}/catalog/sync/{productId}',
    'POST /v1/{brandId}/webhook',
    'GET /v1/{brandId}/webhook',
    'DELETE /v1/{brandId}/webhook/{webhookId}',
  ],
  setup: createTenant,
  authorize: (_key, _op, { headers }, state) => bearer(headers, state),
});

defineContract({
  title: 'the contract of /compat/sizebay/openapi.json',
  docPath: '/compat/sizebay/openapi.json',
  order: ['POST /products', 'PATCH /products'],
  setup: createTenant,
  authorize: (_key, _op, { headers }, state) => headers.set('x-api-key', state.tenantKey!),
});

defineContract({
  title: 'the contract of /compat/gesmart/openapi.json',
  docPath: '/compat/gesmart/openapi.json',
  order: [
    'POST /api/auth/login',
    'POST /api/products/sync',
    'GET /api/products/sync',
    'POST /api/products/sync/batch',
    'POST /api/webhooks/gesmart/products',
    'DELETE /api/products/sync',
  ],
  setup: createTenant,
  async authorize(key, _op, request, state) {
    // The login example's `ssk_...` stands for the tenant's key; the webhook is signed with the
    // deployment's GESMART_WEBHOOK_SECRET, a value no document holds: the test completes both.
    if (key === 'POST /api/auth/login') request.body = JSON.stringify({ apiKey: state.tenantKey });
    else if (key === 'POST /api/webhooks/gesmart/products') request.headers.set('x-gesmart-signature', await hmacBase64(env.GESMART_WEBHOOK_SECRET!, request.body ?? ''));
    else request.headers.set('authorization', `Bearer ${state.jwt}`);
  },
  remember(key, answer, state) {
    if (key === 'POST /api/auth/login') state.jwt = answer.data.token;
  },
});

defineContract({
  title: 'the contract of /compat/tryon/openapi.json',
  docPath: '/compat/tryon/openapi.json',
  order: ['POST /products', 'GET /products', 'GET /products/{externalId}'],
  setup: createTenant,
  authorize: (_key, _op, { headers }, state) => bearer(headers, state),
});

defineContract({
  title: 'the contract of /compat/robosize/openapi.json',
  docPath: '/compat/robosize/openapi.json',
  order: ['POST /api/v1/product/', 'GET /api/v1/product/', 'PATCH /api/v1/product/', 'DELETE /api/v1/product/'],
  setup: createTenant,
  authorize(key, _op, request, state) {
    request.query.set('api_key', state.tenantKey!);
    // The examples' product id 17 stands for the id the create answered (a per-tenant number).
    if (key === 'PATCH /api/v1/product/') request.body = request.body?.replace('"17"', `"${state.robosizeId}"`);
    if (key === 'DELETE /api/v1/product/') request.query.set('hash', state.robosizeId!);
  },
  remember(key, answer, state) {
    if (key === 'POST /api/v1/product/') state.robosizeId = String(answer.id);
  },
});

async function hmacBase64(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body)));
  return btoa(String.fromCharCode(...mac));
}
