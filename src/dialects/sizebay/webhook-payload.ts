/**
 * The Sizebay callback (seed 001): after processing, `POST {productId, status: "success" | "error",
 * message?}` with the endpoint's static `Authorization` header (any static header an endpoint was
 * created with is sent by the delivery worker). Once per processing round:
 * - a product that asks for recommendation lists (a Sizebay POST always does: `processType`) is
 *   answered from `product.recommendations.ready`, which follows its `product.processed` once the
 *   requested lists are computed: the callback fires when the images AND the recommendations are done;
 * - a product that asks for none is answered from `product.processed` itself.
 * Every other event renders nothing (no request is sent).
 *
 * `error` when any image of the product failed in that round (`message`: the first image error in
 * image order), or when its recommendations could not be computed (`message`: the reason). `message`
 * is absent on success, as the seed says it is only for errors.
 */
import type { PayloadRenderer } from '../../webhooks/payload';

const asksForLists = (recommend: unknown) => typeof recommend === 'string' && recommend !== 'none';

export const sizebayPayload: PayloadRenderer = (event) => {
  const data = event.data;
  if (event.type === 'product.processed' && asksForLists(data.recommend)) return null;
  if (event.type !== 'product.processed' && event.type !== 'product.recommendations.ready') return null;
  const { productId, status, failedImages, firstError } = data;
  if (typeof productId !== 'string') return null;
  const failed = status === 'error' || (typeof failedImages === 'number' && failedImages > 0);
  if (failed) {
    const message = typeof firstError === 'string' && firstError.length > 0 ? firstError : 'Image processing failed';
    return JSON.stringify({ productId, status: 'error', message });
  }
  if (data.recommendations === 'error') {
    const message = typeof data.recommendationsError === 'string' ? data.recommendationsError : 'Recommendations could not be computed';
    return JSON.stringify({ productId, status: 'error', message });
  }
  return JSON.stringify({ productId, status: 'success' });
};
