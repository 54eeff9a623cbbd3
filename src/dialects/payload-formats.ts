/** Webhook payload shapes the dialects add (an endpoint's `format`). */
import { generaPayload } from './genera/webhook-payload';
import { sizebayPayload } from './sizebay/webhook-payload';
import type { PayloadRenderer } from '../webhooks/payload';

export const dialectPayloadFormats: Record<string, PayloadRenderer> = {
  genera: generaPayload,
  sizebay: sizebayPayload,
};
