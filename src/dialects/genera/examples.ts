/** Request and answer examples of the Genera document (/compat/genera/openapi.json); the contract test sends each. */
import type { OperationExamples } from '../../http/openapi';
import { answers } from './examples.answers';

const BRAND = 'brand_123';
const requests: Record<string, Omit<OperationExamples[string], 'responses'>> = {
  'POST /v1/{brandId}/catalog/sync': {
    params: { brandId: BRAND },
    request: {
      products: [
        {
          id: 'product_123',
          name: 'Product 1',
          enabled: true,
          images: [
            { id: 'image_123', url: 'https://example.com/image1.png', tryOn: true, localization: true },
            { id: 'image_124', url: 'https://example.com/image2.png', tryOn: true, localization: false },
          ],
        },
      ],
    },
  },
  'GET /v1/{brandId}/catalog/sync/{productId}': { params: { brandId: BRAND, productId: 'product_123' } },
  'POST /v1/{brandId}/webhook': { params: { brandId: BRAND }, request: { type: 'processing', url: 'https://example.com/webhook' } },
  'GET /v1/{brandId}/webhook': { params: { brandId: BRAND } },
  'DELETE /v1/{brandId}/webhook/{webhookId}': { params: { brandId: BRAND, webhookId: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E' } },
};

export const examples: OperationExamples = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, { ...v, responses: answers[k] ?? {} }]));
