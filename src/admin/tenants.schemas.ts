import { z } from '@hono/zod-openapi';
import { isCurrency } from '../catalog/model/currencies';
import { canonicalLocale } from '../catalog/model/locale';
import { ID_PATTERN, recommendKinds } from '../catalog/model/product.schema';
import { PLANS } from '../auth/plans';
import { parseRfc3339 } from '../lib/dates';
import { ALL_SCOPES, SCOPES } from '../auth/scopes';

const Plan = z.enum(PLANS).openapi({
  description: 'Request quota plan: `standard` (600 requests a minute per key) or `high` (6000); each is its own rate-limit binding',
  example: 'high',
});

const ScopeName = z.enum([ALL_SCOPES, ...SCOPES]).openapi({ example: 'products:read' });
const Scopes = z
  .array(ScopeName)
  .min(1)
  .max(SCOPES.length + 1)
  .openapi({
    description: 'What the key may do; `*` (the default) is every scope. A dialect scope alone opens that dialect\'s routes.',
    example: ['products:read', 'products:write', 'jobs:read'],
  });


const Recommend = z.enum(recommendKinds).openapi({ description: 'Recommendation lists computed for products that do not choose (`recommend`); default `none`' });

export const Alias = z.string().regex(ID_PATTERN, 'Aliases are 1-128 characters of A-Z a-z 0-9 . _ : @ ~ -').openapi({ example: 'brand_123' });

const Currency = z.string().refine(isCurrency, 'Must be an ISO 4217 currency code').openapi({ example: 'USD' });
const Locale = z
  .string()
  .refine((tag) => canonicalLocale(tag) !== null, 'Must be a BCP 47 language tag')
  .transform((tag) => canonicalLocale(tag)!)
  .openapi({ type: 'string', example: 'en-US' });

export const CreateTenantBody = z
  .strictObject({
    name: z.string().min(1).max(200),
    aliases: z.array(Alias).max(50).default([]),
    defaultCurrency: Currency,
    defaultLocale: Locale,
    plan: Plan.default('standard'),
  })
  .openapi('CreateTenant');

export const UpdateTenantBody = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    aliases: z.array(Alias).max(50).optional(),
    defaultCurrency: Currency.optional(),
    defaultLocale: Locale.optional(),
    plan: Plan.optional(),
    recommend: Recommend.optional(),
  })
  .openapi('UpdateTenant');

export const TenantSchema = z
  .object({
    id: z.string().openapi({ example: 'ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    name: z.string(),
    aliases: z.array(z.string()),
    defaultCurrency: z.string(),
    defaultLocale: z.string(),
    plan: Plan,
    createdAt: z.string(),
    updatedAt: z.string(),
    recommend: Recommend,
    shard: z.number().int().min(0).openapi({ description: 'The data shard (`DB_SHARD_n`) holding the tenant\'s catalog', example: 0 }),
    epoch: z.number().int().min(1).openapi({ description: 'Bumped by every move of the tenant to another shard', example: 1 }),
    placementState: z.enum(['active', 'frozen']).openapi({ description: '`frozen`: a move is copying its last writes; writes answer 503 `tenant_moving` for a few seconds', example: 'active' }),
  })
  .openapi('Tenant');

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the key, to tell keys apart' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    scopes: z.array(z.string()).openapi({ description: '`["*"]`: every scope', example: ['products:read', 'jobs:read'] }),
    expiresAt: z.string().nullable().openapi({ description: 'After this instant the key is refused like a revoked one', example: '2027-01-31T00:00:00.000Z' }),
  })
  .openapi('ApiKey');

export const IssuedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: 'The secret key. Shown once: only its hash is stored.' }),
}).openapi('IssuedApiKey');

export const CreatedTenantSchema = z.object({ tenant: TenantSchema, apiKey: IssuedApiKeySchema }).openapi('CreatedTenant');

export const IssueKeyBody = z
  .strictObject({
    name: z.string().min(1).max(200).optional().openapi({ example: 'catalog reader' }),
    scopes: Scopes.optional(),
    expiresAt: z
      .string()
      .refine((value) => parseRfc3339(value) !== null, 'Must be an RFC 3339 date-time like 2027-01-31T00:00:00Z')
      .optional()
      .openapi({ format: 'date-time', description: 'Optional expiry, in the future', example: '2027-01-31T00:00:00Z' }),
  })
  .openapi('IssueApiKey');

export const TenantIdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
export const KeyParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  keyId: z.string().openapi({ param: { name: 'keyId', in: 'path' } }),
});
