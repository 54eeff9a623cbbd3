/**
 * The Genera webhook payload (seed 000, "Webhooks payload"): one message per finished image,
 * `{type: "processing", brandId, productId, imageId, status: "done", url}` or
 * `{..., status: "error", error}`; `url` is the pipeline's output (try-on / localization result) when
 * one ran, chosen exactly as the status endpoint chooses it, else the stored original. Rendered
 * from `image.processed` / `image.failed` only; every other event says nothing to a Genera endpoint. `brandId` is the alias the webhook was subscribed under
 * (the endpoint's metadata; null for a `format: "genera"` endpoint made through /v1).
 */
import type { PayloadRenderer } from '../../webhooks/payload';
import { eventOutputUrl } from './mapping';

export const generaPayload: PayloadRenderer = (event, target) => {
  if (event.type !== 'image.processed' && event.type !== 'image.failed') return null;
  const data = event.data as { productId?: unknown; imageId?: unknown; url?: unknown; outputs?: unknown; error?: unknown };
  const brandId = typeof target.metadata?.brandId === 'string' ? target.metadata.brandId : null;
  const head = { type: 'processing', brandId, productId: String(data.productId ?? ''), imageId: String(data.imageId ?? '') };
  if (event.type === 'image.processed') {
    // The pipeline's output when one ran (as the status endpoint shows it), else the stored original.
    const url = eventOutputUrl(data.outputs, typeof data.url === 'string' ? data.url : null);
    return JSON.stringify({ ...head, status: 'done', ...(url ? { url } : {}) });
  }
  return JSON.stringify({ ...head, status: 'error', error: typeof data.error === 'string' ? data.error : 'The image could not be processed' });
};
