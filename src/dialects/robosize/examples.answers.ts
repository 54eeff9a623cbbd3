/** What the server answers to examples.ts (captured from real answers; the contract test checks them). */
export const answers: Record<string, Record<number, unknown>> = {
  'POST /api/v1/product/': {
    '201': {
      created: 1,
      id: '6'
    }
  },
  'GET /api/v1/product/': {
    '200': {
      count: 5,
      next: null,
      previous: null,
      results: [
        {
          id: '1',
          store_id: 'product_123',
          name: 'Product 1',
          status: 'active',
          brand: null,
          tags: [],
          fit_toughness: null,
          comment: null,
          image_md: null,
          available_sizes: null,
          size_chart: {},
          fabric: {},
          handle: 'product-1',
          type: null
        },
        {
          id: '2',
          store_id: '380145e972ee',
          name: 'Classic White T-Shirt',
          status: null,
          brand: 'Sizebay',
          tags: [],
          fit_toughness: null,
          comment: null,
          image_md: null,
          available_sizes: 'XS,S,M,L,XL',
          size_chart: {},
          fabric: {},
          handle: 'classic-white-t-shirt',
          type: null
        },
        {
          id: '4',
          store_id: 'PROD002',
          name: 'Coffee Grinder',
          status: 'active',
          brand: null,
          tags: [],
          fit_toughness: null,
          comment: null,
          image_md: null,
          available_sizes: null,
          size_chart: {},
          fabric: {},
          handle: 'coffee-grinder',
          type: null
        },
        {
          id: '5',
          store_id: 'tee-nested',
          name: 'Classic White T-Shirt',
          status: null,
          brand: null,
          tags: [],
          fit_toughness: null,
          comment: null,
          image_md: null,
          available_sizes: null,
          size_chart: {},
          fabric: {},
          handle: 'classic-white-t-shirt',
          type: null
        },
        {
          id: '6',
          store_id: '123456',
          name: 'Classic Tee',
          status: 'active',
          brand: null,
          tags: [
            {
              name: 'tag 1'
            },
            {
              name: 'tag 2'
            }
          ],
          fit_toughness: null,
          comment: null,
          image_md: null,
          available_sizes: null,
          size_chart: {},
          fabric: {},
          handle: 'classic-tee',
          type: 'top'
        }
      ]
    }
  },
  'PATCH /api/v1/product/': {
    '200': {
      message: 'Products updated'
    }
  }
};
