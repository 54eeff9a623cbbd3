/**
 * The one error envelope of /v1: RFC 9457 problem details with a closed set of codes.
 * Handlers throw `ApiError`; `onError` renders it. Nothing else decides a status code for an error.
 */
import { z } from '@hono/zod-openapi';

export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'gone',
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
  'idempotency_key_reused',
  'idempotency_in_progress',
  'rate_limited',
  'internal_error',
  'service_unavailable',
  'secret_already_shown',
  'tenant_moving',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
  secret_already_shown: 409,
  tenant_moving: 503,
};

const titleOf: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Validation failed',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  gone: 'Gone',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  idempotency_key_reused: 'Idempotency key reused with a different request',
  idempotency_in_progress: 'A request with this idempotency key is still in progress',
  rate_limited: 'Too many requests',
  internal_error: 'Internal server error',
  service_unavailable: 'Service unavailable',
  secret_already_shown: 'The secret was shown already',
  tenant_moving: 'The tenant is being moved; retry shortly',
};

export interface FieldError {
  /** JSON Pointer (RFC 6901) into the request body, or a query/header name. */
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.status = statusOf[code];
  }
}

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:shelfsync:problem:validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(errorCodes),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;

export function problemBody(error: ApiError, requestId: string): Problem {
  return {
    type: `urn:shelfsync:problem:${error.code}`,
    title: titleOf[error.code],
    status: error.status,
    detail: error.detail,
    code: error.code,
    requestId,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

/** RFC 6901: `~` and `/` inside a segment are escaped. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  return '/' + path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

/** zod issues -> field errors with JSON Pointer paths, naming unknown keys one by one. */
export function fieldErrorsFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: jsonPointer([...prefix, ...issue.path, key]), message: `Unknown field "${key}"` });
      }
    } else {
      out.push({ path: jsonPointer([...prefix, ...issue.path]), message: issue.message });
    }
  }
  return out;
}
