/**
 * What a delivery's body looks like, per endpoint `format`. `standard` is the Standard Webhooks
 * envelope `{type, timestamp, data}` (DESIGN "Events"); dialects add their vendors' shapes here.
 * Pure: event in, body text out (null = this format has nothing to say about this event).
 */
import { dialectPayloadFormats } from '../dialects/payload-formats';
export interface OutboxEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: number;
}

/** The endpoint a payload is rendered for: dialect formats read what the endpoint was created with. */
export interface PayloadTarget {
  metadata: Record<string, unknown> | null;
}

/** One payload shape: an event in, the body to POST out, or null when the shape has nothing to say. */
export type PayloadRenderer = (event: OutboxEvent, target: PayloadTarget) => string | null;

export const standardPayload: PayloadRenderer = (event) =>
  JSON.stringify({ type: event.type, timestamp: new Date(event.createdAt).toISOString(), data: event.data });

const formats: Record<string, PayloadRenderer> = { standard: standardPayload, ...dialectPayloadFormats };

export const webhookFormats = Object.keys(formats) as [string, ...string[]];

export function renderPayload(format: string, event: OutboxEvent, target: PayloadTarget = { metadata: null }): string | null {
  const render = formats[format];
  return render ? render(event, target) : null;
}
