/**
 * What a delivery's body looks like, per endpoint `format`. `standard` is the Standard Webhooks
 * envelope `{type, timestamp, data}` (DESIGN "Events"). Dialects add their vendors' shapes: the
 * composition root hands them to `payloadFormats()` (the core never imports a dialect).
 * Pure: event in, body text out (null = this format has nothing to say about this event).
 */
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

/** The formats an endpoint may choose, and how each renders. Built once at the composition root. */
export interface PayloadFormats {
  names: readonly [string, ...string[]];
  render(format: string, event: OutboxEvent, target?: PayloadTarget): string | null;
}

export function payloadFormats(extra: Record<string, PayloadRenderer> = {}): PayloadFormats {
  const formats: Record<string, PayloadRenderer> = { ...extra, standard: standardPayload };
  return {
    names: ['standard', ...Object.keys(extra).filter((name) => name !== 'standard')],
    render(format, event, target = { metadata: null }) {
      const render = formats[format];
      return render ? render(event, target) : null;
    },
  };
}
