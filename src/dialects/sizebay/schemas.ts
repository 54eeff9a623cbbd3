/**
 * Sizebay "AI Image Service" shapes (seed 001), as its clients send them. Where the seed's field table
 * and its payload example differ, the example is the contract: the item fields nest under
 * `productItem`, and the brand comes from `productItem.brand`, else `brandName`. Unknown fields are
 * tolerated (dropped); deeper rules (money digits per currency, GTIN check digit, locale tags, URLs)
 * are the canonical schema's, whose errors are mapped back onto these names (see mapping.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { parseInterval } from '../../lib/dates';
import { ageGroups, availabilities, genders } from '../../catalog/model/product.schema';

/** zod's own words for a missing member are "expected string, received undefined": say "Required". */
const expecting = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'Required' : `Must be ${what}`) });

const Text = (max: number) => z.string(expecting('a string')).trim().min(1, 'Must not be empty').max(max, `At most ${max} characters`);

const Amount = z
  .union([z.number(), z.string()], expecting('a number like 19.99'))
  .openapi({ type: 'number', description: 'A number (or decimal string), read exactly through its decimal text: 19.99 is 19.99', example: 19.99 });

const Interval = z
  .string(expecting('a string'))
  .refine((value) => parseInterval(value).ok, { error: (issue) => `Must be an interval "start/end" like 2024-06-10T00:00:00/2024-06-20T23:59:59 (${intervalProblem(issue.input)})` })
  .openapi({
    description: 'Sale window "start/end": RFC 3339 date-times, seconds optional; no offset = UTC',
    example: '2024-06-10T00:00:00/2024-06-20T23:59:59',
  });

function intervalProblem(input: unknown): string {
  if (typeof input !== 'string') return 'not a string';
  const parsed = parseInterval(input);
  return parsed.ok ? 'valid' : parsed.message;
}

export const TenantId = z
  .union([z.number(), z.string().trim().min(1)], expecting('a number'))
  .openapi({ type: 'number', description: 'Tenant (client) id: one of the aliases of the tenant the API key belongs to', example: 1234 });

/**
 * The seed's spelling ("in stock") in any letter case, or Google's underscore form ("in_stock",
 * "OUT_OF_STOCK"); null for anything else. The canonical spelling is what is stored.
 */
export function canonicalAvailability(value: string): (typeof availabilities)[number] | null {
  const spelled = value.trim().toLowerCase().replaceAll('_', ' ');
  return availabilities.find((known) => known === spelled) ?? null;
}

const Availability = z
  .string(expecting('a string'))
  .transform((value, ctx) => {
    const canonical = canonicalAvailability(value);
    if (canonical) return canonical;
    ctx.addIssue({ code: 'custom', message: `Must be one of: ${availabilities.join(', ')} (any letter case; in_stock and the other underscore forms too)` });
    return z.NEVER;
  })
  .openapi({
    type: 'string',
    description: `One of: ${availabilities.join(', ')}; any letter case, and Google's underscore forms (in_stock, out_of_stock) too. Stored as written here.`,
    example: 'in stock',
  });

const Localization = z
  .object({
    title: Text(500).optional(),
    link: Text(2048).optional().openapi({ description: 'Product page; scheme-less URLs (www.example.com/p) are read as https', example: 'www.example.com/us/product' }),
    availability: Availability.optional(),
    description: z.string(expecting('a string')).max(10_000).optional(),
  })
  .openapi('SizebayLocalization');

const Localizations = (what: string, nonEmpty: boolean) =>
  z
    .record(z.string(), Localization, expecting('an object keyed by locale, like {"en-US": {...}}'))
    .refine((map) => !nonEmpty || Object.keys(map).length > 0, 'Give at least one locale')
    .openapi({ description: what, example: { 'en-US': { title: 'Classic White T-Shirt', availability: 'in stock', link: 'www.example.com/us/product' } } });

const CreatePrice = z
  .object({
    price: Amount,
    salePrice: Amount.optional(),
    salePriceEffectiveDate: Interval.optional(),
  })
  .superRefine((price, ctx) => {
    if (price.salePriceEffectiveDate !== undefined && price.salePrice === undefined) {
      ctx.addIssue({ code: 'custom', path: ['salePrice'], message: 'Required with salePriceEffectiveDate' });
    }
  })
  .openapi('SizebayPrice');

const UpdatePrice = z
  .object({
    price: Amount.optional(),
    salePrice: Amount.nullable().optional().openapi({ description: 'null ends the sale' }),
    salePriceEffectiveDate: Interval.nullable().optional().openapi({ description: 'null removes the sale window' }),
  })
  .openapi('SizebayPriceUpdate');

/**
 * `{CUR: price}`. One price object without a currency is read in the tenant's defaultCurrency: the
 * handler wraps it before parsing (see `withCurrency`), so the schema only knows the keyed form.
 */
const Pricing = <T extends z.ZodType>(price: T, nonEmpty: boolean) =>
  z
    .record(z.string(), price, expecting('an object keyed by currency, like {"USD": {"price": 25}}'))
    .refine((map) => !nonEmpty || Object.keys(map).length > 0, 'Give at least one currency')
    .openapi({
      description: "Prices by ISO 4217 currency; a single price object without a currency uses the tenant's defaultCurrency",
      example: { USD: { price: 25, salePrice: 19.99, salePriceEffectiveDate: '2024-06-10T00:00:00/2024-06-20T23:59:59' } },
    });

export const ProductItem = z
  .object({
    id: Text(128).openapi({ description: 'Unique id of the variant (e.g. color + size): the product id', example: '380145e972ee' }),
    itemGroupId: Text(128).openapi({ description: 'Common id of all variants of a product', example: 'edb1e435d172' }),
    localizations: Localizations('Language-specific title, link, availability', true),
    pricing: Pricing(CreatePrice, true),
    productType: Text(750).openapi({ description: 'Category hierarchy', example: 'KIDS > MALE > BOTTOMS' }),
    brand: Text(255).optional().openapi({ description: 'Brand; wins over brandName', example: 'Sizebay' }),
    imageLink: Text(2048).openapi({ description: 'Main image of the variant; scheme-less URLs are read as https', example: 'www.example.com/image.jpg' }),
    additionalImageLinks: z.array(Text(2048), expecting('an array of URLs')).max(50, 'At most 50 additional images').optional(),
    gender: z.enum(genders, expecting(`one of: ${genders.join(', ')}`)),
    ageGroup: z.enum(ageGroups, expecting(`one of: ${ageGroups.join(', ')}`)),
    size: Text(2000)
      .refine((value) => value.split(',').some((size) => size.trim().length > 0), 'Give at least one size, like "S,M,L"')
      .openapi({ description: 'Sizes, comma-separated', example: 'XS,S,M,L,XL' }),
    sizeSystem: Text(16).openapi({ example: 'BR' }),
    color: Text(100).openapi({ example: 'Blue' }),
    gtin: Text(14).optional().openapi({ description: 'Barcode (GTIN-8/12/13/14, check digit validated)', example: '00012345678905' }),
  }, expecting('an object'))
  .openapi('SizebayProductItem');

export const processTypes = ['SIMILAR', 'COMPLEMENTARY', 'ALL'] as const;

export const CreateProductBody = z
  .object({
    tenantId: TenantId,
    collectionName: Text(255).openapi({ example: 'sizebay-collection' }),
    processType: z.enum(processTypes, expecting(`one of: ${processTypes.join(', ')}`)),
    brandName: Text(255).openapi({ example: 'Sizebay' }),
    specialtyFromPersona: Text(255).openapi({ description: 'Product style', example: 'casual fashion' }),
    productItem: ProductItem,
  }, expecting('a JSON object'))
  .openapi('SizebayCreateProduct');

export const UpdateProductBody = z
  .object({
    tenantId: TenantId,
    collectionName: Text(255).openapi({ example: 'sizebay-collection' }),
    productId: Text(128).openapi({ description: 'Id of the product to update (its productItem.id)', example: '380145e972ee' }),
    localizations: Localizations("Title and availability per locale (merged: a locale's link and other locales stay); may be empty", false),
    pricing: Pricing(UpdatePrice, false),
  }, expecting('a JSON object'))
  .openapi('SizebayUpdateProduct');

export type CreateProductBodyT = z.infer<typeof CreateProductBody>;
export type UpdateProductBodyT = z.infer<typeof UpdateProductBody>;
export type CreatePriceT = z.infer<typeof CreatePrice>;
export type UpdatePriceT = z.infer<typeof UpdatePrice>;

export const ErrorBody = z
  .object({
    message: z.string().openapi({ example: 'Invalid or missing fields' }),
    errors: z
      .array(z.object({ field: z.string().openapi({ example: 'productItem.gender' }), message: z.string().openapi({ example: 'Required' }) }))
      .optional()
      .openapi({ description: 'Present on 400: one entry per field, named as the request named it' }),
  })
  .openapi('SizebayError');

export const AcceptedBody = z
  .object({
    productId: z.string().openapi({ example: '380145e972ee' }),
    jobId: z.string().openapi({ description: 'Follow it with GET /v1/jobs/{jobId}', example: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    status: z.literal('accepted'),
  })
  .openapi('SizebayAccepted');

export const UpdatedBody = z
  .object({
    productId: z.string().openapi({ example: '380145e972ee' }),
    jobId: z.string().openapi({ example: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' }),
    status: z.literal('updated'),
  })
  .openapi('SizebayUpdated');

export const CallbackBody = z
  .object({
    productId: z.string().openapi({ example: '380145e972ee' }),
    status: z.enum(['success', 'error']),
    message: z.string().optional().openapi({ description: 'Only when status is "error": the first image error' }),
  })
  .openapi('SizebayCallback');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const errors = {
  400: json(ErrorBody, 'Invalid or missing fields (each named in `errors`), or a body that is not JSON'),
  401: json(ErrorBody, 'Missing or invalid x-api-key'),
  403: json(ErrorBody, 'tenantId is not one of this key\'s tenant aliases (unknown tenants look the same)'),
  429: json(ErrorBody, 'Too many requests (see Retry-After)'),
  500: json(ErrorBody, 'Internal server error'),
};

export const createProductRoute = createRoute({
  method: 'post',
  path: '/products',
  summary: 'Create product',
  description:
    'Submits a product for asynchronous processing. Writes merge over what is stored (other locales and currencies stay). ' +
    'After processing, a POST `{productId, status, message?}` goes to the tenant\'s webhook endpoints of format "sizebay".',
  security: [{ ApiKey: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: CreateProductBody } } } },
  responses: { 202: json(AcceptedBody, 'Product accepted for processing'), ...errors },
});

export const updateProductRoute = createRoute({
  method: 'patch',
  path: '/products',
  summary: 'Update product',
  description: "Updates an existing product's titles, availability and prices, merged per locale and currency.",
  security: [{ ApiKey: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: UpdateProductBody } } } },
  responses: { 200: json(UpdatedBody, 'Product updated successfully'), 404: json(ErrorBody, 'Product not found'), ...errors },
});
