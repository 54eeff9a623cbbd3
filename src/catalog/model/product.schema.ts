/**
 * The canonical product, as clients write it (`ProductInput`) and read it (`Product`). One source for
 * validation, TypeScript types and the OpenAPI document. Field rules that need context (money needs
 * its currency) are refinements here; turning valid input into the stored document is `normalize.ts`.
 */
import { z } from '@hono/zod-openapi';
import { CURRENCY_CODES, isCurrency } from './currencies';
import { dateTimeMs } from './date-time';
import { parseRfc3339 } from '../../lib/dates';
import { ImageOut, productStatuses } from '../../images/images.schemas';

export { productStatuses };
import { isValidGtin } from './gtin';
import { canonicalLocale } from './locale';
import { parseMoney } from './money';
import { mapKeys } from '../../http/openapi';

export const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._:@~-]{0,127}$/;
export const RESERVED_ID_PREFIX = '_anon_';
export { MAX_CLASSIFICATIONS_BYTES, MAX_METADATA_BYTES } from './json-caps';
export const MAX_ATTRIBUTES = 100;

export const genders = ['male', 'female', 'unisex'] as const;
export const ageGroups = ['newborn', 'infant', 'toddler', 'kids', 'adult'] as const;
export const availabilities = ['in stock', 'out of stock', 'preorder', 'backorder'] as const;
/** Which recommendation lists a product asks for (src/recommendations). */
export const recommendKinds = ['similar', 'complementary', 'all', 'none'] as const;

export const ProductId = z
  .string()
  .regex(ID_PATTERN, 'Must be 1-128 characters of A-Z a-z 0-9 . _ : @ ~ - and not start with "." , "-" , ":" , "@" or "~"')
  .refine((id) => !id.startsWith(RESERVED_ID_PREFIX), `The "${RESERVED_ID_PREFIX}" prefix is reserved for ids Shelfsync generates`)
  .openapi({ example: '380145e972ee' });

const text = (max: number) => z.string().max(max, `At most ${max} characters`);

const HttpUrl = z
  .string()
  .max(2048, 'At most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Must be an absolute http(s) URL')
  .openapi({ format: 'uri', pattern: '^https?://' });

/** What the document says of map keys (zod's record keys carry no OpenAPI of their own). */
const LOCALE_KEYS = { type: 'string', pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$', maxLength: 35, description: 'A BCP 47 language tag, e.g. en-US' } as const;
const CURRENCY_KEYS = { type: 'string', enum: [...CURRENCY_CODES], description: 'An ISO 4217 currency code' } as const;
const PIPELINE_KEYS = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' } as const;

const Amount = z.union([z.string(), z.number()]).openapi({
  description:
    'Decimal string or number, read exactly (a number through its source text); at most 6 fraction digits and 9007199254.740991, never rounded',
  example: '25.00',
});

const DateTime = z
  .string()
  .refine((value) => dateTimeMs(value) !== null, 'Must be an RFC 3339 date-time like 2024-06-10T00:00:00Z')
  .openapi({ format: 'date-time', example: '2024-06-10T00:00:00Z' });

const SaleInput = z
  .strictObject({ amount: Amount, start: DateTime.optional(), end: DateTime.optional() })
  .refine((s) => !s.start || !s.end || dateTimeMs(s.start)! < dateTimeMs(s.end)!, {
    message: 'The sale must start before it ends',
    path: ['end'],
  });

const PriceInput = z.strictObject({ amount: Amount, sale: SaleInput.optional() });

const PricesInput = z.record(z.string(), PriceInput).superRefine((prices, ctx) => {
  for (const [currency, price] of Object.entries(prices)) {
    if (!isCurrency(currency)) {
      ctx.addIssue({ code: 'custom', path: [currency], message: `"${currency}" is not an ISO 4217 currency code` });
      continue;
    }
    const checks: Array<[unknown, PropertyKey[]]> = [[price.amount, [currency, 'amount']]];
    if (price.sale) checks.push([price.sale.amount, [currency, 'sale', 'amount']]);
    for (const [amount, path] of checks) {
      const parsed = parseMoney(amount as string | number, currency);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path, message: parsed.message });
    }
  }
}).openapi({ ...mapKeys(CURRENCY_KEYS), example: { USD: { amount: '25.00', sale: { amount: '19.99', start: '2024-06-10T00:00:00Z', end: '2024-06-20T23:59:59Z' } }, JPY: { amount: '3900' } } });

const LocalizationInput = z.strictObject({
  title: text(500).optional(),
  description: text(10_000).optional(),
  link: HttpUrl.optional(),
  availability: z.enum(availabilities).optional(),
});

const LocalizationsInput = z.record(z.string(), LocalizationInput).superRefine((map, ctx) => {
  const seen = new Set<string>();
  for (const tag of Object.keys(map)) {
    const canonical = canonicalLocale(tag);
    if (!canonical) ctx.addIssue({ code: 'custom', path: [tag], message: `"${tag}" is not a BCP 47 language tag` });
    else if (seen.has(canonical)) ctx.addIssue({ code: 'custom', path: [tag], message: `"${tag}" repeats the locale ${canonical}` });
    else seen.add(canonical);
  }
}).openapi({ ...mapKeys(LOCALE_KEYS), example: { 'en-US': { title: 'Classic White T-Shirt', availability: 'in stock' }, 'pt-BR': { title: 'Camiseta Branca' } } });

const AttributeInput = z.strictObject({
  group: text(255).optional(),
  name: text(255).min(1),
  value: text(1000),
  unit: text(64).optional(),
  order: z.number().int().optional(),
});

const PipelineName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'Pipeline names are identifiers like "tryOn"');

/**
 * Exactly one of: `url` (fetched by the ingest queue), `fileKey` (a file part of the same multipart
 * request), `base64` (+ `fileName`), or `sha256` (bytes this tenant already uploaded). Uploaded bytes
 * are stored in R2 before the write; the stored document keeps only their sha256.
 */
export const ImageSourceInput = z
  .strictObject({
    url: HttpUrl.optional(),
    fileKey: z.string().min(1).max(128).optional(),
    base64: z.string().min(1).optional(),
    fileName: z.string().min(1).max(255).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A lowercase hex SHA-256').optional(),
  })
  .superRefine((source, ctx) => {
    const given = (['url', 'fileKey', 'base64', 'sha256'] as const).filter((k) => source[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'Give exactly one of url, fileKey, base64 or sha256' });
    }
  })
  .openapi('ImageSource');

export const ImageInput = z
  .strictObject({
    id: z.string().regex(ID_PATTERN, 'Image ids are 1-128 safe characters').optional(),
    source: ImageSourceInput,
    pipelines: z.record(PipelineName, z.boolean()).optional().openapi({ ...mapKeys(PIPELINE_KEYS), example: { tryOn: true } }),
    // Size cap (16 KB of JSON): json-caps.ts, which lets a value already stored stand.
    classifications: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Free JSON, at most 16 KB' }),
  })
  .openapi('ImageInput');

const JsonObject = z.record(z.string(), z.unknown());

export const ProductFields = {
  itemGroupId: text(128).optional(),
  title: text(500).optional(),
  description: text(10_000).optional(),
  brand: text(255).optional(),
  productType: text(750).optional().openapi({ example: 'KIDS > MALE > BOTTOMS' }),
  categories: z.array(text(255)).max(100).optional(),
  tags: z.array(text(255)).max(100).optional(),
  gender: z.enum(genders).optional(),
  ageGroup: z.enum(ageGroups).optional(),
  color: text(100).optional(),
  sizes: z.array(text(64).min(1)).max(100).optional(),
  sizeSystem: text(16).optional(),
  gtin: z
    .string()
    .refine(isValidGtin, 'Must be a GTIN-8/12/13/14 with a valid check digit')
    .optional()
    .openapi({ pattern: '^(\\d{8}|\\d{12,14})$', description: 'GTIN-8, -12, -13 or -14; the GS1 check digit is verified', example: '00012345678905' }),
  active: z.boolean().optional(),
  quantity: z.number().int().min(0).optional(),
  weight: z.number().min(0).optional().openapi({ description: 'Kilograms' }),
  localizations: LocalizationsInput.optional(),
  prices: PricesInput.optional(),
  attributes: z.array(AttributeInput).max(MAX_ATTRIBUTES, `At most ${MAX_ATTRIBUTES} attribute rows`).optional(),
  images: z.array(ImageInput).optional(),
  // Size cap (16 KB of JSON): json-caps.ts, which lets a value already stored stand.
  metadata: JsonObject.optional().openapi({ description: 'Free JSON, at most 16 KB' }),
  validForDays: z.number().int().min(1).max(365).nullable().optional().openapi({ description: 'TTL in days; null = kept forever' }),
  recommend: z.enum(recommendKinds).optional().openapi({ description: "Which recommendation lists are computed for this product; absent = the tenant's default (`none` unless an admin changed it)" }),
};

/** A product as written with PUT (the id comes from the path; a body id must match it). */
export const ProductInput = z.strictObject({ id: ProductId.optional(), ...ProductFields }).openapi('ProductInput');
/** A product inside a batch: the id is required. */
export const BatchProductInput = z.strictObject({ id: ProductId, ...ProductFields });

export type ProductInputT = z.infer<typeof ProductInput>;

// ---- what clients read -------------------------------------------------------------------------

const AmountOut = z.string().openapi({ description: "Decimal text with at least the currency's exponent, no trailing zeros beyond it", example: '25.00' });
const MicrosOut = z.string().regex(/^\d+$/).openapi({ description: 'The amount in integer micros (1/1,000,000 of the unit), as text', example: '25000000' });

const PriceOut = z.object({
  amount: AmountOut,
  amountMicros: MicrosOut,
  sale: z.object({ amount: AmountOut, amountMicros: MicrosOut, start: z.string().optional(), end: z.string().optional() }).optional(),
});

export const ProductOut = z
  .object({
    id: z.string(),
    number: z.number().int(),
    version: z.number().int(),
    status: z.enum(productStatuses),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
    expiresAt: z.string().nullable().openapi({ format: 'date-time' }),
    itemGroupId: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    brand: z.string().optional(),
    productType: z.string().optional(),
    categories: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    gender: z.enum(genders).optional(),
    ageGroup: z.enum(ageGroups).optional(),
    color: z.string().optional(),
    sizes: z.array(z.string()).optional(),
    sizeSystem: z.string().optional(),
    gtin: z.string().optional(),
    active: z.boolean().optional(),
    quantity: z.number().int().optional(),
    weight: z.number().optional(),
    localizations: z.record(z.string(), LocalizationInput).optional().openapi({ ...mapKeys(LOCALE_KEYS) }),
    prices: z.record(z.string(), PriceOut).optional().openapi({ ...mapKeys(CURRENCY_KEYS) }),
    attributes: z.array(AttributeInput).optional(),
    images: z.array(ImageOut),
    metadata: JsonObject.optional(),
    validForDays: z.number().int().nullable().optional(),
    recommend: z.enum(recommendKinds).optional(),
    extensions: z.record(z.string(), JsonObject).optional().openapi({ description: 'Vendor fields written through dialects; read-only here' }),
  })
  .openapi('Product');

export type ProductOutT = z.infer<typeof ProductOut>;
