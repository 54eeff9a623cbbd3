/**
 * What a failure of a binding (D1, R2, a queue) means for the client, read from the error the
 * runtime throws (bindings throw plain Errors; their messages are the only signal):
 * - an error the size of the client's input provoked in D1 (too many bound parameters, a statement,
 *   string or row too large) is the client's to fix: 413;
 * - anything else from a binding is an outage or overload: 503 with Retry-After, so the client (and
 *   the idempotency layer, which releases the key of a 5xx) retries instead of reporting a bug.
 * Pure: an error in, an ApiError or null (not a binding's) out.
 */
import { ApiError } from './problem';

/** Seconds a client should wait after an outage: long enough for a D1 or R2 blip to pass. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

const INPUT_TOO_LARGE = /too many SQL variables|SQLITE_TOOBIG|string or blob too big|statement too long|too many terms in compound SELECT|Expression tree is too large/i;

const FROM_BINDING = [
  // D1: every error it raises starts D1_ (D1_ERROR, D1_EXEC_ERROR, ...); D1_TYPE_ERROR is our own bad call.
  /^D1_(?!TYPE_ERROR)/,
  // R2: "<operation>: <message> (<code>)".
  /^(?:get|put|head|delete|list|createMultipartUpload|uploadPart|completeMultipartUpload|abortMultipartUpload): .* \(\d+\)$/s,
  // Any binding when the connection behind it drops or its storage resets.
  /^Network connection lost\.?$/,
  /Durable Object reset|storage caused object to be reset|overloaded|internal error; reference = /i,
  // Queues.
  /^Queue (?:send|sendBatch) failed/i,
];

export function fromBindingError(err: unknown): ApiError | null {
  if (!(err instanceof Error) || err instanceof TypeError || err instanceof RangeError || err instanceof SyntaxError) return null;
  const message = err.message;
  if (INPUT_TOO_LARGE.test(message)) {
    return new ApiError('payload_too_large', 'The request is too large to store: send fewer items or shorter values');
  }
  if (FROM_BINDING.some((pattern) => pattern.test(message))) {
    return new ApiError('service_unavailable', 'Storage is briefly unavailable; retry after the time in Retry-After', undefined, {
      'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS),
    });
  }
  return null;
}
