/**
 * The stored form of a product (the `data` column): validated input with money in integer micros,
 * locales canonical, dates in UTC `Z`, and every image given an id. Plain data, no I/O.
 */
export interface PriceDoc {
  amountMicros: number;
  sale?: { amountMicros: number; start?: string; end?: string };
}

/**
 * A price as rows written before micros store it (`products.money_format` NULL): `amount` in the
 * currency's minor units. Read wherever a document is read until the backfill has converted it.
 */
export interface LegacyPriceDoc {
  amount: number;
  sale?: { amount: number; start?: string; end?: string };
}

export type { ImageDoc, ImageSourceDoc, ImageSourceInputDoc } from '../../images/image-doc';
import type { ImageDoc } from '../../images/image-doc';

export interface ProductDoc {
  itemGroupId?: string;
  title?: string;
  description?: string;
  brand?: string;
  productType?: string;
  categories?: string[];
  tags?: string[];
  gender?: 'male' | 'female' | 'unisex';
  ageGroup?: 'newborn' | 'infant' | 'toddler' | 'kids' | 'adult';
  color?: string;
  sizes?: string[];
  sizeSystem?: string;
  gtin?: string;
  active?: boolean;
  quantity?: number;
  weight?: number;
  localizations?: Record<string, { title?: string; description?: string; link?: string; availability?: string }>;
  prices?: Record<string, PriceDoc | LegacyPriceDoc>;
  attributes?: Array<{ group?: string; name: string; value: string; unit?: string; order?: number }>;
  images?: ImageDoc[];
  metadata?: Record<string, unknown>;
  validForDays?: number | null;
  /** Recommendation lists asked for; absent = the tenant's default. */
  recommend?: 'similar' | 'complementary' | 'all' | 'none';
}
