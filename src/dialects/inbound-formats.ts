/** Inbound push shapes the dialects add (an inbound source's `format`). */
import type { InboundFormat } from '../inbound/formats';
import { gesmartInboundFormat } from './gesmart/inbound-format';

export const dialectInboundFormats: Record<string, InboundFormat> = {
  gesmart: gesmartInboundFormat,
};
