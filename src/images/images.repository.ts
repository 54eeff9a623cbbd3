/** Image reads, tenant-scoped. */
import { type Db, read, readBatch } from '../db/batch';
import {
  type FoundRow,
  type FullImageRow,
  type ImageRow,
  PRODUCT_EXISTS,
  SELECT_IMAGE,
  SELECT_IMAGE_BY_ID,
  SELECT_PRODUCT_IMAGES,
  SELECT_SIMILAR_CANDIDATES,
} from './images.queries';

export type { FullImageRow, ImageRow };

export function findImage(db: Db, tenantId: string, id: string): Promise<FullImageRow | null> {
  return db.prepare(SELECT_IMAGE).bind(tenantId, id).first<FullImageRow>();
}

/** For signed URLs: the signature names the image, so no tenant is needed to find it. */
export function findImageById(db: Db, id: string): Promise<FullImageRow | null> {
  return db.prepare(SELECT_IMAGE_BY_ID).bind(id).first<FullImageRow>();
}

/** A product's images in order; null when there is no such product. */
export async function productImages(db: Db, tenantId: string, productId: string): Promise<FullImageRow[] | null> {
  const [product, images] = await readBatch(db, [
    read<FoundRow>(db.prepare(PRODUCT_EXISTS).bind(tenantId, productId)),
    read<FullImageRow>(db.prepare(SELECT_PRODUCT_IMAGES).bind(tenantId, productId)),
  ]);
  return product.length === 0 ? null : images;
}

/**
 * Candidates for images within Hamming distance 6 of `image`, without a full scan. The hash is four
 * 16-bit bands; 6 differing bits spread over 4 bands leave at least one band with at most 1 differing
 * bit (pigeonhole), so looking up every band's value and its 16 one-bit neighbours through the four
 * band indexes finds every such image. The caller filters on the exact distance.
 */
export async function similarCandidates(db: Db, tenantId: string, image: { id: string; dhash: string }): Promise<FullImageRow[]> {
  const probes = [0, 1, 2, 3].map((i) => {
    const band = parseInt(image.dhash.slice(i * 4, i * 4 + 4), 16);
    return JSON.stringify([band, ...Array.from({ length: 16 }, (_, bit) => band ^ (1 << bit))]);
  });
  const { results } = await db.prepare(SELECT_SIMILAR_CANDIDATES).bind(tenantId, image.id, ...probes).all<FullImageRow>();
  return results;
}
