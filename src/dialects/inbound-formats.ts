/** Inbound push shapes the dialects add (an inbound source's `format`). */
import type { InboundFormat } from '../inbound/formats';

export const dialectInboundFormats: Record<string, InboundFormat> = {};
