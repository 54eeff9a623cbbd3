import { z } from '@hono/zod-openapi';

import { SIGNED_PAYLOADS, schemeErrors } from './dedupe';
import { inboundFormatNames } from './formats';

const HeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'Header names are HTTP tokens').transform((h) => h.toLowerCase());

const SourceFields = {
  name: z.string().min(1).max(200),
  secretEncoding: z.enum(['utf8', 'base64']).openapi({ description: 'utf8: the string itself is the HMAC key (as `openssl dgst -hmac` uses it); base64: its decoded bytes are' }),
  signatureHeader: HeaderName.openapi({ example: 'x-gesmart-signature' }),
  signatureEncoding: z.enum(['base64', 'hex']),
  signaturePrefix: z.string().max(32).openapi({ description: 'Stripped before decoding, e.g. "sha256="' }),
  signedPayload: z.enum(SIGNED_PAYLOADS).openapi({
    description:
      'What the HMAC covers. `{body}`: the raw body; identical bodies within the dedupe window (600 s) are one push, even when sent again on purpose. ' +
      '`{timestamp}.{body}`: preferred; replays are refused by time and deduped on timestamp + body. ' +
      '`{id}.{timestamp}.{body}` (Standard Webhooks): the signed event id decides what is a replay.',
  }),
  timestampHeader: HeaderName.nullable().openapi({ description: 'Required when the timestamp is signed' }),
  toleranceSeconds: z.number().int().min(1).max(3600).openapi({ description: 'How far a signed timestamp may be from now, either way' }),
  eventIdHeader: HeaderName.nullable().openapi({ description: 'The header carrying a unique delivery id; used to dedupe only when the signature covers it (`{id}.{timestamp}.{body}`), else ignored' }),
  format: z.enum(inboundFormatNames),
};

export const CreateSourceBody = z
  .strictObject({
    name: SourceFields.name,
    secret: z.string().min(16, 'Use at least 16 characters').max(512)
      .refine((v) => !v.startsWith('enc:'), 'Must not start with "enc:" (the marker of an encrypted value)')
      .optional().openapi({ description: 'Omit to have one generated (shown once)' }),
    secretEnv: z.string().regex(/^[A-Z][A-Z0-9_]*_WEBHOOK_SECRET$/, 'Must name an environment secret ending in _WEBHOOK_SECRET').optional()
      .openapi({ description: 'Take the secret from this Worker secret instead (e.g. GESMART_WEBHOOK_SECRET)', example: 'GESMART_WEBHOOK_SECRET' }),
    secretEncoding: SourceFields.secretEncoding.default('utf8'),
    signatureHeader: SourceFields.signatureHeader.default('x-signature'),
    signatureEncoding: SourceFields.signatureEncoding.default('base64'),
    signaturePrefix: SourceFields.signaturePrefix.default(''),
    signedPayload: SourceFields.signedPayload.default('{body}'),
    timestampHeader: SourceFields.timestampHeader.default(null),
    toleranceSeconds: SourceFields.toleranceSeconds.default(300),
    eventIdHeader: SourceFields.eventIdHeader.default(null),
    format: SourceFields.format.default('canonical'),
  })
  .refine((s) => !(s.secret && s.secretEnv), { message: 'Give either secret or secretEnv, not both', path: ['secretEnv'] })
  .superRefine((s, ctx) => {
    for (const e of schemeErrors(s)) ctx.addIssue({ code: 'custom', message: e.message, path: [e.path.slice(1)] });
  })
  .openapi('CreateInboundSource');

export const UpdateSourceBody = z
  .strictObject({
    name: SourceFields.name.optional(),
    signatureHeader: SourceFields.signatureHeader.optional(),
    signatureEncoding: SourceFields.signatureEncoding.optional(),
    signaturePrefix: SourceFields.signaturePrefix.optional(),
    signedPayload: SourceFields.signedPayload.optional(),
    timestampHeader: SourceFields.timestampHeader.optional(),
    toleranceSeconds: SourceFields.toleranceSeconds.optional(),
    eventIdHeader: SourceFields.eventIdHeader.optional(),
  })
  .openapi('UpdateInboundSource');

export const SourceSchema = z
  .object({
    id: z.string().openapi({ example: 'src_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    name: z.string(),
    url: z.string().openapi({ description: 'Where the ERP posts: /v1/inbound/{id}' }),
    secretEnv: z.string().nullable(),
    secretEncoding: z.string(),
    signatureHeader: z.string(),
    signatureEncoding: z.string(),
    signaturePrefix: z.string(),
    signedPayload: z.string(),
    timestampHeader: z.string().nullable(),
    toleranceSeconds: z.number().int(),
    eventIdHeader: z.string().nullable(),
    format: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('InboundSource');

export const SourceWithSecretSchema = SourceSchema.extend({
  secret: z.string().nullable().openapi({ description: 'The generated secret, shown once (null when you supplied one)' }),
}).openapi('InboundSourceWithSecret');

export const RotatedSourceSchema = SourceSchema.extend({
  secret: z.string().openapi({ description: 'The new secret, shown once; the previous one is still accepted for 24 h' }),
}).openapi('InboundSourceRotated');

export const InboundAckSchema = z
  .object({
    jobId: z.string(),
    status: z.string(),
    duplicate: z.boolean().openapi({ description: 'True when this push was already accepted (see the source\'s signedPayload for what counts as the same push)' }),
  })
  .openapi('InboundAck');
