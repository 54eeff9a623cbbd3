/** Stored rows -> the API's product shape (money back to decimal text, server fields added). */
import { toIso } from '../../lib/time';
import { formatMoney } from './money';
import { storedPriceText } from './money-doc';
import type { ProductDoc } from './product-doc';
import type { ProductOutT } from './product.schema';
import type { ImageRow } from '../../images/images.repository';
import type { ProductRow } from '../products.queries';

export type { ImageRow };

export type { ProductRow };

export interface RenderContext {
  defaultLocale: string;
  /** The URL a client can fetch an image from (precomputed: signing is async); null until stored. */
  imageUrl: (image: ImageRow) => string | null;
}

/**
 * The document as a client wrote it: the shape PATCH merges into and dialects read. With
 * `withMicros`, each amount also gets its `amountMicros` integer string (canonical reads).
 */
export function docToInput(doc: ProductDoc, withMicros = false): Record<string, unknown> {
  const { prices, ...rest } = doc;
  const out: Record<string, unknown> = { ...rest };
  if (prices) {
    out.prices = Object.fromEntries(
      Object.entries(prices).map(([currency, stored]) => {
        const p = storedPriceText(stored, currency);
        const amount = (micros: string) => ({ amount: formatMoney(micros, currency), ...(withMicros ? { amountMicros: micros } : {}) });
        const price: Record<string, unknown> = amount(p.amountMicros);
        if (p.sale) {
          const { amountMicros, ...window } = p.sale;
          price.sale = { ...amount(amountMicros), ...window };
        }
        return [currency, price];
      }),
    );
  }
  return out;
}

export function renderProduct(row: ProductRow, images: ImageRow[], ctx: RenderContext): ProductOutT {
  const doc = JSON.parse(row.data) as ProductDoc;
  const input = docToInput(doc, true);
  const title = doc.title ?? doc.localizations?.[ctx.defaultLocale]?.title;
  const fields = input as Omit<ProductOutT, 'id' | 'images' | 'number' | 'version' | 'status' | 'createdAt' | 'updatedAt' | 'expiresAt'>;
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    status: row.status as ProductOutT['status'],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    expiresAt: toIso(row.expires_at),
    ...fields,
    ...(title !== undefined ? { title } : {}),
    images: images
      .sort((a, b) => a.position - b.position)
      .map((image) => ({
        id: image.key,
        imageId: image.id,
        source: JSON.parse(image.source) as Record<string, unknown>,
        pipelines: JSON.parse(image.pipelines) as Record<string, boolean>,
        classifications: image.classifications ? (JSON.parse(image.classifications) as Record<string, unknown>) : null,
        status: image.status as ProductOutT['status'],
        error: image.error,
        sha256: image.sha256,
        width: image.width,
        height: image.height,
        url: ctx.imageUrl(image),
      })),
    ...(row.extensions ? { extensions: JSON.parse(row.extensions) as Record<string, Record<string, unknown>> } : {}),
  };
}
