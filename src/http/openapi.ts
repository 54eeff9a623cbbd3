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

// ---- examples ------------------------------------------------------------------------------------

/**
 * The documented example of one operation: what a client sends and what it gets back. Ids in these
 * examples are consistent across operations (the webhook a create answers is the one a read names),
 * so the contract test can follow them as a client would: create, then read, update, delete.
 */
export interface OperationExample {
  /** Path, query and header parameter values, by name. */
  params?: Record<string, string>;
  /** The request body (JSON unless `requestType` says otherwise; a string is sent as it is). */
  request?: unknown;
  requestType?: string;
  /**
   * Headers the example needs that are not parameters (a signature a security scheme names), written
   * to the operation as `x-example-headers`.
   */
  headers?: Record<string, string>;
  /** Answer bodies by status; `null` for an answer without a body (204, 304). */
  responses: Record<number, unknown>;
}

/** Keyed by `METHOD /path` as the document spells it, e.g. `PUT /v1/products/{id}`. */
export type OperationExamples = Record<string, OperationExample>;

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/**
 * Writes examples into a generated OpenAPI document (in place): parameter `example`s, and media-type
 * `example`s on the request body and on each answer. Swagger UI's "Try it out" starts from these,
 * so a default body is one the server accepts. Pure: no I/O.
 */
export function applyExamples<T extends Json>(doc: T, examples: OperationExamples): T {
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      const example = op && examples[`${method.toUpperCase()} ${path}`];
      if (!op || !example) continue;
      for (const param of (op.parameters ?? []) as Json[]) {
        const value = example.params?.[param.name];
        if (value === undefined) continue;
        // An integer parameter's example is a number (Swagger UI and linters check it against the schema).
        const types = [param.schema?.type].flat();
        param.example = types.includes('integer') && /^-?\d+$/.test(value) ? Number(value) : value;
      }
      if (example.headers) op['x-example-headers'] = example.headers;
      const body = op.requestBody?.content as Json | undefined;
      if (body && example.request !== undefined) {
        const type = example.requestType ?? (body['application/json'] ? 'application/json' : Object.keys(body)[0]!);
        if (body[type]) body[type].example = example.request;
      }
      for (const [status, value] of Object.entries(example.responses)) {
        const content = op.responses?.[status]?.content as Json | undefined;
        if (!content || value === null) continue;
        const type = Object.keys(content)[0]!;
        content[type].example = value;
      }
    }
  }
  return doc;
}

/**
 * OpenAPI 3.1 `propertyNames` for a map (a zod record's key rule does not reach the document, and the
 * metadata type predates 3.1): spread into `.openapi({...})`.
 */
export function mapKeys(propertyNames: Record<string, unknown>): object {
  return { propertyNames };
}
