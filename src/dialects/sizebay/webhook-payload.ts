/**
 * The Sizebay callback (seed 001): after processing, `POST {productId, status: "success" | "error",
 * message?}` with the endpoint's static `Authorization` header (any static header an endpoint was
 * created with is sent by the delivery worker). Rendered from `product.processed` only, which is
 * emitted once per processing round; every other event renders nothing (no request is sent).
 *
 * `error` when any image of the product failed in that round (Sizebay's service processes images:
 * a product with a broken image is not a success), `message` being the first image error in image
 * order. `message` is absent on success, as the seed says it is only for errors.
 */
import type { PayloadRenderer } from '../../webhooks/payload';

export const sizebayPayload: PayloadRenderer = (event) => {
  if (event.type !== 'product.processed') return null;
  const { productId, status, failedImages, firstError } = event.data;
  if (typeof productId !== 'string') return null;
  const failed = status === 'error' || (typeof failedImages === 'number' && failedImages > 0);
  if (!failed) return JSON.stringify({ productId, status: 'success' });
  const message = typeof firstError === 'string' && firstError.length > 0 ? firstError : 'Image processing failed';
  return JSON.stringify({ productId, status: 'error', message });
};
