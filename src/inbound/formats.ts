/**
 * Payload shapes an inbound source can accept (its `format`). `canonical`: one product with its id,
 * or `{"products": [...]}`, validated like any API call and applied as a batch upsert. Dialects add
 * their vendors' shapes (GeSmart's ERP push): the composition root hands them to `inboundFormats()`
 * (the core never imports a dialect).
 */
import { batchUpsert, type CatalogContext, validateProduct } from '../catalog/products.service';
import type { FieldError } from '../http/problem';

export interface InboundFormat {
  /** Validates a verified push; returns what to store (JSON) until the queue applies it. */
  accept(ctx: CatalogContext, payload: unknown): Promise<{ ok: true; count: number; stored: unknown; reference?: string } | { ok: false; errors: FieldError[] }>;
  /** Applies what `accept` stored, under the job the sender was given. */
  apply(ctx: CatalogContext, stored: unknown, jobId: string): Promise<{ toIngest: string[] }>;
}

/** The products a payload carries: `{products: [...]}` or one product. */
function productsOf(payload: unknown): { products: unknown[]; batch: boolean } | null {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const products = (payload as { products?: unknown }).products;
  if (products !== undefined) return Array.isArray(products) ? { products, batch: true } : null;
  return { products: [payload], batch: false };
}

export const canonicalFormat: InboundFormat = {
  async accept(ctx, payload) {
    const found = productsOf(payload);
    if (!found) return { ok: false, errors: [{ path: '/products', message: 'Send a product with its id, or {"products": [...]}' }] };
    const errors: FieldError[] = [];
    if (found.products.length > ctx.options.maxBatchItems) errors.push({ path: '/products', message: `At most ${ctx.options.maxBatchItems} products per push` });
    for (const [index, product] of found.products.entries()) {
      const validated = await validateProduct(ctx, product);
      if (!validated.ok) {
        for (const e of validated.errors) errors.push({ path: `${found.batch ? `/products/${index}` : ''}${e.path}`, message: e.message });
      }
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, count: found.products.length, stored: found.products };
  },
  async apply(ctx, stored, jobId) {
    const result = await batchUpsert(ctx, stored as unknown[], { kind: 'inbound', jobId });
    return { toIngest: result.toIngest };
  },
};

/** The formats a source may declare, and the one to read a push with. Built once at the composition root. */
export interface InboundFormats {
  names: readonly [string, ...string[]];
  /** The format called `name`; `canonical` for a name no longer registered. */
  get(name: string): InboundFormat;
}

export function inboundFormats(extra: Record<string, InboundFormat> = {}): InboundFormats {
  const formats: Record<string, InboundFormat> = { ...extra, canonical: canonicalFormat };
  return {
    names: ['canonical', ...Object.keys(extra).filter((name) => name !== 'canonical')],
    get: (name) => formats[name] ?? canonicalFormat,
  };
}
