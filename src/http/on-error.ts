/**
 * The last word on every failure of a mounted app: ApiError renders as itself; hono's own
 * HTTPExceptions (malformed JSON from the validator, which throws before any hook) are mapped onto
 * the closed code set; a binding's failure is a 413 or a 503 (binding-errors.ts); anything else is
 * a 500 that names nothing internal. Every 5xx is logged with the request id so an operator can find it.
 */
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { fromBindingError } from './binding-errors';
import { ApiError, problemBody } from './problem';
import { fromFencedWrite } from './tenant-moving';

export function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  const moving = fromFencedWrite(err);
  if (moving) return moving;
  if (err instanceof HTTPException) {
    if (err.status === 400) return new ApiError('bad_request', 'The request body is not valid JSON');
    if (err.status === 413) return new ApiError('payload_too_large', 'The request body is too large');
    if (err.status === 415) return new ApiError('unsupported_media_type', 'This content type is not accepted here');
    if (err.status === 401) return new ApiError('unauthorized', 'Authentication required');
    if (err.status === 404) return new ApiError('not_found', 'Not found');
  }
  return fromBindingError(err);
}

/** Renders through the context so headers set earlier (request id, rate-limit policy) survive. */
export function renderProblem(c: Context<AppEnv>, error: ApiError): Response {
  const requestId = c.get('requestId') ?? crypto.randomUUID();
  const headers: Record<string, string> = { ...error.headers, 'content-type': 'application/problem+json' };
  return c.body(JSON.stringify(problemBody(error, requestId)), error.status as 400, headers);
}

/** An operator's record of a 5xx: the request id the client got, and the error with its stack. */
export function logFailure(c: Context<AppEnv>, err: unknown, extra: Record<string, string> = {}): void {
  console.error(JSON.stringify({ level: 'error', ...extra, requestId: c.get('requestId'), message: 'request failed', error: String((err as Error)?.stack ?? err) }));
}

export function onError(): ErrorHandler<AppEnv> {
  return function handleError(err, c) {
    const known = toApiError(err);
    if (known) {
      // A tenant mid-move is expected and brief: the access log's 503 records it, no stack needed.
      if (known.status >= 500 && known.code !== 'tenant_moving') logFailure(c, err);
      return renderProblem(c, known);
    }
    logFailure(c, err);
    return renderProblem(c, new ApiError('internal_error', 'Something went wrong on our side; the request id identifies it'));
  };
}
