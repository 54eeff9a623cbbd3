/** What the server answers to examples.ts (captured from real answers; the contract test checks them). */
export const answers: Record<string, Record<number, unknown>> = {
  'POST /v1/{brandId}/catalog/sync': {
    '200': {
      success: true
    }
  },
  'GET /v1/{brandId}/catalog/sync/{productId}': {
    '200': {
      id: 'product_123',
      status: 'processing',
      images: [
        {
          id: 'image_123',
          product_id: 'product_123',
          status: 'processing'
        },
        {
          id: 'image_124',
          product_id: 'product_123',
          status: 'processing'
        }
      ]
    }
  },
  'POST /v1/{brandId}/webhook': {
    '200': {
      id: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E'
    }
  },
  'GET /v1/{brandId}/webhook': {
    '200': {
      webhooks: [
        {
          id: 'wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
          type: 'processing',
          url: 'https://example.com/webhook'
        }
      ]
    }
  },
  'DELETE /v1/{brandId}/webhook/{webhookId}': {
    '200': {
      success: true
    }
  }
};
