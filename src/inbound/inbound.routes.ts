import { createRoute, z } from '@hono/zod-openapi';
import { authProblems, bearerSecurity, json, jsonBody, problems, writeProblems } from '../http/openapi';
import { CreateSourceBody, InboundAckSchema, RotatedSourceSchema, SourceSchema, SourceWithSecretSchema, UpdateSourceBody } from './inbound.schemas';

const tags = ['Inbound'];
const security = bearerSecurity;
const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'src_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }) });

export const createSourceRoute = createRoute({
  method: 'post', path: '/inbound-sources', tags, security,
  summary: 'Register an ERP that pushes signed product updates',
  description: 'A generated secret is shown once. Such an answer is `Cache-Control: no-store` and is not kept for `Idempotency-Key` replay: the same key again answers 409 `secret_already_shown` and writes nothing.',
  request: { body: jsonBody(CreateSourceBody) },
  responses: { 201: json(SourceWithSecretSchema, 'Registered'), ...problems(...writeProblems, 503) },
});

export const listSourcesRoute = createRoute({
  method: 'get', path: '/inbound-sources', tags, security, summary: 'Inbound sources',
  responses: { 200: json(z.object({ data: z.array(SourceSchema), nextCursor: z.null() }), 'Sources'), ...problems(...authProblems) },
});

export const getSourceRoute = createRoute({
  method: 'get', path: '/inbound-sources/{id}', tags, security, summary: 'An inbound source (never its secret)',
  request: { params: IdParam },
  responses: { 200: json(SourceSchema, 'The source'), ...problems(...authProblems, 404) },
});

export const updateSourceRoute = createRoute({
  method: 'patch', path: '/inbound-sources/{id}', tags, security, summary: 'Change how signatures are read',
  request: { params: IdParam, body: jsonBody(UpdateSourceBody) },
  responses: { 200: json(SourceSchema, 'Updated'), ...problems(...writeProblems, 404) },
});

export const rotateSourceSecretRoute = createRoute({
  method: 'post', path: '/inbound-sources/{id}/rotate-secret', tags, security,
  summary: 'New generated secret; pushes signed with the old one are still accepted for 24 h',
  description: 'The answer shows the new secret once (`Cache-Control: no-store`). A source whose secret comes from `secretEnv` answers 409: rotate that Worker secret instead.',
  request: { params: IdParam },
  responses: { 200: json(RotatedSourceSchema, 'Rotated (the new secret is shown once)'), ...problems(...authProblems, 404, 409, 503) },
});

export const deleteSourceRoute = createRoute({
  method: 'delete', path: '/inbound-sources/{id}', tags, security, summary: 'Stop accepting pushes from this source',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(...authProblems, 404) },
});

export const receiveRoute = createRoute({
  method: 'post', path: '/inbound/{id}', tags,
  security: [{ hmacSignature: [] }],
  summary: 'Receive a signed push (a product with its id, or {"products": [...]})',
  description:
    'The HMAC-SHA256 signature over the raw body (or `{timestamp}.{body}`, or `{id}.{timestamp}.{body}`) is verified in constant time before the body is parsed. Valid pushes are stored, acknowledged with 202 and a job id, and applied through a queue. A replay answers 200 with the original job id and is not applied twice: the same signed event id, the same signed timestamp and body, or (body-only signing) the same body within the dedupe window (600 s), even when sent again on purpose. Prefer a signed timestamp where the sender can.',
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
  responses: {
    200: json(InboundAckSchema, 'A replay of a push already accepted'),
    202: json(InboundAckSchema, 'Accepted; poll GET /v1/jobs/{jobId}'),
    ...problems(400, 401, 413, 415, 422, 429, 503),
  },
});
