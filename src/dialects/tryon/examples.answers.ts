/** What the server answers to examples.ts (captured from real answers; the contract test checks them). */
export const answers: Record<string, Record<number, unknown>> = {
  'POST /products': {
    '201': {
      externalId: 'tee-nested',
      name: 'Classic White T-Shirt',
      description: '100% cotton, regular fit',
      images: [
        {
          imageId: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
          source: {
            url: 'https://cdn.example/tee-front.jpg'
          },
          classifications: {
            category: 'tops',
            view: 'front'
          },
          status: 'pending',
          error: null,
          sha256: null,
          width: null,
          height: null,
          contentUrl: null
        }
      ],
      metadata: {
        season: 'SS25',
        sizes: [
          'S',
          'M',
          'L'
        ]
      },
      validForDays: 30,
      expiresAt: '2027-01-04T15:47:31.266Z',
      status: 'pending',
      createdAt: '2026-12-05T15:47:31.266Z',
      updatedAt: '2026-12-05T15:47:31.266Z'
    }
  },
  'GET /products': {
    '200': {
      products: [
        {
          externalId: 'product_123',
          name: 'Product 1',
          description: null,
          images: [
            {
              imageId: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7F',
              source: {
                url: 'https://example.com/image1.png'
              },
              classifications: null,
              status: 'pending',
              error: null,
              sha256: null,
              width: null,
              height: null,
              contentUrl: null
            },
            {
              imageId: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7G',
              source: {
                url: 'https://example.com/image2.png'
              },
              classifications: null,
              status: 'pending',
              error: null,
              sha256: null,
              width: null,
              height: null,
              contentUrl: null
            }
          ],
          metadata: null,
          validForDays: null,
          expiresAt: null,
          status: 'pending',
          createdAt: '2026-12-05T15:47:29.460Z',
          updatedAt: '2026-12-05T15:47:29.460Z'
        },
        {
          externalId: '380145e972ee',
          name: 'Classic White T-Shirt',
          description: null,
          images: [
            {
              imageId: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7H',
              source: {
                url: 'https://www.example.com/image.jpg'
              },
              classifications: null,
              status: 'pending',
              error: null,
              sha256: null,
              width: null,
              height: null,
              contentUrl: null
            }
          ],
          metadata: null,
          validForDays: null,
          expiresAt: null,
          status: 'pending',
          createdAt: '2026-12-05T15:47:30.111Z',
          updatedAt: '2026-12-05T15:47:30.111Z'
        },
        {
          externalId: 'PROD002',
          name: 'Coffee Grinder',
          description: null,
          images: [],
          metadata: null,
          validForDays: null,
          expiresAt: null,
          status: 'done',
          createdAt: '2026-12-05T15:47:30.754Z',
          updatedAt: '2026-12-05T15:47:30.754Z'
        },
        {
          externalId: 'tee-nested',
          name: 'Classic White T-Shirt',
          description: '100% cotton, regular fit',
          images: [
            {
              imageId: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
              source: {
                url: 'https://cdn.example/tee-front.jpg'
              },
              classifications: {
                category: 'tops',
                view: 'front'
              },
              status: 'pending',
              error: null,
              sha256: null,
              width: null,
              height: null,
              contentUrl: null
            }
          ],
          metadata: {
            season: 'SS25',
            sizes: [
              'S',
              'M',
              'L'
            ]
          },
          validForDays: 30,
          expiresAt: '2027-01-04T15:47:31.266Z',
          status: 'pending',
          createdAt: '2026-12-05T15:47:31.266Z',
          updatedAt: '2026-12-05T15:47:31.266Z'
        }
      ],
      nextCursor: null
    }
  },
  'GET /products/{externalId}': {
    '200': {
      externalId: 'tee-nested',
      name: 'Classic White T-Shirt',
      description: '100% cotton, regular fit',
      images: [
        {
          imageId: 'img_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
          source: {
            url: 'https://cdn.example/tee-front.jpg'
          },
          classifications: {
            category: 'tops',
            view: 'front'
          },
          status: 'pending',
          error: null,
          sha256: null,
          width: null,
          height: null,
          contentUrl: null
        }
      ],
      metadata: {
        season: 'SS25',
        sizes: [
          'S',
          'M',
          'L'
        ]
      },
      validForDays: 30,
      expiresAt: '2027-01-04T15:47:31.266Z',
      status: 'pending',
      createdAt: '2026-12-05T15:47:31.266Z',
      updatedAt: '2026-12-05T15:47:31.266Z'
    }
  }
};
