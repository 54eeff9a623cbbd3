/** Small builders for route definitions, so every route documents its errors the same way. */
import type { z } from '@hono/zod-openapi';
import { ProblemSchema } from './problem';

const descriptions: Record<number, string> = {
  400: 'The body is not parseable',
  401: 'Missing or invalid credentials',
  403: 'Forbidden',
  404: 'Not found (also for another tenant\'s resources)',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'The If-Match version is not the current one',
  413: 'Body too large',
  415: 'Wrong content type',
  416: 'Range not satisfiable',
  422: 'Validation failed; `errors` names each field by JSON Pointer',
  429: 'Rate limited; see Retry-After',
  503: 'Temporarily unavailable; see Retry-After',
};

export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status] ?? 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } };
}

/** The errors every authenticated /v1 route can answer. */
export const authProblems = [401, 429] as const;
export const writeProblems = [400, 401, 409, 413, 415, 422, 429] as const;

export const bearerSecurity: Array<Record<string, string[]>> = [{ apiKey: [] }, { bearer: [] }];
