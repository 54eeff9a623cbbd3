import type { PayloadRenderer } from '../../webhooks/payload';

/** The genera webhook payload (see the seed document). */
export const generaPayload: PayloadRenderer = () => null;
