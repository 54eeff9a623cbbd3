/**
 * The Genera webhook payload (seed 000, "Webhooks payload"): one message per finished image,
 * `{type: "processing", brandId, productId, imageId, status: "done", url}` or
 * `{..., status: "error", error}`. Rendered from `image.processed` / `image.failed` only; every other
 * event says nothing to a Genera endpoint. `brandId` is the alias the webhook was subscribed under
 * (the endpoint's metadata; null for a `format: "genera"` endpoint made through /v1).
 */
import type { PayloadRenderer } from '../../webhooks/payload';

export const generaPayload: PayloadRenderer = (event, target) => {
  if (event.type !== 'image.processed' && event.type !== 'image.failed') return null;
  const data = event.data as { productId?: unknown; imageId?: unknown; url?: unknown; error?: unknown };
  const brandId = typeof target.metadata?.brandId === 'string' ? target.metadata.brandId : null;
  const head = { type: 'processing', brandId, productId: String(data.productId ?? ''), imageId: String(data.imageId ?? '') };
  if (event.type === 'image.processed') {
    return JSON.stringify({ ...head, status: 'done', ...(typeof data.url === 'string' ? { url: data.url } : {}) });
  }
  return JSON.stringify({ ...head, status: 'error', error: typeof data.error === 'string' ? data.error : 'The image could not be processed' });
};
