import type { PayloadRenderer } from '../../webhooks/payload';

/** The sizebay webhook payload (see the seed document). */
export const sizebayPayload: PayloadRenderer = () => null;
