/**
 * The stored form of a product (the `data` column): validated input with money in integer minor
 * units, locales canonical, dates in UTC `Z`, and every image given an id. Plain data, no I/O.
 */
export interface PriceDoc {
  amount: number;
  sale?: { amount: number; start?: string; end?: string };
}

export interface ImageDoc {
  id: string;
  source: { url: string };
  pipelines: Record<string, boolean>;
  classifications?: Record<string, unknown>;
}

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
  prices?: Record<string, PriceDoc>;
  attributes?: Array<{ group?: string; name: string; value: string; unit?: string; order?: number }>;
  images?: ImageDoc[];
  metadata?: Record<string, unknown>;
  validForDays?: number | null;
}
