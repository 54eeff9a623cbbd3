/** What the server answers to examples.ts (captured from real answers; the contract test checks them). */
export const answers: Record<string, Record<number, unknown>> = {
  'POST /api/auth/login': {
    '200': {
      success: true,
      data: {
        token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0ZW5fMDFNOTNFNzRSUFFENDFOUFpFNDFRMU0xQVEiLCJraWQiOiJrZXlfMDFNOTNFNzRSWDJKMFo3RzJUWlBFMFZFTkQiLCJhdWQiOiJzaGVsZnN5bmM6Z2VzbWFydCIsImlhdCI6MTc5NjQ4NTY1MCwiZXhwIjoxNzk2NDg5MjUwfQ.9HnBEGboio3T6yViNcRE_yMtWWpRfzXIAtUkUKLSLp8',
        expiresIn: 3600
      }
    }
  },
  'POST /api/products/sync': {
    '200': {
      success: true,
      message: 'Product synchronized successfully',
      data: {
        productId: 3,
        reference: 'PROD001',
        presta_id: 3,
        syncId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
        operation: 'create',
        imagesProcessed: 0,
        technicalDataProcessed: 0
      }
    }
  },
  'GET /api/products/sync': {
    '200': {
      success: true,
      data: {
        syncId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
        reference: 'PROD001',
        status: 'completed',
        operation: 'create',
        startedAt: '2026-12-05T15:47:30.574Z',
        completedAt: '2026-12-05T15:47:30.574Z',
        duration: 0,
        productId: 3,
        presta_id: 3
      }
    }
  },
  'POST /api/products/sync/batch': {
    '200': {
      success: true,
      message: 'Batch synchronization completed',
      data: {
        syncId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7F',
        total: 2,
        successful: 1,
        failed: 1,
        results: [
          {
            reference: 'PROD001',
            success: false,
            error: 'A product with reference "PROD001" already exists',
            details: [
              {
                field: 'reference',
                message: 'A product with reference "PROD001" already exists'
              }
            ]
          },
          {
            reference: 'PROD002',
            success: true,
            productId: 4,
            presta_id: 4
          }
        ]
      }
    }
  },
  'POST /api/webhooks/gesmart/products': {
    '200': {
      success: true,
      message: 'Webhook received and processing started',
      data: {
        syncId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7G',
        reference: 'PROD001',
        queued: true
      }
    }
  },
  'DELETE /api/products/sync': {
    '200': {
      success: true,
      message: 'Product deleted successfully',
      data: {
        reference: 'PROD001',
        presta_id: 3,
        syncId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7H'
      }
    }
  }
};
