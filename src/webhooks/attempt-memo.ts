/**
 * What one delivery invocation works out once and shares between its attempts. A fan-out page is
 * events x endpoints, so the same event is rendered for many endpoints and the same endpoint signs
 * many events: each event's body is built once per (format, endpoint metadata), each endpoint's
 * stored secrets are opened once, and each secret's HMAC key is imported once (the import per
 * delivery cost ~20% of the transport floor: 6,611 -> 5,252 POST/s). Nothing outlives the invocation,
 * so a rotated or re-sealed secret is read fresh by the next one.
 */
import type { Env } from '../env';
import { batchSigner } from '../lib/signing';
import { openEndpointSecrets } from './endpoints.repository';
import type { PayloadFormats } from './payload';

export interface RenderInput {
  format: string | null;
  eventId: string;
  type: string;
  data: string;
  createdAt: number;
  metadata: string | null;
}

export interface AttemptMemo {
  /** The body for this event and endpoint format (null: the format has nothing to say about it). */
  body(input: RenderInput): string | null;
  /** The endpoint's secrets, opened (throws SecretsUnavailable as openEndpointSecrets does). */
  secrets(endpointId: string, stored: string[]): Promise<string[]>;
  /** An endpoint's static headers (stored JSON), parsed once per invocation. */
  staticHeaders(stored: string | null): Record<string, string>;
  /** Standard Webhooks headers, every given secret signing. */
  signedHeaders(secrets: string[], id: string, body: string, now: number): Promise<Record<string, string>>;
}

export function attemptMemo(env: Env, formats: PayloadFormats): AttemptMemo {
  const bodies = new Map<string, string | null>();
  const opened = new Map<string, Promise<string[]>>();
  const statics = new Map<string, Record<string, string>>();
  const signer = batchSigner();
  return {
    body(input) {
      const key = `${input.format ?? 'standard'}\u0000${input.eventId}\u0000${input.metadata ?? ''}`;
      if (bodies.has(key)) return bodies.get(key)!;
      const body = formats.render(
        input.format ?? 'standard',
        { id: input.eventId, type: input.type, data: JSON.parse(input.data) as Record<string, unknown>, createdAt: input.createdAt },
        { metadata: input.metadata ? (JSON.parse(input.metadata) as Record<string, unknown>) : null },
      );
      bodies.set(key, body);
      return body;
    },
    secrets(endpointId, stored) {
      const key = `${endpointId}\u0000${stored.join('\u0000')}`;
      let value = opened.get(key);
      if (!value) {
        value = openEndpointSecrets(env, endpointId, stored);
        opened.set(key, value);
      }
      return value;
    },
    staticHeaders(stored) {
      const key = stored ?? '{}';
      let value = statics.get(key);
      if (!value) {
        value = JSON.parse(key) as Record<string, string>;
        statics.set(key, value);
      }
      return value;
    },
    signedHeaders: (secrets, id, body, now) => signer.headers(secrets, id, body, now),
  };
}
