/**
 * The optional-engine interface: where an embedding model (e.g. Workers AI) and a vector index (e.g.
 * Vectorize) would plug in. Neither runs under `wrangler dev`, so Shelfsync ships only this contract;
 * the local engine (signature.ts + the `rec_keys` index + score.ts) is the product and needs no
 * network and no model download.
 *
 * How an implementation plugs in (nothing here is wired today):
 * - Signing (refresh.ts `signProduct`): after the local signature is built, `embed()` the primary
 *   image's 256 px derivative and the product's text, and `upsert()` the vectors under the product id.
 * - Candidates (candidates.ts `rankFor`): `nearest()` for the anchor's vector is unioned with the
 *   index probes, bounded by the same `maxCandidates`; the ranking stays local.
 * - Scoring (score.ts): the engine's similarity becomes one more weighted component (an `embedding`
 *   weight in `recommendations.weights`), dropping out, like `visual`, when either side has no vector.
 * - Deletes (refresh.ts, the deleted branch): `remove()` with the signature and keys.
 * - Rebuilds and a changed model: a rebuild re-embeds every product (`model` is stored beside the
 *   vectors, so vectors of another model are never compared).
 * Every call is per tenant: an implementation must keep tenants apart (a namespace per tenant).
 *
 * @example
 * // A Workers AI + Vectorize engine would look like this (not part of Shelfsync):
 * const engine: EmbeddingEngine = {
 *   model: '@cf/baai/bge-base-en-v1.5',
 *   dimensions: 768,
 *   async embed(input) { ... env.AI.run(this.model, { text: [input.text] }) ... },
 *   async upsert(tenantId, items) { await env.VECTORS.upsert(items.map((i) => ({ id: i.id, values: i.vector, namespace: tenantId }))); },
 *   async nearest(tenantId, vector, limit) { ... env.VECTORS.query(vector, { topK: limit, namespace: tenantId }) ... },
 *   async remove(tenantId, ids) { ... },
 * };
 */
export interface EmbeddingInput {
  /** The primary image's 256 px WebP derivative, when the product has a processed image. */
  image?: { bytes: Uint8Array; contentType: 'image/webp' };
  /** Title and description in every locale, joined. */
  text?: string;
}

export interface EmbeddingEngine {
  /** The model's name: vectors of different models are never compared. */
  readonly model: string;
  readonly dimensions: number;
  /** One vector for what the input holds, or null when the engine cannot embed it (then the local engine alone ranks). */
  embed(input: EmbeddingInput): Promise<Float32Array | null>;
  upsert(tenantId: string, items: Array<{ id: string; vector: Float32Array }>): Promise<void>;
  /** Up to `limit` nearest products of the tenant, best first, with a similarity in 0-1. */
  nearest(tenantId: string, vector: Float32Array, limit: number): Promise<Array<{ id: string; similarity: number }>>;
  remove(tenantId: string, ids: string[]): Promise<void>;
}
