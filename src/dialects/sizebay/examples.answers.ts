/** What the server answers to examples.ts (captured from real answers; the contract test checks them). */
export const answers: Record<string, Record<number, unknown>> = {
  'POST /products': {
    '202': {
      productId: '380145e972ee',
      jobId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7E',
      status: 'accepted'
    }
  },
  'PATCH /products': {
    '200': {
      productId: '380145e972ee',
      jobId: 'job_01JD7Z8Q6V7N9K3M2X4B5C6D7F',
      status: 'updated'
    }
  }
};
