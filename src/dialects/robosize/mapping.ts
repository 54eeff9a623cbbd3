/**
 * Robosize fields <-> the canonical product.
 *
 *   name            <-> title (read: the default-locale title when there is no title)
 *   store_id        <-> the product id (the caller's id); a PATCH with a new one renames (rename.ts)
 *   tags ["a"]      <-> tags ["a"], rendered [{"name": "a"}]
 *   image_url       --> images [{source: {url}}] (replaces the list; null empties it)
 *   status          <-> active ("active" = true, "inactive" = false, null = unset)
 *   brand           <-> brand
 *   available_sizes <-> sizes, joined by ","
 *   type, fit_toughness, comment, size_chart, fabric <-> extensions.robosize
 *   id               <-- number (Shelfsync's per-tenant number, never reused)
 *   handle           <-- slug of the name; image_md <-- the first image's medium derivative (signed URL)
 */
import type { ProductDoc } from '../../catalog/model/product-doc';
import type { FieldError } from '../../http/problem';
import type { WritableFields } from './schemas';

export const DIALECT = 'robosize';

export function storeIdOf(value: string | number): string {
  return String(value).trim();
}

export interface RobosizePatch {
  /** A JSON Merge Patch over the canonical document (`null` removes a field). */
  patch: Record<string, unknown>;
  /** Vendor fields for extensions.robosize, merged over what is there. */
  extensions: Record<string, unknown>;
}

const tagName = (tag: string | { name: string }) => (typeof tag === 'string' ? tag : tag.name).trim();

/** "S, M,L" -> ["S", "M", "L"]; a list is taken as it is. Empty items are dropped. */
export function parseSizes(value: string | string[]): string[] {
  const items = typeof value === 'string' ? value.split(',') : value;
  return items.map((size) => size.trim()).filter((size) => size !== '');
}

/** The fields a request gives, as a canonical merge patch plus vendor extensions; absent fields are left alone. */
export function toPatch(body: WritableFields): RobosizePatch {
  const patch: Record<string, unknown> = {};
  const extensions: Record<string, unknown> = {};
  if (body.name !== undefined) patch.title = body.name;
  if (body.tags !== undefined) patch.tags = body.tags === null ? null : [...new Set(body.tags.map(tagName))];
  if (body.image_url !== undefined) patch.images = body.image_url === null ? [] : [{ source: { url: body.image_url } }];
  if (body.status !== undefined) patch.active = body.status === null ? null : body.status === 'active';
  if (body.brand !== undefined) patch.brand = body.brand;
  if (body.available_sizes !== undefined) {
    const sizes = body.available_sizes === null ? [] : parseSizes(body.available_sizes);
    patch.sizes = sizes.length > 0 ? sizes : null;
  }
  if (body.type !== undefined) extensions.type = body.type;
  if (body.comment !== undefined) extensions.comment = body.comment;
  if (body.size_chart !== undefined) extensions.size_chart = body.size_chart;
  if (body.fabric !== undefined) extensions.fabric = body.fabric;
  if (body.fit_toughness !== undefined) extensions.fit_toughness = body.fit_toughness === null ? null : Number(body.fit_toughness);
  return { patch, extensions };
}

const ROBOSIZE_FIELD: Record<string, string> = {
  id: 'store_id',
  title: 'name',
  tags: 'tags',
  images: 'image_url',
  active: 'status',
  brand: 'brand',
  sizes: 'available_sizes',
};

/**
 * Canonical field errors (JSON Pointers into the merged document) in Robosize's names: `/title` ->
 * `name`, `/sizes/2` -> `available_sizes` ("Item 2: ..."). Anything Robosize cannot express (a field
 * written through /v1 that no longer validates) is a `non_field_errors` entry naming the field.
 */
export function robosizeFieldErrors(errors: FieldError[]): FieldError[] {
  return errors.map((error) => {
    const segments = error.path.split('/').filter(Boolean);
    const field = ROBOSIZE_FIELD[segments[0] ?? ''];
    if (!field) return { path: 'non_field_errors', message: `${error.path || 'product'}: ${error.message}` };
    const index = field === 'image_url' ? undefined : segments[1];
    return { path: field, message: index !== undefined && /^\d+$/.test(index) ? `Item ${index}: ${error.message}` : error.message };
  });
}

/** Django's `slugify`: ASCII-folded, lower case, word characters and hyphens, runs of spaces and hyphens as one "-". */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/[-\s]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/** One product row with its first image's stored bytes, as list.ts reads it. */
export interface ProductRowWithImage {
  id: string;
  number: number;
  data: string;
  extensions: string | null;
  image_id: string | null;
  image_sha256: string | null;
  image_status: string | null;
  image_has_medium: number | null;
}

export interface RobosizeProductT {
  id: number;
  store_id: string;
  name: string | null;
  status: 'active' | 'inactive' | null;
  brand: string | null;
  tags: Array<{ name: string }>;
  fit_toughness: number | null;
  comment: string | null;
  image_md: string | null;
  available_sizes: string | null;
  size_chart: Record<string, unknown>;
  fabric: Record<string, unknown>;
  handle: string | null;
  type: string | null;
}

const isDict = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every documented key on every result: `null` (or `{}`, `[]`) when unset. */
export function renderProduct(row: ProductRowWithImage, defaultLocale: string, imageMd: string | null): RobosizeProductT {
  const doc = JSON.parse(row.data) as ProductDoc;
  const all = row.extensions ? (JSON.parse(row.extensions) as Record<string, unknown>) : {};
  const ext = isDict(all[DIALECT]) ? (all[DIALECT] as Record<string, unknown>) : {};
  const name = doc.title ?? doc.localizations?.[defaultLocale]?.title ?? null;
  const slug = name !== null ? slugify(name) : '';
  return {
    id: row.number,
    store_id: row.id,
    name,
    status: doc.active === undefined ? null : doc.active ? 'active' : 'inactive',
    brand: doc.brand ?? null,
    tags: (doc.tags ?? []).map((tag) => ({ name: tag })),
    fit_toughness: typeof ext.fit_toughness === 'number' ? ext.fit_toughness : null,
    comment: typeof ext.comment === 'string' ? ext.comment : null,
    image_md: imageMd,
    available_sizes: doc.sizes && doc.sizes.length > 0 ? doc.sizes.join(',') : null,
    size_chart: isDict(ext.size_chart) ? ext.size_chart : {},
    fabric: isDict(ext.fabric) ? ext.fabric : {},
    handle: slug !== '' ? slug : null,
    type: typeof ext.type === 'string' ? ext.type : null,
  };
}
