/**
 * Request-body guards for JSON routes: a cap per route family (413 in the envelope, checked against
 * Content-Length up front and counted while reading), the media type (415) so a form post is not
 * parsed as JSON by accident, and ONE read of the body: streamed, hashed on the way for
 * Idempotency-Key (crypto.DigestStream), depth-checked, parsed, and handed to the validator as the
 * parsed value. The request never holds its bytes, its text and its parsed value at once: the old
 * path (arrayBuffer cached for the request + a concatenated copy to hash + the text the validator
 * decoded) held three copies of a 32 MB batch before validation.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env';
import { toHex } from '../lib/crypto';
import { MAX_JSON_DEPTH, parseJsonWithin } from '../lib/json-depth';
import { ApiError } from './problem';

/** The cap that applies to the current request (set by limitBody, read by the JSON reader). */
const caps = new WeakMap<Context, number>();
/** SHA-256 of `${method} ${path}\n` + the raw body, computed while reading when an Idempotency-Key is sent. */
const bodyHashes = new WeakMap<Context, string>();

function tooLarge(maxSize: number): ApiError {
  return new ApiError('payload_too_large', `The request body must be at most ${maxSize} bytes`);
}

export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize);
    },
  });
  return async function limitBodyMiddleware(c, next) {
    caps.set(c, maxSize);
    return limit(c, next);
  };
}

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

function hasBody(c: Context<AppEnv>): boolean {
  const method = c.req.method;
  if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return false;
  const length = c.req.header('content-length');
  return length !== undefined ? length !== '0' : c.req.header('transfer-encoding') !== undefined || c.req.raw.body !== null;
}

/**
 * The request-hash input of an idempotent request: method, path (with its query string, when there
 * is one: `?since=` changes what a recover does), then the raw body bytes.
 */
export function idempotencyHashHead(c: Context<AppEnv>): Uint8Array {
  return new TextEncoder().encode(`${c.req.method} ${c.req.path}${new URL(c.req.url).search}\n`);
}

/** The body hash computed while the JSON reader streamed the body (undefined when it did not run). */
export function streamedBodyHash(c: Context<AppEnv>): string | undefined {
  return bodyHashes.get(c);
}

/** The request's Content-Length when it is a plain decimal number, else null (absent, chunked or malformed). */
function declaredLength(c: Context<AppEnv>): number | null {
  const header = c.req.header('content-length');
  return header !== undefined && /^\d{1,15}$/.test(header) ? Number(header) : null;
}

/** Streams the body once: counts it against the cap, hashes it if asked, decodes it to text. */
async function readText(c: Context<AppEnv>, maxSize: number, hash: boolean): Promise<string> {
  const stream = c.req.raw.body;
  if (!stream) return '';
  // A declared Content-Length within the cap (bodyLimit refused a larger one up front) bounds the body,
  // so nothing needs counting while reading: one native read and one decode. Streaming it chunk by
  // chunk (a read, a decode and an await per chunk, then a join) cost ~5-8 ms more per 1 MB batch of
  // 1,000 products in workerd (CPU profile, bench/cpu-profile.mjs), ~5% of the whole request. The
  // byte count is still checked, in case the header and the body disagree.
  // Not with a Content-Encoding: the declared length would bound the encoded bytes, not what a read
  // may expand to.
  if (!hash && declaredLength(c) !== null && c.req.header('content-encoding') === undefined) {
    const bytes = await c.req.raw.arrayBuffer();
    if (bytes.byteLength > maxSize) throw tooLarge(maxSize);
    return new TextDecoder().decode(bytes);
  }
  const digest = hash ? new crypto.DigestStream('SHA-256') : null;
  const writer = digest?.getWriter();
  if (writer) await writer.write(idempotencyHashHead(c));
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const pieces: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxSize) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxSize);
    }
    pieces.push(decoder.decode(value, { stream: true }));
    if (writer) await writer.write(value);
  }
  pieces.push(decoder.decode());
  if (writer && digest) {
    await writer.close();
    bodyHashes.set(c, toHex(await digest.digest));
  }
  return pieces.join('');
}

/**
 * 415 unless the body is JSON; then reads and parses it (see the file comment) so that the route's
 * validator and `c.req.json()` get the parsed value without reading again. 400 for text that is not
 * JSON or nests deeper than MAX_JSON_DEPTH. `raw: true` checks the media type only, for routes that
 * verify a signature over the exact bytes and read them themselves.
 */
export function requireJson(options: { raw?: boolean; boxed?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async function requireJsonMiddleware(c, next) {
    if (!hasBody(c)) return next();
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new ApiError('unsupported_media_type', 'Send the body as application/json');
    }
    if (options.raw) return next();
    const maxSize = caps.get(c) ?? c.get('options').bodyLimits.single;
    let text: string | null = await readText(c, maxSize, c.req.header('idempotency-key') !== undefined);
    const parsed = parseJsonWithin(text, { boxed: options.boxed ?? false });
    text = null;
    if (!parsed.ok) {
      throw parsed.reason === 'depth'
        ? new ApiError('bad_request', `The request body nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`)
        : new ApiError('bad_request', `The request body is not valid JSON: ${parsed.message}`);
    }
    const value = Promise.resolve(parsed.value);
    // hono's json() re-parses cached text; hand it the value instead (text() would re-serialize it).
    c.req.bodyCache.json = value;
    (c.req as { json: () => Promise<unknown> }).json = () => value;
    await next();
  };
}

/**
 * For routes that take JSON or multipart (or tell other types apart themselves): a JSON body is read
 * as requireJson() reads it; anything else is left to the handler.
 */
export function readJsonIfJson(): MiddlewareHandler<AppEnv> {
  const read = requireJson();
  return async function readJsonIfJsonMiddleware(c, next) {
    if (JSON_TYPE.test(c.req.header('content-type') ?? '')) return read(c, next);
    await next();
  };
}

/** The cap configured for a route family, read from the app's options at request time. */
export function limitBodyTo(family: 'single' | 'batch' | 'admin' | 'upload'): MiddlewareHandler<AppEnv> {
  return async function limitBodyToMiddleware(c, next) {
    return limitBody(c.get('options').bodyLimits[family])(c, next);
  };
}

/**
 * Runs `handler` under a body cap, for routes that must check something first (an inbound source)
 * so that an unknown caller costs no body read: the cap's middleware reads a body sent without
 * Content-Length as soon as it runs.
 */
export async function withBodyLimit(c: Context<AppEnv>, maxSize: number, handler: () => Promise<Response>): Promise<Response> {
  let response: Response | undefined;
  await limitBody(maxSize)(c, async () => {
    response = await handler();
  });
  if (!response) throw new ApiError('payload_too_large', `The request body must be at most ${maxSize} bytes`);
  return response;
}
