/**
 * The `gesmart` inbound format: GeSmart's ERP push ("same structure as the single product sync
 * endpoint"), for the dialect's single-tenant webhook and for any `/v1/inbound/{sourceId}` source
 * created with `format: "gesmart"`.
 *
 * `accept` runs the sync route's rules and the catalog's own, and stores base64 images in R2 right
 * away, so the stored push holds only their hashes (with the image ids a sync would give them);
 * `apply` runs the same merge write as `POST /api/products/sync` under the job the sender was given.
 * A push that cannot be applied (a `create` whose reference exists by then, an `update` whose
 * product is gone) ends its job `failed` with the reason in the job's errors.
 */
import { validateProduct } from '../../catalog/products.service';
import type { InboundFormat } from '../../inbound/formats';
import { type MergeItem, mergeWrite } from '../shared/merge-write';
import { patchAsProduct, toMergeItem } from './mapping';
import type { StoredPush } from './status';
import { checkProduct, toGesmartErrors } from './validate';

interface Stored extends StoredPush {
  item: MergeItem;
}

export const gesmartInboundFormat: InboundFormat = {
  async accept(ctx, payload) {
    const checked = checkProduct(payload, ctx.tenant.defaultCurrency);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const product = checked.value;
    const item = toMergeItem(product, ctx.tenant.defaultCurrency);
    const validated = await validateProduct(ctx, patchAsProduct(item));
    if (!validated.ok) return { ok: false, errors: toGesmartErrors(validated.errors) };
    if (item.patch.images) item.patch.images = (validated.doc.images ?? []).map((image) => ({ id: image.id, source: image.source }));
    const stored: Stored = { operation: product.operation, reference: product.reference, item };
    return { ok: true, count: 1, stored, reference: product.reference };
  },

  async apply(ctx, stored, jobId) {
    const { item } = stored as Stored;
    const result = await mergeWrite(ctx, [item], { dialect: 'gesmart', kind: 'inbound', jobId });
    return { toIngest: result.toIngest };
  },
};
