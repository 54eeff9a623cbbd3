import { createRoute, z } from '@hono/zod-openapi';
import { authProblems, bearerSecurity, json, jsonBody, problems, writeProblems } from '../http/openapi';
import { ImageDetail, ProcessorConfigBody, ProcessorSchema } from './images.schemas';
import { CallbackBody } from './processors/callback';

const tags = ['Images'];
const security = bearerSecurity;
const ImageId = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }) });

export const productImagesRoute = createRoute({
  method: 'get', path: '/products/{id}/images', tags, security, summary: "A product's images with their processing status",
  request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(z.object({ data: z.array(ImageDetail), nextCursor: z.null() }), 'Images'), ...problems(...authProblems, 404) },
});

export const getImageRoute = createRoute({
  method: 'get', path: '/images/{id}', tags, security, summary: 'An image: status, error, probe data, results',
  request: { params: ImageId },
  responses: { 200: json(ImageDetail, 'The image'), ...problems(...authProblems, 404) },
});

export const similarImagesRoute = createRoute({
  method: 'get', path: '/images/{id}/similar', tags, security, summary: 'Images within Hamming distance 6 (dhash) of this one',
  request: { params: ImageId },
  responses: {
    200: json(z.object({ data: z.array(ImageDetail.extend({ distance: z.number().int() })), nextCursor: z.null() }), 'Near-duplicates, closest first'),
    ...problems(...authProblems, 404),
  },
});

export const imageContentRoute = createRoute({
  method: 'get', path: '/images/{id}/content', tags,
  security,
  summary: 'The stored bytes (original, or a thumb / medium WebP derivative)',
  description:
    'With an API key: tenant-scoped, `no-cache` + ETag. Without one: the signed form from an image `url` (`v`, `exp`, `sig`), valid until `exp`, `immutable`. `Range` requests get 206.',
  request: {
    params: ImageId,
    query: z.object({
      variant: z.enum(['thumb', 'medium']).optional(),
      v: z.string().optional().openapi({ description: 'The sha256 the URL pins' }),
      exp: z.string().optional(),
      t: z.string().optional().openapi({ description: 'The tenant the signed URL belongs to (covered by `sig`; absent in URLs signed before it was added)' }),
      sig: z.string().optional(),
    }),
  },
  responses: {
    200: { description: 'The bytes', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    206: { description: 'A byte range' },
    304: { description: 'Not modified' },
    ...problems(401, 404, 416, 422, 429),
  },
});

const Name = z.object({ name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/).openapi({ param: { name: 'name', in: 'path' }, example: 'tryOn' }) });

export const putProcessorRoute = createRoute({
  method: 'put', path: '/processors/{name}', tags, security,
  summary: 'Configure the external service that runs a pipeline (tryOn, localization, ...)',
  description: 'Jobs are POSTed signed with the Standard Webhooks scheme and this processor\'s secret (shown once, on creation). The creation answer is `Cache-Control: no-store` and is not kept for `Idempotency-Key` replay: the same key again answers 409 `secret_already_shown` and writes nothing.',
  request: { params: Name, body: jsonBody(ProcessorConfigBody) },
  responses: {
    200: json(ProcessorSchema, 'Updated'),
    201: json(ProcessorSchema.extend({ secret: z.string() }), 'Created (the secret is shown once)'),
    ...problems(...writeProblems, 503),
  },
});

export const rotateProcessorSecretRoute = createRoute({
  method: 'post', path: '/processors/{name}/rotate-secret', tags, security,
  summary: 'New signing secret; the old one keeps signing jobs and verifying callbacks beside it for 24 h',
  description: 'The answer shows the new secret once (`Cache-Control: no-store`).',
  request: { params: Name },
  responses: { 200: json(ProcessorSchema.extend({ secret: z.string() }).openapi('ProcessorRotated'), 'Rotated (the new secret is shown once)'), ...problems(...authProblems, 404, 503) },
});

export const listProcessorsRoute = createRoute({
  method: 'get', path: '/processors', tags, security, summary: 'Configured pipeline services',
  responses: { 200: json(z.object({ data: z.array(ProcessorSchema), nextCursor: z.null() }), 'Processors'), ...problems(...authProblems) },
});

export const deleteProcessorRoute = createRoute({
  method: 'delete', path: '/processors/{name}', tags, security, summary: 'Remove a pipeline service',
  request: { params: Name },
  responses: { 204: { description: 'Removed' }, ...problems(...authProblems, 404) },
});

export const processorCallbackRoute = createRoute({
  method: 'post', path: '/processor-callbacks/{tenantId}/{name}', tags,
  security: [{ hmacSignature: [] }],
  summary: "A pipeline service's late result for a job it accepted (202)",
  description: "Signed with the processor's secret, Standard Webhooks headers. Body: `{sha256, status: done|error, error?, ...result}`.",
  request: {
    params: z.object({ tenantId: z.string().openapi({ param: { name: 'tenantId', in: 'path' } }), name: z.string().openapi({ param: { name: 'name', in: 'path' } }) }),
    body: { required: true, content: { 'application/json': { schema: CallbackBody } } },
  },
  responses: { 200: json(z.object({ received: z.boolean(), images: z.number().int() }), 'Recorded'), ...problems(400, 401, 413, 415, 422, 429, 503) },
});
