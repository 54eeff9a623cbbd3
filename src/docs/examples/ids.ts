/**
 * The ids the examples share, so they read as one story: the tenant created first owns the webhook,
 * the source and the products the later examples name. Server ids are prefixed ULIDs (DESIGN "Ids").
 */
export const TENANT_ID = 'ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E';
export const PRODUCT_ID = '380145e972ee';
/** The product created with an uploaded (base64) image, whose image the image examples read. */
export const UPLOAD_PRODUCT_ID = 'edb1e435d172';
export const PROCESSOR_NAME = 'tryOn';
/** An inbound source's secret given at registration, so the push example can carry a real signature. */
export const INBOUND_SECRET = 'erp-shared-secret-0123456789abcdef';

/** 8x8 RGB PNG (163 bytes): an upload small enough to read in an example. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAaklEQVR4nBWNQREAQQzCkFIpSKmUSEFKpSDlbnlmmEQSIyxWICJOVEjDDB52YMhwQwfJjLFZg4k5UyMts3jZhSXLLV2kJ8APvgUO+ucUJjhsHk640PyNYw4fe++c447e3yhTXLZPkXKl5QPGe1gBrfdehAAAAABJRU5ErkJggg==';
