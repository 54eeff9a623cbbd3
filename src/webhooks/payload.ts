/**
 * What a delivery's body looks like, per endpoint `format`. `standard` is the Standard Webhooks
 * envelope `{type, timestamp, data}` (DESIGN "Events"); dialects add their vendors' shapes here.
 * Pure: event in, body text out (null = this format has nothing to say about this event).
 */
export interface OutboxEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: number;
}

export function renderPayload(format: string, event: OutboxEvent): string | null {
  switch (format) {
    case 'standard':
      return JSON.stringify({ type: event.type, timestamp: new Date(event.createdAt).toISOString(), data: event.data });
    default:
      return null;
  }
}
