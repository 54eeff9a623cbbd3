/**
 * `Idempotency-Key` for POST/PUT/PATCH, scoped to (tenant, method, route, key): the first response is
 * stored for 24 h and replayed (`Idempotent-Replayed: true`); the same key with another body is 422;
 * a duplicate while the first still runs is 409. The in-flight hold is a ~60 s lease, so a request
 * that crashed does not block its key for a day. 5xx answers are not stored: the key is released so
 * the client's retry can succeed. An answer marked `Cache-Control: no-store` (one that shows a
 * secret, secrets/no-store.ts) is not stored either: the key keeps a 409 `secret_already_shown`
 * problem in its place, so a replay neither repeats the write nor shows the secret a second time.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { idempotencyHashHead, streamedBodyHash } from '../http/body';
import { ApiError, problemBody } from '../http/problem';
import { toHex } from '../lib/crypto';
import { isNoStore, NO_STORE } from '../secrets/no-store';
import { CLAIM_KEY, READ_KEY, RELEASE_KEY, STORE_RESPONSE } from './idempotency.queries';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag', 'job-id'];
const WITHHELD_STATUS = 409;

/**
 * For a route whose body the JSON reader did not stream (it hashes on the way): the same hash, over
 * the bytes read once through HonoRequest (cached, so the handler still sees them).
 */
async function hashRequest(c: Context<AppEnv>): Promise<string> {
  const digest = new crypto.DigestStream('SHA-256');
  const writer = digest.getWriter();
  await writer.write(idempotencyHashHead(c));
  await writer.write(await c.req.arrayBuffer());
  await writer.close();
  return toHex(await digest.digest);
}

/**
 * The scope of keys sent with ADMIN_TOKEN: admin routes have no tenant. Tenant ids are `ten_<ulid>`,
 * so this never equals one, and a tenant's keys never meet the operator's.
 */
export const OPERATOR_SCOPE = 'operator';

/** `scope: 'operator'` for admin routes (no tenant in context); by default a tenant's own keys. */
export function idempotency(options: { scope?: typeof OPERATOR_SCOPE } = {}): MiddlewareHandler<AppEnv> {
  return async function idempotencyMiddleware(c, next) {
    const key = c.req.header('idempotency-key');
    const method = c.req.method;
    if (key === undefined || !(method === 'POST' || method === 'PUT' || method === 'PATCH')) return next();
    // Multipart uploads are streamed, never held whole, so they cannot be hashed here; their route
    // refuses the header instead.
    if (/^multipart\//i.test(c.req.header('content-type') ?? '')) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new ApiError('validation_failed', 'Invalid Idempotency-Key', [
        { path: 'header.idempotency-key', message: 'Must be 1-255 visible ASCII characters' },
      ]);
    }

    const db = c.env.DB;
    const { ttlSeconds, leaseSeconds } = c.get('options').idempotency;
    const tenantId = options.scope ?? c.get('tenant').id;
    const route = c.req.path;
    const requestHash = streamedBodyHash(c) ?? (await hashRequest(c));
    const scope = [tenantId, method, route, key, requestHash] as const;
    const now = Date.now();

    const claimed = await db.prepare(CLAIM_KEY).bind(...scope, now + leaseSeconds * 1000, now, now + ttlSeconds * 1000).first();
    if (!claimed) {
      const row = await db.prepare(READ_KEY).bind(tenantId, method, route, key).first<{
        request_hash: string;
        status_code: number | null;
        headers: string | null;
        body: string | null;
      }>();
      if (!row) throw new ApiError('idempotency_in_progress', 'Retry this request: its idempotency key changed hands', undefined, { 'Retry-After': '1' });
      if (row.request_hash !== requestHash) {
        throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was used with a different request body or route');
      }
      if (row.status_code === null) {
        throw new ApiError('idempotency_in_progress', 'The first request with this Idempotency-Key is still running', undefined, {
          'Retry-After': String(leaseSeconds),
        });
      }
      if (row.status_code === WITHHELD_STATUS && row.body?.includes('"secret_already_shown"')) {
        // Rendered for this request (its own request id), never from the first request's answer.
        const detail = (JSON.parse(row.body) as { detail: string }).detail;
        throw new ApiError('secret_already_shown', detail, undefined, { 'Idempotent-Replayed': 'true', 'Cache-Control': NO_STORE });
      }
      const headers = new Headers(JSON.parse(row.headers ?? '{}') as Record<string, string>);
      headers.set('Idempotent-Replayed', 'true');
      const replayHeaders = Object.fromEntries(headers);
      if (row.status_code === 204 || row.status_code === 304) return c.body(null, row.status_code, replayHeaders);
      return c.body(row.body ?? '', row.status_code as 200, replayHeaders);
    }

    try {
      await next();
    } catch (err) {
      await db.prepare(RELEASE_KEY).bind(...scope).run();
      throw err;
    }
    const res = c.res;
    if (res.status >= 500) {
      await db.prepare(RELEASE_KEY).bind(...scope).run();
      return;
    }
    if (isNoStore(res)) {
      const shown = withheldAnswer(res.status, c.get('requestId'));
      await db.prepare(STORE_RESPONSE).bind(...scope, shown.status, JSON.stringify(shown.headers), shown.body).run();
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = res.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const text = await res.clone().text();
    await db.prepare(STORE_RESPONSE).bind(...scope, res.status, JSON.stringify(headers), text).run();
  };
}

/** What a replay of a secret-showing answer gets instead of the answer: never the secret again. */
function withheldAnswer(status: number, requestId: string) {
  const error = new ApiError(
    'secret_already_shown',
    `The first request with this Idempotency-Key succeeded (${status}) and its answer showed a secret, which is shown once and never stored. ` +
      'The write is not repeated; if that answer was lost, rotate the secret (POST .../rotate-secret).',
  );
  return {
    status: error.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': NO_STORE },
    body: JSON.stringify(problemBody(error, requestId)),
  };
}
