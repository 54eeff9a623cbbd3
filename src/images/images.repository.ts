/** Image reads, tenant-scoped. */

/** An image row as reads return it (the catalog renders it inside its product). */
export interface ImageRow {
  id: string;
  product_id: string;
  key: string;
  position: number;
  source: string;
  pipelines: string;
  classifications: string | null;
  status: string;
  error: string | null;
  sha256: string | null;
  width: number | null;
  height: number | null;
}

export interface FullImageRow extends ImageRow {
  tenant_id: string;
  format: string | null;
  bytes: number | null;
  results: string | null;
  dhash: string | null;
  attempts: number;
  updated_at: number;
}

const COLUMNS = 'id, tenant_id, product_id, key, position, source, pipelines, classifications, status, error, sha256, width, height, format, bytes, results, dhash, attempts, updated_at';

export function findImage(db: D1Database, tenantId: string, id: string): Promise<FullImageRow | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM images WHERE tenant_id = ?1 AND id = ?2`).bind(tenantId, id).first<FullImageRow>();
}

/** For signed URLs: the signature names the image, so no tenant is needed to find it. */
export function findImageById(db: D1Database, id: string): Promise<FullImageRow | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM images WHERE id = ?1`).bind(id).first<FullImageRow>();
}

export async function productImages(db: D1Database, tenantId: string, productId: string): Promise<FullImageRow[] | null> {
  const [product, images] = await db.batch([
    db.prepare('SELECT 1 AS found FROM products WHERE tenant_id = ?1 AND id = ?2').bind(tenantId, productId),
    db.prepare(`SELECT ${COLUMNS} FROM images WHERE tenant_id = ?1 AND product_id = ?2 ORDER BY position`).bind(tenantId, productId),
  ]);
  if (product!.results.length === 0) return null;
  return images!.results as unknown as FullImageRow[];
}

/**
 * Candidates for images within Hamming distance 6 of `image`, without a full scan. The hash is four
 * 16-bit bands; 6 differing bits spread over 4 bands leave at least one band with at most 1 differing
 * bit (pigeonhole), so looking up every band's value and its 16 one-bit neighbours through the four
 * band indexes finds every such image. The caller filters on the exact distance.
 */
export async function similarCandidates(db: D1Database, tenantId: string, image: { id: string; dhash: string }): Promise<FullImageRow[]> {
  const probes = [0, 1, 2, 3].map((i) => {
    const band = parseInt(image.dhash.slice(i * 4, i * 4 + 4), 16);
    return JSON.stringify([band, ...Array.from({ length: 16 }, (_, bit) => band ^ (1 << bit))]);
  });
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM images WHERE tenant_id = ?1 AND id != ?2 AND dhash IS NOT NULL AND (
         dhash_band0 IN (SELECT value FROM json_each(?3)) OR dhash_band1 IN (SELECT value FROM json_each(?4)) OR
         dhash_band2 IN (SELECT value FROM json_each(?5)) OR dhash_band3 IN (SELECT value FROM json_each(?6)))
       LIMIT 1000`,
    )
    .bind(tenantId, image.id, ...probes)
    .all<FullImageRow>();
  return results;
}
