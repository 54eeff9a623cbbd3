import { z } from '@hono/zod-openapi';
import { isCurrency } from '../catalog/model/currencies';
import { canonicalLocale } from '../catalog/model/locale';
import { ID_PATTERN, recommendKinds } from '../catalog/model/product.schema';

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
  })
  .openapi('CreateTenant');

export const UpdateTenantBody = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    aliases: z.array(Alias).max(50).optional(),
    defaultCurrency: Currency.optional(),
    defaultLocale: Locale.optional(),
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
    createdAt: z.string(),
    updatedAt: z.string(),
    recommend: Recommend,
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
  })
  .openapi('ApiKey');

export const IssuedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: 'The secret key. Shown once: only its hash is stored.' }),
}).openapi('IssuedApiKey');

export const CreatedTenantSchema = z.object({ tenant: TenantSchema, apiKey: IssuedApiKeySchema }).openapi('CreatedTenant');

export const IssueKeyBody = z.strictObject({ name: z.string().min(1).max(200).optional() }).openapi('IssueApiKey');

export const TenantIdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
export const KeyParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  keyId: z.string().openapi({ param: { name: 'keyId', in: 'path' } }),
});
