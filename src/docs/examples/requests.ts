/**
 * What a client sends, per operation: parameters and bodies. The answers are in responses.ts.
 * Every value here is accepted by the server as it stands (the contract test sends each one).
 */
import { INBOUND_SECRET, PROCESSOR_NAME, PRODUCT_ID, TENANT_ID, TINY_PNG_BASE64, UPLOAD_PRODUCT_ID } from './ids';
import type { RequestExample } from './types';

export const productExample = {
  itemGroupId: 'edb1e435d172',
  title: 'Classic White T-Shirt',
  description: '100% cotton',
  brand: 'Sizebay',
  productType: 'KIDS > MALE > BOTTOMS',
  gender: 'unisex',
  ageGroup: 'adult',
  color: 'White',
  sizes: ['XS', 'S', 'M', 'L', 'XL'],
  sizeSystem: 'BR',
  gtin: '00012345678905',
  active: true,
  quantity: 50,
  localizations: {
    'en-US': { title: 'Classic White T-Shirt', availability: 'in stock', link: 'https://shop.example/us/p/380145e972ee' },
    'pt-BR': { title: 'Camiseta Branca', availability: 'in stock', link: 'https://shop.example/br/p/380145e972ee' },
  },
  prices: {
    USD: { amount: '25.00', sale: { amount: '19.99', start: '2024-06-10T00:00:00Z', end: '2024-06-20T23:59:59Z' } },
    JPY: { amount: '3900' },
  },
  attributes: [{ group: 'Dimensions', name: 'Width', value: '30', unit: 'cm', order: 1 }],
  images: [{ id: 'front', source: { url: 'https://cdn.example/front.jpg' }, pipelines: { tryOn: true } }],
  metadata: { season: 'SS25' },
  validForDays: null,
};

const WEBHOOK = 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E';
const SOURCE = 'src_01JD7Z8Q6V7N9K3M2X4B5C6D7E';

/** The push body and its signature (base64 HMAC-SHA256 of exactly these bytes with INBOUND_SECRET). */
export const inboundPush = {
  body: { id: 'erp-1001', title: 'Canvas Tote Bag', brand: 'Acme', prices: { USD: { amount: '18.50' } } },
  signature: 'HIQMaEScugpjyAKqxY+Lm7SbGg987bZdOvROgARRfDs=',
};

export const requests: Record<string, RequestExample> = {
  'POST /v1/admin/tenants': { request: { name: 'Acme', aliases: ['acme'], defaultCurrency: 'USD', defaultLocale: 'en-US' } },
  'GET /v1/admin/tenants/{id}': { params: { id: TENANT_ID } },
  'PATCH /v1/admin/tenants/{id}': { params: { id: TENANT_ID }, request: { name: 'Acme Inc.', aliases: ['acme', 'acme-eu'] } },
  'POST /v1/admin/tenants/{id}/keys': { params: { id: TENANT_ID }, request: { name: 'ERP sync' } },
  'GET /v1/admin/tenants/{id}/keys': { params: { id: TENANT_ID } },
  'POST /v1/admin/tenants/{id}/move': { params: { id: TENANT_ID }, request: { shard: 1 } },
  'GET /v1/admin/tenants/{id}/moves/{moveId}': { params: { id: TENANT_ID, moveId: 'mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E' } },
  'GET /v1/admin/tenants/{id}/moves': { params: { id: TENANT_ID } },
  'DELETE /v1/admin/tenants/{id}/keys/{keyId}': { params: { id: TENANT_ID, keyId: 'key_01JD7Z8Q6V7N9K3M2X4B5C6D7F' } },

  'PUT /v1/processors/{name}': { params: { name: PROCESSOR_NAME }, request: { url: 'https://tryon.example/jobs', config: { model: 'v2', background: 'studio' } } },
  'GET /v1/processors': {},
  'POST /v1/processors/{name}/rotate-secret': { params: { name: PROCESSOR_NAME } },
  'DELETE /v1/processors/{name}': { params: { name: PROCESSOR_NAME } },
  'POST /v1/processor-callbacks/{tenantId}/{name}': {
    params: { tenantId: TENANT_ID, name: PROCESSOR_NAME },
    request: { sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', status: 'done', outputs: [{ url: 'https://tryon.example/out/1.png' }] },
  },

  'POST /v1/webhooks': { request: { url: 'https://receiver.example/webhooks', eventTypes: ['product.*', 'image.failed'], headers: { Authorization: 'Bearer receiver-token' } } },
  'GET /v1/webhooks': { params: { limit: '20' } },
  'GET /v1/webhooks/{id}': { params: { id: WEBHOOK } },
  'PATCH /v1/webhooks/{id}': { params: { id: WEBHOOK }, request: { eventTypes: ['product.*', 'image.*'] } },
  'POST /v1/webhooks/{id}/rotate-secret': { params: { id: WEBHOOK } },
  'POST /v1/webhooks/{id}/test': { params: { id: WEBHOOK } },
  'GET /v1/webhooks/{id}/deliveries': { params: { id: WEBHOOK, limit: '20' } },
  'POST /v1/webhooks/{id}/recover': { params: { id: WEBHOOK, since: '2024-06-10T00:00:00Z' } },
  'POST /v1/deliveries/{id}/redeliver': { params: { id: 'dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E' } },
  'DELETE /v1/webhooks/{id}': { params: { id: WEBHOOK } },

  'PUT /v1/products/{id}': { params: { id: PRODUCT_ID }, request: productExample },
  'PATCH /v1/products/{id}': { params: { id: PRODUCT_ID, 'if-match': '"1"' }, requestType: 'application/merge-patch+json', request: { quantity: 42, color: null } },
  'GET /v1/products/{id}': { params: { id: PRODUCT_ID } },
  'POST /v1/products': {
    request: {
      id: UPLOAD_PRODUCT_ID,
      title: 'Linen Shirt',
      brand: 'Acme',
      prices: { EUR: { amount: '49.90' } },
      images: [{ id: 'front', source: { base64: TINY_PNG_BASE64, fileName: 'front.png' } }],
    },
  },
  'POST /v1/products/batch': {
    request: {
      products: [
        { id: 'sku-1001', title: 'Canvas Sneaker', sizes: ['40', '41', '42'], prices: { USD: { amount: '59.00' } } },
        { id: 'sku-1002', title: 'Wool Socks', gtin: '00012345678906' },
      ],
    },
  },
  'GET /v1/products': { params: { limit: '20', status: 'done' } },
  'GET /v1/products/{id}/images': { params: { id: UPLOAD_PRODUCT_ID } },
  'DELETE /v1/products/{id}': { params: { id: PRODUCT_ID } },

  'GET /v1/jobs/{id}': { params: { id: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E' } },
  'GET /v1/jobs': { params: { limit: '20' } },
  'GET /v1/jobs/{id}/errors': { params: { id: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E', limit: '20' } },
  'GET /v1/events': { params: { after: '0', limit: '3' } },
  'GET /v1/event-types': {},

  'GET /v1/images/{id}': { params: { id: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7F' } },
  'GET /v1/images/{id}/content': { params: { id: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7F', variant: 'thumb' } },
  'GET /v1/images/{id}/similar': { params: { id: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7F' } },

  'POST /v1/inbound-sources': {
    request: { name: 'ERP', secret: INBOUND_SECRET, signatureHeader: 'x-signature', signatureEncoding: 'base64', signedPayload: '{body}', format: 'canonical' },
  },
  'GET /v1/inbound-sources': {},
  'GET /v1/inbound-sources/{id}': { params: { id: SOURCE } },
  'PATCH /v1/inbound-sources/{id}': { params: { id: SOURCE }, request: { name: 'ERP (production)' } },
  'POST /v1/inbound/{id}': { params: { id: SOURCE }, request: inboundPush.body, headers: { 'x-signature': inboundPush.signature } },
  'POST /v1/inbound-sources/{id}/rotate-secret': { params: { id: SOURCE } },
  'DELETE /v1/inbound-sources/{id}': { params: { id: SOURCE } },

  'POST /v1/imports': {
    params: { mode: 'upsert' },
    requestType: 'text/csv',
    request: 'id,title,price,availability,brand\nsku-2001,Rain Jacket,89.00 USD,in stock,Acme\nsku-2002,Beanie,15.00 USD,out of stock,Acme\n',
  },
  'GET /v1/imports/{id}': { params: { id: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7K' } },

  'GET /v1/stats': {},
  'GET /v1/admin/stats': {},
  'GET /v1/admin/dead-letters': { params: { limit: '50', replayed: 'false' } },
  'POST /v1/admin/dead-letters/{id}/replay': { params: { id: 'dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E' } },

  'GET /v1/products/{id}/similar': { params: { id: PRODUCT_ID, limit: '10' } },
  'GET /v1/products/{id}/complementary': { params: { id: PRODUCT_ID, limit: '10' } },
  'GET /v1/products/{id}/variants': { params: { id: PRODUCT_ID, limit: '10' } },
  'GET /v1/recommendation-rules': {},
  'PUT /v1/recommendation-rules': {
    request: {
      branches: [
        { name: 'tops', match: ['tops', 'shirts', 't-shirts'] },
        { name: 'bottoms', match: ['bottoms', 'pants', 'jeans'] },
        { name: 'shoes', match: ['shoes', 'sneakers'] },
      ],
      complements: { tops: ['bottoms', 'shoes'], bottoms: ['tops', 'shoes'], shoes: ['tops', 'bottoms'] },
    },
  },
  'POST /v1/recommendations/rebuild': {},
};
